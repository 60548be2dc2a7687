/* SPDX-License-Identifier: MIT */
/* event_reader.c: the "events" reader: both event parsers (text and XML) over the same lines,
 * one record per activation event, and the KMS host report at the end. One reader rather than
 * three, so that a million-event export is parsed once and feeds both the records and the report. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"

struct events_state {
    ex_sink_fn sink;
    void *ctx;
    struct ex_event_xml *xml;
    struct ex_event_text *text;
    struct ex_kms_report *report;
    unsigned skip_xml_id; /* a text event announced its XML copy: this ID, once */
    bool mid_line;        /* piece(): the current line has begun */
    char title[EX_EVENT_NAME_MAX + 32];
    struct ex_finding findings[EX_REPORT_MAX_FINDINGS]; /* last: create() leaves it unzeroed */
};
_Static_assert(offsetof(struct events_state, findings) +
                       EX_REPORT_MAX_FINDINGS * sizeof(struct ex_finding) ==
                   sizeof(struct events_state),
               "findings is the last member");

static int on_event(struct events_state *s, const struct ex_event *ev)
{
    if (!ex_kms_report_add(s->report, ev))
        return EX_STATUS_NOMEM;
    /* A host logs one 12290 per request: the healthy ones are the report's to sum up, so that
     * a year's log shows its problems rather than a million lines of "answered". */
    if (ev->id == 12290 && ex_event_severity(ev) == EX_OK)
        return 0;
    size_t n = ex_event_findings(ev, s->findings, EX_EVENT_MAX_FINDINGS);
    /* An event of the service no rule reads is printed only when it reports a failure: a log
     * holds thousands of its routine ones (1066, 8230, 16394). */
    bool worse = false;
    for (size_t i = 0; i < n; i++)
        worse |= s->findings[i].severity > EX_OK;
    if (!ex_event_id_explained(ev->id) && !worse)
        return 0;
    ex_format(s->title, sizeof s->title, "event %u%s%s", ev->id, ev->computer[0] ? " from " : "",
              ev->computer);
    struct ex_record rec = { .kind = "event", .line = ev->line, .findings = s->findings,
                             .nfindings = n, .title = s->title };
    return s->sink(s->ctx, &rec) ? EX_STATUS_STOPPED : 0;
}

static int on_text_event(void *ctx, struct ex_event *ev)
{
    struct events_state *s = ctx;
    if (!ex_event_is_activation(ev))
        return 0;
    s->skip_xml_id = ev->xml_follows ? ev->id : 0;
    return on_event(s, ev);
}

static int on_xml_event(void *ctx, struct ex_event *ev)
{
    struct events_state *s = ctx;
    unsigned skip = s->skip_xml_id;
    s->skip_xml_id = 0;
    if (!ex_event_is_activation(ev) || ev->id == skip)
        return 0;
    return on_event(s, ev);
}

/* An .evtx record read from libevtx's fields (evtx.h). Taken only when it leaves nothing to
 * print: a healthy 12290 from the licensing service, which the report counts, with its fields
 * as Windows writes them, one comma-separated value (libevtx's values also hold a <Binary>
 * element's data, which the XML reader does not read: a second value, or a first without
 * commas, is left to the XML). Any other event is printed with its provider and time as its
 * XML has them, which the fields do not give (EventSourceName stands in for the provider's
 * Name; before libevtx 20190618, the time the record was written for TimeCreated): it is read
 * from its XML, as through a pipe. */
static int on_record_event(void *state, struct ex_event *ev, bool complete)
{
    struct events_state *s = state;
    if (ev->id != 12290)
        return EX_WANT_XML;
    if (!complete)
        return 0;
    if (ev->nvalues != 1 || !strchr(ev->values[0], ','))
        return EX_WANT_XML;
    ex_event_split_list(ev);
    if (!ex_event_is_activation(ev) || ex_event_severity(ev) != EX_OK)
        return EX_WANT_XML;
    s->skip_xml_id = 0;
    return on_event(s, ev);
}

static void destroy(void *state)
{
    struct events_state *s = state;
    if (!s)
        return;
    ex_event_xml_free(s->xml);
    ex_event_text_free(s->text);
    ex_kms_report_free(s->report);
    free(s);
}

static void *create(ex_sink_fn sink, void *ctx)
{
    /* Not calloc: findings[] (the last member, most of the size) is written before a record
     * reads it; zeroing it touched pages that a paste without events never needs. */
    struct events_state *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    memset(s, 0, offsetof(struct events_state, findings));
    s->sink = sink;
    s->ctx = ctx;
    s->xml = ex_event_xml_new(on_xml_event, s);
    s->text = ex_event_text_new(on_text_event, s);
    s->report = ex_kms_report_new();
    if (!s->xml || !s->text || !s->report) {
        destroy(s);
        return NULL;
    }
    return s;
}

/* Every line whole, in pieces: the text parser reads the first piece of each (labels and
 * values are short), the XML parser every byte. */
static int piece(void *state, const char *text, size_t len, size_t lineno, int ends_line)
{
    struct events_state *s = state;
    bool starts = !s->mid_line;
    s->mid_line = !ends_line;
    /* A line inside an open XML document is not event text either. */
    int rc = starts && !ex_event_xml_claims(s->xml, text, len)
                 ? ex_event_text_line(s->text, text, len, lineno)
                 : 0;
    return rc ? rc : ex_event_xml_piece(s->xml, text, len, lineno, starts, ends_line);
}

static bool claims(void *state, const char *text, size_t len)
{
    struct events_state *s = state;
    return ex_event_xml_claims(s->xml, text, len) || ex_event_text_claims(s->text, text, len);
}

static int line(void *state, const char *text, size_t len, size_t lineno)
{
    return piece(state, text, len, lineno, 1);
}

static int finish(void *state)
{
    struct events_state *s = state;
    int rc = ex_event_text_finish(s->text);
    int xml_rc = rc ? 0 : ex_event_xml_finish(s->xml);
    if (rc == 0 && (xml_rc == 0 || xml_rc == EX_STATUS_MALFORMED) &&
        ex_kms_report_events(s->report) > 0) {
        size_t n = ex_kms_report_findings(s->report, s->findings, EX_REPORT_MAX_FINDINGS);
        ex_format(s->title, sizeof s->title, "KMS host %s", ex_kms_report_host(s->report));
        struct ex_record rec = { .kind = "kms-host-report",
                                 .line = ex_kms_report_line(s->report), .findings = s->findings,
                                 .nfindings = n, .title = s->title };
        if (s->sink(s->ctx, &rec))
            return EX_STATUS_STOPPED;
    }
    return rc ? rc : xml_rc;
}

static const char *error_detail(void *state, size_t *lineno)
{
    struct events_state *s = state;
    return ex_event_xml_error(s->xml, lineno);
}

const struct ex_reader_ops ex_reader_events = {
    .name = "events",
    .create = create,
    .line = line,
    .finish = finish,
    .destroy = destroy,
    .error_detail = error_detail,
    .piece = piece,
    .claims = claims,
    .event = on_record_event,
};
