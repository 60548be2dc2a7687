/* SPDX-License-Identifier: MIT */
/* test_explain_normalize.c: the normalize layer line by line: the noise of forums and chats
 * goes, the text a reader needs stays (indentation, ospp's dashes, XML). */
#include <criterion/criterion.h>
#include <string.h>

#include "normalize.h"

static const char *norm(const char *in)
{
    static char buf[512];
    size_t len = strlen(in);
    cr_assert_lt(len, sizeof buf);
    memcpy(buf, in, len);
    buf[ex_normalize(buf, len)] = '\0';
    return buf;
}

Test(normalize, markdown_and_forum_noise)
{
    cr_expect_str_eq(norm("> License Status: Licensed"), "License Status: Licensed");
    cr_expect_str_eq(norm(">> > Name: Office"), "Name: Office");
    cr_expect_str_eq(norm("```text"), "");
    cr_expect_str_eq(norm("  ~~~"), "");
    cr_expect_str_eq(norm("**License Status:** `Notification`"), "License Status: Notification");
    cr_expect_str_eq(norm("- Error: 0xC004F074"), "Error: 0xC004F074");
    cr_expect_str_eq(norm("* Current count: 12"), "Current count: 12");
    cr_expect_str_eq(norm("\xE2\x80\xA2 Name: Windows"), "Name: Windows");
    /* a bullet and a tab, as Office Tool Plus's report pasted from a word processor has them
     * (https://github.com/YerongAI/Office-Tool/issues/601) */
    cr_expect_str_eq(norm("\xE2\x80\xA2\tSKU ID: 4c8d9af4"), "SKU ID: 4c8d9af4");
    cr_expect_str_eq(norm("-\tError: 0xC004F074"), "Error: 0xC004F074");
    cr_expect_str_eq(norm("3. ERROR CODE: 0xC004F074"), "ERROR CODE: 0xC004F074");
    cr_expect_str_eq(norm("12) Name: x"), "Name: x");
    cr_expect_str_eq(norm("Name: Windows  "), "Name: Windows");
    cr_expect_str_eq(norm("> - **Error:** 0xC004F074  "), "Error: 0xC004F074");
}

/* A doubled '_' or '*' inside a word is part of a name: stripping it turned a host PC__01
 * into PC01 in a 12290 event and in the `slerr diagnose --kms` command explain suggests. */
Test(normalize, doubled_marker_inside_a_word_is_kept)
{
    cr_expect_str_eq(norm("KMS machine name from DNS: kms__01.contoso.com:1688"),
                     "KMS machine name from DNS: kms__01.contoso.com:1688");
    cr_expect_str_eq(norm("<Data>0x0,25,PC__042.contoso.com,3c2a</Data>"),
                     "<Data>0x0,25,PC__042.contoso.com,3c2a</Data>");
    cr_expect_str_eq(norm("Name: a**b"), "Name: a**b");
    cr_expect_str_eq(norm("__Name:__ PC__1"), "Name: PC__1");
    cr_expect_str_eq(norm("**Error:**0xC004F074"), "Error:0xC004F074");
}

Test(normalize, full_width_forms_become_ascii)
{
    /* 许可证状态：已授权 with a full-width colon; full-width digits; ideographic space */
    cr_expect_str_eq(norm("\xE8\xAE\xB8\xE5\x8F\xAF\xEF\xBC\x9A\xE5\xB7\xB2"),
                     "\xE8\xAE\xB8\xE5\x8F\xAF:\xE5\xB7\xB2");
    cr_expect_str_eq(norm("\xEF\xBC\x90\xEF\xBD\x98\xEF\xBC\xA3\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC\x94"),
                     "0xC004");
    cr_expect_str_eq(norm("a\xE3\x80\x80" "b\xC2\xA0" "c"), "a b c");
    cr_expect_str_eq(norm("\xEF\xBB\xBFName: x\xE2\x80\x8B"), "Name: x");
}

Test(normalize, what_readers_need_stays)
{
    cr_expect_str_eq(norm("    continued value"), "    continued value");
    cr_expect_str_eq(norm("---Processing--------------------------"),
                     "---Processing--------------------------");
    cr_expect_str_eq(norm("  <Data>0xC004F074</Data>"), "  <Data>0xC004F074</Data>");
    cr_expect_str_eq(norm("Description: Windows(R), VOLUME_KMSCLIENT channel"),
                     "Description: Windows(R), VOLUME_KMSCLIENT channel");
    cr_expect_str_eq(norm("1: 2077f0b2-b2e2, 1, 0"), "1: 2077f0b2-b2e2, 1, 0");
    cr_expect_str_eq(norm("Name: x "), "Name: x ");
    cr_expect_str_eq(norm("   "), "");
}

/* The special bytes are found eight at a time: each one, at every offset of a long line (both
 * sides of a word boundary), is rewritten as when it is alone. */
Test(normalize, special_byte_found_at_every_offset)
{
    static const char *const marks[][2] = {
        { "**", "" }, { "__", "" }, { "`", "" }, { "\xEF\xBC\x9A", ":" }, { "\xC2\xA0", " " },
    };
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        for (size_t at = 0; at < 40; at++) { /* both sides of two 16-byte blocks */
            char in[80], want[80];
            /* '.' before the mark: a doubled mark between letters is part of a word */
            memset(in, '.', at);
            strcpy(in + at, marks[m][0]);
            strcat(in, "bbbbbbbbbbbbbbbbbbbb");
            memset(want, '.', at);
            strcpy(want + at, marks[m][1]);
            strcat(want, "bbbbbbbbbbbbbbbbbbbb");
            cr_expect_str_eq(norm(in), want, "mark %zu at %zu", m, at);
        }
    }
}
