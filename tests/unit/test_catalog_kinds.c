/* SPDX-License-Identifier: MIT */
/* test_catalog_kinds.c: catalog invariants over every kind: the SDK codes are all there,
 * events, symptoms and settings are reachable by ID and name, and every link resolves. */
#include <criterion/criterion.h>
#include <string.h>

#include "slerr.h"

static size_t count_prefix(const char *prefix)
{
    size_t n = 0;
    for (size_t i = 0; i < slerr_count(); i++) {
        const char *symbol = slerr_entry_symbol(slerr_at(i));
        n += symbol && strncmp(symbol, prefix, strlen(prefix)) == 0;
    }
    return n;
}

Test(kinds, holds_every_slerror_h_code)
{
    /* SDK 10.0.26100's slerror.h: 414 HRESULTs. Every one is an SL_ symbol or E_RM_UNKNOWN_ERROR
     * and sits in the Software Licensing facility (4) or the store range 0x803FA...; the
     * catalog's other codes are the network ones, which have other facilities. */
    size_t sl = 0;
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        unsigned facility = (slerr_entry_code(e) >> 16) & 0x7FF;
        int sdk_range = facility == 4 || (slerr_entry_code(e) & 0xFFFFF000u) == 0x803FA000u;
        if (sdk_range && slerr_entry_symbol(e) && (strncmp(slerr_entry_symbol(e), "SL_", 3) == 0 ||
                                       strcmp(slerr_entry_symbol(e), "E_RM_UNKNOWN_ERROR") == 0))
            sl++;
    }
    cr_assert_eq(sl, 414, "%zu slerror.h codes", sl);
    cr_assert_eq(count_prefix("SL_REMAPPING_"), 115);
    cr_assert_eq(count_prefix("SL_I_"), 8);
}

Test(kinds, every_code_has_a_message_and_no_duplicate)
{
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        cr_assert_eq(slerr_entry_kind(e), SLERR_KIND_CODE);
        cr_assert(slerr_entry_message(e) && *slerr_entry_message(e), "0x%08X", slerr_entry_code(e));
        cr_assert_null(slerr_entry_name(e));
        if (i > 0)
            cr_assert_lt(slerr_entry_code(slerr_at(i - 1)), slerr_entry_code(e), "codes sorted and unique");
    }
    cr_assert_eq(slerr_kind_count(SLERR_KIND_CODE), slerr_count());
}

Test(kinds, moved_code_is_found_under_both_values)
{
    const struct slerr_entry *e = slerr_lookup(0xC004C052);
    cr_assert_not_null(e);
    cr_assert_str_eq(slerr_entry_symbol(e), "SL_E_CHPA_DIGITALMARKER_BINDING_NOT_CONFIGURED");
    cr_assert_eq(slerr_lookup(0xC014C052), e);
    cr_assert_eq(slerr_entry_alias_count(e), 1);
    cr_assert_eq(slerr_entry_alias(e, 0), 0xC014C052);
}

Test(kinds, network_codes_the_diagnose_verdicts_use)
{
    static const uint32_t codes[] = { 0x8007007B, 0x8007232A, 0x8007232B, 0x8007251D, 0x8007267C,
                                      0x800706BA, 0xC004F074, 0xC004F06C, 0xC004F038, 0xC004F041,
                                      0x80072EE7, 0x80072EFD, 0x80072F8F, 0x8004FE21, 0x80092328 };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const struct slerr_entry *e = slerr_lookup(codes[i]);
        cr_assert_not_null(e, "0x%08X", codes[i]);
        cr_assert_not_null(slerr_entry_cause(e), "0x%08X", codes[i]);
        cr_assert_not_null(slerr_entry_remedy(e), "0x%08X", codes[i]);
    }
    cr_assert_str_eq(slerr_entry_symbol(slerr_lookup(0x8007007B)), "ERROR_INVALID_NAME");
}

Test(kinds, at_least_sixty_codes_carry_cause_and_remedy)
{
    size_t curated = 0;
    for (size_t i = 0; i < slerr_count(); i++)
        curated += slerr_entry_cause(slerr_at(i)) && slerr_entry_remedy(slerr_at(i)) && slerr_entry_applies(slerr_at(i));
    cr_assert_geq(curated, 60, "%zu curated codes", curated);
}

Test(kinds, events_by_id_and_not_by_code)
{
    static const unsigned ids[] = { 8198, 8209, 12288, 12289, 12290, 12291, 12292, 12293, 12294 };
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        const struct slerr_entry *e = slerr_lookup_event(ids[i]);
        cr_assert_not_null(e, "event %u", ids[i]);
        cr_assert_eq(slerr_entry_kind(e), SLERR_KIND_EVENT);
        cr_assert_eq(slerr_entry_code(e), ids[i]);
        cr_assert(slerr_entry_title(e) && slerr_entry_location(e) && slerr_entry_message(e) && slerr_entry_details(e), "event %u", ids[i]);
        cr_assert_eq(slerr_lookup_name(SLERR_KIND_EVENT, slerr_entry_name(e)), e);
    }
    cr_assert_null(slerr_lookup_event(12295));
    cr_assert_null(slerr_lookup_event(0));
    /* 12290 as a code is Win32 error 12290 (0x80073002), never the event. */
    cr_assert_null(slerr_lookup(12290));
    cr_assert_null(slerr_lookup(0x80073002));
}

Test(kinds, symptoms_and_settings_by_name_in_any_case)
{
    const struct slerr_entry *s = slerr_lookup_name(SLERR_KIND_SETTING, "keymanagementservicename");
    cr_assert_not_null(s);
    cr_assert_str_eq(slerr_entry_name(s), "KeyManagementServiceName");
    cr_assert_str_eq(slerr_entry_value_type(s), "REG_SZ");
    cr_assert_not_null(slerr_entry_default_value(s));
    cr_assert_not_null(slerr_entry_location(s));
    const struct slerr_entry *v = slerr_lookup_name(SLERR_KIND_SETTING, "VLRenewalInterval");
    cr_assert_not_null(v);
    cr_assert_not_null(strstr(slerr_entry_default_value(v), "10080"));
    cr_assert_not_null(slerr_lookup_name(SLERR_KIND_SYMPTOM, "KMS-COUNT-NOT-INCREASING"));
    cr_assert_null(slerr_lookup_name(SLERR_KIND_SYMPTOM, "no-such-thing"));
    cr_assert_null(slerr_lookup_name(SLERR_KIND_SETTING, NULL));
    cr_assert_eq(slerr_lookup_name(SLERR_KIND_CODE, "sl_e_vl_not_enough_count"), slerr_lookup(0xC004F038));
    cr_assert_null(slerr_lookup_name((enum slerr_kind)7, "x"));
}

Test(kinds, iteration_covers_each_kind_and_links_resolve)
{
    static const char *const names[] = { "code", "event", "symptom", "setting" };
    for (unsigned k = 0; k < SLERR_KIND_COUNT; k++) {
        enum slerr_kind kind = (enum slerr_kind)k, parsed;
        cr_assert_str_eq(slerr_kind_name(kind), names[k]);
        cr_assert_eq(slerr_kind_parse(names[k], &parsed), 0);
        cr_assert_eq(parsed, kind);
        cr_assert_gt(slerr_kind_count(kind), 0);
        cr_assert_null(slerr_kind_at(kind, slerr_kind_count(kind)));
        for (size_t i = 0; i < slerr_kind_count(kind); i++) {
            const struct slerr_entry *e = slerr_kind_at(kind, i);
            cr_assert_eq(slerr_entry_kind(e), kind);
            for (size_t j = 0; j < slerr_entry_see_count(e); j++)
                cr_assert_not_null(slerr_lookup(slerr_entry_see(e, j)));
            for (size_t j = 0; j < slerr_entry_related_count(e); j++) {
                const struct slerr_entry *r = slerr_entry_related(e, j);
                cr_assert_neq(slerr_entry_kind(r), SLERR_KIND_CODE);
                cr_assert_eq(slerr_lookup_name(slerr_entry_kind(r), slerr_entry_name(r)), r, "dangling link");
                cr_assert_neq(r, e);
            }
            if (kind != SLERR_KIND_CODE)
                cr_assert(slerr_entry_name(e) && slerr_entry_title(e) && slerr_entry_message(e), "%s %zu", names[k], i);
        }
    }
    cr_assert_geq(slerr_kind_count(SLERR_KIND_SYMPTOM), 10);
    cr_assert_geq(slerr_kind_count(SLERR_KIND_SETTING), 8);
    cr_assert_null(slerr_kind_name((enum slerr_kind)SLERR_KIND_COUNT));
    enum slerr_kind kind;
    cr_assert_eq(slerr_kind_parse("events", &kind), SLERR_E_UNKNOWN_KIND);
    cr_assert_eq(slerr_kind_parse(NULL, &kind), SLERR_E_ARGUMENT);
    cr_assert_eq(slerr_kind_count((enum slerr_kind)9), 0);
}
