/* SPDX-License-Identifier: MIT */
/* test_catalog.c: lookups by code, by symbol (any case) and by position agree for every entry. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <string.h>

#include "slerr.h"

Test(catalog, holds_the_operations_guide_codes)
{
    static const uint32_t guide[] = {
        0xC004C001, 0xC004C003, 0xC004B100, 0xC004C008, 0xC004C020, 0xC004C021, 0xC004F009,
        0xC004F00F, 0xC004F014, 0xC004F02C, 0xC004F035, 0xC004F038, 0xC004F039, 0xC004F041,
        0xC004F042, 0xC004F050, 0xC004F051, 0xC004F064, 0x4004F065, 0xC004F066, 0xC004F069,
        0xC004F06C, 0xC004F074, 0x80070005, 0x8007232A, 0x8007232B, 0x800706BA, 0x8007251D,
        0x8007267C,
    };
    for (size_t i = 0; i < sizeof guide / sizeof guide[0]; i++) {
        const struct slerr_entry *e = slerr_lookup(guide[i]);
        cr_assert_not_null(e, "0x%08X missing", guide[i]);
        cr_assert_not_null(slerr_entry_cause(e), "0x%08X has no cause", guide[i]);
        cr_assert_not_null(slerr_entry_remedy(e), "0x%08X has no remedy", guide[i]);
        cr_assert_neq(slerr_entry_applies(e), 0u, "0x%08X applies to nothing", guide[i]);
    }
}

Test(catalog, sdk_pairings_that_the_garbled_guide_gets_wrong)
{
    cr_assert_str_eq(slerr_entry_symbol(slerr_lookup(0xC004F069)), "SL_E_MISMATCHED_PRODUCT_SKU");
    cr_assert_str_eq(slerr_entry_symbol(slerr_lookup(0xC004F06C)), "SL_E_VL_INVALID_TIMESTAMP");
    cr_assert_str_eq(slerr_entry_symbol(slerr_lookup(0x4004F065)), "SL_I_NONGENUINE_GRACE_PERIOD");
    cr_assert_str_eq(slerr_entry_message(slerr_lookup(0xC004F038)),
                     "The Software Licensing Service reported that the product could not be "
                     "activated. The count reported by your Key Management Service (KMS) is "
                     "insufficient. Please contact your system administrator.");
}

Test(catalog, every_entry_is_found_by_code_and_symbol)
{
    char lower[128];
    cr_assert_gt(slerr_count(), 0);
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        cr_assert_not_null(e);
        cr_assert_not_null(slerr_entry_message(e));
        cr_assert_eq(slerr_lookup(slerr_entry_code(e)), e, "0x%08X", slerr_entry_code(e));
        cr_assert_eq(slerr_message(slerr_entry_code(e)), slerr_entry_message(e));
        if (!slerr_entry_symbol(e))
            continue;
        cr_assert_eq(slerr_lookup_symbol(slerr_entry_symbol(e)), e, "%s", slerr_entry_symbol(e));
        size_t n = strlen(slerr_entry_symbol(e));
        cr_assert_lt(n, sizeof lower);
        for (size_t j = 0; j <= n; j++)
            lower[j] = (char)tolower((unsigned char)slerr_entry_symbol(e)[j]);
        cr_assert_eq(slerr_lookup_symbol(lower), e, "%s", lower);
    }
}

Test(catalog, entries_are_in_code_order_and_see_links_resolve)
{
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        if (i > 0)
            cr_assert_lt(slerr_entry_code(slerr_at(i - 1)), slerr_entry_code(e));
        for (size_t j = 0; j < slerr_entry_see_count(e); j++)
            cr_assert_not_null(slerr_lookup(slerr_entry_see(e, j)), "0x%08X sees 0x%08X", slerr_entry_code(e), slerr_entry_see(e, j));
    }
    cr_assert_null(slerr_at(slerr_count()));
    cr_assert_null(slerr_at((size_t)-1));
}

Test(catalog, unknown_codes_and_symbols)
{
    cr_assert_null(slerr_lookup(0xC004F999));
    cr_assert_null(slerr_lookup_symbol("SL_E_NO_SUCH_THING"));
    cr_assert_null(slerr_lookup_symbol(""));
    cr_assert_null(slerr_lookup_symbol(NULL));
    cr_assert_null(slerr_lookup_symbol("SL_E_VL_NOT_ENOUGH_COUN"));
    const char *message = slerr_message(0xC004F999);
    cr_assert_not_null(message);
    cr_assert_gt(strlen(message), 0);
}

Test(catalog, applies_names)
{
    cr_assert_str_eq(slerr_applies_name(SLERR_KMS_CLIENT), "kms-client");
    cr_assert_str_eq(slerr_applies_name(SLERR_KMS_HOST), "kms-host");
    cr_assert_str_eq(slerr_applies_name(SLERR_MAK), "mak");
    cr_assert_null(slerr_applies_name(SLERR_MAK | SLERR_KMS_HOST));
    cr_assert_null(slerr_applies_name(0));
    cr_assert_str_eq(slerr_version(), SLERR_VERSION_STRING);
}
