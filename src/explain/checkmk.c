/* SPDX-License-Identifier: MIT */
/* checkmk.c: section headers of a Checkmk agent's output. "<<<name>>>" or
 * "<<<name:option(...)>>>" opens a section; "<<<<host>>>>" opens piggyback data for another
 * host, whose sections follow with headers of their own. */
#include <string.h>

#include "checkmk.h"

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '.';
}

/* The section's name when the line is a header; NULL otherwise. */
static const char *header(const char *text, size_t len, size_t *nlen)
{
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len < 6 || memcmp(text, "<<<", 3) != 0 || memcmp(text + len - 3, ">>>", 3) != 0)
        return NULL;
    size_t i = 3;
    if (text[i] == '<') /* piggyback: "<<<<host>>>>" or "<<<<>>>>" */
        i++;
    size_t start = i;
    while (i < len - 3 && name_char(text[i]))
        i++;
    if (i < len - 3 && text[i] != ':' && text[i] != '>')
        return NULL;
    *nlen = i - start;
    return text + start;
}

bool ex_checkmk_hides(struct ex_checkmk *state, const char *text, size_t len)
{
    size_t nlen = 0;
    const char *name = len >= 6 && text[0] == '<' ? header(text, len, &nlen) : NULL;
    if (name) {
        state->in_dump = true;
        state->readable = nlen == 11 && memcmp(name, "win_license", 11) == 0;
        return true;
    }
    return state->in_dump && !state->readable;
}
