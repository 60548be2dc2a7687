/* SPDX-License-Identifier: MIT */
/* code.c: codes read from fields through libslerr's parser. */
#include <string.h>

#include <slerr.h>

#include "code.h"

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
