/* SPDX-License-Identifier: MIT */
/* test_explain_api.c: libslerr-explain's public API (include/slerr-explain.h) on its own:
 * several inputs in one explainer, what it reads, the accessors' answers out of range, the
 * status words, a callback that stops the run. The paths the CLI never takes. */
#include <criterion/criterion.h>
#include <string.h>

#include "slerr-explain.h"

static const char dlv[] =
    "Name: Windows(R), Enterprise edition\r\n"
    "Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\r\n"
    "Partial Product Key: 3V66T\r\n"
    "License Status: Licensed\r\n"
    "Volume activation expiration: 172800 minute(s) (120 day(s))\r\n"
    "\r\n";

static const char notification[] =
    "Name: Windows(R), Professional edition\n"
    "Description: Windows(R) Operating System, RETAIL channel\n"
    "Partial Product Key: 8HVX7\n"
    "License Status: Notification\n"
    "Notification Reason: 0xC004F009.\n"
    "\n";

struct seen {
    size_t records;
    size_t lines[8];
    int stop_after; /* stop once this many records came (0: never) */
};

static int count(void *context, const slerr_explain_record *r)
{
    struct seen *s = context;
    if (s->records < 8)
        s->lines[s->records] = slerr_explain_record_line(r);
    s->records++;
    return s->stop_after && (int)s->records >= s->stop_after;
}

static slerr_explainer *feed(slerr_explainer *e, const char *text)
{
    cr_assert_eq(slerr_explainer_feed(e, text, strlen(text)), SLERR_EXPLAIN_DONE);
    cr_assert_eq(slerr_explainer_finish(e), SLERR_EXPLAIN_DONE);
    return e;
}

Test(explain_api, inputs_add_up_and_count_their_lines_apart)
{
    struct seen seen = { 0 };
    slerr_explainer *e = slerr_explainer_new(count, &seen);
    cr_assert_not_null(e);
    feed(e, dlv);
    cr_assert_eq(slerr_explainer_records(e), 1);
    cr_assert_eq(slerr_explainer_worst(e), SLERR_EXPLAIN_WARNING);
    cr_assert_eq(slerr_explainer_next_input(e), SLERR_EXPLAIN_DONE);
    feed(e, notification);
    cr_assert_eq(seen.records, 2);
    cr_assert_eq(seen.lines[0], 1);
    cr_assert_eq(seen.lines[1], 1, "the second input's lines count from 1 again");
    cr_assert_eq(slerr_explainer_records(e), 2, "the summary spans both inputs");
    cr_assert_eq(slerr_explainer_worst(e), SLERR_EXPLAIN_CRITICAL);
    const slerr_explain_record *head = slerr_explainer_headline(e);
    cr_assert_not_null(head);
    cr_assert_str_eq(slerr_explain_record_kind(head), "headline");
    cr_assert_eq(slerr_explain_record_findings(head), 1);
    cr_assert_eq(slerr_explain_finding_severity(head, 0), SLERR_EXPLAIN_CRITICAL,
                 "the worst of both inputs leads");
    slerr_explainer_free(e);
}

Test(explain_api, nothing_worse_than_ok_has_no_headline)
{
    struct seen seen = { 0 };
    slerr_explainer *e = feed(slerr_explainer_new(count, &seen), "nothing to read here\n");
    cr_assert_eq(slerr_explainer_records(e), 0);
    cr_assert_eq(slerr_explainer_worst(e), SLERR_EXPLAIN_OK);
    cr_assert_null(slerr_explainer_headline(e));
    size_t line = 99;
    cr_assert_null(slerr_explainer_error(e, &line));
    slerr_explainer_free(e);
    slerr_explainer_free(NULL); /* like free() */
}

Test(explain_api, a_callback_that_stops_ends_the_feed)
{
    struct seen seen = { .stop_after = 1 };
    slerr_explainer *e = slerr_explainer_new(count, &seen);
    int status = slerr_explainer_feed(e, dlv, strlen(dlv));
    if (status == SLERR_EXPLAIN_DONE)
        status = slerr_explainer_finish(e);
    cr_assert_eq(status, SLERR_EXPLAIN_STOPPED);
    cr_assert_eq(seen.records, 1);
    slerr_explainer_free(e);
}

Test(explain_api, no_callback_is_no_explainer)
{
    cr_assert_null(slerr_explainer_new(NULL, NULL));
}

static const slerr_explain_record *kept;
static size_t kept_findings;
static int check_ranges(void *context, const slerr_explain_record *r)
{
    (void)context;
    size_t n = slerr_explain_record_findings(r);
    kept = r;
    kept_findings = n;
    cr_assert_gt(n, 0);
    cr_assert_eq(slerr_explain_finding_severity(r, n), -1);
    cr_assert_null(slerr_explain_finding_field(r, n));
    cr_assert_null(slerr_explain_finding_rule(r, n));
    cr_assert_null(slerr_explain_finding_value(r, n));
    cr_assert_null(slerr_explain_finding_text(r, n));
    cr_assert_eq(slerr_explain_finding_codes(r, n), 0);
    cr_assert_eq(slerr_explain_finding_code(r, n, 0), 0);
    cr_assert_eq(slerr_explain_finding_sees(r, n), 0);
    cr_assert_null(slerr_explain_finding_see(r, n, 0));
    size_t codes = slerr_explain_finding_codes(r, 0);
    cr_assert_eq(slerr_explain_finding_code(r, 0, codes), 0, "past the last code");
    cr_assert_null(slerr_explain_finding_see(r, 0, slerr_explain_finding_sees(r, 0)));
    cr_assert_not_null(slerr_explain_finding_rule(r, 0));
    return 0;
}

Test(explain_api, indexes_out_of_range_give_nothing)
{
    slerr_explainer *e = feed(slerr_explainer_new(check_ranges, NULL), notification);
    cr_assert_not_null(kept);
    cr_assert_gt(kept_findings, 0);
    slerr_explainer_free(e);
}

Test(explain_api, words_for_statuses_severities_and_what_it_reads)
{
    const int statuses[] = { SLERR_EXPLAIN_DONE, SLERR_EXPLAIN_NOMEM, SLERR_EXPLAIN_MALFORMED,
                             SLERR_EXPLAIN_STOPPED, -1, 1000 };
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        const char *text = slerr_explain_strerror(statuses[i]);
        cr_assert_not_null(text, "never NULL");
        cr_assert_gt(strlen(text), 3);
    }
    cr_assert_str_neq(slerr_explain_strerror(SLERR_EXPLAIN_NOMEM),
                      slerr_explain_strerror(SLERR_EXPLAIN_MALFORMED));
    cr_assert_str_eq(slerr_explain_severity_name(SLERR_EXPLAIN_OK), "ok");
    cr_assert_str_eq(slerr_explain_severity_name(SLERR_EXPLAIN_CRITICAL), "critical");
    cr_assert_null(slerr_explain_severity_name(-1));
    cr_assert_null(slerr_explain_severity_name(4));
    size_t n = 0;
    while (slerr_explain_reads(n))
        n++;
    cr_assert_geq(n, 4, "slmgr, ospp, PowerShell and events at least");
    cr_assert_null(slerr_explain_reads(n));
    cr_assert_null(slerr_explain_reads((size_t)-1));
    bool slmgr = false;
    for (size_t i = 0; i < n; i++)
        slmgr = slmgr || strstr(slerr_explain_reads(i), "slmgr.vbs") != NULL;
    cr_assert(slmgr);
}
