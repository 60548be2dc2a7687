/* SPDX-License-Identifier: MIT */
/* test_describe.c: the one-line description and its snprintf contract. */
#include <criterion/criterion.h>
#include <string.h>

#include "slerr.h"

static const char expected_f038[] =
    "0xC004F038 SL_E_VL_NOT_ENOUGH_COUNT: The Software Licensing Service reported that the product "
    "could not be activated. The count reported by your Key Management Service (KMS) is "
    "insufficient. Please contact your system administrator.";

Test(describe, known_code)
{
    char buf[512];
    int n = slerr_describe(0xC004F038, buf, sizeof buf);
    cr_assert_str_eq(buf, expected_f038);
    cr_assert_eq(n, (int)strlen(expected_f038));
}

Test(describe, truncation_at_every_size)
{
    char buf[512];
    int full = (int)strlen(expected_f038);
    for (size_t size = 1; size <= sizeof buf; size++) {
        memset(buf, 'X', sizeof buf);
        int n = slerr_describe(0xC004F038, buf, size);
        cr_assert_eq(n, full, "size %zu", size);
        size_t written = size - 1 < (size_t)full ? size - 1 : (size_t)full;
        cr_assert_eq(buf[written], '\0', "size %zu not terminated at %zu", size, written);
        cr_assert_eq(strncmp(buf, expected_f038, written), 0, "size %zu", size);
        if (written + 1 < sizeof buf)
            cr_assert_eq(buf[written + 1], 'X', "size %zu wrote past its end", size);
    }
}

Test(describe, zero_size_writes_nothing)
{
    char guard = 'G';
    cr_assert_eq(slerr_describe(0xC004F038, &guard, 0), (int)strlen(expected_f038));
    cr_assert_eq(guard, 'G');
    cr_assert_gt(slerr_describe(0xC004F999, NULL, 0), 0);
}

Test(describe, unknown_codes_are_decoded)
{
    char buf[256];
    slerr_describe(0xC004F999, buf, sizeof buf);
    cr_assert_str_eq(buf, "0xC004F999: unknown code (error, facility ITF 4, code 0xF999)");
    slerr_describe(0x8007FFFE, buf, sizeof buf);
    cr_assert_str_eq(buf, "0x8007FFFE: unknown code (Win32 error 65534)");
    slerr_describe(0x80070020, buf, sizeof buf); /* imported from winerror.h */
    cr_assert_str_eq(buf, "0x80070020 ERROR_SHARING_VIOLATION: The process cannot access the "
                          "file because it is being used by another process.");
    slerr_describe(0x87FF0001, buf, sizeof buf);
    cr_assert_str_eq(buf, "0x87FF0001: unknown code (error, facility 2047, code 0x0001)");
}

/* Tools print Win32 errors with eight digits: 0x000006BA stays the (unknown) HRESULT, but its
 * Win32 reading is the entry of HRESULT_FROM_WIN32(1722). */
Test(describe, eight_digit_win32_error_has_its_win32_reading)
{
    const struct slerr_entry *e = slerr_win32_reading(0x000006BA);
    cr_assert_not_null(e);
    cr_assert_eq(slerr_entry_code(e), 0x800706BAu);
    cr_assert_str_eq(slerr_entry_symbol(e), "RPC_S_SERVER_UNAVAILABLE");
    cr_assert_null(slerr_lookup(0x000006BA), "the value itself stays unknown");
    char buf[256];
    slerr_describe(0x000006BA, buf, sizeof buf);
    cr_assert_str_eq(buf, "0x000006BA: unknown HRESULT; as Win32 error 1722 RPC_S_SERVER_UNAVAILABLE: "
                          "The RPC server is unavailable.");
}

Test(describe, win32_reading_only_below_0x10000_and_only_when_unknown)
{
    cr_assert_null(slerr_win32_reading(0x000106BA), "above 0xFFFF a value is no Win32 error");
    cr_assert_null(slerr_win32_reading(0), "zero is in the catalog (S_OK, ERROR_SUCCESS)");
    cr_assert_null(slerr_win32_reading(0xFFFE), "no Win32 error 65534 is known");
    cr_assert_null(slerr_win32_reading(0x800706BA), "an HRESULT is read as itself");
}
