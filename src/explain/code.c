/* SPDX-License-Identifier: MIT */
/* code.c: codes read from fields through libslerr's parser. */
#include <string.h>

#include <slerr.h>

#include "code.h"
#include "hex.h"

bool ex_code_parse(const char *text, size_t len, bool decimal, uint32_t *code)
{
    unsigned flags = SLERR_PARSE_FIRST_WORD | (decimal ? SLERR_PARSE_DECIMAL : 0);
    return slerr_parse_word(text, len, flags, code, NULL, NULL) == SLERR_OK;
}

bool ex_event_code(const char *value, uint32_t *code)
{
    /* An event writes its results in hex ("hr=0x80070005", "0x0"), as the HRESULT it is, also
     * when short: a shorter 0x value is no Win32 error here. */
    const char *s = strncmp(value, "hr=", 3) == 0 ? value + 3 : value;
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return false;
    return slerr_parse_word(value, strlen(value), SLERR_PARSE_HRESULT, code, NULL, NULL) ==
           SLERR_OK;
}

bool ex_win32_decimal(const char *text, size_t len, uint32_t *code)
{
    if (len == 0 || len > 5)
        return false;
    for (size_t i = 0; i < len; i++)
        if (text[i] < '0' || text[i] > '9')
            return false;
    uint32_t value;
    if (slerr_parse_word(text, len, 0, &value, NULL, NULL) != SLERR_OK ||
        (value & 0xFFFF0000u) != 0x80070000u)
        return false; /* 0, or 65536 and more: no Win32 error */
    *code = value;
    return true;
}

static bool hex_digit(char c)
{
    return ex_hex_value(c) >= 0;
}

/* Whether a line may hold a code in a form the scanner knows ("0x", eight hex digits not in a
 * GUID, eight to ten decimal digits): a scanner costs milliseconds to make, and most pastes
 * hold no code on most lines. A superset: the scanner decides. */
bool ex_may_hold_code(const char *text, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (!hex_digit(text[i])) {
            i++;
            continue;
        }
        if (text[i] == '0' && i + 1 < len && (text[i + 1] | 0x20) == 'x')
            return true;
        size_t run = i;
        bool digits = true;
        while (run < len && hex_digit(text[run]))
            digits &= text[run] >= '0' && text[run] <= '9', run++;
        size_t n = run - i;
        bool in_guid = (i > 0 && text[i - 1] == '-') || (run < len && text[run] == '-');
        if ((n == 8 && !in_guid) || (digits && n >= 8 && n <= 10))
            return true;
        i = run;
    }
    return false;
}

void ex_code_text(uint32_t code, char out[11])
{
    static const char hex[] = "0123456789ABCDEF";
    out[0] = '0', out[1] = 'x';
    for (int i = 0; i < 8; i++)
        out[2 + i] = hex[(code >> (28 - 4 * i)) & 0xF];
    out[10] = '\0';
}

bool ex_activation_code(uint32_t code)
{
    return ex_activation_entry(slerr_lookup(code));
}

bool ex_activation_entry(const struct slerr_entry *e)
{
    const char *source = slerr_entry_source(e), *symbol = slerr_entry_symbol(e);
    return (source && strcmp(source, "slerror.h") == 0) ||
           (symbol && strncmp(symbol, "SL_", 3) == 0);
}
