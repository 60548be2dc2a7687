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

/* ---- slerr_parse_word: a code with what surrounds it, and the field rules ---- */

struct in_word {
    char text[48];
    unsigned flags;
    uint32_t code;
    size_t start, length; /* where the code's own text stands */
};

ParameterizedTestParameters(parse_word, accepted)
{
    static struct in_word cases[] = {
        { "0xC004F074", 0, 0xC004F074u, 0, 10 },
        { "(0xC004F074)", 0, 0xC004F074u, 1, 10 },
        { "0xC004F074.", 0, 0xC004F074u, 0, 10 },
        { "hr=0xc004f074,", 0, 0xC004F074u, 3, 10 },
        { "0xC004F074\r", 0, 0xC004F074u, 0, 10 },
        { "0xC004F074\r\n", 0, 0xC004F074u, 0, 10 },
        { "  \"0xC004F074\":", 0, 0xC004F074u, 3, 10 },
        { "[0xC004F074];", 0, 0xC004F074u, 1, 10 },
        { "`0xC004F074`", 0, 0xC004F074u, 1, 10 },
        { "error=0x80070005)", 0, 0x80070005u, 6, 10 },
        { "(SL_E_VL_NOT_ENOUGH_COUNT)", 0, 0xC004F038u, 1, 24 },
        { "'1722'", 0, 0x800706BAu, 1, 4 },
        { "(0x6BA)", 0, 0x800706BAu, 1, 5 },
        { "80070005", 0, 0x80070005u, 0, 8 },        /* eight digits: hex */
        { "-1073418124.", 0, 0xC004F074u, 0, 11 },
        /* short 0x: a Win32 error where a person writes it ... */
        { "0x4", 0, 0x80070004u, 0, 3 },
        { "0x0", 0, 0x00000000u, 0, 3 },
        { "0x4F040", 0, 0x0004F040u, 0, 7 },         /* from 0x10000 on: as written */
        /* ... and the number as written in a field that holds an HRESULT */
        { "0x4", SLERR_PARSE_HRESULT, 0x00000004u, 0, 3 },
        { "hr=0x6BA", SLERR_PARSE_HRESULT, 0x000006BAu, 3, 5 },
        { "5", SLERR_PARSE_HRESULT, 0x00000005u, 0, 1 },
        { "0xC004F074", SLERR_PARSE_HRESULT, 0xC004F074u, 0, 10 },
        /* a decimal field: digits are decimal, eight too, and as written */
        { "80070005", SLERR_PARSE_DECIMAL, 80070005u, 0, 8 },
        { "3221549172", SLERR_PARSE_DECIMAL, 0xC004F074u, 0, 10 },
        { "-1073418124", SLERR_PARSE_DECIMAL, 0xC004F074u, 0, 11 },
        { "0", SLERR_PARSE_DECIMAL, 0u, 0, 1 },
        { "-0", SLERR_PARSE_DECIMAL, 0u, 0, 2 },
        { "1722", SLERR_PARSE_DECIMAL, 1722u, 0, 4 },
        { "0xC004F009", SLERR_PARSE_DECIMAL, 0xC004F009u, 0, 10 }, /* hex stays hex */
        /* the first word of a value, whatever follows */
        { "0xC004F074 (the message)", SLERR_PARSE_FIRST_WORD, 0xC004F074u, 0, 10 },
        { "0xC004F009. The grace", SLERR_PARSE_FIRST_WORD, 0xC004F009u, 0, 10 },
        { "1074066433 more", SLERR_PARSE_FIRST_WORD | SLERR_PARSE_DECIMAL, 1074066433u, 0, 10 },
        /* Chinese runs on after a code with no blank (a zh-CN slmgr error box) */
        { "0xC004F069\xE5\x9C\xA8\xE8\xBF\x90\xE8\xA1\x8C", SLERR_PARSE_FIRST_WORD, 0xC004F069u, 0,
          10 },
    };
    return cr_make_param_array(struct in_word, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct in_word *c, parse_word, accepted)
{
    uint32_t code = 0x12345678u;
    size_t start = 99, length = 99;
    cr_assert_eq(slerr_parse_word(c->text, strlen(c->text), c->flags, &code, &start, &length),
                 SLERR_OK, "'%s' (flags %u) was refused", c->text, c->flags);
    cr_assert_eq(code, c->code, "'%s' (flags %u) gave 0x%08X, expected 0x%08X", c->text,
                 c->flags, code, c->code);
    cr_assert_eq(start, c->start, "'%s': starts at %zu", c->text, start);
    cr_assert_eq(length, c->length, "'%s': %zu bytes long", c->text, length);
}

ParameterizedTestParameters(parse_word, refused)
{
    static struct in_word cases[] = {
        { "", 0, 0, 0, 0 },
        { "()", 0, 0, 0, 0 },
        { "0xC004F074,0xC004F038", 0, 0, 0, 0 }, /* two codes are not one */
        { "gets 0xC004F074", 0, 0, 0, 0 },       /* a sentence is no word */
        { "0xC004F074 when", 0, 0, 0, 0 },
        { "0xC004F074x", 0, 0, 0, 0 },
        { "x0xC004F074", 0, 0, 0, 0 },
        { "0x=0xC004F074", 0, 0, 0, 0 },
        { "a GUID 51c82175-844e", SLERR_PARSE_FIRST_WORD, 0, 0, 0 },
        { "banana.", 0, 0, 0, 0 },
        { "-0", 0, 0, 0, 0 },                    /* no code a person types */
        { "0xC004F074é", 0, 0, 0, 0 },
        { "0xC004F069\xE5\x9C\xA8", 0, 0, 0, 0 }, /* a lookup word: only punctuation may follow */
    };
    return cr_make_param_array(struct in_word, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct in_word *c, parse_word, refused)
{
    uint32_t code = 0x12345678u;
    size_t start = 99;
    enum slerr_status status =
        slerr_parse_word(c->text, strlen(c->text), c->flags, &code, &start, NULL);
    cr_assert(status == SLERR_E_NOT_A_CODE || status == SLERR_E_UNKNOWN_SYMBOL,
              "'%s' was accepted as 0x%08X", c->text, code);
    cr_assert_eq(code, 0x12345678u, "a refused input changed the output");
    cr_assert_eq(start, 99, "a refused input changed the output");
}

Test(parse_word, reads_only_len_bytes_and_stops_at_a_nul)
{
    uint32_t code = 0;
    cr_assert_eq(slerr_parse_word("0xC004F074garbage", 10, 0, &code, NULL, NULL), SLERR_OK);
    cr_assert_eq(code, 0xC004F074u);
    cr_assert_eq(slerr_parse_word("0x5\0junk", 8, 0, &code, NULL, NULL), SLERR_E_NOT_A_CODE);
}

Test(parse_word, bad_arguments)
{
    uint32_t code;
    cr_assert_eq(slerr_parse_word(NULL, 0, 0, &code, NULL, NULL), SLERR_E_ARGUMENT);
    cr_assert_eq(slerr_parse_word("0x5", 3, 0, NULL, NULL, NULL), SLERR_E_ARGUMENT);
    cr_assert_eq(slerr_parse_word("0x5", 3, 64, &code, NULL, NULL), SLERR_E_ARGUMENT);
}

Test(parse_word, agrees_with_slerr_parse_on_every_bare_form)
{
    static const char *const forms[] = { "0xC004F038", "C004F038", "3221549112", "-1073418184",
                                         "SL_E_VL_NOT_ENOUGH_COUNT", "1722", "0x6BA", "0x0" };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        uint32_t a = 0, b = 1;
        cr_assert_eq(slerr_parse(forms[i], &a), SLERR_OK);
        cr_assert_eq(slerr_parse_word(forms[i], strlen(forms[i]), 0, &b, NULL, NULL), SLERR_OK);
        cr_assert_eq(a, b, "%s", forms[i]);
    }
}
