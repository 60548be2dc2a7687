/* SPDX-License-Identifier: MIT */
/* test_diag_verdict.c: the finding -> entry table (slerr(1), diagnose), row by row, every code it
 * names found in the catalog, and how a run's probes add
 * up to suggestions and an overall severity (src/diag/verdict.c). */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <string.h>

#include <errno.h>

#include "diag.h"
#include "slerr.h"
#include "run.h" /* tcp_errno_finding */

struct row {
    enum diag_finding finding;
    uint32_t codes[2]; /* 0: none */
};

/* The table as the project defines it (slerr(1) names its main rows; plus 0x8007007B for a
 * missing DNS suffix). */
ParameterizedTestParameters(verdict, design_table)
{
    static struct row rows[] = {
        { DIAG_DNS_NO_SERVER, { 0x8007267C } },
        { DIAG_DNS_SERVFAIL, { 0x8007232A } },
        { DIAG_DNS_NO_ANSWER, { 0x8007232A } },
        { DIAG_DNS_NXDOMAIN, { 0x8007232B } },
        { DIAG_DNS_NODATA, { 0x8007251D } },
        { DIAG_DNS_NO_DOMAIN, { 0x8007007B } },
        { DIAG_HOST_NOT_FOUND, { 0x8007232B } },
        { DIAG_HOST_NO_ADDRESS, { 0x8007251D } },
        { DIAG_HOST_SERVFAIL, { 0x8007232A } },
        { DIAG_HOST_NO_ANSWER, { 0x8007232A } },
        { DIAG_HOST_ERROR, { 0x8007232A } },
        { DIAG_HOST_CNAME_LOOP, { 0x8007232A } },
        { DIAG_LOCAL_ERROR, { 0 } },
        { DIAG_DNS_NOT_OFFERED, { 0xC004F074 } },
        { DIAG_TCP_REFUSED, { 0x800706BA, 0xC004F074 } },
        { DIAG_TCP_TIMEOUT, { 0x800706BA, 0xC004F074 } },
        { DIAG_TCP_UNREACHABLE, { 0x800706BA, 0xC004F074 } },
        { DIAG_RPC_NO_INTERFACE, { 0xC004F074 } },
        { DIAG_RPC_REJECTED, { 0xC004F074 } },
        { DIAG_RPC_NOT_RPC, { 0xC004F074 } },
        { DIAG_RPC_CLOSED, { 0xC004F074 } },
        { DIAG_RPC_SILENT, { 0xC004F074 } },
        { DIAG_NTP_SKEW, { 0xC004F06C } },
        { DIAG_DNS_OK, { 0 } },
        { DIAG_HOST_OK, { 0 } },
        { DIAG_TCP_OK, { 0 } },
        { DIAG_RPC_KMS, { 0 } },
        { DIAG_NTP_OK, { 0 } },
        { DIAG_NTP_NO_REPLY, { 0 } },
    };
    return cr_make_param_array(struct row, rows, sizeof rows / sizeof rows[0]);
}

ParameterizedTest(struct row *row, verdict, design_table)
{
    const struct diag_verdict *v = diag_verdict(row->finding);
    size_t expected = row->codes[0] ? (row->codes[1] ? 2 : 1) : 0;
    cr_assert_not_null(v);
    cr_assert_eq(v->finding, row->finding);
    cr_assert_eq(v->code_count, expected, "finding %s", v->name);
    for (size_t i = 0; i < expected; i++)
        cr_assert_eq(v->codes[i], row->codes[i], "finding %s code %zu", v->name, i);
    bool problem = v->severity == DIAG_SEV_WARNING || v->severity == DIAG_SEV_CRITICAL;
    cr_assert_eq(problem, expected > 0, "a finding with entries is a problem");
}

Test(verdict, every_finding_has_a_named_row)
{
    for (int f = 0; f < DIAG_FINDING_COUNT; f++) {
        const struct diag_verdict *v = diag_verdict((enum diag_finding)f);
        cr_assert_eq(v->finding, (enum diag_finding)f);
        cr_assert_not_null(v->name);
        for (int g = 0; g < f; g++)
            cr_assert_str_neq(v->name, diag_verdict((enum diag_finding)g)->name);
    }
    cr_assert_null(diag_verdict(DIAG_FINDING_COUNT));
}

static void add(struct diag_report *r, enum diag_probe_kind kind, enum diag_finding f, int target)
{
    r->probes[r->count++] = (struct diag_probe){ .kind = kind, .finding = f, .target = target };
}

Test(verdict, healthy_run_points_at_the_host_side)
{
    static struct diag_report r;
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    add(&r, DIAG_PROBE_DNS, DIAG_DNS_OK, -1);
    add(&r, DIAG_PROBE_TCP, DIAG_TCP_OK, 0);
    add(&r, DIAG_PROBE_RPC, DIAG_RPC_KMS, 0);
    add(&r, DIAG_PROBE_NTP, DIAG_NTP_NO_REPLY, -1);
    cr_assert_eq(diag_overall(&r), DIAG_SEV_NOTE);
    cr_assert_eq(diag_suggest(&r, codes, DIAG_MAX_SUGGESTIONS), 2);
    cr_assert_eq(codes[0], 0xC004F038);
    cr_assert_eq(codes[1], 0xC004F041);
}

Test(verdict, codes_once_each_in_order)
{
    static struct diag_report r;
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    add(&r, DIAG_PROBE_TCP, DIAG_TCP_REFUSED, 0);
    add(&r, DIAG_PROBE_RPC, DIAG_RPC_NOT_RPC, 1);
    add(&r, DIAG_PROBE_NTP, DIAG_NTP_SKEW, -1);
    add(&r, DIAG_PROBE_TCP, DIAG_TCP_TIMEOUT, 2);
    cr_assert_eq(diag_suggest(&r, codes, DIAG_MAX_SUGGESTIONS), 3);
    cr_assert_eq(codes[0], 0x800706BA);
    cr_assert_eq(codes[1], 0xC004F074);
    cr_assert_eq(codes[2], 0xC004F06C);
    cr_assert_eq(diag_overall(&r), DIAG_SEV_CRITICAL);
    cr_assert_eq(diag_suggest(&r, codes, 1), 1, "never more than asked for");
}

Test(verdict, failed_address_of_a_working_host_is_a_note)
{
    static struct diag_report r;
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    add(&r, DIAG_PROBE_TCP, DIAG_TCP_REFUSED, 0); /* ::1 */
    add(&r, DIAG_PROBE_TCP, DIAG_TCP_OK, 0);      /* 127.0.0.1 */
    add(&r, DIAG_PROBE_RPC, DIAG_RPC_KMS, 0);
    cr_assert_eq(diag_probe_severity(&r, 0), DIAG_SEV_NOTE);
    cr_assert_eq(diag_overall(&r), DIAG_SEV_NOTE);
    cr_assert_eq(diag_suggest(&r, codes, DIAG_MAX_SUGGESTIONS), 2);
    cr_assert_eq(codes[0], 0xC004F038);
}

Test(verdict, one_host_down_of_two_is_a_warning)
{
    static struct diag_report r;
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    add(&r, DIAG_PROBE_RPC, DIAG_RPC_KMS, 0);
    add(&r, DIAG_PROBE_TCP, DIAG_TCP_REFUSED, 1);
    cr_assert_eq(diag_overall(&r), DIAG_SEV_WARNING);
    cr_assert_eq(diag_suggest(&r, codes, DIAG_MAX_SUGGESTIONS), 2);
    cr_assert_eq(codes[0], 0x800706BA);
}

Test(verdict, clock_skew_stays_critical_when_kms_answers)
{
    static struct diag_report r;
    add(&r, DIAG_PROBE_RPC, DIAG_RPC_KMS, 0);
    add(&r, DIAG_PROBE_NTP, DIAG_NTP_SKEW, -1);
    cr_assert_eq(diag_overall(&r), DIAG_SEV_CRITICAL);
}

Test(verdict, cancelled_run_suggests_nothing)
{
    static struct diag_report r;
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    r.cancelled = true;
    cr_assert_eq(diag_suggest(&r, codes, DIAG_MAX_SUGGESTIONS), 0);
}

Test(verdict, connect_errors)
{
    cr_assert_eq(tcp_errno_finding(ECONNREFUSED), DIAG_TCP_REFUSED);
    cr_assert_eq(tcp_errno_finding(ETIMEDOUT), DIAG_TCP_TIMEOUT);
    cr_assert_eq(tcp_errno_finding(ENETUNREACH), DIAG_TCP_UNREACHABLE);
    cr_assert_eq(tcp_errno_finding(EHOSTUNREACH), DIAG_TCP_UNREACHABLE);
    cr_assert_eq(tcp_errno_finding(EADDRNOTAVAIL), DIAG_TCP_UNREACHABLE);
}

/* A verdict that points at a code the catalog lacks would print "not in the catalog" as advice. */
Test(verdict, every_code_a_verdict_names_is_in_the_catalog)
{
    static struct diag_report healthy;
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    size_t checked = 0;
    for (int f = 0; f < DIAG_FINDING_COUNT; f++) {
        const struct diag_verdict *v = diag_verdict((enum diag_finding)f);
        for (size_t i = 0; i < v->code_count; i++, checked++)
            cr_assert_not_null(slerr_lookup(v->codes[i]), "finding %s: 0x%08X is not in the catalog",
                               v->name, v->codes[i]);
    }
    add(&healthy, DIAG_PROBE_RPC, DIAG_RPC_KMS, 0);
    size_t n = diag_suggest(&healthy, codes, DIAG_MAX_SUGGESTIONS);
    cr_assert_gt(n, 0);
    for (size_t i = 0; i < n; i++, checked++)
        cr_assert_not_null(slerr_lookup(codes[i]), "healthy run: 0x%08X is not in the catalog",
                           codes[i]);
    cr_assert_gt(checked, 10);
}
