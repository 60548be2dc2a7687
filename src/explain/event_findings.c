/* SPDX-License-Identifier: MIT */
/* event_findings.c: the one table from an activation event's fields to findings. Each row names
 * the event, a condition on its fields, the finding's severity and the catalog entries it
 * points to; tests/unit/test_event_findings.c checks every row and every reference. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <slerr.h>

#include "code.h"
#include "event.h"

#define NO_KMS 0xC004F074u      /* no KMS host could be contacted */
#define TIME_SKEW 0xC004F06Cu   /* client and host clocks differ by more than 4 hours */
#define LOW_COUNT 0xC004F038u   /* the host's count is too low */
#define NOT_OWNER 0x80072338u   /* DNS: the record belongs to another host */
#define MINUTES_PER_DAY 1440u
#define VALIDITY_MINUTES (180u * MINUTES_PER_DAY) /* an activated KMS client's validity */

/* The fields of an event, read once. Field numbers follow the catalog's event entries. */
struct view {
    const struct ex_event *ev;
    bool has_result;
    uint32_t result;
    const char *host_port;  /* 12288 field 3 */
    const char *client;     /* 12290 field 3 */
    const char *cmid;       /* 12288 field 4, 12290 field 4 */
    const char *domain;     /* 12293 field 2, 12294 field 1 */
    uint32_t flags;         /* 12288, 12289 field 2 */
    long state;             /* licence state, -1 when absent */
    long minutes;           /* minutes left in it, -1 when absent */
    long count;             /* 12289 field 5, -1 when absent or unreadable */
    bool activated;         /* 12289 field 3: the answer activated the client */
    bool count_unreadable;  /* field 5 is there but holds no count in range */
    long activation_interval, renewal_interval; /* 12289 fields 6 and 7 */
    /* 1003: its licence status list */
    size_t licences;             /* entries read */
    size_t in_use;               /* of them, licences with a product key */
    struct ex_licence active;    /* the licence in use (the first failing one, if any fails) */
    const char *ao_name, *ao_dn; /* 12308: the Active Directory activation object */
};

static const char *value(const struct ex_event *ev, size_t n) /* 1-based, "" when absent */
{
    return n >= 1 && n <= ev->nvalues ? ev->values[n - 1] : "";
}

/* Status flags are a bit mask written in hex, not a code. */
static bool read_flags(const char *s, uint32_t *out)
{
    if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return false;
    char *end;
    unsigned long v = strtoul(s + 2, &end, 16);
    if (end == s + 2 || *end != '\0' || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

static long read_number(const char *s)
{
    unsigned long v;
    return ex_event_decimal(s, 0x7fffffffUL, &v) ? (long)v : -1;
}

/* Events whose code stands inside their text ("hr=0x...", "(hr=0x...)", "Error Code: 0x..."):
 * the first 0x and hex digits in their values or message. */
static bool code_in_text(unsigned id)
{
    return id == 8198 || id == 8200 || id == 8208 || id == 8209 || id == 16385 || id == 12321 ||
           !ex_event_id_explained(id); /* another of the service's: wherever it writes one */
}

/* Such an event carries its code somewhere in its values or message; others the result first. */
static void read_result(struct view *v)
{
    const struct ex_event *ev = v->ev;
    if (ev->id == 12294 || ev->id == 1003 || ev->id == 16384 || ev->id == 900 || ev->id == 902 ||
        ev->id == 903)
        return;
    if (!code_in_text(ev->id)) {
        v->has_result = ex_event_code(value(ev, 1), &v->result);
        return;
    }
    for (size_t i = 0; i <= ev->nvalues && !v->has_result; i++) {
        const char *s = i < ev->nvalues ? ev->values[i] : ev->message;
        const char *hr = strstr(s, "0x");
        if (!hr)
            continue;
        char digits[11] = { 0 };
        size_t n = 2;
        while (n < 10 && ((hr[n] >= '0' && hr[n] <= '9') || ((hr[n] | 0x20) >= 'a' && (hr[n] | 0x20) <= 'f')))
            n++;
        memcpy(digits, hr, n);
        v->has_result = ex_event_code(digits, &v->result);
    }
}

#define LICENCES_READ 64 /* entries kept per value; all are counted */

/* 1003: every value may hold (part of) the list; the long one is read whole. */
static void read_licences(const struct ex_event *ev, struct view *v)
{
    struct ex_licence lic[LICENCES_READ];
    bool have_active = false;
    for (size_t i = 0; i < ev->nvalues; i++) {
        const char *text = ev->long_index == i + 1 ? ev->long_value : ev->values[i];
        size_t total;
        size_t n = ex_licence_list_read(text, strlen(text), lic, LICENCES_READ, &total);
        v->licences += total;
        for (size_t k = 0; k < n; k++) {
            if (!lic[k].in_use)
                continue;
            v->in_use++;
            if (!have_active || (v->active.hr == 0 && lic[k].hr != 0))
                v->active = lic[k];
            have_active = true;
        }
    }
    v->result = v->active.hr; /* the code a failing licence's finding leads with */
}

static void read_view(const struct ex_event *ev, struct view *v)
{
    memset(v, 0, sizeof *v);
    v->ev = ev;
    v->state = v->minutes = v->count = -1;
    v->activation_interval = v->renewal_interval = -1;
    read_result(v);
    uint32_t flags = 0;
    switch (ev->id) {
    case 12288:
        if (read_flags(value(ev, 2), &flags))
            v->flags = flags;
        v->host_port = value(ev, 3);
        v->cmid = value(ev, 4);
        v->state = read_number(value(ev, 7));
        v->minutes = read_number(value(ev, 8));
        break;
    case 12289:
        if (read_flags(value(ev, 2), &flags))
            v->flags = flags;
        v->activated = read_number(value(ev, 3)) == 1;
        v->count = read_number(value(ev, 5));
        v->count_unreadable = v->count < 0 && value(ev, 5)[0] != '\0';
        v->activation_interval = read_number(value(ev, 6));
        v->renewal_interval = read_number(value(ev, 7));
        break;
    case 12290:
        v->client = value(ev, 3);
        v->cmid = value(ev, 4);
        v->state = read_number(value(ev, 7));
        v->minutes = read_number(value(ev, 8));
        break;
    case 12293:
        v->domain = value(ev, 2);
        break;
    case 12294:
        v->domain = value(ev, 1);
        break;
    case 1003:
        read_licences(ev, v);
        break;
    case 12308:
        v->ao_name = value(ev, 2);
        v->ao_dn = value(ev, 3);
        break;
    default:
        break;
    }
}

/* ---- conditions ---- */

static bool ok_result(const struct view *v) { return v->has_result && v->result == 0; }
static bool failed(const struct view *v) { return v->has_result && v->result != 0; }
/* 8200 and 8208 are failures whatever their code: one cut off (a stored page that ends inside
 * the description) is still one */
static bool failed_or_unread(const struct view *v) { return failed(v) || !v->has_result; }
static bool skewed(const struct view *v) { return v->has_result && v->result == TIME_SKEW; }
static bool failed_not_skew(const struct view *v) { return failed(v) && v->result != TIME_SKEW; }
static bool not_owner(const struct view *v) { return v->has_result && v->result == NOT_OWNER; }
static bool publish_failed(const struct view *v) { return failed(v) && v->result != NOT_OWNER; }
static bool has_host(const struct view *v) { return v->host_port && v->host_port[0]; }
static bool host_sent(const struct view *v) { return has_host(v) && ok_result(v); }
static bool host_not_sent(const struct view *v) { return has_host(v) && !ok_result(v); }
static bool has_client(const struct view *v) { return v->client && v->client[0]; }
static bool has_domain(const struct view *v) { return v->domain && v->domain[0]; }

#define FLAG_ERRORS 0x0F000000u
static bool bad_flags(const struct view *v) { return (v->flags & FLAG_ERRORS) != 0; }
static bool low_count_flag(const struct view *v) { return (v->flags & 0x04000000u) != 0; }

/* A client the answer activated had count enough for its product (5 for Office and servers):
 * a count below 25 then says nothing about it. */
static bool count_below_5(const struct view *v)
{
    return !v->activated && v->count >= 0 && v->count < 5;
}
static bool count_below_25(const struct view *v)
{
    return !v->activated && v->count >= 5 && v->count < 25;
}
static bool count_enough(const struct view *v) { return v->count >= 25; }
static bool count_unreadable(const struct view *v) { return v->count_unreadable; }
static bool custom_activation(const struct view *v)
{
    return v->activation_interval >= 0 && v->activation_interval != 120;
}
static bool custom_renewal(const struct view *v)
{
    return v->renewal_interval >= 0 && v->renewal_interval != 10080;
}

static bool state_is(const struct view *v, long s) { return v->state == s; }
static bool unlicensed(const struct view *v) { return state_is(v, 0); }
static bool activated_fresh(const struct view *v)
{
    return state_is(v, 1) && v->minutes >= (long)(150 * MINUTES_PER_DAY);
}
static bool activated_missed(const struct view *v)
{
    return state_is(v, 1) && v->minutes >= (long)(30 * MINUTES_PER_DAY) &&
           v->minutes < (long)(150 * MINUTES_PER_DAY);
}
static bool activated_ending(const struct view *v)
{
    return state_is(v, 1) && v->minutes >= 0 && v->minutes < (long)(30 * MINUTES_PER_DAY);
}
static bool initial_grace(const struct view *v)
{
    return (state_is(v, 2) || state_is(v, 6)) && !ok_result(v);
}
/* A request sent or answered without error from a product in grace: that is why it asked. */
static bool grace_asking(const struct view *v)
{
    return (state_is(v, 2) || state_is(v, 6)) && ok_result(v);
}
static bool oot_grace(const struct view *v) { return state_is(v, 3); }
static bool non_genuine(const struct view *v) { return state_is(v, 4); }
static bool notification(const struct view *v) { return state_is(v, 5); }

static bool list_unread(const struct view *v) { return v->licences == 0; }
static bool licence_ok(const struct view *v)
{
    return v->in_use && v->active.hr == 0 && v->active.granted;
}
static bool licence_failed(const struct view *v) { return v->in_use && v->active.hr != 0; }
static bool licence_not_granted(const struct view *v)
{
    return v->in_use && v->active.hr == 0 && !v->active.granted;
}
/* A list cut short may hold the licence in use past the cut: "none has a key" is not known. */
static bool no_licence_in_use(const struct view *v)
{
    return v->licences && !v->in_use && !v->ev->cut;
}
static bool unused_licences(const struct view *v) { return v->licences > v->in_use; }
static bool has_activation_object(const struct view *v) { return v->ao_name && v->ao_name[0]; }
static bool always(const struct view *v) { (void)v; return true; }

/* ---- the table ---- */

struct rule {
    struct ex_event_rule pub;
    bool (*when)(const struct view *v);
    const char *(*value)(const struct view *v, char *buf, size_t size);
    bool result_code; /* the event's own result is the finding's first code */
};

static const char *result_value(const struct view *v, char *buf, size_t size)
{
    if (!v->has_result)
        return "(no code in the paste)";
    ex_format(buf, size, "0x%08" PRIX32, v->result);
    return buf;
}
static const char *host_value(const struct view *v, char *buf, size_t size)
{
    (void)buf, (void)size;
    return v->host_port;
}
static const char *client_value(const struct view *v, char *buf, size_t size)
{
    ex_format(buf, size, "%s (CMID %s)", v->client, v->cmid ? v->cmid : "");
    return buf;
}
static const char *domain_value(const struct view *v, char *buf, size_t size)
{
    (void)buf, (void)size;
    return v->domain;
}
static const char *flags_value(const struct view *v, char *buf, size_t size)
{
    ex_format(buf, size, "0x%" PRIX32, v->flags);
    return buf;
}
static const char *raw_count_value(const struct view *v, char *buf, size_t size)
{
    (void)buf, (void)size;
    return value(v->ev, 5);
}
static const char *count_value(const struct view *v, char *buf, size_t size)
{
    ex_format(buf, size, "%ld", v->count);
    return buf;
}
static const char *state_value(const struct view *v, char *buf, size_t size)
{
    static const char *const names[] = { "unlicensed", "licensed", "initial grace",
        "out-of-tolerance grace", "non-genuine grace", "notifications", "extended grace" };
    const char *name = v->state >= 0 && v->state <= 6 ? names[v->state] : "unknown";
    if (v->minutes >= 0)
        ex_format(buf, size, "%ld (%s), %ld minutes (%ld days) left", v->state, name, v->minutes,
                 v->minutes / (long)MINUTES_PER_DAY);
    else
        ex_format(buf, size, "%ld (%s)", v->state, name);
    return buf;
}
static const char *interval_value(const struct view *v, char *buf, size_t size)
{
    ex_format(buf, size, "retry %ld min, renewal %ld min", v->activation_interval,
             v->renewal_interval);
    return buf;
}
static const char *licence_value(const struct view *v, char *buf, size_t size)
{
    ex_format(buf, size, "%s: 0x%08" PRIX32 ", %s%s", v->active.sku, v->active.hr,
              v->active.granted ? "granted" : "not granted",
              v->in_use > 1 ? " (the first of several with a key)" : "");
    return buf;
}
static const char *unused_value(const struct view *v, char *buf, size_t size)
{
    ex_format(buf, size, "%zu of %zu licences", v->licences - v->in_use, v->licences);
    return buf;
}
static const char *object_value(const struct view *v, char *buf, size_t size)
{
    if (v->ao_dn && v->ao_dn[0])
        ex_format(buf, size, "%s (%s)", v->ao_name, v->ao_dn);
    else
        ex_format(buf, size, "%s", v->ao_name);
    return buf;
}
static const char *message_value(const struct view *v, char *buf, size_t size)
{
    ex_format(buf, size, "%s", v->ev->nvalues ? v->ev->values[0] : v->ev->message);
    return buf;
}

#define RS(id_, name_, field_, sev_, c1, c2, s1, s2, s3, when_, value_, rc_, text_, suggest_) \
    { { id_, { name_, field_, sev_, text_, { c1, c2 }, { s1, s2, s3 }, suggest_ } }, when_, \
      value_, rc_ }
#define R(id_, name_, field_, sev_, c1, c2, s1, s2, s3, when_, value_, rc_, text_) \
    RS(id_, name_, field_, sev_, c1, c2, s1, s2, s3, when_, value_, rc_, text_, NULL)

static const struct rule rules[] = {
    /* 12288: the client's request */
    R(12288, "12288-sent", "result", EX_OK, 0, 0, NULL, NULL, NULL, ok_result, result_value, false,
      "The client built and sent its request; the host's answer is in event 12289."),
    R(12288, "12288-failed", "result", EX_CRITICAL, NO_KMS, 0,
      "symptom:kms-client-will-not-activate", NULL, NULL, failed, result_value, true,
      "The request never reached a KMS host: this code, not the 0xC004F074 the client shows, is the real cause."),
    RS(12288, "12288-host", "kms-host", EX_NOTE, 0, 0, "setting:KeyManagementServiceName",
       "setting:KeyManagementServicePort", NULL, host_not_sent, host_value, false,
       "The client asked this KMS host.",
       "`slerr diagnose --kms {host}` checks its name, port, RPC endpoint and clock."),
    R(12288, "12288-host-sent", "kms-host", EX_OK, 0, 0, "setting:KeyManagementServiceName",
      NULL, NULL, host_sent, host_value, false, "The client sent its request to this KMS host."),
    R(12288, "12288-flags", "status-flags", EX_WARNING, 0, 0, NULL, NULL, NULL, bad_flags,
      flags_value, false,
      "The status flags carry an error bit (0x01000000 no KMS registration, 0x02000000 bad registration data, 0x04000000 count too low, 0x08000000 no qualifying OS licence)."),
    /* 12289: the host's answer as the client saw it */
    R(12289, "12289-activated", "result", EX_OK, 0, 0, NULL, NULL, NULL, ok_result, result_value,
      false, "The KMS host answered and the client accepted the answer."),
    R(12289, "12289-refused", "result", EX_CRITICAL, 0, 0, "symptom:kms-client-will-not-activate",
      NULL, NULL, failed, result_value, true,
      "The KMS host answered but the activation failed with this code."),
    R(12289, "12289-flag-count", "status-flags", EX_WARNING, LOW_COUNT, 0,
      "symptom:kms-count-not-increasing", NULL, NULL, low_count_flag, flags_value, false,
      "The flags say the host's count is too low for this product."),
    R(12289, "12289-count-below-5", "kms-count", EX_WARNING, LOW_COUNT, 0,
      "symptom:kms-count-not-increasing", NULL, NULL, count_below_5, count_value, false,
      "The host counts fewer than 5 machines: it activates nobody until it reaches 5 (servers) or 25 (client editions)."),
    R(12289, "12289-count-below-25", "kms-count", EX_NOTE, LOW_COUNT, 0,
      "symptom:kms-count-not-increasing", NULL, NULL, count_below_25, count_value, false,
      "The host's count is enough for servers (5) but below the 25 that client editions need."),
    R(12289, "12289-count-enough", "kms-count", EX_OK, 0, 0, NULL, NULL, NULL, count_enough,
      count_value, false, "The host's count reaches the 25 that client editions need."),
    R(12289, "12289-count-unreadable", "kms-count", EX_NOTE, 0, 0, NULL, NULL, NULL,
      count_unreadable, raw_count_value, false,
      "The count field holds no number in range (a sign, a hex value, too many digits): it is not judged."),
    R(12289, "12289-retry-interval", "intervals", EX_NOTE, 0, 0, "setting:VLActivationInterval",
      NULL, NULL, custom_activation, interval_value, false,
      "The retry interval differs from the default of 120 minutes: someone set it."),
    R(12289, "12289-renewal-interval", "intervals", EX_NOTE, 0, 0, "setting:VLRenewalInterval",
      NULL, NULL, custom_renewal, interval_value, false,
      "The renewal interval differs from the default of 10080 minutes (7 days): someone set it."),
    /* 12290: the host's record of a request */
    R(12290, "12290-answered", "result", EX_OK, 0, 0, NULL, NULL, NULL, ok_result, result_value,
      false, "The host answered this client's request."),
    R(12290, "12290-clock-skew", "result", EX_CRITICAL, 0, 0, "event:12288", NULL, NULL, skewed,
      result_value, true,
      "The host refused the client because their clocks differ by more than 4 hours; the client itself usually shows only 0xC004F074."),
    R(12290, "12290-refused", "result", EX_CRITICAL, 0, 0, NULL, NULL, NULL, failed_not_skew,
      result_value, true, "The host could not serve this request; the code says why."),
    R(12290, "12290-client", "client", EX_OK, 0, 0, "symptom:kms-count-not-increasing", NULL, NULL,
      has_client, client_value, false,
      "The requesting machine and its CMID: one CMID under several names means images that were not generalised."),
    /* the licence state that 12288 and 12290 both report */
    R(0, "state-unlicensed", "license-state", EX_WARNING, 0, 0, NULL, NULL, NULL, unlicensed,
      state_value, false, "The product is not activated."),
    R(0, "state-activated", "license-state", EX_OK, 0, 0, NULL, NULL, NULL, activated_fresh,
      state_value, false, "The product is activated and renewing on time."),
    R(0, "state-missed-renewals", "license-state", EX_NOTE, 0, 0, "setting:VLRenewalInterval", NULL,
      NULL, activated_missed, state_value, false,
      "Activated, but well under the 180 days a renewal restores: it has missed renewals."),
    R(0, "state-running-out", "license-state", EX_WARNING, NO_KMS, 0, "setting:VLRenewalInterval",
      NULL, NULL, activated_ending, state_value, false,
      "The activation runs out within 30 days: the client has not reached a KMS host for months."),
    R(0, "state-grace", "license-state", EX_NOTE, 0, 0, NULL, NULL, NULL, initial_grace,
      state_value, false, "The product runs in a grace period and still needs activating."),
    R(0, "state-grace-asking", "license-state", EX_OK, 0, 0, NULL, NULL, NULL, grace_asking,
      state_value, false,
      "In a grace period when it asked, which is why it asked; whether it activated is in the answer (event 12289)."),
    R(0, "state-oot-grace", "license-state", EX_WARNING, 0, 0, NULL, NULL, NULL, oot_grace,
      state_value, false, "Out-of-tolerance grace: the hardware changed too much and the product must be activated again."),
    R(0, "state-non-genuine", "license-state", EX_CRITICAL, 0, 0, "symptom:recover-from-non-genuine",
      "event:8209", NULL, non_genuine, state_value, false,
      "Non-genuine grace: the installation failed genuine validation."),
    R(0, "state-notification", "license-state", EX_CRITICAL, 0, 0, "symptom:recover-from-rfm", NULL,
      NULL, notification, state_value, false,
      "Notification mode: the grace period ended without activation."),
    /* 12291 and 12292: renewal timers */
    R(12291, "12291-timer", "result", EX_WARNING, 0, 0, "setting:VLRenewalInterval", NULL, NULL,
      failed, result_value, true, "The client could not start the timer that renews its activation."),
    R(12292, "12292-timer", "result", EX_WARNING, 0, 0, "event:12291", NULL, NULL, failed,
      result_value, true, "The KMS host could not start its renewal timer."),
    /* 12293 and 12294: DNS publishing */
    R(12293, "12293-not-owner", "result", EX_CRITICAL, 0, 0, "symptom:only-first-kms-host-publishes",
      "setting:DnsDomainPublishList", NULL, not_owner, result_value, true,
      "The SRV record was created by another host and this one may not update it."),
    R(12293, "12293-failed", "result", EX_CRITICAL, 0, 0, "symptom:srv-records-on-non-microsoft-dns",
      "setting:DisableDnsPublishing", NULL, publish_failed, result_value, true,
      "The host could not publish its _vlmcs._tcp SRV record, so clients using DNS discovery will not find it there."),
    RS(12293, "12293-domain", "dns-domain", EX_NOTE, 0, 0, "setting:DnsDomainPublishList", NULL,
       NULL, has_domain, domain_value, false, "The domain it tried to publish in.",
       "`slerr diagnose {domain}` shows what clients there find."),
    RS(12294, "12294-published", "dns-domain", EX_OK, 0, 0, "setting:DnsDomainPublishList", NULL,
       NULL, has_domain, domain_value, false,
       "The host published its SRV record in this domain.",
       "`slerr diagnose {domain}` checks what clients find."),
    /* 8198, 8209, 1003: the Software Protection service */
    R(8198, "8198-failed", "result", EX_CRITICAL, 0, 0, "symptom:kms-client-will-not-activate", NULL,
      NULL, failed, result_value, true,
      "Activation failed; this is the specific code behind what slmgr or the Settings page reported."),
    R(8209, "8209-not-genuine", "result", EX_CRITICAL, 0, 0, "symptom:recover-from-non-genuine", NULL,
      NULL, failed, result_value, true, "Genuine validation failed with this code."),
    R(1003, "1003-status-check", "license-check", EX_NOTE, 0, 0, NULL, NULL, NULL, list_unread,
      message_value, false,
      "The service checked the licences of this application; the status list that follows names each licence's state."),
    R(1003, "1003-licence-in-use", "license-in-use", EX_OK, 0, 0, NULL, NULL, NULL, licence_ok,
      licence_value, false,
      "The licence in use (the one with a product key) passed its check: this application is licensed."),
    R(1003, "1003-licence-failed", "license-in-use", EX_CRITICAL, 0, 0, "event:8198", NULL, NULL,
      licence_failed, licence_value, true,
      "The licence in use (the one with a product key) failed its check with this code: this is the state to act on."),
    R(1003, "1003-licence-not-granted", "license-in-use", EX_WARNING, 0, 0, NULL, NULL, NULL,
      licence_not_granted, licence_value, false,
      "The licence in use was checked without error but not granted: it is not activated yet (a grace period, or waiting for activation)."),
    R(1003, "1003-no-licence-in-use", "license-in-use", EX_NOTE, 0, 0, NULL, NULL, NULL,
      no_licence_in_use, unused_value, false,
      "None of the listed licences has a product key: nothing of this application is installed with a key."),
    R(1003, "1003-unused-licences", "unused-licenses", EX_OK, 0, 0, NULL, NULL, NULL,
      unused_licences, unused_value, false,
      "The other licences have no product key (0xC004F014 in the list): editions the installation could use but does not. That is normal."),
    /* 8200, 8208: a licence (a genuine ticket) fetched from Microsoft's servers; 16384, 16385:
     * the service scheduling its own next start */
    R(8200, "8200-acquisition-failed", "result", EX_WARNING, 0, 0, "event:8208", "event:8198",
      NULL, failed_or_unread, result_value, true,
      "The service could not fetch a licence from Microsoft's servers (usually a genuine ticket some component asked for), for the reason this code gives: most often no Internet access. It is not the product's activation failing; slmgr.vbs /dli or event 8198 says whether that fails too."),
    R(8208, "8208-genuine-ticket-failed", "result", EX_WARNING, 0, 0, "event:8200", NULL, NULL,
      failed_or_unread, result_value, true,
      "A genuine ticket could not be acquired, for the reason this code gives (0x80072EE7 and other WinINet codes: no Internet access). It recurs while the asking component retries; the product's activation is judged elsewhere (slmgr.vbs /dli, event 8198)."),
    R(16384, "16384-restart-scheduled", "event", EX_OK, 0, 0, "event:16385", NULL, NULL, always,
      message_value, false,
      "Routine: the service scheduled its own next start. Many of these a day, or a date a century ahead, are normal."),
    R(16385, "16385-restart-not-scheduled", "result", EX_WARNING, 0, 0, "event:16384", NULL,
      NULL, failed, result_value, true,
      "The service could not schedule its next start with Task Scheduler, so its licence checks and renewals may not run on time: the code says why (0x80070005: access denied to the task)."),
    /* 12321: the token-based activation check (Security-Licensing-SLC), a warning Windows logs
     * on volume-licensed machines that activate through KMS or MAK as well */
    R(12321, "12321-token-activation-failed", "result", EX_NOTE, 0, 0, NULL, NULL, NULL, failed,
      result_value, true,
      "Token-based activation is not set up here (the code says what is missing, 0xC004F011: no issuance licence installed). It matters only where machines are meant to activate by token; KMS and MAK activation go on without it."),
    /* 900, 902, 903: the service starting, started, stopped */
    R(900, "900-service-starting", "event", EX_OK, 0, 0, "event:902", NULL, NULL, always,
      message_value, false, "Routine: the licensing service is starting on a caller's demand."),
    R(902, "902-service-started", "event", EX_OK, 0, 0, "event:900", NULL, NULL, always,
      message_value, false, "Routine: the licensing service has started."),
    R(903, "903-service-stopped", "event", EX_OK, 0, 0, "event:900", NULL, NULL, always,
      message_value, false, "Routine: the licensing service stopped, as it does when idle."),
    /* 12308: a client activated through Active Directory */
    R(12308, "12308-adba-activated", "activation-object", EX_OK, 0, 0,
      "symptom:kms-count-not-increasing", NULL, NULL, has_activation_object, object_value, false,
      "Activated through Active Directory by this activation object: no KMS host took part, so a KMS host does not count this client."),
};

#define NRULES (sizeof rules / sizeof *rules)

size_t ex_event_rule_count(void) { return NRULES; }

const struct ex_event_rule *ex_event_rule_at(size_t index)
{
    return index < NRULES ? &rules[index].pub : NULL;
}

static bool has_licence_state(unsigned id) { return id == 12288 || id == 12290; }

/* {host} and {domain}: as written in prose; in a command only a checked host name. */
static const char *fill(const void *subject, const char *key, size_t len, bool command,
                        char *buf, size_t size)
{
    const struct view *v = subject;
    const char *text = ex_key_is(key, len, "host") ? v->host_port
                       : ex_key_is(key, len, "domain") ? v->domain : NULL;
    if (!text)
        return NULL;
    if (command)
        return ex_checked_host(text, buf, size) ? buf : NULL;
    return text;
}

static void apply(const struct rule *r, const struct view *v, struct ex_finding *f)
{
    char buf[EX_VALUE_MAX];
    const char *val = r->value(v, buf, sizeof buf);
    ex_finding_from_row(f, &r->pub.row, val, fill, v);
    if (r->result_code && (v->has_result || v->result != 0)) /* 8200 cut off: no code */
        ex_finding_lead_code(f, v->result);
    if (r->result_code && v->ev->id == 1003) /* what its policies failed with, too */
        for (size_t i = 0; i < v->active.ndetail; i++)
            ex_finding_add_code(f, v->active.detail[i]);
}

/* The catalog's events, as see-references (the test checks each exists). */
static const char *const event_refs[] = {
    "event:1003", "event:8198", "event:8200", "event:8208", "event:8209", "event:12288",
    "event:12289", "event:12290", "event:12291", "event:12292", "event:12293", "event:12294",
    "event:12308", "event:16384", "event:16385", "event:12321", "event:900", "event:902",
    "event:903",
};

/* The first finding names the event itself, so that a record always says what it read. */
static const struct ex_row event_known = {
    "event", "event", EX_OK, "{title}.", { 0 }, { NULL }, NULL,
};
static const struct ex_row event_other = {
    "event-other", "event", EX_OK, "An event of the Software Protection service.", { 0 },
    { NULL }, NULL,
};

/* An event the input ended inside (ex_event.cut): said, so that what it lacks is not read as
 * absent from the machine. Not a fault of the machine's: ok. */
/* An event of the licensing service under an ID no rule reads, whose values or message hold a
 * failure code ("Acquisition of End User License failed. hr=0x80072EE7"): that code is what
 * it says. */
static const struct ex_row event_other_failed = {
    "event-other-failed", "result", EX_CRITICAL,
    "An event of the Software Protection service reports {value}, a failure: `slerr {value}` "
    "explains it.",
    { 0 }, { NULL }, NULL,
};

static const struct ex_row event_cut = {
    "event-cut", "input", EX_OK,
    "The input ends inside this event (the paste was cut short): it is judged on what it holds "
    "up to there.", { 0 }, { NULL }, NULL,
};

static const char *fill_title(const void *subject, const char *key, size_t len, bool command,
                              char *buf, size_t size)
{
    (void)buf, (void)size;
    return !command && ex_key_is(key, len, "title") ? slerr_entry_title(subject)
                                                 : NULL;
}

static void identify(const struct ex_event *ev, struct ex_finding *f)
{
    char which[EX_VALUE_MAX];
    ex_format(which, sizeof which, "%u %s%s%s%s%s", ev->id,
             ev->provider[0] ? ev->provider : ev->source, ev->computer[0] ? " on " : "",
             ev->computer, ev->time[0] ? " at " : "", ev->time);
    const struct slerr_entry *e = slerr_lookup_event(ev->id);
    ex_finding_from_row(f, e ? &event_known : &event_other, which, fill_title, e);
    for (size_t i = 0; e && i < sizeof event_refs / sizeof *event_refs; i++)
        if (strtoul(event_refs[i] + 6, NULL, 10) == ev->id)
            ex_finding_add_see(f, event_refs[i]);
}

static bool applies(const struct rule *r, const struct ex_event *ev)
{
    return r->pub.id ? r->pub.id == ev->id : has_licence_state(ev->id);
}

enum ex_severity ex_event_severity(const struct ex_event *ev)
{
    struct view v;
    read_view(ev, &v);
    enum ex_severity worst = EX_OK;
    for (size_t i = 0; i < NRULES; i++)
        if (applies(&rules[i], ev) && rules[i].pub.row.severity > worst && rules[i].when(&v))
            worst = rules[i].pub.row.severity;
    return worst;
}

size_t ex_event_findings(const struct ex_event *ev, struct ex_finding *out, size_t max)
{
    struct view v;
    read_view(ev, &v);
    size_t n = 0;
    if (max == 0)
        return 0;
    identify(ev, &out[n++]);
    if (ev->cut && n < max) {
        char where[32];
        ex_format(where, sizeof where, "cut at line %zu", ev->cut);
        ex_finding_from_row(&out[n++], &event_cut, where, NULL, NULL);
    }
    for (size_t i = 0; i < NRULES && n < max; i++) {
        const struct rule *r = &rules[i];
        if (applies(r, ev) && r->when(&v))
            apply(r, &v, &out[n++]);
    }
    if (!ex_event_id_explained(ev->id) && failed(&v) && (v.result & 0x80000000u) && n < max) {
        char code[11];
        ex_code_text(v.result, code);
        ex_finding_from_row(&out[n], &event_other_failed, code, NULL, NULL); /* our spelling */
        ex_finding_lead_code(&out[n++], v.result);
    }
    return n;
}
