/* SPDX-License-Identifier: MIT */
/* test_explain_base64.c: the streaming base64 decoder and the JSON walk that read a Microsoft
 * 365 licence file: pieces cut anywhere decode alike, bounds and bad input are errors. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "base64.h"
#include "json_walk.h"

static enum ex_b64_status decode_in_pieces(const char *text, size_t piece, char *out,
                                           size_t cap, size_t *len)
{
    struct ex_b64 b;
    ex_b64_init(&b, (unsigned char *)out, cap);
    for (size_t i = 0; i < strlen(text); i += piece)
        ex_b64_feed(&b, text + i, strlen(text) - i < piece ? strlen(text) - i : piece);
    enum ex_b64_status st = ex_b64_finish(&b);
    *len = b.len;
    return st;
}

Test(base64, rfc4648_vectors_in_every_cut)
{
    static const char *const plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
    static const char *const coded[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=",
                                         "Zm9vYmFy" };
    for (size_t k = 0; k < 7; k++)
        for (size_t piece = 1; piece <= 9; piece++) {
            char out[16];
            size_t len;
            cr_assert_eq(decode_in_pieces(coded[k], piece, out, sizeof out, &len), EX_B64_OK);
            cr_assert_eq(len, strlen(plain[k]));
            cr_assert_eq(memcmp(out, plain[k], len), 0, "%s", coded[k]);
        }
}

Test(base64, blanks_skipped_padding_optional)
{
    char out[16];
    size_t len;
    cr_assert_eq(decode_in_pieces("Zm9v\r\n YmE", 3, out, sizeof out, &len), EX_B64_OK);
    cr_assert_eq(len, 5);
    cr_assert_eq(memcmp(out, "fooba", 5), 0);
}

Test(base64, errors)
{
    char out[16];
    size_t len;
    cr_expect_eq(decode_in_pieces("Zm9v!", 4, out, sizeof out, &len), EX_B64_BAD_CHAR);
    cr_expect_eq(decode_in_pieces("Zg==Zg==", 4, out, sizeof out, &len), EX_B64_BAD_CHAR);
    cr_expect_eq(decode_in_pieces("Zm9vY", 4, out, sizeof out, &len), EX_B64_BAD_END);
    cr_expect_eq(decode_in_pieces("Zm9v=", 4, out, sizeof out, &len), EX_B64_BAD_END);
    cr_expect_eq(decode_in_pieces("Zg===", 4, out, sizeof out, &len), EX_B64_BAD_END);
    cr_expect_eq(decode_in_pieces("Zm9vYmFy", 4, out, 5, &len), EX_B64_TOO_LONG);
    cr_expect_leq(len, 5);
}

struct seen {
    char all[512];
};

static void collect(void *ctx, const char *outer, const char *name, const char *value)
{
    struct seen *s = ctx;
    size_t have = strlen(s->all);
    snprintf(s->all + have, sizeof s->all - have, "%s.%s=%s;", outer, name, value);
}

Test(json_walk, names_around_each_value)
{
    const char *text = "{\"A\":\"x\\u0041\\/\",\"M\":{\"N\":1.5e3,\"Z\":null,\"L\":[true,\"y\"]},"
                       "\"E\":{},\"F\":[]}";
    struct seen s = { { 0 } };
    const char *why = NULL;
    size_t at;
    cr_assert_eq(ex_json_walk(text, strlen(text), collect, &s, &why, &at), 0, "%s", why);
    cr_expect_str_eq(s.all, ".A=xA/;M.N=1.5e3;M.Z=;M.L=true;M.L=y;");
}

Test(json_walk, broken_json_is_refused_with_a_reason)
{
    static const char *const bad[] = { "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "{\"a\":tru}",
                                       "\"x", "{\"a\":\"\x01\"}", "{} x", "{\"a\":\"\\q\"}",
                                       "{\"a\":\"\\u12G4\"}", "", "{1:2}", "[1]]" };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        const char *why = NULL;
        size_t at;
        cr_expect_eq(ex_json_walk(bad[k], strlen(bad[k]), NULL, NULL, &why, &at), -1, "%s",
                     bad[k]);
        cr_expect_not_null(why, "%s", bad[k]);
    }
}

Test(json_walk, nesting_is_bounded)
{
    char deep[2 * (EX_JSON_DEPTH_MAX + 1) + 1];
    memset(deep, '[', EX_JSON_DEPTH_MAX + 1);
    memset(deep + EX_JSON_DEPTH_MAX + 1, ']', EX_JSON_DEPTH_MAX + 1);
    const char *why = NULL;
    size_t at;
    cr_assert_eq(ex_json_walk(deep, sizeof deep - 1, NULL, NULL, &why, &at), -1);
    cr_expect_str_eq(why, "JSON nested too deeply");
    cr_assert_eq(ex_json_walk(deep + 1, sizeof deep - 3, NULL, NULL, &why, &at), 0);
}
