/* SPDX-License-Identifier: MIT */
/* test_kms_report.c: the KMS host report over a generated host log (XML, through the "events"
 * reader) with planted problems: cloned CMIDs, clock-skewed clients, a count below 25, a silent
 * client and one whose activation runs out; and flat memory for repeated requests. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "event_list.h"

#define ACT_CLIENT "2de67392-b7a7-462a-b1ca-108dd189f588" /* needs 25 */
#define ACT_SERVER "ca87f5b6-cd46-40c0-b06d-8ecd57a4373f" /* needs 5 */

struct out {
    struct ex_finding f[EX_REPORT_MAX_FINDINGS];
    size_t n, records;
};

static int sink(void *ctx, const struct ex_record *rec)
{
    struct out *o = ctx;
    o->records++;
    if (strcmp(rec->kind, "kms-host-report") == 0) {
        memcpy(o->f, rec->findings, rec->nfindings * sizeof *rec->findings);
        o->n = rec->nfindings;
    }
    return 0;
}

static void request(void *state, size_t *lineno, int day, int hour, const char *result,
                    const char *name, unsigned cmid, const char *act, int required, int state_,
                    long minutes)
{
    char line[1024];
    int n = snprintf(line, sizeof line,
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        "<Provider Name='Microsoft-Windows-Security-SPP' EventSourceName='KmsRequests'/>"
        "<EventID Qualifiers='16384'>12290</EventID><TimeCreated SystemTime='2024-03-%02dT%02d:00:00.0000000Z'/>"
        "<Computer>kms01.contoso.com</Computer></System><EventData><Data>%s,%d,%s,%08x-0000-4000-8000-000000000000,"
        "2024/3/%d %d:00,%d,%d,%ld,%s</Data></EventData></Event>",
        day, hour, result, required, name, cmid, day, hour, cmid % 3 == 0, state_, minutes, act);
    cr_assert_lt((size_t)n, sizeof line);
    cr_assert_eq(ex_reader_events.line(state, line, (size_t)n, ++*lineno), 0);
}

static const struct ex_finding *find(const struct out *o, const char *field)
{
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->f[i].field, field) == 0)
            return &o->f[i];
    return NULL;
}

Test(kms_report, planted_problems_are_found)
{
    static struct out o;
    void *state = ex_reader_events.create(sink, &o);
    size_t lineno = 0;
    char name[64];
    /* 20 client-edition machines renewing daily over two weeks: below the 25 they need. */
    for (int day = 1; day <= 14; day++)
        for (unsigned c = 1; c <= 20; c++) {
            snprintf(name, sizeof name, "PC%03u.contoso.com", c);
            request(state, &lineno, day, 8, "0x0", name, c, ACT_CLIENT, 25, 1, 259000);
        }
    /* 3 clones: CMIDs 1-3 come back under new names. */
    for (unsigned c = 1; c <= 3; c++) {
        snprintf(name, sizeof name, "CLONE%u.contoso.com", c);
        request(state, &lineno, 14, 9, "0x0", name, c, ACT_CLIENT, 25, 1, 259000);
    }
    /* 2 clients with skewed clocks, refused. */
    request(state, &lineno, 14, 10, "0xC004F06C", "SKEW1.contoso.com", 101, ACT_CLIENT, 25, 2, 20000);
    request(state, &lineno, 14, 11, "0xC004F06C", "SKEW2.contoso.com", 102, ACT_CLIENT, 25, 2, 20000);
    /* 6 servers: enough for their threshold of 5. */
    for (unsigned c = 201; c <= 206; c++) {
        snprintf(name, sizeof name, "SRV%u.contoso.com", c);
        request(state, &lineno, 13, 12, "0x0", name, c, ACT_SERVER, 5, 1, 259000);
    }
    /* One client last seen on day 2 (12 days before the newest event) ... */
    request(state, &lineno, 2, 12, "0x0", "OLD.contoso.com", 301, ACT_CLIENT, 25, 1, 259000);
    /* ... and one whose activation runs out within days. */
    request(state, &lineno, 14, 13, "0x0", "LATE.contoso.com", 302, ACT_CLIENT, 25, 1, 9000);
    cr_assert_eq(ex_reader_events.finish(state), 0);
    ex_reader_events.destroy(state);

    cr_assert_eq(o.records, 4, "two skewed requests, the one running out, then the report");
    const struct ex_finding *f = find(&o, "requests");
    cr_assert_not_null(f);
    cr_assert(strstr(f->value, "293 requests, 30 CMIDs"), "%s", f->value);
    cr_assert(strstr(f->value, "2024-03-01 to 2024-03-14"), "%s", f->value);

    f = find(&o, "kms-count");
    cr_assert_not_null(f);
    cr_assert_eq(f->severity, EX_WARNING);
    cr_assert_str_eq(f->value, "22 of 25 (client editions)");
    cr_assert_eq(f->codes[0], 0xC004F038);

    f = find(&o, "clones");
    cr_assert_not_null(f);
    cr_assert(strncmp(f->value, "3 CMIDs under several names", 27) == 0, "%s", f->value);
    cr_assert(strstr(f->value, "CLONE"), "%s", f->value);

    f = find(&o, "clock-skew");
    cr_assert_not_null(f);
    cr_assert_eq(f->severity, EX_CRITICAL);
    cr_assert(strstr(f->value, "2 clients: SKEW1.contoso.com, SKEW2.contoso.com"), "%s", f->value);
    cr_assert_eq(f->codes[0], 0xC004F06C);

    f = find(&o, "not-seen");
    cr_assert_not_null(f);
    cr_assert(strstr(f->value, "1 clients: OLD.contoso.com"), "%s", f->value);
    f = find(&o, "expiring");
    cr_assert_not_null(f);
    cr_assert(strstr(f->value, "LATE.contoso.com"), "%s", f->value);

    f = find(&o, "virtual");
    cr_assert_not_null(f);
    cr_assert(strstr(f->value, "9 virtual, 21 physical"), "%s", f->value);
    f = find(&o, "license-states");
    cr_assert(strstr(f->value, "licensed 28, initial grace 2"), "%s", f->value);
    f = find(&o, "requests-per-day");
    cr_assert(strstr(f->value, "2024-03-13 26, 2024-03-14 26"), "%s", f->value);
    cr_assert_not_null(find(&o, "product"));
}

/* One 12290 request of `cmid` from `name`, counted into r. */
static void add_request(struct ex_kms_report *r, const char *cmid, const char *name, int64_t when)
{
    struct ex_event ev;
    char list[512];
    snprintf(list, sizeof list, "0x0,25,%s,%s,t,0,1,259000,%s", name, cmid, ACT_CLIENT);
    event_from_list(&ev, 12290, when, list);
    cr_assert(ex_kms_report_add(r, &ev));
}

/* A request of client number `client`: its own CMID, named PC<name_number>. */
static void add_numbered_request(struct ex_kms_report *r, unsigned client, unsigned name_number,
                                 int64_t when)
{
    char cmid[40], name[24];
    snprintf(cmid, sizeof cmid, "%08x-0000-4000-8000-000000000000", client);
    snprintf(name, sizeof name, "PC%u", name_number);
    add_request(r, cmid, name, when);
}

/* The report's first finding (the summary) says `summary`; frees the report. */
static void assert_summary_and_free(struct ex_kms_report *r, const char *summary)
{
    struct ex_finding f[EX_REPORT_MAX_FINDINGS];
    size_t n = ex_kms_report_findings(r, f, EX_REPORT_MAX_FINDINGS);
    cr_assert_gt(n, 0);
    cr_assert(strstr(f[0].value, summary), "%s", f[0].value);
    ex_kms_report_free(r);
}

Test(kms_report, memory_follows_clients_not_events)
{
    struct ex_kms_report *r = ex_kms_report_new();
    for (unsigned i = 0; i < 200000; i++)
        add_numbered_request(r, i % 100, i % 100, 1710374400 + i);
    assert_summary_and_free(r, "200000 requests, 100 CMIDs, 100 machine names");
}

/* The client table starts at 1024 slots and doubles at 80 % full: 3000 distinct clients make
 * it grow twice, and every client seen before a growth is found again after it (its second
 * request adds no client). The suite never went past one table before. */
Test(kms_report, client_table_grows_and_keeps_every_client)
{
    struct ex_kms_report *r = ex_kms_report_new();
    for (unsigned round = 0; round < 2; round++)
        for (unsigned i = 0; i < 3000; i++)
            add_numbered_request(r, i, i, 1710374400 + round * 86400 + i);
    assert_summary_and_free(r, "6000 requests, 3000 CMIDs, 3000 machine names");
}

/* CMIDs that share their first 8 bytes (the hash used to read only those) still spread over
 * the table: slots looked at stay a few per request, where they grew with the clients. */
Test(kms_report, cmids_sharing_a_prefix_spread_over_the_table)
{
    struct ex_kms_report *r = ex_kms_report_new();
    char cmid[40];
    const unsigned clients = 20000;
    for (unsigned i = 0; i < clients; i++) {
        snprintf(cmid, sizeof cmid, "5ca1ab1e-0000-4000-8000-%012x", i);
        add_request(r, cmid, "PC.contoso.com", 1710374400 + i);
    }
    struct ex_finding f[EX_REPORT_MAX_FINDINGS];
    cr_assert_gt(ex_kms_report_findings(r, f, EX_REPORT_MAX_FINDINGS), 0);
    cr_assert(strstr(f[0].value, "20000 CMIDs"), "%s", f[0].value);
    cr_assert_lt(ex_kms_report_extra_probes(r), (size_t)clients * 8, "%zu extra slots looked at",
                 ex_kms_report_extra_probes(r));
    ex_kms_report_free(r);
}

static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC2 ? 2 : 0;
        if (n == 0)
            return false;
        for (size_t i = 1; i < n; i++)
            if ((p[i] & 0xC0) != 0x80)
                return false;
        p += n;
    }
    return true;
}

/* A client name longer than the report keeps is cut between characters: the clone example
 * (the kept first name = the second name) stays valid UTF-8. */
Test(kms_report, long_client_names_are_cut_between_characters)
{
    struct ex_kms_report *r = ex_kms_report_new();
    const char *cmid = "11111111-2222-4333-8444-555555555555";
    /* 26 ASCII bytes, then a two-byte 'é': the 27 bytes kept end in the middle of it */
    add_request(r, cmid, "ABCDEFGHIJKLMNOPQRSTUVWXYZ\xC3\xA9tude.contoso.com", 1710374400);
    add_request(r, cmid, "second.contoso.com", 1710374500);
    struct ex_finding f[EX_REPORT_MAX_FINDINGS];
    size_t n = ex_kms_report_findings(r, f, EX_REPORT_MAX_FINDINGS);
    bool clones = false;
    for (size_t i = 0; i < n; i++) {
        cr_assert(valid_utf8(f[i].value), "%s: %s", f[i].field, f[i].value);
        cr_assert(valid_utf8(f[i].text), "%s: %s", f[i].field, f[i].text);
        if (strstr(f[i].value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ = second"))
            clones = true;
    }
    cr_assert(clones, "the clone example names the first name, cut before the 'é'");
    ex_kms_report_free(r);
}

/* A CMID is read as its 16 bytes whatever the writer's form (braces, capitals, no dashes): one
 * client. Each of its 32 digits counts: changing any one makes another client. */
Test(kms_report, cmid_forms_are_one_client_and_every_digit_counts)
{
    struct ex_kms_report *r = ex_kms_report_new();
    add_request(r, "0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d", "PC1", 1710374400);
    add_request(r, "{0A1B2C3D-4E5F-4A7B-8C9D-0E1F2A3B4C5D}", "PC1", 1710374401);
    add_request(r, "0a1b2c3d4e5f4a7b8c9d0e1f2a3b4c5d", "PC1", 1710374402);
    assert_summary_and_free(r, "3 requests, 1 CMIDs, 1 machine names");

    r = ex_kms_report_new();
    const char base[] = "0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d";
    add_request(r, base, "PC1", 1710374400);
    size_t digits = 0;
    for (size_t i = 0; base[i]; i++) {
        if (base[i] == '-')
            continue;
        char other[sizeof base];
        memcpy(other, base, sizeof base);
        other[i] = base[i] == '0' ? '1' : '0';
        add_request(r, other, "PC1", 1710374400 + (int64_t)i);
        digits++;
    }
    cr_assert_eq(digits, 32);
    assert_summary_and_free(r, "33 requests, 33 CMIDs");
}
