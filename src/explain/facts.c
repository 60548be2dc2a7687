/* SPDX-License-Identifier: MIT */
/* facts.c: from the text of a record's fields to the facts the condition table judges. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts.h"

#define NOT_SET 4294967295UL /* what CIM prints for a count or port that does not apply */

void ex_facts_clear(struct ex_facts *f)
{
    memset(f->seen, 0, sizeof f->seen);
    for (size_t i = 0; i < EXL_LABEL_COUNT; i++)
        f->text[i][0] = '\0';
    f->state = -1;
    f->has_reason = f->no_dns_host = f->is_host = f->has_error = false;
    f->reason = f->error = 0;
    f->channel = EX_CH_UNKNOWN;
    f->grace = EX_GRACE_NONE;
    f->minutes = f->rearm = f->count = -1;
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

void ex_facts_set(struct ex_facts *f, enum ex_label label, const char *value, size_t len)
{
    if (label <= EXL_OTHER || label >= EXL_LABEL_COUNT)
        return;
    f->seen[label] = true;
    copy_bounded(f->text[label], 0, EX_VALUE_MAX, value, len);
}

void ex_facts_append(struct ex_facts *f, enum ex_label label, const char *value, size_t len)
{
    if (label <= EXL_OTHER || label >= EXL_LABEL_COUNT)
        return;
    char *t = f->text[label];
    copy_bounded(t, strlen(t), EX_VALUE_MAX, value, len);
}

bool ex_code_parse(const char *text, size_t len, uint32_t *code)
{
    char buf[24];
    size_t n = 0;
    while (len > 0 && (*text == ' ' || *text == '\t'))
        text++, len--;
    while (n < len && n < sizeof buf - 1 && text[n] != ' ' && text[n] != '\t' &&
           text[n] != '(' && text[n] != ',' && !(text[n] == '.' && n > 0))
        n++;
    if (n == 0 || n == sizeof buf - 1)
        return false;
    memcpy(buf, text, n);
    buf[n] = '\0';
    char *end;
    if (n > 2 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')) {
        unsigned long v = strtoul(buf + 2, &end, 16);
        if (*end || n > 10)
            return false;
        *code = (uint32_t)v;
        return true;
    }
    long long v = strtoll(buf, &end, 10);
    if (*end == '\0' && v >= -2147483648LL && v <= 4294967295LL) {
        *code = (uint32_t)v;
        return true;
    }
    if (n == 8) {
        unsigned long h = strtoul(buf, &end, 16);
        if (*end == '\0') {
            *code = (uint32_t)h;
            return true;
        }
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

/* The first number in the text (or the first after '(' when `in_parens`); -1 when none. */
static long number_in(const char *text, bool in_parens)
{
    if (in_parens) {
        const char *p = strchr(text, '(');
        if (p)
            text = p + 1;
    }
    while (*text && (*text < '0' || *text > '9'))
        text++;
    if (!*text)
        return -1;
    unsigned long v = strtoul(text, NULL, 10);
    return v > 0x7FFFFFFFUL ? (v == NOT_SET ? -1 : 0x7FFFFFFF) : (long)v;
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
            f->minutes = number_in(f->text[clocks[i].label], false);
            return;
        }
    if (!filled(f, EXL_REMAINING_GRACE))
        return;
    /* ospp: "179 days  (258959 minute(s) before expiring)"; CIM: minutes. */
    f->minutes = number_in(f->text[EXL_REMAINING_GRACE], !cim);
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
        long n = filled(f, counts[i]) ? number_in(f->text[counts[i]], false) : -1;
        if (n >= 0 && (f->rearm < 0 || n < f->rearm))
            f->rearm = n;
    }
}

static void derive_host(struct ex_facts *f)
{
    const char *is_host = f->text[EXL_IS_KMS_HOST];
    f->count = filled(f, EXL_CURRENT_COUNT) ? number_in(f->text[EXL_CURRENT_COUNT], false) : -1;
    f->is_host = f->seen[EXL_KMS_ENABLED] || strcmp(is_host, "1") == 0 ||
                 strcasecmp(is_host, "True") == 0 || (!f->seen[EXL_IS_KMS_HOST] && f->count >= 0);
    if (!f->is_host)
        f->count = -1;
}

void ex_facts_derive(struct ex_facts *f, bool cim)
{
    const char *status = f->text[EXL_LICENSE_STATUS];
    if (cim) {
        long n = filled(f, EXL_LICENSE_STATUS) ? number_in(status, false) : -1;
        f->state = n >= 0 && n <= 6 && status[0] >= '0' && status[0] <= '9' ? (int)n : -1;
    } else {
        f->state = ex_license_state(status, strlen(status));
    }
    if (f->state < 0 && (f->seen[EXL_XPR_PERMANENT] || f->seen[EXL_XPR_VOLUME] ||
                         f->seen[EXL_XPR_TIMEBASED]))
        f->state = 1; /* /xpr says so in words */
    else if (f->state < 0 && f->seen[EXL_XPR_NOTIFICATION])
        f->state = 5;
    const char *reason = f->text[EXL_STATUS_REASON];
    f->has_reason = filled(f, EXL_STATUS_REASON) && ex_code_parse(reason, strlen(reason), &f->reason);
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
    f->has_error = filled(f, code_from) && ex_code_parse(error, strlen(error), &f->error);
}
