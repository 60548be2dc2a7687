/* SPDX-License-Identifier: MIT */
/* test_explain_input.c: the input layer of src/explain (input.c): encodings, BOMs, CRLF,
 * invalid bytes, Markdown quoting and bounded lines, fed in every possible split. */
#include <criterion/criterion.h>
#include <string.h>

#include "explain.h"
#include "input.h"

struct collected {
    char text[4096];
    size_t used;
    size_t lines;
    size_t pieces;
};

static int collect(void *ctx, const char *text, size_t len, size_t lineno, bool first, bool last)
{
    struct collected *c = ctx;
    (void)lineno;
    if (first && c->used + 1 < sizeof c->text)
        c->pieces++;
    if (c->used + len + 2 < sizeof c->text) {
        memcpy(c->text + c->used, text, len);
        c->used += len;
        if (last)
            c->text[c->used++] = '|';
        c->text[c->used] = '\0';
    }
    c->lines += last;
    return 0;
}

/* Feeds `data` in two parts split at every position; each must give `expect`. */
static void expect_lines(const char *data, size_t n, const char *expect)
{
    for (size_t split = 0; split <= n; split++) {
        struct collected c = { { 0 }, 0, 0, 0 };
        struct ex_input in;
        ex_input_init(&in, collect, &c);
        ex_input_feed(&in, data, split);
        ex_input_feed(&in, data + split, n - split);
        ex_input_finish(&in);
        cr_assert_str_eq(c.text, expect, "split at %zu", split);
    }
}

Test(input, utf8_crlf)
{
    static const char data[] = "a\r\nb\r\n";
    expect_lines(data, sizeof data - 1, "a|b|");
}

Test(input, utf8_bom_and_last_line_without_end)
{
    static const char data[] = "\xEF\xBB\xBFName: x\nlast";
    expect_lines(data, sizeof data - 1, "Name: x|last|");
}

Test(input, utf16le_bom_with_surrogates)
{
    /* "Aé😀\r\nB" in UTF-16LE with BOM */
    static const char data[] = "\xFF\xFE" "A\0" "\xE9\0" "\x3D\xD8\x00\xDE" "\r\0\n\0" "B\0";
    expect_lines(data, sizeof data - 1, "A\xC3\xA9\xF0\x9F\x98\x80|B|");
}

Test(input, utf16le_unpaired_surrogates)
{
    static const char data[] = "\xFF\xFE" "\x00\xD8" "A\0" "\x00\xDC" "\n\0";
    expect_lines(data, sizeof data - 1, "\xEF\xBF\xBD" "A\xEF\xBF\xBD|");
}

Test(input, utf16le_without_bom)
{
    expect_lines("N\0a\0\n\0", 6, "Na|");
}

Test(input, invalid_utf8_replaced)
{
    /* a stray continuation, an overlong form, a surrogate, a truncated sequence, NUL */
    static const char data[] = "\x80|\xC0\xAF|\xED\xA0\x80|\xE2\x82\n\0x";
    expect_lines(data, sizeof data - 1,
                 "\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
                 "\xEF\xBF\xBD|\xEF\xBF\xBDx|");
}

/* The ASCII runs are taken sixteen bytes at a time: a line end, a NUL or a non-ASCII character
 * is found wherever it falls in or across those blocks. */
Test(input, stop_byte_found_at_every_offset)
{
    static const struct { const char *in, *out; } stops[] = {
        { "\n", "|" }, { "\0", "\xEF\xBF\xBD" }, { "\xC3\xA9", "\xC3\xA9" }, { "\xFF", "\xEF\xBF\xBD" },
    };
    for (size_t s = 0; s < sizeof stops / sizeof stops[0]; s++) {
        for (size_t at = 2; at < 42; at++) { /* from 2: "a\0" opening the input reads as UTF-16 */
            char data[96], want[96];
            size_t n = s == 1 ? 1 : strlen(stops[s].in);
            memset(data, 'a', at);
            memcpy(data + at, stops[s].in, n);
            memset(data + at + n, 'b', 40);
            data[at + n + 40] = '\n';
            memset(want, 'a', at);
            strcpy(want + at, stops[s].out);
            size_t w = strlen(want);
            memset(want + w, 'b', 40);
            strcpy(want + w + 40, "|");
            struct collected c = { { 0 }, 0, 0, 0 };
            struct ex_input in;
            ex_input_init(&in, collect, &c);
            ex_input_feed(&in, data, at + n + 41);
            ex_input_finish(&in);
            cr_expect_str_eq(c.text, want, "stop %zu at %zu", s, at);
        }
    }
}

Test(input, markdown_quoting)
{
    static const char data[] = "> ```text\n> `License Status: Licensed`\n>> x\n```\n";
    expect_lines(data, sizeof data - 1,
                 "|License Status: Licensed|x||");
}

Test(input, long_lines_come_in_pieces)
{
    static char data[EX_LINE_MAX * 3 + 2];
    memset(data, 'a', sizeof data - 2);
    data[sizeof data - 2] = '\n';
    struct collected c = { { 0 }, 0, 0, 0 };
    struct ex_input in;
    ex_input_init(&in, collect, &c);
    ex_input_feed(&in, data, sizeof data - 1);
    ex_input_finish(&in);
    cr_expect_eq(c.lines, 1);
    cr_expect_eq(c.pieces, 1);
}

/* The headline: an event's result behind a client's 0xC004F074. */
Test(summary, headline_is_the_inner_result)
{
    struct ex_summary s;
    memset(&s, 0, sizeof s);
    struct ex_finding client = { .severity = EX_CRITICAL, .field = "error", .codes = { 0xC004F074u },
                                 .ncodes = 1 };
    struct ex_finding event = { .severity = EX_WARNING, .field = "result", .codes = { 0xC004F06Cu },
                                .ncodes = 1 };
    struct ex_record r1 = { "slmgr-error", 1, &client, 1, NULL };
    struct ex_record r2 = { "event", 9, &event, 1, NULL };
    ex_summary_add(&s, &r1);
    cr_expect_eq(ex_summary_headline(&s)->codes[0], 0xC004F074u);
    ex_summary_add(&s, &r2);
    cr_expect_eq(ex_summary_headline(&s)->codes[0], 0xC004F06Cu);
    cr_expect_eq(s.worst, EX_CRITICAL);
    cr_expect_eq(s.records, 2);
}

Test(summary, no_client_error_keeps_the_worst)
{
    struct ex_summary s;
    memset(&s, 0, sizeof s);
    struct ex_finding event = { .severity = EX_WARNING, .field = "result", .codes = { 0xC004F06Cu },
                                .ncodes = 1 };
    struct ex_finding count = { .severity = EX_CRITICAL, .field = "current-count",
                                .codes = { 0xC004F038u }, .ncodes = 1 };
    struct ex_record r1 = { "event", 1, &event, 1, NULL };
    struct ex_record r2 = { "slmgr-dlv", 5, &count, 1, NULL };
    ex_summary_add(&s, &r1);
    ex_summary_add(&s, &r2);
    cr_expect_eq(ex_summary_headline(&s)->codes[0], 0xC004F038u);
}

Test(status, strerror_names_each)
{
    for (int i = EX_STATUS_OK; i <= EX_STATUS_IO; i++)
        cr_expect(strcmp(ex_strerror((enum ex_status)i), "unknown status") != 0);
    cr_expect_str_eq(ex_strerror((enum ex_status)99), "unknown status");
}
