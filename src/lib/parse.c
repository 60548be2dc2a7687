/* SPDX-License-Identifier: MIT */
/* parse.c: the one parser for every form in which a user writes a code.
 * Hex, unsigned and signed decimal, symbols, and Win32 errors that become HRESULTs. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "hex-digit.h"
#include "slerr.h"

#define WIN32_LIMIT 0x10000u
#define HRESULT_WIN32_BASE 0x80070000u

/* Reads 1..8 hex digits filling the whole string. */
static bool parse_hex(const char *s, uint32_t *value)
{
    size_t n = strlen(s);
    if (n == 0 || n > 8)
        return false;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = slerr__hex_value(s[i]);
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

/* Small values are Win32 errors unless the field holds an HRESULT as written. */
static uint32_t short_value(uint32_t value, unsigned flags)
{
    return (flags & (SLERR_PARSE_HRESULT | SLERR_PARSE_DECIMAL)) ? value : from_win32_or_raw(value);
}

static bool all_decimal(const char *s)
{
    return all_digits(s, strlen(s)) && *s != '\0';
}

/* One whole word in any form, read by the rules `flags` name. */
static enum slerr_status parse_form(const char *text, unsigned flags, uint32_t *code)
{
    uint32_t value;
    uint64_t wide;
    if (*text == '\0')
        return SLERR_E_NOT_A_CODE;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        if (!parse_hex(text + 2, &value))
            return SLERR_E_NOT_A_CODE;
        /* Exactly eight digits are an HRESULT as written (0x00000005 is not 0x80070005);
         * only a shorter hex number can be a Win32 error, as people and certutil write them. */
        *code = strlen(text + 2) == 8 ? value : short_value(value, flags);
        return SLERR_OK;
    }
    /* Eight hex digits are an HRESULT written without 0x, even when they are all digits:
     * an eight-digit decimal would be a meaningless success code. Not in a decimal field. */
    bool decimal_field = (flags & SLERR_PARSE_DECIMAL) && all_decimal(text);
    if (!decimal_field && strlen(text) == 8 && parse_hex(text, &value)) {
        *code = value;
        return SLERR_OK;
    }
    if (text[0] == '-' && all_digits(text + 1, strlen(text + 1))) {
        /* "-0" is no code a person types, but a decimal field's zero */
        if (!parse_decimal(text + 1, 0x80000000u, &wide) ||
            (wide == 0 && !(flags & SLERR_PARSE_DECIMAL)))
            return SLERR_E_NOT_A_CODE;
        *code = (uint32_t)(0x100000000u - wide);
        return SLERR_OK;
    }
    if (parse_decimal(text, 0xFFFFFFFFu, &wide)) {
        *code = short_value((uint32_t)wide, flags);
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

enum slerr_status slerr_parse(const char *text, uint32_t *code)
{
    if (!text || !code)
        return SLERR_E_ARGUMENT;
    return parse_form(text, 0, code);
}

/* ---- A code with what surrounds it when copied ---- */

#define WORD_MAX 96 /* longer than any symbol of the catalog */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool opens(char c)
{
    return c != '\0' && strchr("([{<\"'`", c) != NULL;
}

/* What ends a word: a blank, a bracket or quote, a list separator, or a character outside
 * ASCII: no code or symbol holds one, and Chinese or Japanese text runs on after a code with no
 * blank ("0xC004F069在运行"). */
static bool ends_word(char c)
{
    return c == '\0' || (unsigned char)c >= 0x80 || is_blank(c) ||
           strchr("()[]{}<>\"'`,;", c) != NULL;
}

/* What may follow a whole word: closing punctuation, a sentence's end, blanks, a line end. */
static bool may_trail(char c)
{
    return is_blank(c) || (c != '\0' && strchr(")]}>\"'`,;.:!?", c) != NULL);
}

/* "hr=", "error=": a name and '=' before the value (letters only, so "0x=" is no name). */
static size_t name_prefix(const char *text, size_t len)
{
    size_t n = 0;
    while (n < len && n < 16 && ((text[n] | 0x20) >= 'a' && (text[n] | 0x20) <= 'z'))
        n++;
    return n > 0 && n < len && text[n] == '=' ? n + 1 : 0;
}

enum slerr_status slerr_parse_word(const char *text, size_t len, unsigned flags, uint32_t *code,
                                   size_t *start, size_t *length)
{
    if (!text || !code || (flags & ~(SLERR_PARSE_DECIMAL | SLERR_PARSE_HRESULT |
                                     SLERR_PARSE_FIRST_WORD)))
        return SLERR_E_ARGUMENT;
    size_t at = 0;
    while (at < len && (is_blank(text[at]) || opens(text[at])))
        at++;
    at += name_prefix(text + at, len - at);
    size_t end = at;
    while (end < len && !ends_word(text[end]))
        end++;
    size_t n = end - at;
    while (n > 0 && strchr(".:!?", text[at + n - 1]))
        n--; /* "0xC004F009." at a sentence's end */
    if (!(flags & SLERR_PARSE_FIRST_WORD))
        for (size_t i = at + n; i < len; i++)
            if (!may_trail(text[i]))
                return SLERR_E_NOT_A_CODE;
    if (n == 0 || n >= WORD_MAX)
        return SLERR_E_NOT_A_CODE;
    char word[WORD_MAX];
    memcpy(word, text + at, n);
    word[n] = '\0';
    enum slerr_status status = parse_form(word, flags, code);
    if (status != SLERR_OK)
        return status;
    if (start)
        *start = at;
    if (length)
        *length = n;
    return SLERR_OK;
}
