/* SPDX-License-Identifier: MIT */
/* test_explain_api_ends.c: libslerr-explain's rules for calls around the end of the input, pinned
 * through the shared library: a stop by the callback, a feed after finish, a feed from inside
 * the callback, and slerr_explainer_error() with a NULL line. */
#include <criterion/criterion.h>
#include <string.h>

#include "slerr-explain.h"

static const char dli[] = "Name: Windows(R), ServerStandard edition\n"
                          "License Status: Notification\n"
                          "Notification Reason: 0xC004F00F.\n";

struct seen {
    slerr_explainer *e;
    int records, stop_after, nested;
};

static int count(void *context, const slerr_explain_record *r)
{
    struct seen *s = context;
    (void)r;
    s->records++;
    if (s->e)
        s->nested = slerr_explainer_feed(s->e, dli, sizeof dli - 1);
    return s->stop_after && s->records >= s->stop_after;
}

Test(explain_api_ends, a_stop_ends_the_input_and_later_feeds_say_so)
{
    struct seen s = { NULL, 0, 1, 0 };
    slerr_explainer *e = slerr_explainer_new(count, &s);
    cr_assert_eq(slerr_explainer_feed(e, dli, sizeof dli - 1), SLERR_EXPLAIN_DONE);
    cr_assert_eq(slerr_explainer_feed(e, "\n\n", 2), SLERR_EXPLAIN_DONE);
    int rc = slerr_explainer_feed(e, dli, sizeof dli - 1); /* completes the first record */
    if (rc == SLERR_EXPLAIN_DONE)
        rc = slerr_explainer_finish(e);
    cr_assert_eq(rc, SLERR_EXPLAIN_STOPPED);
    cr_assert_eq(s.records, 1);
    cr_assert_eq(slerr_explainer_feed(e, dli, sizeof dli - 1), SLERR_EXPLAIN_STOPPED);
    cr_assert_eq(slerr_explainer_finish(e), SLERR_EXPLAIN_STOPPED);
    cr_assert_eq(s.records, 1, "nothing is read after the stop");
    cr_assert_eq(slerr_explainer_records(e), 1);
    slerr_explainer_free(e);
}

Test(explain_api_ends, a_feed_after_finish_is_refused_not_lost)
{
    struct seen s = { NULL, 0, 0, 0 };
    slerr_explainer *e = slerr_explainer_new(count, &s);
    cr_assert_eq(slerr_explainer_feed(e, dli, sizeof dli - 1), SLERR_EXPLAIN_DONE);
    cr_assert_eq(slerr_explainer_finish(e), SLERR_EXPLAIN_DONE);
    cr_assert_eq(s.records, 1);
    cr_assert_eq(slerr_explainer_feed(e, dli, sizeof dli - 1), SLERR_EXPLAIN_MISUSE);
    cr_assert_eq(slerr_explainer_finish(e), SLERR_EXPLAIN_DONE, "finish again: its status");
    cr_assert_eq(s.records, 1);
    cr_assert(strstr(slerr_explain_strerror(SLERR_EXPLAIN_MISUSE), "finished"));
    slerr_explainer_free(e);
}

Test(explain_api_ends, a_feed_from_inside_the_callback_is_refused)
{
    struct seen s = { NULL, 0, 0, 0 };
    slerr_explainer *e = slerr_explainer_new(count, &s);
    s.e = e;
    cr_assert_eq(slerr_explainer_feed(e, dli, sizeof dli - 1), SLERR_EXPLAIN_DONE);
    cr_assert_eq(slerr_explainer_finish(e), SLERR_EXPLAIN_DONE);
    cr_assert_eq(s.records, 1, "the nested feed read nothing");
    cr_assert_eq(s.nested, SLERR_EXPLAIN_MISUSE);
    slerr_explainer_free(e);
}

Test(explain_api_ends, error_takes_a_null_line)
{
    struct seen s = { NULL, 0, 0, 0 };
    slerr_explainer *e = slerr_explainer_new(count, &s);
    static const char cut[] = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                              "<System><EventID>12290</EventID>\n";
    int rc = slerr_explainer_feed(e, cut, sizeof cut - 1);
    if (rc == SLERR_EXPLAIN_DONE)
        rc = slerr_explainer_finish(e);
    cr_assert_eq(rc, SLERR_EXPLAIN_MALFORMED);
    cr_assert_not_null(slerr_explainer_error(e, NULL));
    size_t line = 99;
    cr_assert_not_null(slerr_explainer_error(e, &line));
    cr_assert_eq(line, 1);
    slerr_explainer_free(e);
}
