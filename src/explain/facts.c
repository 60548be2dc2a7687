/* SPDX-License-Identifier: MIT */
/* facts.c: from the text of a record's fields to the facts the condition table judges. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts.h"

#define NOT_SET 4294967295UL /* what CIM prints for a count or port that does not apply */
#define MINUTES_PER_DAY 1440L

void ex_facts_clear(struct ex_facts *f)
{
    memset(f->seen, 0, sizeof f->seen);
    for (size_t i = 0; i < EXL_LABEL_COUNT; i++)
        f->text[i] = "";
    f->state = f->told = -1;
    f->has_reason = f->no_dns_host = f->is_host = f->has_error = false;
    f->reason = f->error = 0;
    f->channel = EX_CH_UNKNOWN;
    f->grace = EX_GRACE_NONE;
    f->minutes = f->rearm = f->count = -1;
    f->unreadable = EXL_NONE;
}

/* Copies at most cap-1 bytes without cutting a UTF-8 character in two. */
static void copy_bounded(char *dst, size_t used, size_t cap, const char *src, size_t len)
{
    if (used + len >= cap) {
        len = cap - 1 - used;
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst + used, src, len);
    dst[used + len] = '\0';
}

/* The field's storage, holding "" when the field held nothing yet. */
static char *storage(struct ex_facts *f, enum ex_label label)
{
    char *v = f->value[label];
    if (f->text[label] != v) {
        v[0] = '\0';
        f->text[label] = v;
    }
    return v;
}

void ex_facts_set(struct ex_facts *f, enum ex_label label, const char *value, size_t len)
{
    if (label <= EXL_OTHER || label >= EXL_LABEL_COUNT)
        return;
    f->seen[label] = true;
    copy_bounded(storage(f, label), 0, EX_VALUE_MAX, value, len);
}

void ex_facts_append(struct ex_facts *f, enum ex_label label, const char *value, size_t len)
{
    if (label <= EXL_OTHER || label >= EXL_LABEL_COUNT)
        return;
    char *t = storage(f, label);
    copy_bounded(t, strlen(t), EX_VALUE_MAX, value, len);
}

/* A count or number of minutes at `text`, in the field `label`: digits that end a word, at
 * most 2^31 - 1. NOT_SET (CIM's "does not apply") gives -1. Anything else (a sign,
 * 0xFFFF..., 30 digits, no digits at all) marks the field unreadable in *bad and gives -1: such
 * a value is reported, never judged. */
static long count_at(struct ex_facts *f, enum ex_label label, const char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    unsigned long long v = 0;
    size_t digits = 0;
    while (text[digits] >= '0' && text[digits] <= '9' && digits < 12)
        v = v * 10 + (unsigned long long)(text[digits++] - '0');
    char next = text[digits];
    bool word_ends = next == '\0' || next == ' ' || next == '\t' || next == '(' || next == ')' ||
                     next == ',' || next == '.' || (unsigned char)next >= 0x80;
    if (digits > 0 && word_ends && v == NOT_SET)
        return -1;
    if (digits == 0 || !word_ends || v > 0x7FFFFFFFULL) {
        if (f->unreadable == EXL_NONE)
            f->unreadable = label;
        return -1;
    }
    return (long)v;
}

/* The same at the start of a field, or after its '(' when `in_parens`. */
static long count_in(struct ex_facts *f, enum ex_label label, bool in_parens)
{
    const char *text = f->text[label];
    if (in_parens) {
        const char *p = strchr(text, '(');
        if (p)
            text = p + 1;
    }
    return count_at(f, label, text);
}

/* slmgr's clocks read "259200 minute(s) (180 day(s))". A poster who blanks the minutes leaves
 * "minute(s) (180 day(s))": when the first number of the value opens a parenthesis after
 * words, it is the days, read instead (to the day); anything else is read as minutes, and what
 * is no number there stays unreadable. */
static long clock_in(struct ex_facts *f, enum ex_label label)
{
    const char *text = f->text[label];
    size_t first = strcspn(text, "0123456789+-"), open = first;
    while (open > 0 && (text[open - 1] == ' ' || text[open - 1] == '\t'))
        open--;
    if (!(text[first] >= '0' && text[first] <= '9') || open < 2 || text[open - 1] != '(')
        return count_in(f, label, false);
    long days = count_at(f, label, text + first);
    if (days > 0x7FFFFFFFL / MINUTES_PER_DAY) {
        if (f->unreadable == EXL_NONE)
            f->unreadable = label;
        return -1;
    }
    return days < 0 ? -1 : days * MINUTES_PER_DAY;
}

static bool filled(const struct ex_facts *f, enum ex_label label)
{
    return f->seen[label] && f->text[label][0] != '\0';
}

static void derive_grace(struct ex_facts *f, bool cim)
{
    static const struct {
        enum ex_label label;
        enum ex_grace grace;
    } clocks[] = {
        { EXL_VOLUME_EXPIRATION, EX_GRACE_VOLUME },
        { EXL_TIMEBASED_EXPIRATION, EX_GRACE_TIMEBASED },
        { EXL_TIME_REMAINING, EX_GRACE_PERIOD },
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++)
        if (filled(f, clocks[i].label)) {
            f->grace = clocks[i].grace;
            f->minutes = clock_in(f, clocks[i].label);
            return;
        }
    if (!filled(f, EXL_REMAINING_GRACE))
        return;
    /* ospp: "179 days  (258959 minute(s) before expiring)"; CIM: minutes. */
    f->minutes = count_in(f, EXL_REMAINING_GRACE, !cim);
    if (f->state == 1 && f->channel == EX_CH_KMS_CLIENT)
        f->grace = EX_GRACE_VOLUME;
    else if (f->state != 1 && f->minutes >= 0)
        f->grace = EX_GRACE_PERIOD;
    else
        f->minutes = -1; /* a licensed retail or MAK product: no clock runs */
}

static void derive_rearm(struct ex_facts *f)
{
    static const enum ex_label counts[] = { EXL_WINDOWS_REARM, EXL_SKU_REARM, EXL_APP_REARM };
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        long n = filled(f, counts[i]) ? count_in(f, counts[i], false) : -1;
        if (n >= 0 && (f->rearm < 0 || n < f->rearm))
            f->rearm = n;
    }
}

static void derive_host(struct ex_facts *f)
{
    const char *is_host = f->text[EXL_IS_KMS_HOST];
    f->count = filled(f, EXL_CURRENT_COUNT) ? count_in(f, EXL_CURRENT_COUNT, false) : -1;
    f->is_host = f->seen[EXL_KMS_ENABLED] || strcmp(is_host, "1") == 0 ||
                 strcasecmp(is_host, "True") == 0 || (!f->seen[EXL_IS_KMS_HOST] && f->count >= 0);
    if (!f->is_host)
        f->count = -1;
}

void ex_facts_derive(struct ex_facts *f, bool cim)
{
    const char *status = f->text[EXL_LICENSE_STATUS];
    if (cim) {
        long n = filled(f, EXL_LICENSE_STATUS) ? count_in(f, EXL_LICENSE_STATUS, false) : -1;
        f->state = n >= 0 && n <= 6 && status[0] >= '0' && status[0] <= '9' ? (int)n : -1;
    } else {
        f->state = ex_license_state(status, strlen(status));
    }
    if (f->state < 0 && (f->seen[EXL_XPR_PERMANENT] || f->seen[EXL_XPR_VOLUME] ||
                         f->seen[EXL_XPR_TIMEBASED]))
        f->state = 1; /* /xpr says so in words */
    else if (f->state < 0 && (f->seen[EXL_XPR_NOTIFICATION] ||
                              f->seen[EXL_NON_GENUINE_NOTIFICATION]))
        f->state = 5;
    else if (f->state < 0 && f->seen[EXL_NON_GENUINE])
        f->state = 4; /* slmgr's words (/ato, /xpr) for that state */
    if (f->state < 0 && f->told >= 0 && f->told <= 6)
        f->state = f->told; /* told in prose ("the license is expired") */
    const char *reason = f->text[EXL_STATUS_REASON];
    f->has_reason = filled(f, EXL_STATUS_REASON) &&
                    ex_code_parse(reason, strlen(reason), cim, &f->reason);
    if (!f->has_reason && f->seen[EXL_NON_GENUINE_NOTIFICATION]) {
        f->has_reason = true; /* slmgr words it so for that reason alone */
        f->reason = 0xC004F200u; /* SL_E_NOT_GENUINE */
    }
    const char *described = filled(f, EXL_DESCRIPTION) ? f->text[EXL_DESCRIPTION]
                                                       : f->text[EXL_KEY_CHANNEL];
    f->channel = ex_channel_find(described, strlen(described));
    if (f->channel == EX_CH_UNKNOWN)
        f->channel = ex_channel_find(f->text[EXL_KEY_CHANNEL], strlen(f->text[EXL_KEY_CHANNEL]));
    derive_grace(f, cim);
    derive_rearm(f);
    const char *dns = f->text[EXL_DNS_DISCOVERY];
    f->no_dns_host = filled(f, EXL_DNS_DISCOVERY) &&
                     ex_phrase_in(EX_PH_NOT_AVAILABLE, dns, strlen(dns)) &&
                     !filled(f, EXL_KMS_FROM_DNS);
    derive_host(f);
    /* /dhistorykms gives the result first in "ERROR/HOST: 0x..., flags, host". */
    enum ex_label code_from = filled(f, EXL_ERROR) ? EXL_ERROR : EXL_ERROR_HOST;
    const char *error = f->text[code_from];
    f->has_error = filled(f, code_from) && ex_code_parse(error, strlen(error), false, &f->error);
}
