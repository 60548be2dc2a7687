/* SPDX-License-Identifier: MIT */
/* conditions.c: the one table from the facts of a licence record to findings: which condition,
 * how bad, which field, our sentence, the catalog codes and entries it points to. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "facts.h"

#define DAY 1440L                    /* minutes */
#define KMS_VALIDITY (180 * DAY)     /* a KMS activation lasts 180 days ... */
#define RENEWAL_SLACK (30 * DAY)     /* ... renewed every 7: a month short means missed renewals */
#define EXPIRY_CLOSE (15 * DAY)
#define GRACE_CLOSE (3 * DAY)
#define CLIENT_THRESHOLD 25          /* Windows client systems activate from this count on */
#define SERVER_THRESHOLD 5           /* servers (and Office) from this one */

static bool state_is(const struct ex_facts *f, int state)
{
    return f->state == state;
}

static bool licensed(const struct ex_facts *f) { return state_is(f, 1); }
static bool unlicensed(const struct ex_facts *f) { return state_is(f, 0); }
static bool oob_grace(const struct ex_facts *f) { return state_is(f, 2); }
static bool oot_grace(const struct ex_facts *f) { return state_is(f, 3); }
static bool nongenuine(const struct ex_facts *f) { return state_is(f, 4); }
static bool notification(const struct ex_facts *f) { return state_is(f, 5); }
static bool extended_grace(const struct ex_facts *f) { return state_is(f, 6); }

static bool evaluation(const struct ex_facts *f)
{
    return f->channel == EX_CH_EVAL;
}

static bool host_key(const struct ex_facts *f)
{
    return f->channel == EX_CH_KMS_HOST && !f->is_host;
}

static bool kms_error_without_gvlk(const struct ex_facts *f)
{
    return f->has_error && f->error == 0xC004F074u &&
           (f->channel == EX_CH_RETAIL || f->channel == EX_CH_OEM || f->channel == EX_CH_MAK);
}

static bool no_rearm(const struct ex_facts *f)
{
    return f->rearm == 0 && !licensed(f);
}

static bool kms_client_clock(const struct ex_facts *f)
{
    return licensed(f) && f->grace == EX_GRACE_VOLUME && f->minutes >= 0;
}

static bool renewals_missed(const struct ex_facts *f)
{
    return kms_client_clock(f) && f->minutes < KMS_VALIDITY - RENEWAL_SLACK &&
           f->minutes >= EXPIRY_CLOSE;
}

static bool expiry_close(const struct ex_facts *f)
{
    return kms_client_clock(f) && f->minutes < EXPIRY_CLOSE;
}

static bool grace_close(const struct ex_facts *f)
{
    return f->state > 1 && f->state != 5 && f->grace == EX_GRACE_PERIOD && f->minutes >= 0 &&
           f->minutes < GRACE_CLOSE;
}

static bool registered(const struct ex_facts *f)
{
    const char *r = f->text[EXL_REGISTERED_KMS];
    return r[0] != '\0' && !ex_phrase_in(EX_PH_NOT_AVAILABLE, r, strlen(r));
}

/* Whether two "host[:port]" values name different hosts. */
static bool other_host(const char *a, const char *b)
{
    size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
    return na != nb || strncasecmp(a, b, na) != 0;
}

static bool stale_override(const struct ex_facts *f)
{
    return registered(f) && f->text[EXL_KMS_FROM_DNS][0] &&
           other_host(f->text[EXL_REGISTERED_KMS], f->text[EXL_KMS_FROM_DNS]);
}

static bool override_unreachable(const struct ex_facts *f)
{
    return registered(f) && f->has_error && f->error == 0xC004F074u;
}

static bool no_kms_in_dns(const struct ex_facts *f)
{
    return f->no_dns_host && !registered(f) && !licensed(f) && f->channel == EX_CH_KMS_CLIENT;
}

static bool found_in_dns(const struct ex_facts *f)
{
    return f->text[EXL_KMS_FROM_DNS][0] && !registered(f) && !f->no_dns_host;
}

/* /dhistorykms's "ERROR/HOST: 0xC004F074, 0x00000000, kms01.example": the host is the last part. */
static const char *contacted(const struct ex_facts *f)
{
    const char *value = f->text[EXL_ERROR_HOST];
    const char *comma = strrchr(value, ',');
    if (!comma)
        return "";
    comma++;
    while (*comma == ' ')
        comma++;
    return comma;
}

static bool history_host(const struct ex_facts *f)
{
    return contacted(f)[0] != '\0';
}

static bool host_below_servers(const struct ex_facts *f)
{
    return f->is_host && f->count >= 0 && f->count < SERVER_THRESHOLD;
}

static bool host_below_clients(const struct ex_facts *f)
{
    return f->is_host && f->count >= SERVER_THRESHOLD && f->count < CLIENT_THRESHOLD;
}

static bool host_enough(const struct ex_facts *f)
{
    return f->is_host && f->count >= CLIENT_THRESHOLD;
}

static bool error_failure(const struct ex_facts *f)
{
    return f->has_error && (f->error & 0x80000000u);
}

static bool error_information(const struct ex_facts *f)
{
    return f->has_error && !(f->error & 0x80000000u) && f->error != 0;
}

static bool xpr_volume(const struct ex_facts *f)
{
    return f->seen[EXL_XPR_VOLUME];
}

static bool xpr_timebased(const struct ex_facts *f)
{
    return f->seen[EXL_XPR_TIMEBASED];
}

static bool xpr_grace(const struct ex_facts *f)
{
    return f->seen[EXL_XPR_GRACE];
}

static bool set_by_hand(const struct ex_facts *f)
{
    return registered(f) && f->state < 0 && !f->has_error && !f->is_host;
}

#define NONE { 0, 0 }
#define NO_SEE { NULL, NULL }

static const struct ex_condition table[] = {
    { "licensed", licensed, EX_OK, EXL_LICENSE_STATUS, "license-status",
      "Activated.", NONE, 0, NO_SEE },
    { "unlicensed", unlicensed, EX_CRITICAL, EXL_LICENSE_STATUS, "license-status",
      "Not activated and no grace period is running: it needs activating now.", NONE,
      EX_ADD_REASON, NO_SEE },
    { "initial-grace", oob_grace, EX_WARNING, EXL_LICENSE_STATUS, "license-status",
      "Not activated yet: it works on its initial grace period, which ends as shown.",
      { 0x4004F00Cu, 0 }, EX_ADD_REASON, { "symptom:kms-client-will-not-activate", NULL } },
    { "additional-grace", oot_grace, EX_WARNING, EXL_LICENSE_STATUS, "license-status",
      "Its activation lapsed (KMS validity ran out, or the hardware changed too much): it must "
      "activate again before this grace period ends.",
      { 0x4004F00Du, 0 }, EX_ADD_REASON, { "event:12288", NULL } },
    { "non-genuine-grace", nongenuine, EX_CRITICAL, EXL_LICENSE_STATUS, "license-status",
      "Windows judged this copy not genuine and runs on a short grace period.",
      { 0x4004F065u, 0 }, EX_ADD_REASON, { "symptom:recover-from-non-genuine", NULL } },
    { "notification", notification, EX_CRITICAL, EXL_LICENSE_STATUS, "license-status",
      "Notification mode: every grace period is over and Windows nags until it is activated.",
      NONE, EX_ADD_REASON, { "symptom:recover-from-rfm", NULL } },
    { "extended-grace", extended_grace, EX_WARNING, EXL_LICENSE_STATUS, "license-status",
      "Running on an extended grace period: activation is still owed.",
      { 0x4004FC06u, 0 }, EX_ADD_REASON, NO_SEE },
    { "activation-until", xpr_volume, EX_OK, EXL_XPR_VOLUME, "expiration",
      "KMS activation valid until {value}; every renewal moves this date on.", NONE, 0, NO_SEE },
    { "time-limited", xpr_timebased, EX_NOTE, EXL_XPR_TIMEBASED, "expiration",
      "A time-limited licence, ending {value}.", NONE, 0, NO_SEE },
    { "grace-until", xpr_grace, EX_WARNING, EXL_XPR_GRACE, "expiration",
      "Not activated: the grace period ends {value}.", NONE, 0,
      { "symptom:kms-client-will-not-activate", NULL } },
    { "evaluation", evaluation, EX_NOTE, EXL_DESCRIPTION, "channel",
      "An evaluation edition: its licence is time-limited, and no KMS or MAK key activates it "
      "until the edition is converted.", NONE, 0, NO_SEE },
    { "kms-host-key", host_key, EX_NOTE, EXL_DESCRIPTION, "channel",
      "A KMS host key (CSVLK) is installed, which makes this machine a KMS host; a client "
      "needs its KMS client setup key (GVLK) instead.",
      NONE, 0, { "symptom:kms-key-on-kms-client", NULL } },
    { "kms-error-without-gvlk", kms_error_without_gvlk, EX_WARNING, EXL_DESCRIPTION, "channel",
      "The error concerns KMS, but the key installed is not a KMS client key: with a retail, "
      "OEM or MAK key the product never asks a KMS host.",
      { 0xC004F074u, 0 }, 0, { "symptom:kms-client-will-not-activate", NULL } },
    { "no-rearm-left", no_rearm, EX_WARNING, EXL_WINDOWS_REARM, "rearm-count",
      "No rearm is left: slmgr /rearm cannot extend the grace period again.",
      { 0xC004D307u, 0 }, 0, NO_SEE },
    { "renewals-missed", renewals_missed, EX_WARNING, EXL_VOLUME_EXPIRATION, "volume-expiration",
      "{days} days of KMS activation left: a client that renews every 7 days stays near 180, "
      "so renewals have failed for about {missed} days.",
      NONE, 0, { "event:12288", "setting:VLRenewalInterval" } },
    { "expiry-close", expiry_close, EX_CRITICAL, EXL_VOLUME_EXPIRATION, "volume-expiration",
      "Only {days} days of KMS activation left: renewals have failed for months and it drops "
      "out of activation soon.",
      { 0xC004F074u, 0 }, 0, { "event:12288", "symptom:kms-client-will-not-activate" } },
    { "grace-ending", grace_close, EX_CRITICAL, EXL_TIME_REMAINING, "grace-remaining",
      "The grace period ends in {days} days.", NONE, 0, NO_SEE },
    { "stale-kms-override", stale_override, EX_WARNING, EXL_REGISTERED_KMS, "registered-kms",
      "A KMS host is set by hand ({host}), so the one DNS publishes ({dns}) is not used; if the "
      "hand-set host is gone, slmgr /ckms returns to DNS. `slerr diagnose --kms {host}` checks it.",
      NONE, 0, { "setting:KeyManagementServiceName", "setting:DiscoveredKeyManagementServiceName" } },
    { "kms-override-unreachable", override_unreachable, EX_CRITICAL, EXL_REGISTERED_KMS,
      "registered-kms",
      "The client only tries the hand-set KMS host {host}, and could not reach it. "
      "`slerr diagnose --kms {host}` checks it.",
      { 0xC004F074u, 0 }, 0, { "setting:KeyManagementServiceName", NULL } },
    { "kms-set-by-hand", set_by_hand, EX_NOTE, EXL_REGISTERED_KMS, "registered-kms",
      "KMS host set by hand to {host}: the client asks it alone, never DNS. "
      "`slerr diagnose --kms {host}` checks it.",
      NONE, 0, { "setting:KeyManagementServiceName", NULL } },
    { "no-kms-in-dns", no_kms_in_dns, EX_CRITICAL, EXL_DNS_DISCOVERY, "dns-auto-discovery",
      "DNS gave this client no KMS host (no _vlmcs._tcp SRV record) and none is set by hand. "
      "`slerr diagnose DOMAIN` checks the SRV record of its domain.",
      { 0xC004F074u, 0 }, 0, { "symptom:srv-records-on-non-microsoft-dns", "setting:KeyManagementServiceName" } },
    { "kms-from-dns", found_in_dns, EX_OK, EXL_KMS_FROM_DNS, "kms-from-dns",
      "Found its KMS host through DNS: {dns}. `slerr diagnose --kms {dns}` checks it.",
      NONE, 0, NO_SEE },
    { "history-kms-host", history_host, EX_NOTE, EXL_ERROR_HOST, "kms-host",
      "The client asked the KMS host {contacted}. `slerr diagnose --kms {contacted}` checks it.",
      NONE, 0, { "event:12288", NULL } },
    { "host-count-below-servers", host_below_servers, EX_CRITICAL, EXL_CURRENT_COUNT,
      "current-count",
      "The KMS host counts {count}: it activates nothing until the count reaches 5 (servers) "
      "and 25 (Windows client systems).",
      { 0xC004F038u, 0 }, 0, { "symptom:kms-count-not-increasing", NULL } },
    { "host-count-below-clients", host_below_clients, EX_WARNING, EXL_CURRENT_COUNT,
      "current-count",
      "The KMS host counts {count}: enough for servers (5) but not for Windows client systems, "
      "which need 25.",
      { 0xC004F038u, 0 }, 0, { "symptom:kms-count-not-increasing", NULL } },
    { "host-count-enough", host_enough, EX_OK, EXL_CURRENT_COUNT, "current-count",
      "The KMS host counts {count}: enough for clients and servers.", NONE, 0, NO_SEE },
    { "error", error_failure, EX_CRITICAL, EXL_ERROR, "error",
      "The operation failed with {code}; `slerr {code}` explains it.", NONE, EX_ADD_ERROR,
      NO_SEE },
    { "error-information", error_information, EX_NOTE, EXL_ERROR, "error",
      "{code} is for information only: it reports no failure.", NONE, EX_ADD_ERROR, NO_SEE },
};

size_t ex_condition_count(void)
{
    return sizeof table / sizeof table[0];
}

const struct ex_condition *ex_condition_at(size_t index)
{
    return index < ex_condition_count() ? &table[index] : NULL;
}

/* The host part to name in a `slerr diagnose --kms` suggestion; "HOST" when the value holds
 * anything a host name never does (so a pasted value cannot smuggle a shell command). */
static void host_word(const char *value, char *out, size_t size)
{
    size_t n = strcspn(value, " \t(");
    bool plain = n > 0 && n < size;
    for (size_t i = 0; plain && i < n; i++) {
        char c = value[i];
        plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_';
    }
    snprintf(out, size, "%.*s", plain ? (int)n : 4, plain ? value : "HOST");
}

/* The text of a field; remaining time comes under one of several labels depending on the tool. */
static const char *value_of(const struct ex_facts *f, enum ex_label label)
{
    if ((label == EXL_TIME_REMAINING || label == EXL_VOLUME_EXPIRATION) && !f->text[label][0])
        return f->text[EXL_REMAINING_GRACE];
    return f->text[label];
}

static void fill_text(const struct ex_condition *row, const struct ex_facts *f, char *out,
                      size_t size)
{
    char host[128], dns[128], asked[128], number[32], code[11];
    host_word(f->text[EXL_REGISTERED_KMS], host, sizeof host);
    host_word(contacted(f), asked, sizeof asked);
    host_word(f->text[EXL_KMS_FROM_DNS], dns, sizeof dns);
    ex_code_text(f->error, code);
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = row->text; *p && used + 1 < size;) {
        const char *put = NULL;
        size_t skip = 0;
        if (*p == '{') {
            skip = strcspn(p, "}") + 1;
            if (!strncmp(p, "{host}", 6))
                put = host;
            else if (!strncmp(p, "{dns}", 5))
                put = dns;
            else if (!strncmp(p, "{contacted}", 11))
                put = asked;
            else if (!strncmp(p, "{value}", 7))
                put = value_of(f, row->value);
            else if (!strncmp(p, "{code}", 6))
                put = code;
            else if (!strncmp(p, "{days}", 6))
                snprintf(number, sizeof number, "%ld", f->minutes / DAY), put = number;
            else if (!strncmp(p, "{missed}", 8))
                snprintf(number, sizeof number, "%ld", (KMS_VALIDITY - f->minutes) / DAY - 7),
                    put = number;
            else if (!strncmp(p, "{count}", 7))
                snprintf(number, sizeof number, "%ld", f->count), put = number;
        }
        if (put) {
            used += (size_t)snprintf(out + used, size - used, "%s", put);
            if (used >= size)
                used = size - 1;
            p += skip;
        } else {
            out[used++] = *p++;
            out[used] = '\0';
        }
    }
}

static void add_code(struct ex_finding *x, uint32_t code)
{
    for (size_t i = 0; i < x->ncodes; i++)
        if (x->codes[i] == code)
            return;
    if (x->ncodes < EX_MAX_CODES)
        x->codes[x->ncodes++] = code;
}

size_t ex_judge(const struct ex_facts *f, struct ex_finding *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ex_condition_count() && n < max; i++) {
        const struct ex_condition *row = &table[i];
        if (!row->holds(f))
            continue;
        struct ex_finding *x = &out[n++];
        memset(x, 0, sizeof *x);
        x->severity = row->severity;
        x->field = row->field;
        snprintf(x->value, sizeof x->value, "%s", value_of(f, row->value));
        fill_text(row, f, x->text, sizeof x->text);
        if ((row->add & EX_ADD_REASON) && f->has_reason && f->reason != 0)
            add_code(x, f->reason);
        if ((row->add & EX_ADD_ERROR) && f->has_error)
            add_code(x, f->error);
        for (size_t c = 0; c < 2; c++)
            if (row->codes[c])
                add_code(x, row->codes[c]);
        for (size_t s = 0; s < 2 && row->see[s]; s++)
            x->see[x->nsee++] = row->see[s];
    }
    return n;
}
