/* SPDX-License-Identifier: MIT */
/* evtx_records.c: test helper: every record of an .evtx file as src/explain reads it (libevtx
 * through evtx.c, then the XML event parser), one line each, so that tests can hold it against
 * independent parsers. Reads the file from standard input in pieces of argv[1] bytes (default
 * 65536), to show that where the pieces end does not matter.
 * With argv[2] "fields", every record is read from libevtx's record fields instead (evtx.h's
 * event_fn, taking every record), the way explain takes a healthy 12290 without its XML.
 * Output, tab-separated: EventRecordID (as the XML says; as libevtx gives it with "fields"),
 * EventID, provider (with "fields": the source name libevtx gives, EventSourceName or else the
 * provider's Name), computer, seconds since 1970, how many data values, the values joined by
 * '|' (line ends and tabs as \n and \t); then "error: ..." on standard error and exit 2 when
 * damaged. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "evtx.h"

static char record_id[32]; /* of the record being parsed, from its XML */

static void put_escaped(const char *s)
{
    for (; *s; s++)
        if (*s == '\n' || *s == '\t' || *s == '\\')
            printf("\\%c", *s == '\n' ? 'n' : *s == '\t' ? 't' : '\\');
        else
            putchar(*s);
}

static void print_event(const char *id, const char *provider, const struct ex_event *ev)
{
    printf("%s\t%u\t%s\t%s\t%lld\t%zu\t", id, ev->id, provider, ev->computer,
           ev->when == EX_EVENT_TIME_NONE ? -1LL : (long long)ev->when, ev->nvalues);
    for (size_t i = 0; i < ev->nvalues; i++) {
        fputs(i ? "|" : "", stdout);
        put_escaped(ev->values[i]);
    }
    putchar('\n');
}

static int on_event(void *ctx, struct ex_event *ev)
{
    (void)ctx;
    print_event(record_id, ev->provider, ev);
    return 0;
}

/* A record from its fields, its list split as the XML reader splits it at the event's end. */
static int on_fields(void *ctx, struct ex_event *ev, bool complete)
{
    char id[32];
    (void)ctx;
    if (!complete)
        return 0;
    ex_event_split_list(ev);
    snprintf(id, sizeof id, "%zu", ev->line);
    print_event(id, ev->source, ev);
    return 0;
}

static int on_record(void *ctx, const char *xml, size_t len, uint64_t id)
{
    const char *at = strstr(xml, "<EventRecordID>");
    size_t n = at ? strspn(at + 15, "0123456789") : 0;
    snprintf(record_id, sizeof record_id, "%.*s", (int)(n < 20 ? n : 20), at ? at + 15 : "");
    return ex_event_xml_piece(ctx, xml, len, (size_t)id, true, true);
}

int main(int argc, char **argv)
{
    size_t piece = argc > 1 ? strtoul(argv[1], NULL, 10) : 65536;
    struct ex_event_xml *x = ex_event_xml_new(on_event, NULL);
    bool fields = argc > 2 && strcmp(argv[2], "fields") == 0;
    struct ex_evtx *v = ex_evtx_new(on_record, fields ? on_fields : NULL, x);
    static unsigned char buf[1 << 20];
    if (!x || !v || piece == 0 || piece > sizeof buf)
        return 3;
    size_t got;
    int rc = 0;
    while (!rc && (got = fread(buf, 1, piece, stdin)) > 0)
        rc = ex_evtx_feed(v, buf, got);
    if (!rc)
        rc = ex_evtx_finish(v);
    int xml_rc = ex_event_xml_finish(x);
    size_t records = 0;
    const char *why = ex_evtx_error(v, &records);
    if (rc || xml_rc)
        fprintf(stderr, "error: %s (%zu records)\n",
                why ? why : ex_event_xml_error(x, NULL) ? ex_event_xml_error(x, NULL) : "?",
                records);
    ex_evtx_free(v);
    ex_event_xml_free(x);
    return rc || xml_rc ? 2 : 0;
}
