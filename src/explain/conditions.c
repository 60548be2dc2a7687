/* SPDX-License-Identifier: MIT */
/* conditions.c: the one table from the facts of a licence record to findings: which condition,
 * how bad, which field, our sentence, the catalog codes and entries it points to. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "facts.h"
#include "prose.h"

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

/* Told in prose, where no state line or code says more. */
static bool told_failed(const struct ex_facts *f) { return f->told == EX_TOLD_ACTIVATION_FAILED; }
static bool told_not_activated(const struct ex_facts *f) { return f->told == EX_TOLD_NOT_ACTIVATED; }
static bool told_expiring(const struct ex_facts *f) { return f->told == EX_TOLD_EXPIRING; }

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

/* A failure ospp.vbs or slmgr.vbs tells only by its description ("ERROR DESCRIPTION: An
 * unknown error occurred. (0x1A8)" under "Installing Office license": a script host's own
 * error, no licensing code): no code line, so no row above holds it, and the command failed. */
static bool error_described(const struct ex_facts *f)
{
    return f->text[EXL_ERROR_DESCRIPTION][0] && !f->seen[EXL_ERROR] && !f->has_error;
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

static bool seen_activated(const struct ex_facts *f) { return f->seen[EXL_ACTIVATED_OK]; }
static bool seen_key_installed(const struct ex_facts *f) { return f->seen[EXL_KEY_INSTALLED]; }
static bool seen_key_uninstalled(const struct ex_facts *f) { return f->seen[EXL_KEY_UNINSTALLED]; }
static bool seen_no_keys(const struct ex_facts *f) { return f->seen[EXL_NO_KEYS]; }

/* Get-SubscriptionLicenseInfo's SubscriptionStatusValue: 1 is an active subscription. */
static bool subscription_status(const struct ex_facts *f, bool active)
{
    const char *text = f->text[EXL_SUBSCRIPTION_STATUS_VALUE];
    uint32_t value;
    if (!f->seen[EXL_SUBSCRIPTION_STATUS_VALUE] || !ex_code_parse(text, strlen(text), true, &value))
        return false;
    return (value == 1) == active;
}
static bool subscription_active(const struct ex_facts *f) { return subscription_status(f, true); }
static bool subscription_inactive(const struct ex_facts *f)
{
    return subscription_status(f, false);
}
/* The product names the Active Directory activation object it activated from. */
static bool adba_activated(const struct ex_facts *f)
{
    return f->text[EXL_AD_OBJECT_NAME][0] != '\0' || f->text[EXL_AD_OBJECT_DN][0] != '\0';
}

static bool seen_subscription_active(const struct ex_facts *f)
{
    return f->seen[EXL_SUBSCRIPTION_ACTIVE];
}
static bool seen_subscription_invalid(const struct ex_facts *f)
{
    return f->seen[EXL_SUBSCRIPTION_INVALID];
}
static bool seen_rearm(const struct ex_facts *f) { return f->seen[EXL_COMMAND_OK]; }
static bool seen_license_installed(const struct ex_facts *f)
{
    return f->seen[EXL_LICENSE_INSTALLED];
}

static bool seen_ato_failed(const struct ex_facts *f) { return f->seen[EXL_ACT_FAILED]; }
static bool seen_setting_applied(const struct ex_facts *f)
{
    return f->seen[EXL_SETTING_APPLIED];
}
static bool seen_no_kms_licenses(const struct ex_facts *f)
{
    return f->seen[EXL_NO_KMS_LICENSES];
}
static bool seen_service_down(const struct ex_facts *f) { return f->seen[EXL_SERVICE_DOWN]; }

static bool unreadable_number(const struct ex_facts *f)
{
    return f->unreadable != EXL_NONE;
}

/* A host name found set on the machine (a trimmed /dlv's "Registered KMS machine name"): worth
 * a note, as whoever set it may be gone. */
static bool set_by_hand(const struct ex_facts *f)
{
    return registered(f) && f->state < 0 && !f->has_error && !f->is_host &&
           !f->seen[EXL_SKMS_SET];
}

/* slmgr /skms's own success line: the user set the host and the command did it; no fault, and
 * nothing the user does not know, beyond what the setting does. */
static bool set_as_asked(const struct ex_facts *f)
{
    return registered(f) && f->seen[EXL_SKMS_SET] && !f->has_error;
}

/* Partial records: a trimmed paste is judged on what it holds, and a row below says what is
 * missing only where the missing field would change the verdict. */

/* Notification mode has several causes (grace over, non-genuine, a lapsed KMS activation): the
 * reason code tells them apart, and neither it nor an error code is in the paste. */
static bool reason_missing(const struct ex_facts *f)
{
    return notification(f) && !f->has_reason && !f->has_error;
}

/* A code saying the client found or reached no KMS host, or too small a one. */
static bool kms_contact_code(uint32_t code)
{
    return code == 0xC004F074u || code == 0xC004F038u || code == 0x8007232Bu ||
           code == 0x800706BAu;
}

/* A KMS client that is not activated for want of a KMS host (or for a reason not in the
 * paste), with none of the lines saying which host it asks (set by hand, found in DNS, or
 * none found): that is where the verdict lies. */
static bool kms_machine_missing(const struct ex_facts *f)
{
    bool about_kms = (f->has_reason && kms_contact_code(f->reason)) ||
                     (f->has_error && kms_contact_code(f->error)) ||
                     (!f->has_reason && !f->has_error);
    return f->channel == EX_CH_KMS_CLIENT && f->state >= 0 && !licensed(f) && about_kms &&
           !f->seen[EXL_KMS_CLIENT_HEADER] && !f->seen[EXL_REGISTERED_KMS] &&
           !f->seen[EXL_KMS_FROM_DNS] && !f->seen[EXL_DNS_DISCOVERY];
}

/* "No KMS could be contacted" in a licence record whose key channel is not in the paste: with
 * a retail, OEM or MAK key the error means the wrong key, with a GVLK an unreachable host. */
static bool channel_missing(const struct ex_facts *f)
{
    return f->has_error && f->error == 0xC004F074u && f->state >= 0 &&
           f->channel == EX_CH_UNKNOWN;
}

static const struct ex_condition table[] = {
    { { "licensed", "license-status", EX_OK,
        "Activated.",
        { 0 }, { NULL }, NULL },
      licensed, EXL_LICENSE_STATUS, 0 },
    { { "unlicensed", "license-status", EX_CRITICAL,
        "Not activated and no grace period is running: it needs activating now.",
        { 0 }, { NULL }, NULL },
      unlicensed, EXL_LICENSE_STATUS, EX_ADD_REASON },
    { { "initial-grace", "license-status", EX_WARNING,
        "Not activated yet: it works on its initial grace period, which ends as shown.",
        { 0x4004F00Cu, 0 }, { "symptom:kms-client-will-not-activate", NULL }, NULL },
      oob_grace, EXL_LICENSE_STATUS, EX_ADD_REASON },
    { { "additional-grace", "license-status", EX_WARNING,
        "Its activation lapsed (KMS validity ran out, or the hardware changed too much): it must "
        "activate again before this grace period ends.",
        { 0x4004F00Du, 0 }, { "event:12288", NULL }, NULL },
      oot_grace, EXL_LICENSE_STATUS, EX_ADD_REASON },
    { { "non-genuine-grace", "license-status", EX_CRITICAL,
        "Windows judged this copy not genuine and runs on a short grace period.",
        { 0x4004F065u, 0 }, { "symptom:recover-from-non-genuine", NULL }, NULL },
      nongenuine, EXL_LICENSE_STATUS, EX_ADD_REASON },
    { { "notification", "license-status", EX_CRITICAL,
        "Notification mode: every grace period is over and Windows nags until it is activated.",
        { 0 }, { "symptom:recover-from-rfm", NULL }, NULL },
      notification, EXL_LICENSE_STATUS, EX_ADD_REASON },
    { { "extended-grace", "license-status", EX_WARNING,
        "Running on an extended grace period: activation is still owed.",
        { 0x4004FC06u, 0 }, { NULL }, NULL },
      extended_grace, EXL_LICENSE_STATUS, EX_ADD_REASON },
    { { "activation-failed", "license-status", EX_CRITICAL,
        "Activation failed, as the text tells it, and nothing in the paste says why: the code "
        "is in the output of `slmgr.vbs /ato` (or `ospp.vbs /act` for Office); paste it with "
        "`slmgr.vbs /dlv`.",
        { 0 }, { NULL }, NULL },
      told_failed, EXL_LICENSE_STATUS, 0 },
    { { "not-activated", "license-status", EX_CRITICAL,
        "Not activated, as the text tells it; whether a grace period still runs, and why it "
        "does not activate, is not in the paste: paste `slmgr.vbs /dlv` (or `ospp.vbs "
        "/dstatus`).",
        { 0 }, { NULL }, NULL },
      told_not_activated, EXL_LICENSE_STATUS, 0 },
    { { "license-expiring", "license-status", EX_WARNING,
        "The licence is close to its end, as the text tells it: `slmgr.vbs /xpr` says when, and "
        "`slmgr.vbs /dlv` which licence (an evaluation, a KMS activation that stopped renewing).",
        { 0 }, { NULL }, NULL },
      told_expiring, EXL_LICENSE_STATUS, 0 },
    { { "activation-until", "expiration", EX_OK,
        "Volume activation valid until {value}; every renewal (from the KMS host, or the "
        "Hyper-V host for Automatic VM activation) moves this date on.",
        { 0 }, { NULL }, NULL },
      xpr_volume, EXL_XPR_VOLUME, 0 },
    { { "time-limited", "expiration", EX_NOTE,
        "A time-limited licence, ending {value}.",
        { 0 }, { NULL }, NULL },
      xpr_timebased, EXL_XPR_TIMEBASED, 0 },
    { { "grace-until", "expiration", EX_WARNING,
        "Not activated: the grace period ends {value}.",
        { 0 }, { "symptom:kms-client-will-not-activate", NULL }, NULL },
      xpr_grace, EXL_XPR_GRACE, 0 },
    { { "evaluation", "channel", EX_NOTE,
        "An evaluation edition: its licence is time-limited, and no KMS or MAK key activates it "
        "until the edition is converted.",
        { 0 }, { NULL }, NULL },
      evaluation, EXL_DESCRIPTION, 0 },
    { { "kms-host-key", "channel", EX_NOTE,
        "A KMS host key (CSVLK) is installed, which makes this machine a KMS host; a client "
        "needs its KMS client setup key (GVLK) instead.",
        { 0 }, { "symptom:kms-key-on-kms-client", NULL }, NULL },
      host_key, EXL_DESCRIPTION, 0 },
    { { "kms-error-without-gvlk", "channel", EX_WARNING,
        "The error concerns KMS, but the key installed is not a KMS client key: with a retail, "
        "OEM or MAK key the product never asks a KMS host.",
        { 0xC004F074u, 0 }, { "symptom:kms-client-will-not-activate", NULL }, NULL },
      kms_error_without_gvlk, EXL_DESCRIPTION, 0 },
    { { "no-rearm-left", "rearm-count", EX_WARNING,
        "No rearm is left: slmgr /rearm cannot extend the grace period again.",
        { 0xC004D307u, 0 }, { NULL }, NULL },
      no_rearm, EXL_WINDOWS_REARM, 0 },
    { { "renewals-missed", "volume-expiration", EX_WARNING,
        "{days} days of KMS activation left: a client that renews every 7 days stays near 180, "
        "so renewals have failed for about {missed} days.",
        { 0 }, { "event:12288", "setting:VLRenewalInterval" }, NULL },
      renewals_missed, EXL_VOLUME_EXPIRATION, 0 },
    { { "expiry-close", "volume-expiration", EX_CRITICAL,
        "Only {days} days of KMS activation left: renewals have failed for months and it drops "
        "out of activation soon.",
        { 0xC004F074u, 0 }, { "event:12288", "symptom:kms-client-will-not-activate" }, NULL },
      expiry_close, EXL_VOLUME_EXPIRATION, 0 },
    { { "grace-ending", "grace-remaining", EX_CRITICAL,
        "The grace period ends in {days} days.",
        { 0 }, { NULL }, NULL },
      grace_close, EXL_TIME_REMAINING, 0 },
    { { "stale-kms-override", "registered-kms", EX_WARNING,
        "A KMS host is set by hand ({host}), so the one DNS publishes ({dns}) is not used; if the "
        "hand-set host is gone, slmgr /ckms returns to DNS.",
        { 0 }, { "setting:KeyManagementServiceName", "setting:DiscoveredKeyManagementServiceName" },
        "`slerr diagnose --kms {host}` checks it." },
      stale_override, EXL_REGISTERED_KMS, 0 },
    { { "kms-override-unreachable", "registered-kms", EX_CRITICAL,
        "The client only tries the hand-set KMS host {host}, and could not reach it.",
        { 0xC004F074u, 0 }, { "setting:KeyManagementServiceName", NULL },
        "`slerr diagnose --kms {host}` checks it." },
      override_unreachable, EXL_REGISTERED_KMS, 0 },
    { { "kms-set-by-hand", "registered-kms", EX_NOTE,
        "KMS host set by hand to {host}: the client asks it alone, never DNS.",
        { 0 }, { "setting:KeyManagementServiceName", NULL },
        "`slerr diagnose --kms {host}` checks it." },
      set_by_hand, EXL_REGISTERED_KMS, 0 },
    { { "kms-set", "registered-kms", EX_OK,
        "KMS host set to {host}, as asked: from now on the client asks it alone, never DNS "
        "(slmgr /ckms returns to DNS).",
        { 0 }, { "setting:KeyManagementServiceName", NULL },
        "`slerr diagnose --kms {host}` checks it." },
      set_as_asked, EXL_REGISTERED_KMS, 0 },
    { { "no-kms-in-dns", "dns-auto-discovery", EX_CRITICAL,
        "DNS gave this client no KMS host (no _vlmcs._tcp SRV record) and none is set by hand. "
        "`slerr diagnose DOMAIN` checks the SRV record of its domain.",
        { 0xC004F074u, 0 }, { "symptom:srv-records-on-non-microsoft-dns", "setting:KeyManagementServiceName" }, NULL },
      no_kms_in_dns, EXL_DNS_DISCOVERY, 0 },
    { { "kms-from-dns", "kms-from-dns", EX_OK,
        "Found its KMS host through DNS: {dns}.",
        { 0 }, { NULL }, "`slerr diagnose --kms {dns}` checks it." },
      found_in_dns, EXL_KMS_FROM_DNS, 0 },
    { { "history-kms-host", "kms-host", EX_NOTE,
        "The client asked the KMS host {contacted}.",
        { 0 }, { "event:12288", NULL }, "`slerr diagnose --kms {contacted}` checks it." },
      history_host, EXL_ERROR_HOST, 0 },
    { { "host-count-below-servers", "current-count", EX_CRITICAL,
        "The KMS host counts {count}: it activates nothing until the count reaches 5 (servers) "
        "and 25 (Windows client systems).",
        { 0xC004F038u, 0 }, { "symptom:kms-count-not-increasing", NULL }, NULL },
      host_below_servers, EXL_CURRENT_COUNT, 0 },
    { { "host-count-below-clients", "current-count", EX_WARNING,
        "The KMS host counts {count}: enough for servers (5) but not for Windows client systems, "
        "which need 25.",
        { 0xC004F038u, 0 }, { "symptom:kms-count-not-increasing", NULL }, NULL },
      host_below_clients, EXL_CURRENT_COUNT, 0 },
    { { "host-count-enough", "current-count", EX_OK,
        "The KMS host counts {count}: enough for clients and servers.",
        { 0 }, { NULL }, NULL },
      host_enough, EXL_CURRENT_COUNT, 0 },
    { { "adba-activated", "activation-object", EX_OK,
        "Activated through Active Directory from the activation object {object}: the forest "
        "holds the CSVLK, so this product renews from the directory, needs no KMS host and is "
        "not counted by one.",
        { 0 }, { "event:12308", NULL }, NULL },
      adba_activated, EXL_AD_OBJECT_NAME, 0 },
    { { "error", "error", EX_CRITICAL,
        "The operation failed with {code}; `slerr {code}` explains it.",
        { 0 }, { NULL }, NULL },
      error_failure, EXL_ERROR, EX_ADD_ERROR },
    { { "error-information", "error", EX_NOTE,
        "{code} is for information only: it reports no failure.",
        { 0 }, { NULL }, NULL },
      error_information, EXL_ERROR, EX_ADD_ERROR },
    { { "error-described", "error-description", EX_CRITICAL,
        "The command failed and printed only a description of the failure, no code the "
        "licensing service gives: run it again as an administrator and read the code it "
        "prints, or paste `slmgr.vbs /dlv` (`ospp.vbs /dstatus` for Office).",
        { 0 }, { NULL }, NULL },
      error_described, EXL_ERROR_DESCRIPTION, 0 },
    { { "unreadable-number", "unreadable", EX_NOTE,
        "The {field} field holds no number in range (a sign, a hex value, too many digits): it "
        "is not judged.",
        { 0 }, { NULL }, NULL },
      unreadable_number, EXL_OTHER, 0 },
    { { "activation-succeeded", "result", EX_OK,
        "The activation succeeded.", { 0 }, { NULL }, NULL },
      seen_activated, EXL_ACTIVATED_OK, 0 },
    { { "key-installed", "result", EX_OK,
        "The product key was installed; activating it is the next step.", { 0 }, { NULL }, NULL },
      seen_key_installed, EXL_KEY_INSTALLED, 0 },
    { { "key-uninstalled", "result", EX_NOTE,
        "The product key was removed: the product stays unlicensed until a key is installed.",
        { 0 }, { NULL }, NULL },
      seen_key_uninstalled, EXL_KEY_UNINSTALLED, 0 },
    { { "no-key-installed", "result", EX_WARNING,
        "No product key is installed, so there is nothing to activate: install one first.",
        { 0 }, { NULL }, NULL },
      seen_no_keys, EXL_NO_KEYS, 0 },
    { { "subscription-active", "subscription-status", EX_OK,
        "Windows subscription activation is active: the edition it grants (Enterprise, "
        "Education) runs on top of the installed key, so a Pro key in slmgr /dli is expected "
        "and is no downgrade.",
        { 0 }, { NULL }, NULL },
      subscription_active, EXL_SUBSCRIPTION_STATUS, 0 },
    { { "subscription-inactive", "subscription-status", EX_WARNING,
        "Windows subscription activation is not active: the machine runs the edition of its "
        "installed key until a user holding an Enterprise or Education subscription signs in "
        "with a Microsoft Entra account and the licence is refreshed.",
        { 0 }, { NULL }, NULL },
      subscription_inactive, EXL_SUBSCRIPTION_STATUS, 0 },
    { { "subscription-step-up", "subscription-status", EX_OK,
        "Settings says the Enterprise subscription is active: subscription activation runs "
        "Enterprise on top of the Pro licence, so slmgr /dli naming the Pro edition, its retail "
        "or OEM channel and its key is expected: no downgrade, and no KMS or MAK key is needed.",
        { 0 }, { NULL }, NULL },
      seen_subscription_active, EXL_SUBSCRIPTION_ACTIVE, 0 },
    { { "subscription-lapsed", "subscription-status", EX_WARNING,
        "Settings says the Enterprise subscription is not valid: it lapsed, was removed or is not "
        "applied, so the machine runs as Pro until a user holding an E3 or E5 licence signs in "
        "with a Microsoft Entra account (the Pro licence itself must be activated).",
        { 0 }, { NULL }, NULL },
      seen_subscription_invalid, EXL_SUBSCRIPTION_INVALID, 0 },
    { { "rearm-completed", "result", EX_OK,
        "The rearm worked: the grace period starts again once the machine restarts.",
        { 0 }, { NULL }, NULL },
      seen_rearm, EXL_COMMAND_OK, 0 },
    { { "license-installed", "result", EX_OK,
        "The licence files were installed.", { 0 }, { NULL }, NULL },
      seen_license_installed, EXL_LICENSE_INSTALLED, 0 },
    { { "ato-not-licensed", "result", EX_CRITICAL,
        "slmgr /ato gave no error code, yet the product is not licensed after it: `slmgr.vbs "
        "/dlv` shows the state it was left in and why (its Notification Reason).",
        { 0 }, { NULL }, NULL },
      seen_ato_failed, EXL_ACT_FAILED, 0 },
    { { "setting-applied", "result", EX_OK,
        "The command made the setting it was asked to make; nothing failed.",
        { 0 }, { NULL }, NULL },
      seen_setting_applied, EXL_SETTING_APPLIED, 0 },
    { { "no-kms-licence", "result", EX_CRITICAL,
        "Office holds no volume (KMS) licence, so the KMS setting was not made and no KMS host "
        "can activate it: a retail or Microsoft 365 installation needs converting to volume "
        "licensing (its KMS licence files and a KMS client key) first.",
        { 0 }, { NULL }, NULL },
      seen_no_kms_licenses, EXL_NO_KMS_LICENSES, 0 },
    { { "licensing-service-down", "service", EX_CRITICAL,
        "The licensing service ospp.vbs talks to (osppsvc for Office 2010 and 2013 on Windows 7, "
        "sppsvc otherwise) is not installed or not running: nothing can be read or activated "
        "until it runs (repair Office for osppsvc; `sc query sppsvc` and the System event log "
        "tell why sppsvc stopped).",
        { 0 }, { NULL }, NULL },
      seen_service_down, EXL_SERVICE_DOWN, 0 },
    { { "missing-status-reason", "status-reason", EX_NOTE,
        "The paste does not hold why the product is in notification mode (the grace period ran "
        "out, a non-genuine verdict, a KMS activation that lapsed): paste the Notification "
        "Reason line of `slmgr.vbs /dlv` (LicenseStatusReason in PowerShell).",
        { 0 }, { NULL }, NULL },
      reason_missing, EXL_LICENSE_STATUS, 0 },
    { { "missing-kms-machine", "registered-kms", EX_NOTE,
        "A KMS client that is not activated, but the paste does not say which KMS host it asks "
        "(one set by hand, one found in DNS, or none found): paste the Key Management Service "
        "client information part of `slmgr.vbs /dlv`.",
        { 0 }, { NULL }, NULL },
      kms_machine_missing, EXL_DESCRIPTION, 0 },
    { { "missing-channel", "description", EX_NOTE,
        "Which key is installed is not in the paste, and it decides what {code} means: with a "
        "KMS client key (GVLK) no KMS host answered, with a retail, OEM or MAK key the product "
        "should not ask one at all. Paste the Description line of `slmgr.vbs /dlv`.",
        { 0 }, { NULL }, NULL },
      channel_missing, EXL_ERROR, 0 },
};

size_t ex_condition_count(void)
{
    return sizeof table / sizeof table[0];
}

const struct ex_condition *ex_condition_at(size_t index)
{
    return index < ex_condition_count() ? &table[index] : NULL;
}

/* The text of a field; remaining time comes under one of several labels depending on the tool. */
static const char *value_of(const struct ex_facts *f, enum ex_label label)
{
    if (label == EXL_OTHER)
        return f->text[f->unreadable]; /* the row about an unreadable field names that one */
    if ((label == EXL_TIME_REMAINING || label == EXL_VOLUME_EXPIRATION) && !f->text[label][0])
        return f->text[EXL_REMAINING_GRACE];
    if (label == EXL_SUBSCRIPTION_STATUS && !f->text[label][0]) /* only the number was shown */
        return f->text[EXL_SUBSCRIPTION_STATUS_VALUE];
    if (label == EXL_AD_OBJECT_NAME && !f->text[label][0]) /* only its DN was shown */
        return f->text[EXL_AD_OBJECT_DN];
    return f->text[label];
}

/* A host named in a sentence: as written in prose, only when checked in a command. */
static const char *host_text(const char *value, bool command, char *buf, size_t size)
{
    if (command)
        return ex_checked_host(value, buf, size) ? buf : NULL;
    snprintf(buf, size, "%.*s", (int)strcspn(value, " \t("), value);
    return buf;
}

static const char *fill(const void *subject, const char *key, size_t len, bool command,
                        char *buf, size_t size)
{
    const struct ex_facts *f = subject;
    if (ex_key_is(key, len, "host"))
        return host_text(f->text[EXL_REGISTERED_KMS], command, buf, size);
    if (ex_key_is(key, len, "dns"))
        return host_text(f->text[EXL_KMS_FROM_DNS], command, buf, size);
    if (ex_key_is(key, len, "contacted"))
        return host_text(contacted(f), command, buf, size);
    if (command)
        return NULL; /* nothing else is checked enough for a command */
    if (ex_key_is(key, len, "field")) {
        snprintf(buf, size, "%s", ex_label_name(f->unreadable));
    } else if (ex_key_is(key, len, "code")) {
        char code[11];
        ex_code_text(f->error, code);
        snprintf(buf, size, "%s", code);
    } else if (ex_key_is(key, len, "days")) {
        snprintf(buf, size, "%ld", f->minutes / DAY);
    } else if (ex_key_is(key, len, "missed")) {
        snprintf(buf, size, "%ld", (KMS_VALIDITY - f->minutes) / DAY - 7);
    } else if (ex_key_is(key, len, "object")) { /* its DN says where; the name alone if not */
        const char *dn = f->text[EXL_AD_OBJECT_DN];
        snprintf(buf, size, "%s", dn[0] ? dn : f->text[EXL_AD_OBJECT_NAME]);
    } else if (ex_key_is(key, len, "count")) {
        snprintf(buf, size, "%ld", f->count);
    } else {
        return NULL;
    }
    return buf;
}

size_t ex_judge(const struct ex_facts *f, struct ex_finding *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ex_condition_count() && n < max; i++) {
        const struct ex_condition *c = &table[i];
        if (!c->holds(f))
            continue;
        struct ex_finding *x = &out[n++];
        ex_finding_from_row(x, &c->row, value_of(f, c->value), fill, f);
        if ((c->add & EX_ADD_ERROR) && f->has_error)
            ex_finding_lead_code(x, f->error);
        if ((c->add & EX_ADD_REASON) && f->has_reason && f->reason != 0)
            ex_finding_lead_code(x, f->reason);
    }
    return n;
}
