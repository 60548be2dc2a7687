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
