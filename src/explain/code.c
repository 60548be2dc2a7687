/* SPDX-License-Identifier: MIT */
/* code.c: codes read from fields through libslerr's parser. */
#include <stdlib.h>
#include <string.h>

#include <slerr.h>

#include "code.h"

#define WORD_MAX 64

static bool all_decimal(const char *s)
{
    if (*s == '-')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

bool ex_code_parse(const char *text, size_t len, bool decimal, uint32_t *code)
{
    char word[WORD_MAX];
    size_t n = 0;
    while (len > 0 && (*text == ' ' || *text == '\t'))
        text++, len--;
    if (len >= 3 && strncmp(text, "hr=", 3) == 0)
        text += 3, len -= 3;
    while (n < len && text[n] != ' ' && text[n] != '\t' && text[n] != '(' && text[n] != ',' &&
           text[n] != ')' && text[n] != ']' && text[n] != ';')
        n++;
    while (n > 0 && (text[n - 1] == '.' || text[n - 1] == ':'))
        n--; /* "0xC004F009." at a sentence's end */
    if (n == 0 || n >= sizeof word)
        return false;
    memcpy(word, text, n);
    word[n] = '\0';
    if (decimal && all_decimal(word)) {
        char *end;
        long long v = strtoll(word, &end, 10);
        if (*end || v < -2147483648LL || v > 4294967295LL)
            return false;
        *code = (uint32_t)v;
        return true;
    }
    return slerr_parse(word, code) == 0;
}

bool ex_event_code(const char *value, uint32_t *code)
{
    const char *s = strncmp(value, "hr=", 3) == 0 ? value + 3 : value;
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X') || !s[2] || strlen(s) > 10)
        return false;
    for (const char *p = s + 2; *p; p++)
        if (!((*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f')))
            return false;
    /* An HRESULT field: the value as written, which is libslerr's rule for 0x and eight
     * digits; a shorter 0x value, which libslerr reads as a Win32 error when a person types
     * it, is here the HRESULT as written too ("0x0"). */
    *code = (uint32_t)strtoul(s + 2, NULL, 16);
    return true;
}

void ex_code_text(uint32_t code, char out[11])
{
    static const char hex[] = "0123456789ABCDEF";
    out[0] = '0', out[1] = 'x';
    for (int i = 0; i < 8; i++)
        out[2 + i] = hex[(code >> (28 - 4 * i)) & 0xF];
    out[10] = '\0';
}
