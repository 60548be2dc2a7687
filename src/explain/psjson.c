/* SPDX-License-Identifier: MIT */
/* psjson.c: member lines of ConvertTo-Json output. */
#include <string.h>

#include "hex.h"
#include "psjson.h"

/* \" \\ \/ and \uXXXX below 0x80 (PowerShell 5.1 writes ' as \u0027); control escapes become
 * a space: values are read as one line. */
static size_t unescape(char *s, size_t len)
{
    size_t out = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == '\\' && i + 1 < len) {
            char e = s[++i];
            unsigned long cp = 0;
            if (e == 'u' && i + 4 < len && ex_hex_digits(s + i + 1, 4, &cp) && cp < 0x80) {
                ch = cp >= 0x20 ? (char)cp : ' ';
                i += 4;
            } else {
                ch = e == 'n' || e == 't' || e == 'r' ? ' ' : e;
            }
        }
        s[out++] = ch;
    }
    return out;
}

static size_t trim_end(const char *text, size_t len)
{
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    return len;
}

bool ex_psjson_member(const char *text, size_t len, char *name, size_t nsize, char *value,
                      size_t vsize)
{
    len = trim_end(text, len);
    size_t i = strspn(text, " \t");
    if (i >= len || text[i] != '"' || nsize == 0 || vsize == 0)
        return false;
    const char *n = text + i + 1;
    const char *q = memchr(n, '"', len - i - 1);
    if (!q || q + 1 >= text + len || q[1] != ':')
        return false;
    size_t nl = (size_t)(q - n) < nsize - 1 ? (size_t)(q - n) : nsize - 1;
    memcpy(name, n, nl);
    name[nl] = '\0';
    size_t v = (size_t)(q + 2 - text);
    v += strspn(text + v, " \t");
    size_t end = len;
    if (end > v && text[end - 1] == ',')
        end--;
    size_t vl = end - v < vsize - 1 ? end - v : vsize - 1;
    memcpy(value, text + v, vl);
    if (vl && value[0] == '"') {
        memmove(value, value + 1, --vl);
        if (vl && value[vl - 1] == '"')
            vl--;
        vl = unescape(value, vl);
    } else if (vl == 4 && memcmp(value, "null", 4) == 0) {
        vl = 0;
    }
    value[vl] = '\0';
    return true;
}

size_t ex_psjson_continuation(const char *text, size_t len)
{
    len = trim_end(text, len);
    if (len && text[len - 1] == ',')
        len--;
    if (len && text[len - 1] == '"')
        len--;
    return len;
}
