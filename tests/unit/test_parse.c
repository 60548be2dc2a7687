/* SPDX-License-Identifier: MIT */
/* test_parse.c: every input form slerr_parse accepts, and the ones it must refuse. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <string.h>

#include "slerr.h"

struct accepted {
    char text[48];
    uint32_t code;
};

ParameterizedTestParameters(parse, accepted_forms)
{
    static struct accepted cases[] = {
        { "0xC004F038", 0xC004F038u },
        { "0XC004f038", 0xC004F038u },
        { "0xc004f038", 0xC004F038u },
        { "C004F038", 0xC004F038u },
        { "c004f038", 0xC004F038u },
        { "3221549112", 0xC004F038u },
        { "-1073418184", 0xC004F038u },
        { "SL_E_VL_NOT_ENOUGH_COUNT", 0xC004F038u },
        { "sl_e_vl_not_enough_count", 0xC004F038u },
        { "Sl_E_Vl_Not_Enough_Count", 0xC004F038u },
        { "1722", 0x800706BAu },
        { "0x6BA", 0x800706BAu },
        { "0x06ba", 0x800706BAu },
        { "5", 0x80070005u },
        { "65535", 0x8007FFFFu },
        { "0xFFFF", 0x8007FFFFu },
        { "65536", 0x00010000u },
        { "0x10000", 0x00010000u },
        { "0", 0x00000000u },
        { "0x0", 0x00000000u },
        { "80070005", 0x80070005u },  /* eight digits: hex, not decimal */
        { "0x00000005", 0x00000005u }, /* 0x and eight digits: the HRESULT as written */
        { "0x00000001", 0x00000001u }, /* S_FALSE, not HRESULT_FROM_WIN32(1) */
        { "0x0000FFFF", 0x0000FFFFu },
        { "0x00005", 0x80070005u },    /* fewer digits: a Win32 error */
        { "0x0000005", 0x80070005u },
        { "4294967295", 0xFFFFFFFFu },
        { "-2147483648", 0x80000000u },
        { "-1", 0xFFFFFFFFu },
        { "0x4004F065", 0x4004F065u },
        { "1074065509", 0x4004F065u },
        { "ERROR_ACCESS_DENIED", 0x80070005u },
        { "-2147024891", 0x80070005u },
    };
    return cr_make_param_array(struct accepted, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct accepted *c, parse, accepted_forms)
{
    uint32_t code = 0x12345678u;
    cr_assert_eq(slerr_parse(c->text, &code), 0, "'%s' was refused", c->text);
    cr_assert_eq(code, c->code, "'%s' gave 0x%08X, expected 0x%08X", c->text, code, c->code);
}

struct refused {
    char text[48];
};

ParameterizedTestParameters(parse, refused_forms)
{
    static struct refused cases[] = {
        { "" }, { "banana" }, { "0x" }, { "0X" }, { "0xG0000000" }, { "0x123456789" },
        { "C004F03" }, { "C004F0388" }, { "4294967296" }, { "99999999999999999999" },
        { "-2147483649" }, { "-0" }, { "-" }, { "--5" }, { "+5" }, { " 0xC004F038" },
        { "0xC004F038 " }, { "12 34" }, { "SL_E_NO_SUCH_THING" }, { "0x-1" }, { "1e5" },
        { "0xC004F038\n" }, { "SL_E_VL_NOT_ENOUGH_COUNT_" },
    };
    return cr_make_param_array(struct refused, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct refused *c, parse, refused_forms)
{
    uint32_t code = 0x12345678u;
    enum slerr_status status = slerr_parse(c->text, &code);
    cr_assert(status == SLERR_E_NOT_A_CODE || status == SLERR_E_UNKNOWN_SYMBOL,
              "'%s' was accepted as 0x%08X", c->text, code);
    cr_assert_eq(code, 0x12345678u, "a refused input changed the output");
}

Test(parse, null_arguments)
{
    uint32_t code;
    cr_assert_eq(slerr_parse(NULL, &code), SLERR_E_ARGUMENT);
    cr_assert_eq(slerr_parse("0xC004F038", NULL), SLERR_E_ARGUMENT);
}

Test(parse, a_refusal_says_why)
{
    uint32_t code;
    cr_assert_eq(slerr_parse("SL_E_NO_SUCH_THING", &code), SLERR_E_UNKNOWN_SYMBOL);
    cr_assert_eq(slerr_parse("0x123456789", &code), SLERR_E_NOT_A_CODE);
    cr_assert_eq(slerr_parse("4294967296", &code), SLERR_E_NOT_A_CODE);
    cr_assert_eq(slerr_parse("", &code), SLERR_E_NOT_A_CODE);
    cr_assert_eq(slerr_parse("sl_e_vl_not_enough_count", &code), SLERR_OK);
}

Test(parse, every_catalog_code_round_trips_in_every_form)
{
    char text[32];
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        uint32_t code;
        snprintf(text, sizeof text, "0x%08X", slerr_entry_code(e));
        cr_assert_eq(slerr_parse(text, &code), 0);
        cr_assert_eq(code, slerr_entry_code(e), "%s", text);
        snprintf(text, sizeof text, "%08x", slerr_entry_code(e));
        cr_assert_eq(slerr_parse(text, &code), 0);
        cr_assert_eq(code, slerr_entry_code(e), "%s", text);
        /* eight decimal digits read as hex (the rule above), so such values are skipped here */
        if (slerr_entry_code(e) >= 0x10000u && snprintf(text, sizeof text, "%u", slerr_entry_code(e)) != 8) {
            cr_assert_eq(slerr_parse(text, &code), 0);
            cr_assert_eq(code, slerr_entry_code(e), "%s", text);
        }
        if (slerr_entry_code(e) & 0x80000000u) {
            snprintf(text, sizeof text, "%d", (int32_t)slerr_entry_code(e));
            cr_assert_eq(slerr_parse(text, &code), 0);
            cr_assert_eq(code, slerr_entry_code(e), "%s", text);
        }
        if (slerr_entry_symbol(e)) {
            cr_assert_eq(slerr_parse(slerr_entry_symbol(e), &code), 0, "%s", slerr_entry_symbol(e));
            cr_assert_eq(code, slerr_entry_code(e), "%s", slerr_entry_symbol(e));
        }
    }
}
