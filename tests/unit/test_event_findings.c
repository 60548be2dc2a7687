/* SPDX-License-Identifier: MIT */
/* test_event_findings.c: the condition table of event_findings.c row by row (each row's catalog
 * references exist; each row fires on an event built for it), and the "events" reader's records
 * for every fixture form. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <inttypes.h>
#include <string.h>

#include <slerr.h>

#include "event.h"
#include "event_list.h"
#include "explain_feed.h"

static bool reference_exists(const char *see)
{
    static const struct { const char *prefix; enum slerr_kind kind; } kinds[] = {
        { "event:", SLERR_KIND_EVENT }, { "symptom:", SLERR_KIND_SYMPTOM },
        { "setting:", SLERR_KIND_SETTING },
    };
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(kinds[i].prefix);
        if (strncmp(see, kinds[i].prefix, n) == 0)
            return slerr_lookup_name(kinds[i].kind, see + n) != NULL;
    }
    return false;
}

Test(event_rules, every_reference_is_in_the_catalog)
{
    cr_assert_gt(ex_event_rule_count(), 20);
    for (size_t i = 0; i < ex_event_rule_count(); i++) {
        const struct ex_event_rule *e = ex_event_rule_at(i);
        const struct ex_row *r = &e->row;
        for (size_t c = 0; c < 2; c++)
            if (r->codes[c])
                cr_assert_not_null(slerr_lookup(r->codes[c]), "%s: 0x%08" PRIX32, r->name, r->codes[c]);
        for (size_t s = 0; s < 3 && r->see[s]; s++)
            cr_assert(reference_exists(r->see[s]), "%s: %s", r->name, r->see[s]);
        if (e->id)
            cr_assert(e->id == 1003 || slerr_lookup_event(e->id), "%s: event %u", r->name, e->id);
    }
    cr_assert_null(ex_event_rule_at(ex_event_rule_count()));
}

/* One row per case: an event (ID and comma list) and the finding it must produce. */
struct row {
    unsigned id;
    char list[512];
    char rule[32];  /* the row of event_findings.c that must fire */
    char field[24];
    enum ex_severity severity;
    uint32_t code; /* a code the finding must carry, 0: none required */
    char see[48];  /* a reference it must carry, "" none required */
};

static const struct ex_finding *find_rule(const struct ex_finding *f, size_t n, const char *rule)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].rule, rule) == 0)
            return &f[i];
    return NULL;
}

static const struct ex_finding *find(const struct ex_finding *f, size_t n, const char *field)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(f[i].field, field) == 0)
            return &f[i];
    return NULL;
}

static void check_row(const struct row *r)
{
    struct ex_event ev;
    ex_event_clear(&ev);
    ev.id = r->id;
    strcpy(ev.provider, "Microsoft-Windows-Security-SPP");
    /* One value per comma-separated part, as the parsers deliver them; 1003 and 12308 write
     * commas inside their values, so their cases separate values with '|'. */
    const char *sep = r->id == 1003 || r->id == 12308 ? "|" : ",";
    for (const char *p = r->list;;) {
        size_t len = strcspn(p, sep);
        (void)ex_event_add_value(&ev, p, len);
        if (!p[len])
            break;
        p += len + 1;
    }
    struct ex_finding out[EX_EVENT_MAX_FINDINGS];
    size_t n = ex_event_findings(&ev, out, EX_EVENT_MAX_FINDINGS);
    cr_assert_geq(n, 1);
    cr_assert_str_eq(out[0].field, "event");
    const struct ex_finding *f = find_rule(out, n, r->rule);
    cr_assert_not_null(f, "%u %s: no %s finding", r->id, r->list, r->rule);
    cr_assert_str_eq(f->field, r->field, "%s", r->rule);
    cr_assert_eq(f->severity, r->severity, "%u %s: %s severity %d", r->id, r->list, r->field,
                 f->severity);
    if (r->code) {
        bool has = false;
        for (size_t i = 0; i < f->ncodes; i++)
            has |= f->codes[i] == r->code;
        cr_assert(has, "%u %s: %s lacks 0x%08" PRIX32, r->id, r->list, r->field, r->code);
    }
    if (r->see[0]) {
        bool has = false;
        for (size_t i = 0; i < f->nsee; i++)
            has |= strcmp(f->see[i], r->see) == 0;
        cr_assert(has, "%u: %s lacks %s", r->id, r->field, r->see);
    }
    cr_assert_gt(strlen(f->text), 10);
}

/* Entries of event 1003's licence status list, in the forms real events show: no product key;
 * the licence in use, granted; the licence in use failing (store damaged, grace ended); the
 * licence in use checked but not granted yet. */
#define LIC_UNUSED(n) n ": 2077f0b2-b2e2-43c5-a3b2-2079d527f56a, 1, 0 [(0 [0xC004F014, 0, 0], [(?)(?)(?)(?)(?)(?)])(1 )(2 )]"
#define LIC_OK(n) n ": bfb30674-7c9a-4624-9309-9914cfd5b05c, 1, 1 [(0 [0x00000000, 1, 0], [(?)(?)( 1 0x00000000 3 0 msft:rm/algorithm/hwid/4.0 0x00000000 0)( 7 0x00000000 2010/06/01)(?)(?)])(1 )(2 )]"
#define LIC_FAILED(n) n ": 21c56779-b449-4d20-adfc-eece0e1ad74b, 1, 1 [(0 [0xC004E002, 0, 0], [(?)(?)(?)(?)(?)(?)(?)(?)])(1 )(2 )(3 [0x00000000, 0, 0], [( 6 0xC004F009 0 0)( 1 0x00000000)])]"
#define LIC_GRACE(n) n ": 2de67392-b7a7-462a-b1ca-108dd189f588, 1, 1 [(0 [0x00000000, 0, 0], [(?)(?)(?)(?)])(1 )(2 )]"

#define L12288(r, st, min) r ",0x0,kms01.contoso.com:1688,3c2a1f60-5d7e-4b8a-9c1e-2f4b6a8d0e11,2024/3/14 9:12,0," st "," min ",2de67392-b7a7-462a-b1ca-108dd189f588,25"
#define L12290(r, st, min) r ",25,PC1.contoso.com,3c2a1f60-5d7e-4b8a-9c1e-2f4b6a8d0e11,2024/3/14 9:12,0," st "," min ",2de67392-b7a7-462a-b1ca-108dd189f588"

static struct row rows[] = {
    { 12288, L12288("0x0", "1", "259000"), "12288-sent", "result", EX_OK, 0, "" },
    { 12288, L12288("0xC004F06C", "2", "40000"), "12288-failed", "result", EX_CRITICAL, 0xC004F06C, "" },
    { 12288, L12288("0x800706BA", "2", "40000"), "12288-failed", "result", EX_CRITICAL, 0x800706BA, "symptom:kms-client-will-not-activate" },
    { 12288, L12288("0x800706BA", "2", "40000"), "12288-host", "kms-host", EX_NOTE, 0, "setting:KeyManagementServiceName" },
    { 12288, L12288("0x0", "1", "259000"), "12288-host-sent", "kms-host", EX_OK, 0, "setting:KeyManagementServiceName" },
    { 12288, "0x0,0x04000000,kms01:1688,x,t,0,2,1,a,25", "12288-flags", "status-flags", EX_WARNING, 0, "" },
    { 12289, "0x0,0x0,1,0,30,120,10080,2024/3/14 9:12", "12289-activated", "result", EX_OK, 0, "" },
    { 12289, "0x0,0x0,1,0,30,120,10080,2024/3/14 9:12", "12289-count-enough", "kms-count", EX_OK, 0, "" },
    { 12289, "0xC004F038,0x04000000,0,0,4,120,10080,t", "12289-refused", "result", EX_CRITICAL, 0xC004F038, "" },
    { 12289, "0xC004F038,0x04000000,0,0,4,120,10080,t", "12289-flag-count", "status-flags", EX_WARNING, 0xC004F038, "" },
    { 12289, "0xC004F038,0x04000000,0,0,4,120,10080,t", "12289-count-below-5", "kms-count", EX_WARNING, 0xC004F038, "symptom:kms-count-not-increasing" },
    { 12289, "0xC004F038,0x0,0,0,12,120,10080,t", "12289-count-below-25", "kms-count", EX_NOTE, 0xC004F038, "" },
    { 12289, "0x0,0x0,1,0,-1,120,10080,t", "12289-count-unreadable", "kms-count", EX_NOTE, 0, "" },
{ 12289, "0x0,0x0,1,0,999999999999999999999999999999,120,10080,t", "12289-count-unreadable", "kms-count", EX_NOTE, 0, "" },
{ 12289, "0x0,0x0,1,0,30,60,10080,t", "12289-retry-interval", "intervals", EX_NOTE, 0, "setting:VLActivationInterval" },
    { 12289, "0x0,0x0,1,0,30,120,2880,t", "12289-renewal-interval", "intervals", EX_NOTE, 0, "setting:VLRenewalInterval" },
    { 12290, L12290("0x0", "1", "259000"), "12290-answered", "result", EX_OK, 0, "" },
    { 12290, L12290("0x0", "1", "259000"), "12290-client", "client", EX_OK, 0, "symptom:kms-count-not-increasing" },
    { 12290, L12290("0xC004F06C", "2", "4000"), "12290-clock-skew", "result", EX_CRITICAL, 0xC004F06C, "event:12288" },
    { 12290, L12290("0xC004F042", "2", "4000"), "12290-refused", "result", EX_CRITICAL, 0xC004F042, "" },
    { 12290, L12290("0x0", "0", "0"), "state-unlicensed", "license-state", EX_WARNING, 0, "" },
    { 12290, L12290("0x0", "1", "259000"), "state-activated", "license-state", EX_OK, 0, "" },
    { 12290, L12290("0x0", "1", "150000"), "state-missed-renewals", "license-state", EX_NOTE, 0, "setting:VLRenewalInterval" },
    { 12290, L12290("0x0", "1", "20000"), "state-running-out", "license-state", EX_WARNING, 0xC004F074, "" },
    { 12288, L12288("0x800706BA", "2", "40000"), "state-grace", "license-state", EX_NOTE, 0, "" },
    { 12288, L12288("0x0", "2", "40000"), "state-grace-asking", "license-state", EX_OK, 0, "" },
    { 12290, L12290("0x0", "6", "40000"), "state-grace-asking", "license-state", EX_OK, 0, "" },
    { 12288, L12288("0x0", "3", "40000"), "state-oot-grace", "license-state", EX_WARNING, 0, "" },
    { 12288, L12288("0x0", "4", "40000"), "state-non-genuine", "license-state", EX_CRITICAL, 0, "symptom:recover-from-non-genuine" },
    { 12288, L12288("0x0", "5", "0"), "state-notification", "license-state", EX_CRITICAL, 0, "symptom:recover-from-rfm" },
    { 12288, L12288("0xC004F06C", "6", "40000"), "state-grace", "license-state", EX_NOTE, 0, "" },
    { 12291, "0x80070005", "12291-timer", "result", EX_WARNING, 0x80070005, "setting:VLRenewalInterval" },
    { 12292, "0x80070005", "12292-timer", "result", EX_WARNING, 0x80070005, "event:12291" },
    { 12293, "0x8007267C,contoso.com", "12293-failed", "result", EX_CRITICAL, 0x8007267C, "setting:DisableDnsPublishing" },
    { 12293, "0x80072338,contoso.com", "12293-not-owner", "result", EX_CRITICAL, 0x80072338, "symptom:only-first-kms-host-publishes" },
    { 12293, "0x8007267C,contoso.com", "12293-domain", "dns-domain", EX_NOTE, 0, "" },
    { 12294, "contoso.com", "12294-published", "dns-domain", EX_OK, 0, "setting:DnsDomainPublishList" },
    { 8198, "hr=0xC004F074", "8198-failed", "result", EX_CRITICAL, 0xC004F074, "symptom:kms-client-will-not-activate" },
    { 8209, "0xC004F200", "8209-not-genuine", "result", EX_CRITICAL, 0xC004F200, "symptom:recover-from-non-genuine" },
    { 8200, "hr=0x80072EE7", "8200-acquisition-failed", "result", EX_WARNING, 0x80072EE7, "event:8208" },
    { 8208, "hr=0x80072EE7", "8208-genuine-ticket-failed", "result", EX_WARNING, 0x80072EE7, "event:8200" },
    { 16384, "2125-01-24T09:08:26Z", "16384-restart-scheduled", "event", EX_OK, 0, "event:16385" },
    { 16385, "2121-02-23T10:00:00Z,0x80070005", "16385-restart-not-scheduled", "result", EX_WARNING, 0x80070005, "event:16384" },
    { 12321, "HR=0xC004F011", "12321-token-activation-failed", "result", EX_NOTE, 0xC004F011, "" },
    { 900, "caller=wsqmcons.exe", "900-service-starting", "event", EX_OK, 0, "event:902" },
    { 902, "10.0.22621.2428", "902-service-started", "event", EX_OK, 0, "event:900" },
    { 903, "", "903-service-stopped", "event", EX_OK, 0, "event:900" },
    { 1003, "Application Id=55c92734-d682-4d71-983e-d6ec3f16059f", "1003-status-check", "license-check", EX_NOTE, 0, "" },
    { 1003, "55c92734-d682-4d71-983e-d6ec3f16059f|" LIC_UNUSED("1") " " LIC_OK("2"), "1003-licence-in-use", "license-in-use", EX_OK, 0, "" },
    { 1003, "55c92734-d682-4d71-983e-d6ec3f16059f|" LIC_UNUSED("1") " " LIC_OK("2"), "1003-unused-licences", "unused-licenses", EX_OK, 0, "" },
    { 1003, "55c92734-d682-4d71-983e-d6ec3f16059f|" LIC_FAILED("1") " " LIC_UNUSED("2"), "1003-licence-failed", "license-in-use", EX_CRITICAL, 0xC004E002, "event:8198" },
    { 1003, "55c92734-d682-4d71-983e-d6ec3f16059f|" LIC_FAILED("1"), "1003-licence-failed", "license-in-use", EX_CRITICAL, 0xC004F009, "" },
    { 1003, "55c92734-d682-4d71-983e-d6ec3f16059f|" LIC_GRACE("1"), "1003-licence-not-granted", "license-in-use", EX_WARNING, 0, "" },
    { 1003, "55c92734-d682-4d71-983e-d6ec3f16059f|" LIC_UNUSED("1") " " LIC_UNUSED("2"), "1003-no-licence-in-use", "license-in-use", EX_NOTE, 0, "" },
    { 12308, "2de67392-b7a7-462a-b1ca-108dd189f588|Windows(R) Operating System, VOLUME_KMS_2012-R2_WIN10 channel|CN=AO1,CN=Activation Objects,CN=Microsoft SPP,CN=Services,CN=Configuration,DC=contoso,DC=com", "12308-adba-activated", "activation-object", EX_OK, 0, "symptom:kms-count-not-increasing" },
};

ParameterizedTestParameters(event_rules, rows)
{
    return cr_make_param_array(struct row, rows, sizeof rows / sizeof *rows);
}

ParameterizedTest(struct row *r, event_rules, rows)
{
    check_row(r);
}

Test(event_rules, every_rule_has_a_case)
{
    for (size_t i = 0; i < ex_event_rule_count(); i++) {
        const char *name = ex_event_rule_at(i)->row.name;
        bool found = false;
        for (size_t j = 0; j < sizeof rows / sizeof *rows; j++)
            found |= strcmp(rows[j].rule, name) == 0;
        cr_expect(found, "rule %s has no case", name);
    }
}

Test(event_rules, an_activated_client_is_not_judged_by_the_count_it_was_told)
{
    struct ex_event ev;
    ex_event_clear(&ev);
    ev.id = 12289;
    const char *list = "0x0,0x0,1,0,10,120,10080,2012/12/04 07:06"; /* Office: 10 is enough */
    (void)ex_event_add_value(&ev, list, strlen(list));
    ex_event_split_list(&ev);
    struct ex_finding out[EX_EVENT_MAX_FINDINGS];
    size_t n = ex_event_findings(&ev, out, EX_EVENT_MAX_FINDINGS);
    cr_assert_not_null(find_rule(out, n, "12289-activated"));
    cr_assert_null(find(out, n, "kms-count"), "activated: no count row");
}

/* A status list longer than an event value (255 bytes): read whole, so the licence in use at
 * its end is found, and every entry is counted. */
Test(event_rules, a_long_licence_list_is_read_whole)
{
    char list[EX_EVENT_LONG_MAX];
    size_t len = 0;
    for (int i = 1; i <= 40; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%d: %08x-aaaa-4bbb-8ccc-%012d, 1, 0 "
                                "[(0 [0xC004F014, 0, 0], [(?)(?)(?)(?)(?)(?)])(1 )(2 )]",
                                len ? "\n" : "", i, i, i);
    len += (size_t)snprintf(list + len, sizeof list - len, "\n" LIC_OK("41"));
    cr_assert_gt(len, 4000);
    struct ex_event ev;
    ex_event_clear(&ev);
    ev.id = 1003;
    strcpy(ev.provider, "Microsoft-Windows-Security-SPP");
    (void)ex_event_add_value(&ev, "55c92734-d682-4d71-983e-d6ec3f16059f", 36);
    (void)ex_event_add_value(&ev, list, len);
    cr_assert_eq(ev.long_index, 2);
    cr_assert_eq(strlen(ev.long_value), len);
    struct ex_finding out[EX_EVENT_MAX_FINDINGS];
    size_t n = ex_event_findings(&ev, out, EX_EVENT_MAX_FINDINGS);
    const struct ex_finding *f = find_rule(out, n, "1003-licence-in-use");
    cr_assert_not_null(f);
    cr_assert(strstr(f->value, "bfb30674-7c9a-4624-9309-9914cfd5b05c"), "%s", f->value);
    f = find_rule(out, n, "1003-unused-licences");
    cr_assert_not_null(f);
    cr_assert_str_eq(f->value, "40 of 41 licences");
}

/* A licence list the paste cut short may hold the licence in use past the cut: "none has a
 * key" is not said then (the corpus paste en-event-xml-1003-evlwatcher-151 read as a note). */
Test(event_rules, a_cut_licence_list_does_not_say_no_licence_is_in_use)
{
    struct ex_event ev;
    ex_event_clear(&ev);
    ev.id = 1003;
    strcpy(ev.provider, "Microsoft-Windows-Security-SPP");
    const char *list = LIC_UNUSED("1") "\n" LIC_UNUSED("2");
    (void)ex_event_add_value(&ev, "55c92734-d682-4d71-983e-d6ec3f16059f", 36);
    (void)ex_event_add_value(&ev, list, strlen(list));
    struct ex_finding out[EX_EVENT_MAX_FINDINGS];
    size_t n = ex_event_findings(&ev, out, EX_EVENT_MAX_FINDINGS);
    cr_assert_not_null(find_rule(out, n, "1003-no-licence-in-use"), "whole: said");
    cr_assert_null(find_rule(out, n, "event-cut"));
    ev.cut = 9;
    n = ex_event_findings(&ev, out, EX_EVENT_MAX_FINDINGS);
    cr_assert_null(find_rule(out, n, "1003-no-licence-in-use"), "cut: not known");
    cr_assert_not_null(find_rule(out, n, "1003-unused-licences"));
    const struct ex_finding *f = find_rule(out, n, "event-cut");
    cr_assert_not_null(f);
    cr_assert_str_eq(f->value, "cut at line 9");
    cr_assert_eq(f->severity, EX_OK);
}

Test(event_rules, the_diagnose_command_names_the_host)
{
    struct ex_event ev;
    event_from_list(&ev, 12288, 0, L12288("0x800706BA", "2", "40000"));
    struct ex_finding out[EX_EVENT_MAX_FINDINGS];
    size_t n = ex_event_findings(&ev, out, EX_EVENT_MAX_FINDINGS);
    const struct ex_finding *f = find(out, n, "kms-host");
    cr_assert_not_null(f);
    cr_assert_str_eq(f->value, "kms01.contoso.com:1688");
    cr_assert(strstr(f->text, "slerr diagnose --kms kms01.contoso.com:1688"), "%s", f->text);
    f = find(out, n, "result");
    cr_assert_eq(f->codes[0], 0x800706BA, "the real cause comes first, for the headline");
}

/* ---- the reader over fixtures ---- */

struct seen {
    char kinds[16][24];
    size_t lines[16];
    struct ex_finding findings[16][EX_REPORT_MAX_FINDINGS];
    size_t nfindings[16];
    size_t n;
};

static int sink(void *ctx, const struct ex_record *rec)
{
    struct seen *s = ctx;
    cr_assert_lt(s->n, 16);
    strcpy(s->kinds[s->n], rec->kind);
    s->lines[s->n] = rec->line;
    memcpy(s->findings[s->n], rec->findings, rec->nfindings * sizeof *rec->findings);
    s->nfindings[s->n] = rec->nfindings;
    s->n++;
    return 0;
}

static struct seen *explain(const char *fixture, int *status)
{
    static struct seen s;
    memset(&s, 0, sizeof s);
    void *state = ex_reader_events.create(sink, &s);
    cr_assert_not_null(state);
    int rc = feed_fixture(fixture, ex_reader_events.line, state);
    if (!rc)
        rc = ex_reader_events.finish(state);
    if (status)
        *status = rc;
    else
        cr_assert_eq(rc, 0);
    ex_reader_events.destroy(state);
    return &s;
}

static const struct ex_finding *record_finding(const struct seen *s, size_t rec, const char *field)
{
    return find(s->findings[rec], s->nfindings[rec], field);
}

Test(events_reader, client_12288_rpc_unavailable)
{
    struct seen *s = explain("events/12288-eventviewer.txt", NULL);
    cr_assert_eq(s->n, 1);
    cr_assert_str_eq(s->kinds[0], "event");
    const struct ex_finding *f = record_finding(s, 0, "result");
    cr_assert_eq(f->severity, EX_CRITICAL);
    cr_assert_eq(f->codes[0], 0x800706BA);
    cr_assert_not_null(record_finding(s, 0, "kms-host"));
}

Test(events_reader, client_12289_low_count_format_list)
{
    struct seen *s = explain("events/12289-formatlist.txt", NULL);
    cr_assert_eq(s->n, 1);
    cr_assert_eq(s->lines[0], 3);
    cr_assert_str_eq(record_finding(s, 0, "kms-count")->value, "4");
    cr_assert_eq(record_finding(s, 0, "result")->codes[0], 0xC004F038);
    cr_assert_null(record_finding(s, 0, "intervals"), "10080 rejoined across the wrap");
}

Test(events_reader, client_12288_skew_format_list_star)
{
    struct seen *s = explain("events/12288-formatlist-star.txt", NULL);
    cr_assert_eq(s->n, 1);
    cr_assert_eq(record_finding(s, 0, "result")->codes[0], 0xC004F06C);
}

Test(events_reader, host_12290_text_and_xml_give_records_and_a_report)
{
    const char *fixtures[] = { "events/12290-wevtutil.txt", "events/12290-wevtutil.xml" };
    for (size_t i = 0; i < 2; i++) {
        struct seen *s = explain(fixtures[i], NULL);
        /* The healthy requests are the report's; the skewed one is a record of its own. */
        size_t last = s->n - 1;
        cr_assert_str_eq(s->kinds[last], "kms-host-report", "%s", fixtures[i]);
        cr_assert_str_eq(s->kinds[0], "event");
        cr_assert_eq(record_finding(s, 0, "result")->codes[0], 0xC004F06C);
        const struct ex_finding *skew = record_finding(s, last, "clock-skew");
        cr_assert_not_null(skew, "%s", fixtures[i]);
        cr_assert(strstr(skew->value, "PC077.contoso.com"), "%s", skew->value);
    }
}

Test(events_reader, saved_xml_low_count_and_published_domain)
{
    struct seen *s = explain("events/12290-saved.xml", NULL);
    cr_assert_eq(s->n, 3);
    cr_assert_eq(record_finding(s, 0, "result")->codes[0], 0xC004F038);
    cr_assert_str_eq(record_finding(s, 1, "dns-domain")->value, "contoso.com");
    cr_assert_str_eq(s->kinds[2], "kms-host-report");
}

Test(events_reader, eventviewer_text_with_its_xml_is_one_record)
{
    struct seen *s = explain("events/12293-eventviewer-with-xml.txt", NULL);
    cr_assert_eq(s->n, 1);
    cr_assert_eq(record_finding(s, 0, "result")->codes[0], 0x8007267C);
    const struct ex_finding *d = record_finding(s, 0, "dns-domain");
    cr_assert_str_eq(d->value, "contoso.com");
    cr_assert(strstr(d->text, "slerr diagnose contoso.com"), "%s", d->text);
}

Test(events_reader, toxml_not_owner)
{
    struct seen *s = explain("events/12293-toxml.xml", NULL);
    cr_assert_eq(s->n, 1);
    cr_assert_str_eq(record_finding(s, 0, "result")->see[0], "symptom:only-first-kms-host-publishes");
}

Test(events_reader, vss_is_skipped)
{
    struct seen *s = explain("events/vss-12289.txt", NULL);
    cr_assert_eq(s->n, 0);
}

Test(events_reader, slui_8198_and_1003)
{
    struct seen *s = explain("events/8198-eventviewer.txt", NULL);
    cr_assert_eq(s->n, 1);
    cr_assert_eq(record_finding(s, 0, "result")->codes[0], 0x8007232B);
    s = explain("events/1003-formatlist.txt", NULL);
    cr_assert_eq(s->n, 1);
    const struct ex_finding *f = record_finding(s, 0, "license-in-use");
    cr_assert_not_null(f);
    cr_assert_str_eq(f->rule, "1003-licence-failed");
    cr_assert_eq(f->codes[0], 0xC004F074, "the licence in use's own code leads");
    cr_assert_null(record_finding(s, 0, "license-check"), "the list was read: no generic row");
}

Test(events_reader, xml_cut_before_its_data_records_then_malformed)
{
    int rc;
    struct seen *s = explain("events/cut-in-system.xml", &rc);
    cr_assert_eq(rc, EX_STATUS_MALFORMED);
    cr_assert_eq(s->n, 1, "the healthy request before the cut reaches the report");
    cr_assert_str_eq(s->kinds[0], "kms-host-report");
}

Test(events_reader, xml_cut_inside_its_data_is_judged_and_says_so)
{
    int rc;
    struct seen *s = explain("events/truncated.xml", &rc);
    cr_assert_eq(rc, 0);
    cr_assert_eq(s->n, 2, "the cut event, then the report");
    cr_assert_str_eq(s->kinds[0], "event");
    const struct ex_finding *cut = record_finding(s, 0, "input");
    cr_assert_not_null(cut);
    cr_assert_str_eq(cut->rule, "event-cut");
    cr_assert_eq(cut->severity, EX_OK, "the paste was cut, not the machine at fault");
    cr_assert_str_eq(cut->value, "cut at line 3");
    cr_assert_str_eq(record_finding(s, 0, "result")->rule, "12290-clock-skew");
    cr_assert_str_eq(record_finding(s, 0, "license-state")->value, "2 (initial grace)",
                     "the minutes cut to \"12\" are not read");
}

Test(events_reader, error_detail_names_expat_and_the_line)
{
    struct seen s = { 0 };
    void *state = ex_reader_events.create(sink, &s);
    int rc = feed_fixture("events/cut-in-system.xml", ex_reader_events.line, state);
    cr_assert_eq(rc, 0);
    cr_assert_eq(ex_reader_events.finish(state), EX_STATUS_MALFORMED);
    size_t line = 0;
    const char *detail = ex_reader_events.error_detail(state, &line);
    cr_assert_not_null(detail);
    cr_assert_eq(line, 3);
    cr_assert_gt(strlen(detail), 5);
    ex_reader_events.destroy(state);
}
