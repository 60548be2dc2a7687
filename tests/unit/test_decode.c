/* SPDX-License-Identifier: MIT */
/* test_decode.c: the HRESULT fields of known and unknown codes. */
#include <criterion/criterion.h>

#include "slerr.h"

Test(decode, software_licensing_error)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(0xC004F999, &d);
    cr_assert_eq(d.code, 0xC004F999u);
    cr_assert_eq(d.failure, 1);
    cr_assert_eq(d.reserved, 1);
    cr_assert_eq(d.customer, 0);
    cr_assert_eq(d.ntstatus, 0);
    cr_assert_eq(d.facility, 4u);
    cr_assert_str_eq(d.facility_name, "ITF");
    cr_assert_eq(d.code_field, 0xF999u);
    cr_assert_eq(d.is_win32, 0);
    cr_assert_null(d.win32_name);
}

Test(decode, win32_code_not_in_catalog_is_named)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(0x80070020, &d);
    cr_assert_eq(d.is_win32, 1);
    cr_assert_eq(d.facility, 7u);
    cr_assert_str_eq(d.facility_name, "WIN32");
    cr_assert_eq(d.code_field, 32u);
    cr_assert_str_eq(d.win32_name, "ERROR_SHARING_VIOLATION");
}

Test(decode, win32_code_in_catalog_uses_its_symbol)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(0x800706BA, &d);
    cr_assert_eq(d.is_win32, 1);
    cr_assert_eq(d.code_field, 1722u);
    cr_assert_str_eq(d.win32_name, "RPC_S_SERVER_UNAVAILABLE");
}

Test(decode, win32_without_a_name)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(0x8007FFFE, &d);
    cr_assert_eq(d.is_win32, 1);
    cr_assert_null(d.win32_name);
}

Test(decode, customer_and_ntstatus_bits)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(0xE0070005, &d); /* customer bit set: not a Microsoft Win32 code */
    cr_assert_eq(d.customer, 1);
    cr_assert_eq(d.is_win32, 0);
    slerr_decode(0xD0000022, &d);
    cr_assert_eq(d.ntstatus, 1);
    cr_assert_eq(d.is_win32, 0);
}

Test(decode, informational_and_success)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(0x4004F065, &d);
    cr_assert_eq(d.failure, 0);
    cr_assert_eq(d.reserved, 1);
    slerr_decode(0, &d);
    cr_assert_eq(d.failure, 0);
    cr_assert_eq(d.reserved, 0);
    cr_assert_str_eq(d.facility_name, "NULL");
}

Test(decode, unknown_facility)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(0x87FF0001, &d);
    cr_assert_eq(d.facility, 0x7FFu);
    cr_assert_null(d.facility_name);
}

Test(decode, severity_word_from_the_s_and_r_bits)
{
    static const struct { uint32_t code; const char *word; } cases[] = {
        { 0xC004F038, "error" },       /* S and R */
        { 0x80070005, "error" },       /* S alone */
        { 0x4004F040, "information" }, /* R alone */
        { 0x0004F041, "success" },     /* neither */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct slerr_decoded d = SLERR_DECODED_INIT;
        cr_assert_eq(slerr_decode(cases[i].code, &d), 0);
        cr_assert_str_eq(d.severity, cases[i].word, "0x%08X", cases[i].code);
    }
}
