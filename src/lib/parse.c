/* SPDX-License-Identifier: MIT */
/* parse.c: the one parser for every form in which a user writes a code.
 * Hex, unsigned and signed decimal, symbols, and Win32 errors that become HRESULTs. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "slerr.h"

#define WIN32_LIMIT 0x10000u
#define HRESULT_WIN32_BASE 0x80070000u

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Reads 1..8 hex digits filling the whole string. */
static bool parse_hex(const char *s, uint32_t *value)
{
    size_t n = strlen(s);
    if (n == 0 || n > 8)
        return false;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = hex_value(s[i]);
        if (d < 0)
            return false;
        v = (v << 4) | (uint32_t)d;
    }
    *value = v;
    return true;
}

/* Reads decimal digits filling the whole string into at most `limit`. */
static bool parse_decimal(const char *s, uint64_t limit, uint64_t *value)
{
    if (*s == '\0')
        return false;
    uint64_t v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
        if (v > limit)
            return false;
    }
    *value = v;
    return true;
}

/* Small values are Win32 error codes, as slui and the event log write them. */
static uint32_t from_win32_or_raw(uint32_t value)
{
    if (value == 0 || value >= WIN32_LIMIT)
        return value;
    return HRESULT_WIN32_BASE | value;
}

static bool is_symbol_shaped(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_')
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

enum slerr_status slerr_parse(const char *text, uint32_t *code)
{
    uint32_t value;
    uint64_t wide;
    if (!text || !code)
        return SLERR_E_ARGUMENT;
    if (*text == '\0')
        return SLERR_E_NOT_A_CODE;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        if (!parse_hex(text + 2, &value))
            return SLERR_E_NOT_A_CODE;
        /* Exactly eight digits are an HRESULT as written (0x00000005 is not 0x80070005);
         * only a shorter hex number can be a Win32 error, as winerror.h writes them. */
        *code = strlen(text + 2) == 8 ? value : from_win32_or_raw(value);
        return SLERR_OK;
    }
    /* Eight hex digits are an HRESULT written without 0x, even when they are all digits:
     * an eight-digit decimal would be a meaningless success code. */
    if (strlen(text) == 8 && parse_hex(text, &value)) {
        *code = value;
        return SLERR_OK;
    }
    if (text[0] == '-' && all_digits(text + 1, strlen(text + 1))) {
        if (!parse_decimal(text + 1, 0x80000000u, &wide) || wide == 0)
            return SLERR_E_NOT_A_CODE;
        *code = (uint32_t)(0x100000000u - wide);
        return SLERR_OK;
    }
    if (parse_decimal(text, 0xFFFFFFFFu, &wide)) {
        *code = from_win32_or_raw((uint32_t)wide);
        return SLERR_OK;
    }
    if (is_symbol_shaped(text)) {
        const struct slerr_entry *entry = slerr_lookup_symbol(text);
        if (!entry)
            return SLERR_E_UNKNOWN_SYMBOL;
        *code = slerr_entry_code(entry);
        return SLERR_OK;
    }
    return SLERR_E_NOT_A_CODE;
}
