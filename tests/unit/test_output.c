/* SPDX-License-Identifier: MIT */
/* test_output.c: the JSON writer of the output layer produces valid JSON for any value. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

static char *write_json(void (*body)(struct output *))
{
    char *text = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&text, &size);
    cr_assert_not_null(stream);
    struct output o;
    output_init(&o, stream, FORMAT_JSON, COLOR_NEVER);
    json_object_begin(&o, NULL);
    body(&o);
    json_object_end(&o);
    json_line_end(&o);
    fclose(stream);
    return text;
}

static void non_finite(struct output *o)
{
    json_double(o, "nan", NAN);
    json_double(o, "inf", INFINITY);
    json_double(o, "half", 0.5);
}

Test(output, non_finite_numbers_become_null)
{
    char *text = write_json(non_finite);
    cr_assert_str_eq(text, "{\"nan\":null,\"inf\":null,\"half\":0.500000}\n");
    free(text);
}

static void hostile_strings(struct output *o)
{
    json_string(o, "quote", "a\"b\\c");
    json_string(o, "control", "\x01\n\t");
    json_string(o, "invalid", "\xff\xc3(");
    json_string(o, "utf8", "caf\xc3\xa9");
    json_string(o, "null", NULL);
    json_array_begin(o, "list");
    json_uint(o, NULL, 1);
    json_int(o, NULL, -2);
    json_bool(o, NULL, true);
    json_array_end(o);
}

Test(output, strings_are_escaped_and_commas_placed)
{
    char *text = write_json(hostile_strings);
    cr_assert_str_eq(text, "{\"quote\":\"a\\\"b\\\\c\",\"control\":\"\\u0001\\n\\t\","
                           "\"invalid\":\"\\ufffd\\ufffd(\",\"utf8\":\"caf\xc3\xa9\","
                           "\"null\":null,\"list\":[1,-2,true]}\n");
    free(text);
}

static char *untrusted(const char *text, unsigned flags)
{
    char *out = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&out, &size);
    cr_assert_not_null(stream);
    struct output o;
    output_init(&o, stream, FORMAT_TEXT, COLOR_NEVER);
    output_untrusted(&o, text, flags);
    fclose(stream);
    return out;
}

/* What a hostile peer sends reaches the terminal as visible escapes, never as control codes. */
Test(output, untrusted_text_is_made_harmless)
{
    static const struct { const char *in, *out; unsigned flags; } cases[] = {
        { "plain \"1688\" caf\xc3\xa9", "plain \"1688\" caf\xc3\xa9", 0 },
        { "\x1b]0;T\x07\x1b[2J", "\\x1b]0;T\\x07\\x1b[2J", 0 },
        { "a\nb\rc\td\x7f", "a\\x0ab\\x0dc\\x09d\\x7f", 0 },
        { "\xc2\x9b" "31m", "\\xc2\\x9b31m", 0 },             /* C1 CSI as UTF-8 */
        { "\x9b" "31m \xff", "\\x9b31m \\xff", 0 },           /* raw C1, invalid UTF-8 */
        { "abc\xe2\x80\xae" "gpj.exe", "abc\\xe2\\x80\\xaegpj.exe", 0 }, /* right-to-left override */
        { "x |a=1", "x |a=1", 0 },
        { "x |a=1", "x \\x7ca=1", OUTPUT_PLUGIN },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = untrusted(cases[i].in, cases[i].flags);
        cr_assert_str_eq(out, cases[i].out, "case %zu", i);
        free(out);
    }
}

/* output_escape fills a fixed buffer: it cuts between characters (never inside an escape or
 * a UTF-8 sequence) and always terminates, whether a run of plain ASCII or an escape meets
 * the end. */
Test(output, escape_cuts_between_characters)
{
    static const struct { const char *in; size_t size; const char *out; } cases[] = {
        { "abcdef", 4, "abc" },
        { "abcdef", 7, "abcdef" },
        { "abc\x1b", 6, "abc" },           /* the escape \x1b needs 4 more bytes */
        { "abc\x1b", 8, "abc\\x1b" },
        { "ab\xc3\xa9", 4, "ab" },         /* e-acute needs 2 more bytes and the NUL */
        { "ab\xc3\xa9", 5, "ab\xc3\xa9" },
        { "a\x1b" "bcd", 7, "a\\x1bb" },
        { "abc", 1, "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[16];
        memset(out, 'X', sizeof out);
        cr_assert_str_eq(output_escape(cases[i].in, out, cases[i].size), cases[i].out,
                         "case %zu", i);
    }
}

/* Wraps `text` as output_field does, at `width` columns, after a 10-column label. */
static char *wrap_at(unsigned width, const char *text)
{
    char *out = NULL;
    size_t size = 0;
    FILE *stream = open_memstream(&out, &size);
    cr_assert_not_null(stream);
    struct output o;
    output_init(&o, stream, FORMAT_TEXT, COLOR_NEVER);
    o.width = width;
    output_field(&o, 0, "Remedy:   ", text);
    fclose(stream);
    return out;
}

/* What people copy is never broken across lines: a registry key broke at the space in
 * "Windows NT", a suggested command inside its backticks. The whole unit moves to the next
 * line (or, longer than a line, gets one of its own). */
Test(output, wrapping_keeps_keys_paths_and_commands_whole)
{
    char *text = wrap_at(60, "Set it under HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion "
                             "and then run `slerr diagnose --kms kms-old.corp.example:1688` to check it.");
    cr_assert_str_eq(text, "Remedy:   Set it under\n"
                           "          HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\n"
                           "          and then run\n"
                           "          `slerr diagnose --kms kms-old.corp.example:1688`\n"
                           "          to check it.\n");
    free(text);
    text = wrap_at(40, "Files in C:\\Program Files\\Microsoft Office\\Office16 are read.");
    cr_assert_str_eq(text, "Remedy:   Files in\n"
                           "          C:\\Program Files\\Microsoft Office\\Office16\n"
                           "          are read.\n");
    free(text);
    /* plain words still wrap at the width */
    text = wrap_at(20, "one two three four five six");
    cr_assert_str_eq(text, "Remedy:   one two\n          three four\n          five six\n");
    free(text);
}

/* Every bidirectional and format control the issue lists is escaped, U+061C (two bytes in
 * UTF-8) included, and output_escape (explain's buffers) escapes exactly as output_untrusted
 * (diagnose's stream): one escaping for all untrusted text. */
Test(output, every_bidi_control_is_escaped_the_same_way_in_a_buffer)
{
    static const unsigned controls[] = { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066,
                                         0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x2028,
                                         0x2029, 0x061C };
    for (size_t i = 0; i < sizeof controls / sizeof controls[0]; i++) {
        unsigned cp = controls[i];
        char in[16];
        if (cp < 0x800)
            snprintf(in, sizeof in, "a%c%cb", 0xC0 | cp >> 6, 0x80 | (cp & 0x3F));
        else
            snprintf(in, sizeof in, "a%c%c%cb", 0xE0 | cp >> 12, 0x80 | (cp >> 6 & 0x3F),
                     0x80 | (cp & 0x3F));
        char *out = untrusted(in, 0);
        cr_assert(strncmp(out, "a\\x", 3) == 0 && !strchr(out, 0x80 | (cp & 0x3F)),
                  "U+%04X: %s", cp, out);
        char buf[64];
        cr_assert_str_eq(output_escape(in, buf, sizeof buf), out, "U+%04X", cp);
        free(out);
    }
    char buf[8];
    /* "ab" + U+00E9 + "\x1b": the escape of ESC does not fit and is left out whole */
    cr_assert_str_eq(output_escape("ab\xc3\xa9\x1b", buf, sizeof buf), "ab\xc3\xa9");
    cr_assert_str_eq(output_escape("abcdef\xc3\xa9", buf, sizeof buf), "abcdef");
}
