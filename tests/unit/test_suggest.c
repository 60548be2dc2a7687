/* SPDX-License-Identifier: MIT */
/* test_suggest.c: "did you mean" finds near misses and stays quiet for unrelated words. */
#include <criterion/criterion.h>
#include <string.h>

#include "slerr.h"

static void assert_suggests(const char *typed, const char *expected)
{
    const struct slerr_entry *e = slerr_suggest_symbol(typed);
    cr_assert_not_null(e, "no suggestion for %s", typed);
    cr_assert_str_eq(slerr_entry_symbol(e), expected, "for %s", typed);
}

Test(suggest, near_misses)
{
    assert_suggests("SL_E_VL_NOT_ENOGH_COUNT", "SL_E_VL_NOT_ENOUGH_COUNT");    /* deletion */
    assert_suggests("sl_e_vl_not_enough_coutn", "SL_E_VL_NOT_ENOUGH_COUNT");   /* transposition */
    assert_suggests("SL_E_VL_INVALID_TIMESTAMPS", "SL_E_VL_INVALID_TIMESTAMP"); /* insertion */
    assert_suggests("ERROR_ACCESS_DENIDE", "ERROR_ACCESS_DENIED");
}

Test(suggest, nothing_for_unrelated_or_odd_input)
{
    cr_assert_null(slerr_suggest_symbol("banana"));
    cr_assert_null(slerr_suggest_symbol(""));
    cr_assert_null(slerr_suggest_symbol(NULL));
    cr_assert_null(slerr_suggest_symbol("ab"));
    char huge[4096];
    memset(huge, 'A', sizeof huge - 1);
    huge[sizeof huge - 1] = '\0';
    cr_assert_null(slerr_suggest_symbol(huge));
}

static void assert_code_suggested(const char *typed, uint32_t expected)
{
    const struct slerr_entry *e = slerr_suggest_code(typed, strlen(typed));
    cr_assert_not_null(e, "no code suggested for %s", typed);
    cr_assert_eq(slerr_entry_code(e), expected, "for %s: 0x%08X", typed, slerr_entry_code(e));
}

Test(suggest_code, a_digit_too_many_or_too_few)
{
    /* one candidate in the catalog */
    assert_code_suggested("0x803F701", 0x803F7001u);  /* a ticket's "0x803F701" */
    assert_code_suggested("C004F74", 0xC004F074u);
    assert_code_suggested("0XC004F0388", 0xC004F038u);
    /* 0x80000002 and 0x80070002 are both one dropped digit away: a zero typed twice is the
     * slip that explains one of them (a ticket's "0x800070002") */
    assert_code_suggested("0x800070002", 0x80070002u);
}

Test(suggest_code, nothing_when_the_slip_is_not_one_code)
{
    /* 0xC004C003, 0xC004C033, ... are each a missed double of some digit: no one answer */
    cr_assert_null(slerr_suggest_code("0xC004C03", 9));
    cr_assert_null(slerr_suggest_code("0xC004F074", 10)); /* eight digits: a code as written */
    cr_assert_null(slerr_suggest_code("0x12", 4));
    cr_assert_null(slerr_suggest_code("0xC004F07G", 10));
    cr_assert_null(slerr_suggest_code("0xC004F0744", 8)); /* only len bytes are read */
    cr_assert_null(slerr_suggest_code(NULL, 0));
    cr_assert_null(slerr_suggest_code("0x7ffd1234567", 13));
}
