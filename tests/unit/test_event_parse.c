/* SPDX-License-Identifier: MIT */
/* test_event_parse.c: the event parsers of src/explain (XML with expat, and the three text forms)
 * on fixtures of each form: what each event's ID, source, time and values read as. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "explain_feed.h"

#define MAX_EVENTS 8

struct got {
    struct ex_event ev[MAX_EVENTS];
    size_t n;
};

static int collect(void *ctx, struct ex_event *ev)
{
    struct got *g = ctx;
    cr_assert_lt(g->n, MAX_EVENTS);
    g->ev[g->n++] = *ev;
    return 0;
}

/* Counts events and keeps the last one. */
static int collect_many(void *ctx, struct ex_event *ev)
{
    struct got *g = ctx;
    g->n++;
    g->ev[0] = *ev;
    return 0;
}

static int xml_line(void *state, const char *text, size_t len, size_t lineno)
{
    return ex_event_xml_line(state, text, len, lineno);
}

static int text_line(void *state, const char *text, size_t len, size_t lineno)
{
    return ex_event_text_line(state, text, len, lineno);
}

static struct got *read_xml(const char *fixture, int *status)
{
    static struct got g;
    memset(&g, 0, sizeof g);
    struct ex_event_xml *x = ex_event_xml_new(collect, &g);
    cr_assert_not_null(x);
    int rc = feed_fixture(fixture, xml_line, x);
    if (!rc)
        rc = ex_event_xml_finish(x);
    if (status)
        *status = rc;
    else
        cr_assert_eq(rc, 0, "%s: %s", fixture, ex_event_xml_error(x, NULL));
    ex_event_xml_free(x);
    return &g;
}

static struct got *read_text(const char *fixture)
{
    static struct got g;
    memset(&g, 0, sizeof g);
    struct ex_event_text *t = ex_event_text_new(collect, &g);
    cr_assert_not_null(t);
    int rc = feed_fixture(fixture, text_line, t);
    cr_assert_eq(rc, 0);
    cr_assert_eq(ex_event_text_finish(t), 0);
    ex_event_text_free(t);
    return &g;
}

static void assert_values(const struct ex_event *ev, size_t n, const char *const *want)
{
    cr_assert_eq(ev->nvalues, n, "event %u: %zu values, want %zu", ev->id, ev->nvalues, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_str_eq(ev->values[i], want[i], "value %zu", i + 1);
}

Test(event_xml, wevtutil_stream_one_data_with_the_list)
{
    struct got *g = read_xml("events/12290-wevtutil.xml", NULL);
    cr_assert_eq(g->n, 3);
    const struct ex_event *ev = &g->ev[1];
    cr_assert_eq(ev->id, 12290);
    cr_assert_str_eq(ev->provider, "Microsoft-Windows-Security-SPP");
    cr_assert_str_eq(ev->source, "KmsRequests");
    cr_assert_str_eq(ev->computer, "kms01.contoso.com");
    cr_assert_str_eq(ev->time, "2024-03-14T21:40:13.0040000Z");
    cr_assert_eq(ev->when, 1710452413); /* 2024-03-14 21:40:13 UTC */
    cr_assert_eq(ev->line, 3);
    static const char *const want[] = { "0xC004F06C", "25", "PC077.contoso.com",
        "9b1d4e2a-77c0-4f3e-8a51-6c0d2e9f4b37", "2024/3/15 3:10", "1", "2", "12000",
        "2de67392-b7a7-462a-b1ca-108dd189f588" };
    assert_values(ev, 9, want);
    cr_assert(ex_event_is_activation(ev));
}

Test(event_xml, saved_as_xml_one_data_per_value_and_rendering_info)
{
    struct got *g = read_xml("events/12290-saved.xml", NULL);
    cr_assert_eq(g->n, 2);
    cr_assert_eq(g->ev[0].id, 12290);
    cr_assert_eq(g->ev[0].nvalues, 9);
    cr_assert_str_eq(g->ev[0].values[0], "0xC004F038");
    cr_assert_str_eq(g->ev[0].values[2], "PC101.contoso.com");
    cr_assert_str_eq(g->ev[0].message, "An activation request has been processed.");
    cr_assert_eq(g->ev[1].id, 12294);
    static const char *const want[] = { "contoso.com" };
    assert_values(&g->ev[1], 1, want);
    cr_assert(ex_event_is_activation(&g->ev[1]));
}

Test(event_xml, toxml_two_values)
{
    struct got *g = read_xml("events/12293-toxml.xml", NULL);
    cr_assert_eq(g->n, 1);
    static const char *const want[] = { "0x80072338", "contoso.com" };
    assert_values(&g->ev[0], 2, want);
    cr_assert_str_eq(g->ev[0].source, "Software Protection Platform Service");
}

Test(event_xml, pretty_printed_inside_other_text)
{
    struct got *g = read_xml("events/12293-eventviewer-with-xml.txt", NULL);
    cr_assert_eq(g->n, 1);
    cr_assert_eq(g->ev[0].id, 12293);
    cr_assert_eq(g->ev[0].line, 15);
    static const char *const want[] = { "0x8007267C", "contoso.com" };
    assert_values(&g->ev[0], 2, want);
}

Test(event_xml, cut_before_its_data_reports_what_came_before_then_the_line)
{
    int rc;
    struct got *g = read_xml("events/cut-in-system.xml", &rc);
    cr_assert_eq(rc, EX_STATUS_MALFORMED);
    cr_assert_eq(g->n, 1, "the complete event before the cut is delivered");
    cr_assert_eq(g->ev[0].id, 12290);
    cr_assert_eq(g->ev[0].cut, 0);
}

/* Feeds lines to a fresh XML reader and finishes it; the status of the first that fails. */
static int read_lines(struct got *g, const char *const *lines, size_t n)
{
    memset(g, 0, sizeof *g);
    struct ex_event_xml *x = ex_event_xml_new(collect, g);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++)
        rc = ex_event_xml_line(x, lines[i], strlen(lines[i]), i + 1);
    if (!rc)
        rc = ex_event_xml_finish(x);
    ex_event_xml_free(x);
    return rc;
}

Test(event_xml, cut_inside_its_data_is_delivered_without_the_piece)
{
    /* truncated.xml's last event ends "...,2024/3/15 3:10,1,2,12" (its minutes cut): the event
     * is delivered, marked cut at its last line, and its fields stop at the last comma. */
    int rc;
    struct got *g = read_xml("events/truncated.xml", &rc);
    cr_assert_eq(rc, 0, "a paste cut inside an event's data is read, not malformed");
    cr_assert_eq(g->n, 2);
    cr_assert_eq(g->ev[0].cut, 0, "the whole event before it is not cut");
    cr_assert_eq(g->ev[1].id, 12290);
    cr_assert_eq(g->ev[1].cut, 3);
    cr_assert_eq(g->ev[1].nvalues, 7, "the 8th field (\"12\" of the minutes) is not read");
    cr_assert_str_eq(g->ev[1].values[6], "2");
}

Test(event_xml, cut_inside_a_list_of_lines_keeps_each_line)
{
    static const char *const lines[] = {
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>",
        "<System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>1003</EventID></System>",
        "<EventData><Data>55c92734-d682-4d71-983e-d6ec3f16059f</Data><Data>",
        "1: 22105925-48c3-4ff4-a294-f654bb27e390, 1, 0 [(0 [0xC004F014, 0, 0], [(?)])(1 )]",
        "2: 281c216a-5957-439b-adf2-aff4098a2bdd, 1, 0 [(0 [0xC004F014, 0, 0], [(?)])(1 )]",
    };
    struct got g;
    cr_assert_eq(read_lines(&g, lines, 5), 0);
    cr_assert_eq(g.n, 1);
    cr_assert_eq(g.ev[0].cut, 5);
    cr_assert_eq(g.ev[0].nvalues, 2);
    cr_assert_not_null(strstr(g.ev[0].values[1], "2: 281c216a"), "%s", g.ev[0].values[1]);
}

Test(event_xml, cut_before_any_whole_value_is_malformed)
{
    /* An ID but no value read whole (a single value cut: "0xC004F0" is no code), or the
     * System part alone: nothing to judge, the XML is reported as broken. */
    static const char *const one_value[] = {
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>",
        "<System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>8198</EventID></System>",
        "<EventData><Data>hr=0xC004F0",
    };
    struct got g;
    cr_assert_eq(read_lines(&g, one_value, 3), EX_STATUS_MALFORMED);
    cr_assert_eq(g.n, 0);
    cr_assert_eq(read_lines(&g, one_value, 2), EX_STATUS_MALFORMED);
    cr_assert_eq(g.n, 0);
}

Test(event_xml, malformed_names_expat_message_and_line)
{
    struct got g = { 0 };
    struct ex_event_xml *x = ex_event_xml_new(collect, &g);
    const char *lines[] = { "text before", "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>",
                            "<System><EventID>12290</EventID></System>", "<EventData><Data>0x0</Dat></EventData>" };
    int rc = 0;
    for (size_t i = 0; i < 4 && !rc; i++)
        rc = ex_event_xml_line(x, lines[i], strlen(lines[i]), i + 1);
    cr_assert_eq(rc, EX_STATUS_MALFORMED);
    size_t line = 0;
    const char *msg = ex_event_xml_error(x, &line);
    cr_assert_not_null(msg);
    cr_assert_str_eq(msg, "mismatched tag");
    cr_assert_eq(line, 4);
    ex_event_xml_free(x);
}

Test(event_xml, text_after_the_stream_ends_it_cleanly)
{
    struct got g = { 0 };
    struct ex_event_xml *x = ex_event_xml_new(collect, &g);
    const char *lines[] = { "<Event><System><EventID>12294</EventID></System></Event>",
                            "", "Some later text < with a bracket", "<Event><System><EventID>12292</EventID></System></Event>" };
    for (size_t i = 0; i < 4; i++)
        cr_assert_eq(ex_event_xml_line(x, lines[i], strlen(lines[i]), i + 1), 0, "line %zu", i + 1);
    cr_assert_eq(ex_event_xml_finish(x), 0);
    cr_assert_eq(g.n, 2);
    cr_assert_eq(g.ev[1].id, 12292);
    cr_assert_eq(g.ev[1].line, 4);
    ex_event_xml_free(x);
}

Test(event_xml, a_doctype_is_refused_not_expanded)
{
    struct got g = { 0 };
    struct ex_event_xml *x = ex_event_xml_new(collect, &g);
    const char *lines[] = { "<?xml version='1.0'?>", "<Events>", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>" };
    int rc = 0;
    for (size_t i = 0; i < 3 && !rc; i++)
        rc = ex_event_xml_line(x, lines[i], strlen(lines[i]), i + 1);
    cr_assert_eq(rc, EX_STATUS_MALFORMED);
    ex_event_xml_free(x);
}

Test(event_text, event_viewer_copy_details)
{
    struct got *g = read_text("events/12288-eventviewer.txt");
    cr_assert_eq(g->n, 1);
    const struct ex_event *ev = &g->ev[0];
    cr_assert_eq(ev->id, 12288);
    cr_assert_eq(ev->line, 1);
    cr_assert_str_eq(ev->computer, "PC042.contoso.com");
    cr_assert_str_eq(ev->message,
                     "The client has sent an activation request to the key management service machine.");
    cr_assert_eq(ev->when, 1710407564); /* 2024-03-14 09:12:44 */
    static const char *const want[] = { "0x800706BA", "0x00000000", "kms01.contoso.com:1688",
        "3c2a1f60-5d7e-4b8a-9c1e-2f4b6a8d0e11", "2024/3/14 9:12", "0", "2", "43200",
        "2de67392-b7a7-462a-b1ca-108dd189f588", "25" };
    assert_values(ev, 10, want);
}

Test(event_text, format_list_wrapped_inside_a_number)
{
    struct got *g = read_text("events/12289-formatlist.txt");
    cr_assert_eq(g->n, 1);
    const struct ex_event *ev = &g->ev[0];
    cr_assert_eq(ev->id, 12289);
    cr_assert_str_eq(ev->provider, "Microsoft-Windows-Security-SPP");
    static const char *const want[] = { "0xC004F038", "0x04000000", "0", "0", "4", "120", "10080",
        "2024/3/14 9:12" };
    assert_values(ev, 8, want);
}

Test(event_text, format_list_star_message_first_guid_wrapped)
{
    struct got *g = read_text("events/12288-formatlist-star.txt");
    cr_assert_eq(g->n, 1);
    const struct ex_event *ev = &g->ev[0];
    cr_assert_eq(ev->id, 12288);
    cr_assert_str_eq(ev->computer, "PC077.contoso.com");
    cr_assert_eq(ev->nvalues, 10);
    cr_assert_str_eq(ev->values[3], "9b1d4e2a-77c0-4f3e-8a51-6c0d2e9f4b37");
    cr_assert_str_eq(ev->values[8], "2de67392-b7a7-462a-b1ca-108dd189f588");
    cr_assert_eq(ev->when, 1710452412); /* 14.03.2024 21:40:12, day first */
}

Test(event_text, wevtutil_text_two_events)
{
    struct got *g = read_text("events/12290-wevtutil.txt");
    cr_assert_eq(g->n, 2);
    cr_assert_eq(g->ev[0].line, 2);
    cr_assert_eq(g->ev[1].line, 19);
    cr_assert_str_eq(g->ev[1].values[0], "0xC004F06C");
    cr_assert_str_eq(g->ev[1].values[2], "PC077.contoso.com");
    cr_assert_eq(g->ev[1].when, 1710452413);
}

Test(event_text, eventviewer_with_xml_marks_the_copy)
{
    struct got *g = read_text("events/12293-eventviewer-with-xml.txt");
    cr_assert_eq(g->n, 1);
    cr_assert(g->ev[0].xml_follows);
    static const char *const want[] = { "0x8007267C", "contoso.com" };
    assert_values(&g->ev[0], 2, want);
}

Test(event_text, vss_events_with_the_same_ids_are_not_ours)
{
    struct got *g = read_text("events/vss-12289.txt");
    cr_assert_eq(g->n, 2);
    cr_assert_eq(g->ev[0].id, 12289);
    cr_assert_not(ex_event_is_activation(&g->ev[0]));
    cr_assert_not(ex_event_is_activation(&g->ev[1]));
}

Test(event_text, slui_8198_and_status_check_1003)
{
    struct got *g = read_text("events/8198-eventviewer.txt");
    cr_assert_eq(g->n, 1);
    cr_assert_eq(g->ev[0].id, 8198);
    cr_assert(strstr(g->ev[0].values[0], "hr=0x8007232B"));
    g = read_text("events/1003-formatlist.txt");
    cr_assert_eq(g->n, 1);
    cr_assert_eq(g->ev[0].id, 1003);
    cr_assert(strstr(g->ev[0].values[0], "Application Id=55c92734"));
}

Test(event, dates_as_windows_writes_them)
{
    cr_assert_eq(ex_event_parse_time("2024-03-14T21:40:13.0040000Z"), 1710452413);
    cr_assert_eq(ex_event_parse_time("2024/3/14 21:40"), 1710452400);
    cr_assert_eq(ex_event_parse_time("3/14/2024 9:40:13 PM"), 1710452413);
    cr_assert_eq(ex_event_parse_time("3/14/2024 12:05:00 AM"), 1710374700);
    cr_assert_eq(ex_event_parse_time("14.03.2024 21:40:13"), 1710452413);
    cr_assert_eq(ex_event_parse_time("1601/1/1"), -11644473600);
    cr_assert_eq(ex_event_parse_time("N/A"), EX_EVENT_TIME_NONE);
    cr_assert_eq(ex_event_parse_time("13/13/2024"), EX_EVENT_TIME_NONE);
    /* The ISO form is read by a shortcut: what follows the seconds sends it the general way. */
    cr_assert_eq(ex_event_parse_time("2024-03-14T21:40:13Z"), 1710452413);
    cr_assert_eq(ex_event_parse_time("2024-03-14T21:40:13"), 1710452413);
    cr_assert_eq(ex_event_parse_time("2024-03-14T09:40:13 PM"), 1710452413);
    cr_assert_eq(ex_event_parse_time("2024-03-14T21:40:13.5+02:00"), 1710452413);
    cr_assert_eq(ex_event_parse_time("2024-13-14T21:40:13Z"), EX_EVENT_TIME_NONE);
    cr_assert_eq(ex_event_parse_time("2024-03-14T24:40:13Z"), EX_EVENT_TIME_NONE);
    cr_assert_eq(ex_event_parse_time("1600-03-14T21:40:13Z"), EX_EVENT_TIME_NONE);
}

/* Counts and states are read by a direct scan; anything but plain digits within the bound is
 * refused, so the callers' strtol path still reads it. */
Test(event, plain_decimals)
{
    unsigned long v = 7;
    cr_assert(ex_event_decimal("12290", 65535, &v) && v == 12290);
    cr_assert(ex_event_decimal("0", 1, &v) && v == 0);
    cr_assert(ex_event_decimal("65535", 65535, &v) && v == 65535);
    cr_assert_not(ex_event_decimal("65536", 65535, &v));
    cr_assert_not(ex_event_decimal("99999999999999999999999", (unsigned long)-1, &v));
    cr_assert_not(ex_event_decimal("", 10, &v));
    cr_assert_not(ex_event_decimal(" 1", 10, &v));
    cr_assert_not(ex_event_decimal("+1", 10, &v));
    cr_assert_not(ex_event_decimal("1 ", 10, &v));
    cr_assert_not(ex_event_decimal("0x1", 10, &v));
}

Test(event, activation_source_check)
{
    struct ex_event ev;
    ex_event_clear(&ev);
    ev.id = 12289;
    (void)ex_event_add_value(&ev, "0x0", 3);
    cr_assert(ex_event_is_activation(&ev), "no provider: the HRESULT shape vouches");
    strcpy(ev.provider, "VSS");
    cr_assert_not(ex_event_is_activation(&ev));
    strcpy(ev.provider, "Microsoft-Windows-Security-Licensing-SLC");
    cr_assert(ex_event_is_activation(&ev));
    /* Another ID is the service's own event when its source says so (1014 "Acquisition of End
     * User License failed. hr=..."); without a source, nothing vouches for it. */
    ev.id = 1014;
    cr_assert(ex_event_is_activation(&ev));
    cr_assert_not(ex_event_id_explained(ev.id));
    strcpy(ev.provider, "VSS");
    cr_assert_not(ex_event_is_activation(&ev));
    ev.provider[0] = '\0';
    cr_assert_not(ex_event_is_activation(&ev));
}

Test(event_xml, a_stream_on_one_line_in_small_pieces)
{
    /* wevtutil without line ends: the whole export is one line, handed over in pieces. */
    static char line[8192];
    size_t len = 0;
    for (int i = 0; i < 20; i++)
        len += (size_t)snprintf(line + len, sizeof line - len,
                                "<Event><System><Provider Name='Security-SPP'/><EventID>12290</EventID>"
                                "</System><EventData><Data>0x0,25,PC%d,cmid,t,0,1,1,act</Data>"
                                "</EventData></Event>", i);
    struct got g = { 0 };
    struct ex_event_xml *x = ex_event_xml_new(collect_many, &g);
    for (size_t off = 0; off < len; off += 7) {
        size_t n = len - off < 7 ? len - off : 7;
        cr_assert_eq(ex_event_xml_piece(x, line + off, n, 1, off == 0, off + n == len), 0);
    }
    cr_assert_eq(ex_event_xml_finish(x), 0);
    cr_assert_eq(g.n, 20);
    cr_assert_str_eq(g.ev[0].values[2], "PC19");
    ex_event_xml_free(x);
}
