/* SPDX-License-Identifier: MIT */
/* finding.c: from a table's row to a finding, with one placeholder syntax ({key}). */
#include <stdio.h>
#include <string.h>

#include "finding.h"

void ex_finding_add_code(struct ex_finding *f, uint32_t code)
{
    for (size_t i = 0; i < f->ncodes; i++)
        if (f->codes[i] == code)
            return;
    if (f->ncodes < EX_MAX_CODES)
        f->codes[f->ncodes++] = code;
}

void ex_finding_lead_code(struct ex_finding *f, uint32_t code)
{
    size_t at = 0;
    while (at < f->ncodes && f->codes[at] != code)
        at++;
    if (at == f->ncodes && f->ncodes < EX_MAX_CODES)
        f->ncodes++;
    if (at == EX_MAX_CODES)
        at = EX_MAX_CODES - 1; /* full: the last fixed code makes room */
    memmove(f->codes + 1, f->codes, at * sizeof f->codes[0]);
    f->codes[0] = code;
}

void ex_finding_add_see(struct ex_finding *f, const char *see)
{
    if (see && f->nsee < EX_MAX_SEE)
        f->see[f->nsee++] = see;
}

/* Appends at most n bytes of s to out (size bytes, used so far), keeping it terminated. */
bool ex_key_is(const char *key, size_t keylen, const char *name)
{
    return strlen(name) == keylen && memcmp(key, name, keylen) == 0;
}

static size_t append(char *out, size_t used, size_t size, const char *s, size_t n)
{
    if (used + 1 >= size)
        return used;
    if (n > size - 1 - used)
        n = size - 1 - used;
    memcpy(out + used, s, n);
    out[used + n] = '\0';
    return used + n;
}

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool port_ok(const char *p, size_t n)
{
    unsigned long v = 0;
    if (n == 0 || n > 5)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (unsigned long)(p[i] - '0');
    }
    return v >= 1 && v <= 65535;
}

bool ex_checked_host(const char *value, char *out, size_t size)
{
    size_t n = strcspn(value, " \t(,");
    size_t host_end = n;
    if (n == 0 || n >= size || n > 260)
        return false;
    if (value[0] == '[') { /* [2001:db8::1]:1688 */
        const char *close = memchr(value, ']', n);
        if (!close || close == value + 1)
            return false;
        for (const char *p = value + 1; p < close; p++)
            if (!is_alnum(*p) && *p != ':' && *p != '.')
                return false;
        host_end = (size_t)(close - value) + 1;
    } else {
        const char *colon = memchr(value, ':', n);
        if (colon)
            host_end = (size_t)(colon - value);
        if (host_end == 0 || value[0] == '-' || value[0] == '.')
            return false; /* never an option or a relative path to the command */
        for (size_t i = 0; i < host_end; i++)
            if (!is_alnum(value[i]) && value[i] != '.' && value[i] != '-' && value[i] != '_')
                return false;
    }
    if (host_end < n && (value[host_end] != ':' || !port_ok(value + host_end + 1, n - host_end - 1)))
        return false;
    memcpy(out, value, n);
    out[n] = '\0';
    return true;
}

/* Whether every placeholder of a command sentence fills with a checked value. */
static bool command_fills(const char *text, ex_fill_fn fill, const void *subject)
{
    char buf[EX_VALUE_MAX];
    for (const char *open = strchr(text, '{'); open; open = strchr(open + 1, '{')) {
        const char *close = strchr(open, '}');
        if (!close)
            return false;
        if (!fill || !fill(subject, open + 1, (size_t)(close - open - 1), true, buf, sizeof buf))
            return false;
    }
    return true;
}

static void fill_text(char *out, size_t size, const char *text, const char *value,
                      ex_fill_fn fill, const void *subject, bool command)
{
    char buf[EX_VALUE_MAX];
    size_t used = strlen(out);
    while (*text) {
        const char *open = strchr(text, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        if (!close) {
            append(out, used, size, text, strlen(text));
            return;
        }
        used = append(out, used, size, text, (size_t)(open - text));
        const char *key = open + 1;
        size_t keylen = (size_t)(close - key);
        const char *put = NULL;
        if (keylen == 5 && memcmp(key, "value", 5) == 0 && !command)
            put = value;
        else if (fill)
            put = fill(subject, key, keylen, command, buf, sizeof buf);
        if (put)
            used = append(out, used, size, put, strlen(put));
        else
            used = append(out, used, size, open, keylen + 2);
        text = close + 1;
    }
}

void ex_finding_from_row(struct ex_finding *out, const struct ex_row *row, const char *value,
                         ex_fill_fn fill, const void *subject)
{
    memset(out, 0, sizeof *out);
    out->rule = row->name;
    out->severity = row->severity;
    out->field = row->field;
    snprintf(out->value, sizeof out->value, "%s", value ? value : "");
    fill_text(out->text, sizeof out->text, row->text, out->value, fill, subject, false);
    if (row->suggest && command_fills(row->suggest, fill, subject)) {
        size_t used = strlen(out->text);
        if (used + 1 < sizeof out->text) {
            out->text[used] = ' ';
            out->text[used + 1] = '\0';
        }
        fill_text(out->text, sizeof out->text, row->suggest, out->value, fill, subject, true);
    }
    for (size_t i = 0; i < EX_ROW_CODES; i++)
        if (row->codes[i])
            ex_finding_add_code(out, row->codes[i]);
    for (size_t i = 0; i < EX_ROW_SEE; i++)
        ex_finding_add_see(out, row->see[i]);
}
