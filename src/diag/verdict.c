/* SPDX-License-Identifier: MIT */
/* verdict.c: the one table from findings to catalog entries (slerr(1), diagnose, gives examples),
 * and how a run's probes add up to its suggestions and overall severity. */
#include <stdbool.h>

#include "diag.h"

#define RPC_UNAVAILABLE 0x800706BAu     /* RPC_S_SERVER_UNAVAILABLE */
#define NO_KMS 0xC004F074u              /* SL_E_VL_KMS_SERVER_UNAVAILABLE...: no KMS contacted */
#define DNS_SERVER_FAILURE 0x8007232Au  /* DNS_ERROR_RCODE_SERVER_FAILURE */
#define DNS_NAME_ERROR 0x8007232Bu      /* DNS_ERROR_RCODE_NAME_ERROR */
#define DNS_NO_RECORDS 0x8007251Du      /* DNS_INFO_NO_RECORDS */
#define DNS_NO_SERVERS 0x8007267Cu      /* DNS_ERROR_NO_DNS_SERVERS */
#define INVALID_NAME 0x8007007Bu        /* ERROR_INVALID_NAME: no DNS suffix */
#define TIME_SKEW 0xC004F06Cu
#define NOT_ENOUGH_COUNT 0xC004F038u
#define HOST_COUNT_LOW 0xC004F041u

/* A row: finding, severity, name, then none, one or two entries. */
#define ROW0(f, sev, name) [f] = { f, sev, name, { 0, 0 }, 0 }
#define ROW1(f, sev, name, a) [f] = { f, sev, name, { a, 0 }, 1 }
#define ROW2(f, sev, name, a, b) [f] = { f, sev, name, { a, b }, 2 }

static const struct diag_verdict table[DIAG_FINDING_COUNT] = {
    ROW0(DIAG_DNS_OK, DIAG_SEV_OK, "srv-found"),
    ROW1(DIAG_DNS_NO_SERVER, DIAG_SEV_CRITICAL, "no-dns-server", DNS_NO_SERVERS),
    ROW1(DIAG_DNS_NO_DOMAIN, DIAG_SEV_CRITICAL, "no-domain", INVALID_NAME),
    ROW1(DIAG_DNS_SERVFAIL, DIAG_SEV_CRITICAL, "servfail", DNS_SERVER_FAILURE),
    ROW1(DIAG_DNS_NO_ANSWER, DIAG_SEV_CRITICAL, "no-answer", DNS_SERVER_FAILURE),
    ROW1(DIAG_DNS_NXDOMAIN, DIAG_SEV_CRITICAL, "nxdomain", DNS_NAME_ERROR),
    ROW1(DIAG_DNS_NODATA, DIAG_SEV_CRITICAL, "no-srv-record", DNS_NO_RECORDS),
    ROW1(DIAG_DNS_NOT_OFFERED, DIAG_SEV_CRITICAL, "srv-not-offered", NO_KMS),
    ROW1(DIAG_DNS_ERROR, DIAG_SEV_CRITICAL, "dns-error", DNS_SERVER_FAILURE),
    ROW0(DIAG_HOST_OK, DIAG_SEV_OK, "resolved"),
    ROW1(DIAG_HOST_NOT_FOUND, DIAG_SEV_CRITICAL, "host-not-found", DNS_NAME_ERROR),
    ROW1(DIAG_HOST_NO_ADDRESS, DIAG_SEV_CRITICAL, "no-address", DNS_NO_RECORDS),
    ROW1(DIAG_HOST_SERVFAIL, DIAG_SEV_CRITICAL, "host-servfail", DNS_SERVER_FAILURE),
    ROW1(DIAG_HOST_NO_ANSWER, DIAG_SEV_CRITICAL, "host-no-answer", DNS_SERVER_FAILURE),
    /* a resolver gives up on such a chain as on a failing server */
    ROW1(DIAG_HOST_CNAME_LOOP, DIAG_SEV_CRITICAL, "cname-loop", DNS_SERVER_FAILURE),
    ROW1(DIAG_HOST_ERROR, DIAG_SEV_CRITICAL, "host-dns-error", DNS_SERVER_FAILURE),
    /* not a verdict on the network: the run could not tell */
    ROW0(DIAG_LOCAL_ERROR, DIAG_SEV_UNKNOWN, "local-error"),
    ROW0(DIAG_TCP_OK, DIAG_SEV_OK, "connected"),
    ROW2(DIAG_TCP_REFUSED, DIAG_SEV_CRITICAL, "refused", RPC_UNAVAILABLE, NO_KMS),
    ROW2(DIAG_TCP_TIMEOUT, DIAG_SEV_CRITICAL, "timed-out", RPC_UNAVAILABLE, NO_KMS),
    ROW2(DIAG_TCP_UNREACHABLE, DIAG_SEV_CRITICAL, "unreachable", RPC_UNAVAILABLE, NO_KMS),
    ROW0(DIAG_RPC_KMS, DIAG_SEV_OK, "kms-host"),
    ROW1(DIAG_RPC_NO_INTERFACE, DIAG_SEV_CRITICAL, "rpc-without-kms", NO_KMS),
    ROW1(DIAG_RPC_REJECTED, DIAG_SEV_CRITICAL, "bind-rejected", NO_KMS),
    ROW1(DIAG_RPC_NOT_RPC, DIAG_SEV_CRITICAL, "not-rpc", NO_KMS),
    ROW1(DIAG_RPC_CLOSED, DIAG_SEV_CRITICAL, "closed", NO_KMS),
    ROW1(DIAG_RPC_SILENT, DIAG_SEV_CRITICAL, "no-reply", NO_KMS),
    ROW0(DIAG_NTP_OK, DIAG_SEV_OK, "clock-ok"),
    ROW1(DIAG_NTP_SKEW, DIAG_SEV_CRITICAL, "clock-skew", TIME_SKEW),
    /* A KMS host need not serve NTP: without an answer the clock is merely unknown. */
    ROW0(DIAG_NTP_NO_REPLY, DIAG_SEV_NOTE, "ntp-no-reply"),
    ROW0(DIAG_NTP_BAD_REPLY, DIAG_SEV_NOTE, "ntp-bad-reply"),
    ROW0(DIAG_NTP_NO_HOST, DIAG_SEV_NOTE, "ntp-no-host"),
    ROW0(DIAG_SMB_OK, DIAG_SEV_OK, "smb-clock-ok"),
    ROW1(DIAG_SMB_SKEW, DIAG_SEV_CRITICAL, "smb-clock-skew", TIME_SKEW),
    /* Port 445 is often closed to clients; the clock is then unknown, not wrong. */
    ROW0(DIAG_SMB_NO_REPLY, DIAG_SEV_NOTE, "smb-no-reply"),
    ROW0(DIAG_SMB_BAD_REPLY, DIAG_SEV_NOTE, "smb-bad-reply"),
    ROW0(DIAG_SEARCH_FOUND, DIAG_SEV_OK, "suffix-search-finds"),
    /* the entries come from each suffix's own failure */
    ROW0(DIAG_SEARCH_MISSED, DIAG_SEV_CRITICAL, "suffix-search-misses"),
};

const struct diag_verdict *diag_verdict(enum diag_finding finding)
{
    return (unsigned)finding < DIAG_FINDING_COUNT ? &table[finding] : NULL;
}

const char *diag_kind_name(enum diag_probe_kind kind)
{
    static const char *const names[DIAG_PROBE_KIND_COUNT] = { "dns", "resolve", "tcp", "rpc", "ntp",
                                                              "smb", "search" };
    return (unsigned)kind < DIAG_PROBE_KIND_COUNT ? names[kind] : "?";
}

bool diag_has_offset(const struct diag_probe *probe)
{
    return probe->finding == DIAG_NTP_OK || probe->finding == DIAG_NTP_SKEW ||
           probe->finding == DIAG_SMB_OK || probe->finding == DIAG_SMB_SKEW;
}

static bool is_kms_probe(const struct diag_probe *p)
{
    return p->kind == DIAG_PROBE_TCP || p->kind == DIAG_PROBE_RPC;
}

static bool target_answers(const struct diag_report *report, int target)
{
    for (size_t i = 0; i < report->count; i++)
        if (report->probes[i].finding == DIAG_RPC_KMS && report->probes[i].target == target)
            return true;
    return false;
}

static bool srv_found(const struct diag_report *report)
{
    for (size_t i = 0; i < report->count; i++)
        if (report->probes[i].finding == DIAG_DNS_OK)
            return true;
    return false;
}

enum diag_severity diag_probe_severity(const struct diag_report *report, size_t index)
{
    const struct diag_probe *p = &report->probes[index];
    enum diag_severity severity = table[p->finding].severity;
    if (severity > DIAG_SEV_NOTE && is_kms_probe(p) && p->target >= 0 &&
        target_answers(report, p->target))
        return DIAG_SEV_NOTE;
    /* a suffix without the record costs a client one query before the suffix that has it */
    if (severity > DIAG_SEV_NOTE && p->kind == DIAG_PROBE_DNS && p->finding != DIAG_LOCAL_ERROR &&
        srv_found(report))
        return DIAG_SEV_NOTE;
    return severity;
}

enum diag_severity diag_overall(const struct diag_report *report)
{
    enum diag_severity worst = DIAG_SEV_OK;
    bool kms_failure = false, some_kms = false;
    for (size_t i = 0; i < report->count; i++) {
        enum diag_severity s = diag_probe_severity(report, i);
        const struct diag_probe *p = &report->probes[i];
        some_kms |= p->finding == DIAG_RPC_KMS;
        if (s == DIAG_SEV_CRITICAL && (is_kms_probe(p) || p->kind == DIAG_PROBE_RESOLVE))
            kms_failure = true;
        else if (s > worst)
            worst = s;
    }
    if (kms_failure) {
        enum diag_severity kms = some_kms ? DIAG_SEV_WARNING : DIAG_SEV_CRITICAL;
        worst = kms > worst ? kms : worst;
    }
    return report->cancelled ? DIAG_SEV_UNKNOWN : worst;
}

bool diag_stale_srv_record(const struct diag_report *report)
{
    bool stale = false, answer = false;
    for (size_t i = 0; i < report->count; i++) {
        const struct diag_probe *p = &report->probes[i];
        answer |= p->finding == DIAG_RPC_KMS;
        stale |= p->from_srv && table[p->finding].severity == DIAG_SEV_CRITICAL &&
                 (is_kms_probe(p) || p->kind == DIAG_PROBE_RESOLVE) && !target_answers(report, p->target);
    }
    return stale && answer;
}

static size_t add_code(uint32_t *codes, size_t count, size_t max, uint32_t code)
{
    for (size_t i = 0; i < count; i++)
        if (codes[i] == code)
            return count;
    if (count < max)
        codes[count++] = code;
    return count;
}

size_t diag_suggest(const struct diag_report *report, uint32_t *codes, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < report->count; i++) {
        if (diag_probe_severity(report, i) <= DIAG_SEV_NOTE)
            continue;
        const struct diag_verdict *v = &table[report->probes[i].finding];
        for (size_t c = 0; c < v->code_count; c++)
            count = add_code(codes, count, max, v->codes[c]);
    }
    if (count == 0 && !report->cancelled) {
        count = add_code(codes, count, max, NOT_ENOUGH_COUNT);
        count = add_code(codes, count, max, HOST_COUNT_LOW);
    }
    return count;
}
