/* SPDX-License-Identifier: MIT */
/* nagios.c: `slerr diagnose --nagios`: the plugin status line, perfdata and long output, judged
 * against -w/-c threshold ranges as the monitoring-plugins guidelines define them. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"
#include "slerr.h"

#define SECONDS_PER_HOUR 3600.0

static int parse_number(const char *text, size_t length, double *value)
{
    char buffer[64], *end;
    if (length == 0 || length >= sizeof buffer)
        return -1;
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    errno = 0;
    *value = strtod(buffer, &end);
    return errno || *end || !isfinite(*value) ? -1 : 0;
}

/* One range of `length` bytes at text; an empty one leaves the range as it was. */
static int parse_range(const char *text, size_t length, struct nagios_range *r)
{
    if (length == 0)
        return 0; /* "-w ,5": the offset keeps its default */
    memset(r, 0, sizeof *r);
    r->set = true;
    if (*text == '@') {
        r->inside = true;
        text++;
        length--;
    }
    const char *colon = memchr(text, ':', length);
    if (!colon)
        return parse_number(text, length, &r->end);
    size_t head = (size_t)(colon - text), tail = length - head - 1;
    if (head == 1 && *text == '~')
        r->start = -INFINITY;
    else if (parse_number(text, head, &r->start) != 0)
        return -1;
    r->end = INFINITY;
    if (tail > 0 && parse_number(colon + 1, tail, &r->end) != 0)
        return -1;
    return r->start <= r->end ? 0 : -1;
}

int nagios_parse_thresholds(const char *text, int level, struct nagios_thresholds *t, char *error,
                            size_t size)
{
    const char *comma = strchr(text, ',');
    size_t first = comma ? (size_t)(comma - text) : strlen(text);
    if (parse_range(text, first, &t->offset[level]) != 0 ||
        (comma && (strchr(comma + 1, ',') ||
                   parse_range(comma + 1, strlen(comma + 1), &t->time[level]) != 0))) {
        snprintf(error, size, "--%s takes OFFSET_HOURS[,TIME_SECONDS] as threshold ranges "
                 "([@]START:END, ~ for minus infinity), not '%.60s'",
                 level ? "critical" : "warning", text);
        return -1;
    }
    return 0;
}

static bool alerts(const struct nagios_range *r, double value)
{
    if (!r->set)
        return false;
    bool within = value >= r->start && value <= r->end;
    return r->inside ? within : !within;
}

/* Room for any finite double as plain digits: DBL_MAX has 309 before the point. */
#define PLAIN_NUMBER_MAX 330

/* A number as perfdata wants it: digits, a point and a sign only (no exponent), whole: a
 * threshold of 1e30 hours was cut to 31 digits. */
static void plain_number(char *out, size_t size, double value)
{
    snprintf(out, size, "%.9f", value);
    char *end = out + strlen(out);
    while (end > out && end[-1] == '0')
        *--end = '\0';
    if (end > out && end[-1] == '.')
        end[-1] = '\0';
}

/* The range as perfdata wants it, in the metric's unit (times `scale`). With `absolute`, the range
 * judges |value| while perfdata carries the signed value: 0:N becomes -N:N, the same test. */
static void format_range(char *out, size_t size, const struct nagios_range *r, double scale,
                         bool absolute)
{
    char start[PLAIN_NUMBER_MAX] = "~", end[PLAIN_NUMBER_MAX] = "";
    out[0] = '\0';
    if (!r->set)
        return;
    if (isfinite(r->start))
        plain_number(start, sizeof start, r->start * scale);
    if (isfinite(r->end))
        plain_number(end, sizeof end, r->end * scale);
    if (absolute && !r->inside && r->start == 0 && isfinite(r->end))
        snprintf(out, size, "-%s:%s", end, end);
    else if (!r->inside && r->start == 0 && isfinite(r->end))
        snprintf(out, size, "%s", end);
    else
        snprintf(out, size, "%s%s:%s", r->inside ? "@" : "", start, end);
}

double monitor_answer_time(const struct diag_report *report)
{
    for (size_t i = 0; i < report->count; i++)
        if (report->probes[i].finding == DIAG_RPC_KMS)
            return report->probes[i].at;
    return -1;
}

const struct diag_probe *monitor_clock_probe(const struct diag_report *report)
{
    const struct diag_probe *ntp = NULL;
    for (size_t i = 0; i < report->count; i++) {
        const struct diag_probe *p = &report->probes[i];
        if (diag_has_offset(p) && p->kind == DIAG_PROBE_SMB)
            return p;
        if (diag_has_offset(p) && !ntp)
            ntp = p;
    }
    return ntp;
}

static const struct diag_probe *worst_probe(const struct diag_report *report)
{
    const struct diag_probe *worst = NULL;
    enum diag_severity level = DIAG_SEV_NOTE;
    for (size_t i = 0; i < report->count; i++) {
        enum diag_severity s = diag_probe_severity(report, i);
        if (s > level) {
            level = s;
            worst = &report->probes[i];
        }
    }
    return worst;
}

static const struct diag_probe *first_dns(const struct diag_report *r)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->probes[i].kind == DIAG_PROBE_DNS && r->probes[i].finding != DIAG_DNS_NO_SERVER &&
            r->probes[i].finding != DIAG_DNS_NO_DOMAIN)
            return &r->probes[i];
    return NULL;
}

/* The clock probe that ended without an offset, to say why (the KMS host's own first). */
static const struct diag_probe *unmeasured_clock(const struct diag_report *report)
{
    const struct diag_probe *found = NULL;
    for (size_t i = 0; i < report->count; i++) {
        const struct diag_probe *p = &report->probes[i];
        if ((p->kind == DIAG_PROBE_SMB || p->kind == DIAG_PROBE_NTP) && !diag_has_offset(p) &&
            (!found || p->kind == DIAG_PROBE_SMB))
            found = p;
    }
    return found;
}

/* Thresholds on the clock offset, and no source measured it. */
static bool offset_unmeasured(const struct diag_report *report, const struct nagios_thresholds *t)
{
    return !monitor_clock_probe(report) && (t->offset[0].set || t->offset[1].set);
}

static int judge(const struct diag_report *report, bool run_ok, const struct nagios_thresholds *t)
{
    enum diag_severity overall = diag_overall(report);
    if (!run_ok || report->cancelled || overall == DIAG_SEV_UNKNOWN)
        return NAGIOS_UNKNOWN;
    int state = overall == DIAG_SEV_CRITICAL ? NAGIOS_CRITICAL
                : overall == DIAG_SEV_WARNING ? NAGIOS_WARNING : NAGIOS_OK;
    const struct diag_probe *clock = monitor_clock_probe(report);
    double answer = monitor_answer_time(report);
    for (int level = 1; level >= 0; level--) {
        int alert = level ? NAGIOS_CRITICAL : NAGIOS_WARNING;
        bool hit = (clock && alerts(&t->offset[level], fabs(clock->offset) / SECONDS_PER_HOUR)) ||
                   (answer >= 0 && alerts(&t->time[level], answer));
        if (hit && state < alert)
            state = alert;
    }
    /* the guidelines: a threshold on a value that could not be measured is UNKNOWN; a CRITICAL
     * the run did find stays CRITICAL */
    if (offset_unmeasured(report, t) && !t->clock_optional && state < NAGIOS_CRITICAL)
        state = NAGIOS_UNKNOWN;
    return state;
}

/* "clock offset not measured (ntp 192.0.2.1:123: no answer before the deadline)" */
static void unmeasured_text(struct output *o, const struct diag_report *report)
{
    const struct diag_probe *p = unmeasured_clock(report);
    output_text(o, "clock offset not measured");
    if (!p)
        return;
    output_printf(o, " (%s ", diag_kind_name(p->kind));
    output_untrusted(o, p->target_text, OUTPUT_PLUGIN);
    output_text(o, ": ");
    output_untrusted(o, p->detail, OUTPUT_PLUGIN);
    output_text(o, ")");
}

/* The KMS host that answered first in client order: the --kms host, then the SRV record's. */
static const struct diag_probe *first_answering(const struct diag_report *r)
{
    const struct diag_probe *best = NULL;
    for (size_t i = 0; i < r->count; i++)
        if (r->probes[i].finding == DIAG_RPC_KMS && (!best || r->probes[i].target < best->target))
            best = &r->probes[i];
    return best;
}

/* What the network said must neither reach the screen raw nor end the text with a '|'. */
static void status_text(struct output *o, const struct diag_report *report, int state,
                        const char *failure, const struct nagios_thresholds *t)
{
    const struct diag_probe *worst = worst_probe(report);
    const struct diag_probe *kms = first_answering(report);
    bool unmeasured = offset_unmeasured(report, t);
    if (state == NAGIOS_UNKNOWN && unmeasured && !failure && !report->cancelled &&
        diag_overall(report) != DIAG_SEV_UNKNOWN) {
        unmeasured_text(o, report);
        output_text(o, ", and the offset thresholds need it (--clock auto makes it optional)");
        return;
    }
    if (state == NAGIOS_UNKNOWN) {
        output_untrusted(o, report->cancelled ? "interrupted" : failure ? failure
                         : "the run could not tell", OUTPUT_PLUGIN);
    } else if (worst) {
        output_untrusted(o, worst->target_text, OUTPUT_PLUGIN);
        output_text(o, ": ");
        output_untrusted(o, worst->detail, OUTPUT_PLUGIN);
    } else {
        output_untrusted(o, kms ? kms->target_text : "KMS host", OUTPUT_PLUGIN);
        output_text(o, " answers");
    }
    const struct diag_probe *clock = monitor_clock_probe(report);
    if (clock && state != NAGIOS_UNKNOWN)
        output_printf(o, "; clock offset %+.3fs (%s)", clock->offset,
                      clock->kind == DIAG_PROBE_SMB ? "SMB" : "NTP");
    if (unmeasured && state != NAGIOS_UNKNOWN) {
        output_text(o, "; ");
        unmeasured_text(o, report);
    }
}

/* label=value[UOM];warn;crit;min;max, "U" for a value not measured. */
static void perf(struct output *o, const char *label, bool known, double value,
                 const struct nagios_range *ranges, double scale, bool absolute, const char *min)
{
    char warn[2 * PLAIN_NUMBER_MAX + 4] = "", crit[2 * PLAIN_NUMBER_MAX + 4] = "";
    if (ranges) {
        format_range(warn, sizeof warn, &ranges[0], scale, absolute);
        format_range(crit, sizeof crit, &ranges[1], scale, absolute);
    }
    if (known)
        output_printf(o, " %s=%.6fs;%s;%s;%s", label, value, warn, crit, min);
    else
        output_printf(o, " %s=U;%s;%s;%s", label, warn, crit, min);
}

static void long_output(struct output *o, const struct diag_report *report)
{
    static const char *const words[] = { "ok", "note", "WARNING", "CRITICAL", "UNKNOWN" };
    for (size_t i = 0; i < report->count; i++) {
        const struct diag_probe *p = &report->probes[i];
        output_printf(o, "%s %s ", words[diag_probe_severity(report, i)],
                      diag_kind_name(p->kind));
        output_untrusted(o, p->target_text, OUTPUT_PLUGIN);
        output_text(o, ": ");
        output_untrusted(o, p->detail, OUTPUT_PLUGIN);
        output_printf(o, " [%s, %.1f ms]\n", diag_verdict(p->finding)->name, p->seconds * 1000);
    }
    if (report->dropped)
        output_printf(o, "%zu more probe results did not fit in the report\n", report->dropped);
}

/* -v: the catalog entries the findings point at, one line each; -vvv: their cause and remedy. */
static void entry_lines(struct output *o, const struct diag_report *report, int verbosity)
{
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    size_t count = diag_suggest(report, codes, DIAG_MAX_SUGGESTIONS);
    for (size_t i = 0; i < count; i++) {
        const struct slerr_entry *e = slerr_lookup(codes[i]);
        output_printf(o, "entry 0x%08X", (unsigned)codes[i]);
        if (!e) {
            output_text(o, ": not in the catalog\n");
            continue;
        }
        const char *symbol = slerr_entry_symbol(e);
        if (symbol)
            output_printf(o, " %s", symbol);
        output_text(o, ": ");
        output_untrusted(o, slerr_entry_message(e), OUTPUT_PLUGIN);
        output_text(o, "\n");
        const char *more[][2] = { { "cause", slerr_entry_cause(e) }, { "remedy", slerr_entry_remedy(e) } };
        for (size_t m = 0; verbosity >= 3 && m < 2; m++) {
            if (!more[m][1])
                continue;
            output_printf(o, "  %s: ", more[m][0]);
            output_untrusted(o, more[m][1], OUTPUT_PLUGIN);
            output_text(o, "\n");
        }
    }
}

static void config_item(struct output *o, const char *name, const char *value, const char *unset)
{
    output_printf(o, "; %s ", name);
    output_untrusted(o, value ? value : unset, OUTPUT_PLUGIN);
}

/* -vv: what the run was asked, as the plugin read its command line. */
static void config_lines(struct output *o, const struct diag_config *c, const struct nagios_thresholds *t)
{
    static const char *const clocks[] = { "auto", "ntp", "smb" };
    output_text(o, c->suffixes && !c->domain ? "config: suffixes " : "config: domain ");
    output_untrusted(o, c->domain ? c->domain : c->suffixes ? c->suffixes
                        : c->kms ? "(none: --kms alone)" : "(resolv.conf's suffixes)", OUTPUT_PLUGIN);
    config_item(o, "kms", c->kms, c->domain || c->suffixes ? "(the SRV record's hosts)" : "(none)");
    config_item(o, "dns-server", c->dns_server, "(resolv.conf's)");
    config_item(o, "resolv-conf", c->resolv_conf, "/etc/resolv.conf");
    config_item(o, "clock", clocks[c->clock], "");
    config_item(o, "ntp", c->ntp, "(the first KMS host)");
    output_printf(o, "; smb-port %u; timeout %.3f s\n", c->smb_port ? c->smb_port : 445u,
                  c->timeout_ms / 1000.0);
    char ranges[4][2 * PLAIN_NUMBER_MAX + 4];
    format_range(ranges[0], sizeof ranges[0], &t->offset[0], 1, false);
    format_range(ranges[1], sizeof ranges[1], &t->offset[1], 1, false);
    format_range(ranges[2], sizeof ranges[2], &t->time[0], 1, false);
    format_range(ranges[3], sizeof ranges[3], &t->time[1], 1, false);
    output_printf(o, "thresholds: clock offset in hours warning %s, critical %s; KMS answer time in "
                  "seconds warning %s, critical %s; clock %s\n", *ranges[0] ? ranges[0] : "none",
                  *ranges[1] ? ranges[1] : "none", *ranges[2] ? ranges[2] : "none",
                  *ranges[3] ? ranges[3] : "none", t->clock_optional ? "optional" : "required");
}

int nagios_print(struct output *o, const struct diag_report *report, const char *failure,
                 const struct nagios_request *request)
{
    const struct nagios_thresholds *t = request->thresholds;
    bool run_ok = failure == NULL;
    static const char *const words[] = { "OK", "WARNING", "CRITICAL", "UNKNOWN" };
    int state = judge(report, run_ok, t);
    const struct diag_probe *dns = first_dns(report);
    const struct diag_probe *clock = monitor_clock_probe(report);
    double answer = monitor_answer_time(report);
    output_printf(o, "KMS %s - ", words[state]);
    status_text(o, report, state, failure, t);
    output_text(o, " |");
    perf(o, "dns_time", dns != NULL, dns ? dns->seconds : 0, NULL, 1, false, "0");
    perf(o, "kms_time", answer >= 0, answer, t->time, 1, false, "0");
    /* offset thresholds are hours on the command line; perfdata keeps the base unit */
    perf(o, "clock_offset", clock != NULL, clock ? clock->offset : 0, t->offset, SECONDS_PER_HOUR,
         true, "");
    output_text(o, "\n");
    if (run_ok)
        long_output(o, report);
    if (run_ok && request->verbosity >= 1)
        entry_lines(o, report, request->verbosity);
    if (request->verbosity >= 2 && request->config)
        config_lines(o, request->config, t);
    return state;
}

void nagios_print_unknown(struct output *o, const char *why)
{
    output_printf(o, "KMS UNKNOWN - %s\n", why);
}
