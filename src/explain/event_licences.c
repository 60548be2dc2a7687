/* SPDX-License-Identifier: MIT */
/* event_licences.c: event 1003's licence status list ("N: SKU-ID, 1, 1 [(0 [0x00000000, 1, 0],
 * ...") read into one entry per licence: which licence holds a product key (the one in use)
 * and the result of its check. The rest of each entry (the policies in brackets) is skipped. */
#include <string.h>

#include "code.h"
#include "event.h"
#include "hex.h"

#define SKU_TOKEN_MAX 64 /* a GUID is 36; pasted ones are sometimes elided ("191301d3-..-..") */

static const char *spaces(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static const char *number(const char *p, const char *end, long *out)
{
    long v = 0;
    const char *start = p;
    while (p < end && *p >= '0' && *p <= '9' && p - start < 9)
        v = v * 10 + (*p++ - '0');
    if (p == start || (p < end && *p >= '0' && *p <= '9'))
        return NULL;
    *out = v;
    return p;
}

static const char *expect(const char *p, const char *end, char c)
{
    p = spaces(p, end);
    return p < end && *p == c ? p + 1 : NULL;
}

/* One entry from just after "N:"; NULL when the text there is not one. */
static const char *entry(const char *p, const char *end, struct ex_licence *out)
{
    p = spaces(p, end);
    const char *sku = p;
    while (p < end && *p != ',' && *p != ' ' && p - sku < SKU_TOKEN_MAX)
        p++;
    size_t sku_len = (size_t)(p - sku);
    long in_use, granted, listed;
    if (sku_len < 8 || !(p = expect(p, end, ',')) || !(p = number(spaces(p, end), end, &listed)) ||
        !(p = expect(p, end, ',')) || !(p = number(spaces(p, end), end, &in_use)) ||
        !(p = expect(p, end, '[')) || !(p = expect(p, end, '(')))
        return NULL;
    long policy;
    if (!(p = number(spaces(p, end), end, &policy)) || !(p = expect(p, end, '[')))
        return NULL;
    p = spaces(p, end);
    const char *code = p;
    while (p < end && *p != ',' && *p != ']' && p - code < 12)
        p++;
    uint32_t hr;
    if (!ex_code_parse(code, (size_t)(p - code), false, &hr) || !(p = expect(p, end, ',')) ||
        !(p = number(spaces(p, end), end, &granted)))
        return NULL;
    size_t keep = sku_len < sizeof out->sku ? sku_len : sizeof out->sku - 1;
    memcpy(out->sku, sku, keep);
    out->sku[keep] = '\0';
    out->in_use = in_use == 1;
    out->hr = hr;
    out->granted = granted == 1;
    out->ndetail = 0;
    return p;
}

/* "0x" and eight hex digits with the failure bit set, as the policies write their results. */
static bool failure_code(const char *p, const char *end, uint32_t *code)
{
    if (end - p < 10 || p[0] != '0' || (p[1] != 'x' && p[1] != 'X'))
        return false;
    for (int i = 2; i < 10; i++)
        if (ex_hex_value(p[i]) < 0)
            return false; /* eight digits: a shorter 0x would be read as a Win32 error */
    if (end - p > 10 && ex_hex_value(p[10]) >= 0)
        return false;
    return ex_code_parse(p, 10, false, code) && (*code & 0x80000000u) != 0;
}

static void add_detail(struct ex_licence *lic, uint32_t code)
{
    if (code == lic->hr)
        return;
    for (size_t i = 0; i < lic->ndetail; i++)
        if (lic->detail[i] == code)
            return;
    if (lic->ndetail < sizeof lic->detail / sizeof *lic->detail)
        lic->detail[lic->ndetail++] = code;
}

/* An entry opens with its number and a colon, at the start or after a blank or a comma. */
static bool opens_entry(const char *text, const char *p, const char *end, const char **after)
{
    if (p > text && p[-1] != ' ' && p[-1] != '\n' && p[-1] != ',' && p[-1] != '=')
        return false;
    long n;
    const char *q = number(p, end, &n);
    if (!q || q >= end || *q != ':')
        return false;
    *after = q + 1;
    return true;
}

size_t ex_licence_list_read(const char *text, size_t len, struct ex_licence *out, size_t max,
                            size_t *total)
{
    const char *p = text, *end = text + len;
    size_t n = 0;
    struct ex_licence *last = NULL; /* the entry read last, when it was kept */
    *total = 0;
    while (p < end) {
        const char *after;
        struct ex_licence lic;
        const char *next = NULL;
        if (*p >= '0' && *p <= '9' && opens_entry(text, p, end, &after))
            next = entry(after, end, &lic);
        if (!next) {
            uint32_t code;
            if (last && failure_code(p, end, &code)) {
                add_detail(last, code); /* a policy of the entry read last */
                p += 10;
            } else {
                p++;
            }
            continue;
        }
        last = n < max ? &out[n] : NULL;
        if (last)
            out[n++] = lic;
        (*total)++;
        p = next;
    }
    return n;
}
