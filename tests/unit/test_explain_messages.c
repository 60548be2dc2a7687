/* SPDX-License-Identifier: MIT */
/* test_explain_messages.c: the index of official messages that data/gen-catalog.py writes
 * (catalog-messages.h) is the one message.c would choose at run time: the same codes, in the
 * order its binary search needs. Two implementations of one rule, held against each other. */
#include <criterion/criterion.h>
#include <slerr.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "message.h"

static bool listed(const uint32_t *codes, size_t n, uint32_t code)
{
    for (size_t i = 0; i < n; i++)
        if (codes[i] == code)
            return true;
    return false;
}

Test(messages, generated_index_holds_exactly_the_selected_codes)
{
    const uint32_t *codes;
    size_t n = ex_messages_catalog(&codes);
    size_t selected = 0;
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        bool sel = ex_messages_selects(e);
        selected += sel;
        cr_expect_eq(sel, listed(codes, n, slerr_entry_code(e)), "0x%08X: selected %d",
                     slerr_entry_code(e), sel);
    }
    cr_expect_eq(n, selected);
    cr_expect_gt(n, 100, "the catalog has hundreds of long activation messages");
}

/* The message without its final '.'. */
static size_t body(const char *text)
{
    size_t len = strlen(text);
    return len && text[len - 1] == '.' ? len - 1 : len;
}

Test(messages, generated_index_is_in_search_order)
{
    const uint32_t *codes;
    size_t n = ex_messages_catalog(&codes);
    for (size_t i = 1; i < n; i++) {
        const char *a = slerr_entry_message(slerr_lookup(codes[i - 1]));
        const char *b = slerr_entry_message(slerr_lookup(codes[i]));
        size_t la = body(a), lb = body(b);
        int c = strncasecmp(a, b, la < lb ? la : lb);
        bool ordered = c < 0 || (c == 0 && (la < lb || (la == lb && codes[i - 1] < codes[i])));
        cr_expect(ordered, "0x%08X before 0x%08X", codes[i - 1], codes[i]);
    }
}

/* The index at work: a line quoting one of its messages (any case) names that code. */
Test(messages, a_quoted_message_is_found)
{
    const uint32_t *codes;
    size_t n = ex_messages_catalog(&codes);
    cr_assert_gt(n, 0);
    struct ex_messages *m = ex_messages_new();
    cr_assert_not_null(m);
    size_t hits = 0;
    for (size_t i = 0; i < n; i++) {
        char line[1024];
        const char *text = slerr_entry_message(slerr_lookup(codes[i]));
        int len = snprintf(line, sizeof line, "user says: %s", text);
        uint32_t found[EX_MESSAGE_CODES];
        size_t at;
        size_t k = ex_messages_find(m, line, (size_t)len, found, &at);
        for (size_t j = 0; j < k; j++)
            hits += found[j] == codes[i];
    }
    ex_messages_free(m);
    cr_expect_gt(hits, n / 2, "%zu of %zu messages found", hits, n);
}
