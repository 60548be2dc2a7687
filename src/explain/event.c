/* SPDX-License-Identifier: MIT */
/* event.c: what the event parsers share: filling an event, telling the licensing service's
 * events from other services' events with the same IDs, and reading their dates. */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "code.h"
#include "event.h"

void ex_event_clear(struct ex_event *ev)
{
    ev->id = 0;
    ev->provider[0] = ev->source[0] = ev->computer[0] = ev->time[0] = ev->message[0] = '\0';
    ev->when = EX_EVENT_TIME_NONE;
    ev->nvalues = 0;
    ev->line = 0;
    ev->xml_follows = false;
    ev->message_known = false;
    ev->cut = 0;
    ev->long_index = 0;
    ev->long_value[0] = '\0';
}

size_t ex_utf8_cut(const char *s, size_t len)
{
    size_t start = len;
    while (start > 0 && ((unsigned char)s[start - 1] & 0xC0) == 0x80 && len - start < 3)
        start--; /* back over continuation bytes to the last character's first byte */
    if (start == 0)
        return len;
    unsigned char lead = (unsigned char)s[start - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return len - (start - 1) < need ? start - 1 : len;
}

void ex_format(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    if (size > 0 && n >= 0 && (size_t)n >= size)
        buf[ex_utf8_cut(buf, size - 1)] = '\0';
}

/* isspace() of the C locale, which slerr never changes, without a library call per byte. */
static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static size_t trimmed(const char **text, size_t len)
{
    while (len && is_space(**text)) {
        (*text)++;
        len--;
    }
    while (len && is_space((*text)[len - 1]))
        len--;
    return len;
}

bool ex_event_decimal(const char *s, unsigned long max, unsigned long *out)
{
    unsigned long v = 0;
    if (*s == '\0')
        return false;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return false;
        unsigned long digit = (unsigned long)(*s - '0');
        if (v > (ULONG_MAX - digit) / 10) /* a constant divisor: no division at run time */
            return false;
        v = v * 10 + digit;
    }
    if (v > max)
        return false;
    *out = v;
    return true;
}

bool ex_event_add_value(struct ex_event *ev, const char *text, size_t len)
{
    if (ev->nvalues >= EX_EVENT_MAX_VALUES)
        return false;
    len = trimmed(&text, len);
    if (len >= EX_EVENT_VALUE_MAX && ev->long_index == 0) {
        size_t whole = len < EX_EVENT_LONG_MAX ? len : ex_utf8_cut(text, EX_EVENT_LONG_MAX - 1);
        memcpy(ev->long_value, text, whole);
        ev->long_value[whole] = '\0';
        ev->long_index = ev->nvalues + 1;
    }
    if (len >= EX_EVENT_VALUE_MAX)
        len = ex_utf8_cut(text, EX_EVENT_VALUE_MAX - 1);
    memcpy(ev->values[ev->nvalues], text, len);
    ev->values[ev->nvalues][len] = '\0';
    ev->nvalues++;
    return true;
}

static bool is_list_event(unsigned id)
{
    return id == 12288 || id == 12289 || id == 12290;
}

void ex_event_split_list(struct ex_event *ev)
{
    if (!is_list_event(ev->id) || ev->nvalues != 1)
        return;
    size_t total = strlen(ev->values[0]);
    if (!memchr(ev->values[0], ',', total))
        return;
    char list[EX_EVENT_VALUE_MAX];
    memcpy(list, ev->values[0], total);
    ev->nvalues = 0;
    ev->long_index = 0; /* these lists are short; the fields themselves are what is kept */
    const char *p = list, *end = list + total;
    for (;;) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        size_t len = comma ? (size_t)(comma - p) : (size_t)(end - p);
        /* The guide's examples end the list with a comma: no empty last field. */
        if (!comma && len == 0)
            break;
        if (!ex_event_add_value(ev, p, len) || !comma)
            break;
        p = comma + 1;
    }
}

/* Providers and sources the licensing service writes under: Vista's Security-Licensing-SLC
 * and, since Windows 7, Security-SPP (sources "Software Protection Platform Service" in the
 * Application log and "KmsRequests" in the Key Management Service log). */
static const char *const activation_sources[] = {
    "Microsoft-Windows-Security-SPP",
    "Security-SPP",
    "Microsoft-Windows-Security-Licensing-SLC",
    "Security-Licensing-SLC",
    "Software Protection Platform Service",
    "Software Protection Service",
    "Software Licensing Service",
    "KmsRequests",
    "SPP",
};

static bool known_source(const char *name)
{
    for (size_t i = 0; i < sizeof activation_sources / sizeof *activation_sources; i++)
        if (strcasecmp(name, activation_sources[i]) == 0)
            return true;
    return false;
}

static bool explained_id(unsigned id)
{
    return id == 1003 || id == 8198 || id == 8200 || id == 8208 || id == 8209 ||
           (id >= 12288 && id <= 12294) || id == 12308 || id == 16384 || id == 16385 ||
           id == 12321 || id == 900 || id == 902 || id == 903;
}

static bool reads_as_hresult(const char *s)
{
    uint32_t code;
    return ex_event_code(s, &code);
}

bool ex_event_id_explained(unsigned id)
{
    return explained_id(id);
}

bool ex_event_is_activation(const struct ex_event *ev)
{
    /* An event the licensing service logged under an ID no row reads (1040 "Hardware has
     * changed", 1014 "Acquisition of End User License failed"): still its event, named by its
     * source; without one, nothing vouches for it. */
    if (!explained_id(ev->id))
        return ev->id != 0 && (known_source(ev->provider) || known_source(ev->source));
    if (ev->provider[0] || ev->source[0])
        return known_source(ev->provider) || known_source(ev->source);
    /* A description pasted alone: its wording is the licensing service's own. */
    if (ev->message_known)
        return true;
    /* No provider given (a bare data paste): only the shape can vouch for it. */
    if (ev->id == 12294 || ev->id == 1003 || ev->id == 12308)
        return false;
    return ev->nvalues > 0 && reads_as_hresult(ev->values[0]);
}

/* Days from 1970-01-01 to a civil date (proleptic Gregorian), H. Hinnant's algorithm. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

/* Reads up to `max` numbers separated by anything that is not a digit; returns how many, and
 * where each separator run began (so that "2006/1/14" and "14.01.2006" can be told apart). */
static size_t numbers(const char *s, long *out, char *seps, size_t max, const char **rest)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s && !isdigit((unsigned char)*s)) {
            if (*s == 'T' || *s == 'Z' || isalpha((unsigned char)*s))
                break;
            s++;
        }
        if (!isdigit((unsigned char)*s))
            break;
        long v = 0;
        int digits = 0;
        while (isdigit((unsigned char)*s)) {
            if (digits++ < 9)
                v = v * 10 + (*s - '0');
            s++;
        }
        out[n] = v;
        seps[n] = *s;
        n++;
        if (*s == 'T')
            s++;
    }
    *rest = s;
    return n;
}

static bool digits_at(const char *s, size_t n, long *out)
{
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* The form every XML event's TimeCreated has, "2024-03-14T21:40:13.0040000Z", read without
 * the general path's searches: the same result, or false to take that path. */
static bool parse_iso_time(const char *t, int64_t *out)
{
    long y, mo, d, h, mi, s;
    if (!digits_at(t, 4, &y) || t[4] != '-' || !digits_at(t + 5, 2, &mo) || t[7] != '-' ||
        !digits_at(t + 8, 2, &d) || t[10] != 'T' || !digits_at(t + 11, 2, &h) ||
        t[13] != ':' || !digits_at(t + 14, 2, &mi) || t[16] != ':' || !digits_at(t + 17, 2, &s))
        return false;
    /* A fraction and a 'Z' may follow; anything else (a zone, AM/PM) goes the general way. */
    const char *rest = t + 19;
    if (*rest == '.')
        for (rest++; *rest >= '0' && *rest <= '9'; rest++)
            ;
    if (*rest == 'Z')
        rest++;
    if (*rest != '\0')
        return false;
    if (y < 1601 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        *out = EX_EVENT_TIME_NONE;
    else
        *out = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s;
    return true;
}

int64_t ex_event_parse_time(const char *text)
{
    int64_t fast;
    if (parse_iso_time(text, &fast))
        return fast;
    long v[7] = { 0 };
    char sep[7] = { 0 };
    const char *rest;
    while (*text && !isdigit((unsigned char)*text))
        text++;
    size_t n = numbers(text, v, sep, 7, &rest);
    if (n < 3)
        return EX_EVENT_TIME_NONE;
    long y, mo, d;
    if (v[0] > 31) { /* 2006-01-14, 2006/1/14 */
        y = v[0], mo = v[1], d = v[2];
    } else if (sep[0] == '.' || v[0] > 12) { /* 14.01.2006, 14/01/2006: day first */
        d = v[0], mo = v[1], y = v[2];
    } else { /* 1/14/2006 as en-US writes it */
        mo = v[0], d = v[1], y = v[2];
    }
    if (y < 1601 || y > 30827 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return EX_EVENT_TIME_NONE;
    long h = n > 3 ? v[3] : 0, mi = n > 4 ? v[4] : 0, s = n > 5 ? v[5] : 0;
    /* "2:30:00 PM": a 12-hour clock. */
    const char *pm = strstr(rest, "PM");
    if (!pm)
        pm = strstr(rest, "pm");
    if (pm && h < 12)
        h += 12;
    else if ((strstr(rest, "AM") || strstr(rest, "am")) && h == 12)
        h = 0;
    if (h > 23 || mi > 59 || s > 60)
        return EX_EVENT_TIME_NONE;
    return days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s;
}
