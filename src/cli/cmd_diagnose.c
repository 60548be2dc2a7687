/* SPDX-License-Identifier: MIT */
/* cmd_diagnose.c: `slerr diagnose`: runs the network probes of src/diag, prints each as it
 * finishes, then the catalog entries its findings point at; also as JSON, a Nagios plugin
 * (nagios.c) or Prometheus metrics (prometheus.c). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "interrupt.h"
#include "module.h"
#include "monitor.h"
#include "render.h"

const char diagnose_usage[] =
    "Usage: slerr diagnose [DOMAIN | --suffixes LIST] [--kms HOST[:PORT]] [--dns-server ADDR[:PORT]]\n"
    "                      [--ntp HOST[:PORT]] [--clock auto|ntp|smb] [--smb-port PORT]\n"
    "                      [--timeout SECONDS] [--json | --nagios [-v] [-w RANGES] [-c RANGES]]\n"
    "                      [--prometheus FILE|-] [--resolv-conf FILE]\n"
    "\n"
    "Checks what a KMS client needs, all at once under one deadline: the DNS SRV record\n"
    "_vlmcs._tcp.DOMAIN (in the order clients try its hosts), a TCP connection to each host\n"
    "(port 1688 unless the record or --kms says otherwise), an RPC bind asking whether the KMS\n"
    "interface answers there, and the KMS host's clock. Then it names the\n"
    "catalog entries that match what it found. It never sends an activation request, so it\n"
    "never changes a KMS host's client count.\n"
    "\n"
    "Without DOMAIN, the record is looked up under each DNS suffix a Windows client would try,\n"
    "in its order: the primary suffix (--suffixes' first name, else resolv.conf's domain or\n"
    "first search entry), its parent domains down to two labels (DNS devolution), then the\n"
    "connection-specific suffixes (the other names, else the search list); the report says\n"
    "under which suffix such a client finds the record, and its hosts are probed.\n"
    "With --kms and neither DOMAIN nor --suffixes, no SRV record is looked up (as a client\n"
    "with a KMS host set); with both, the --kms host is probed first and the SRV record's\n"
    "hosts after it. An IPv6 address with a port is written in brackets: [2001:db8::1]:1688.\n"
    "\n"
    "Options:\n"
    "      --suffixes LIST          the client's DNS suffixes, primary first: a.example,b.example\n"
    "  -H, --kms HOST[:PORT]        probe this KMS host (without DOMAIN: instead of the SRV lookup)\n"
    "      --dns-server ADDR[:PORT] ask this DNS server (IPv6 as [ADDR]:PORT)\n"
    "      --ntp HOST[:PORT]        NTP server for the clock check (default: the first KMS host)\n"
    "      --clock auto|ntp|smb     where to read the clock: NTP, or the first KMS host's SMB2\n"
    "                               NEGOTIATE reply (its own clock, no login); auto (default)\n"
    "                               asks both and prefers SMB. The clock probes get 0.1 s once\n"
    "                               the KMS probes are done\n"
    "      --smb-port PORT          TCP port of the SMB clock reading (default 445)\n"
    "  -t, --timeout SECONDS        deadline of the whole run (default 5)\n"
    "      --resolv-conf FILE       read FILE instead of /etc/resolv.conf\n"
    "      --nagios                 a monitoring plugin: a status line with perfdata, then one\n"
    "                               line per probe; bad arguments are UNKNOWN (3)\n"
    "  -w, --warning OFFSET[,TIME]  with --nagios: WARNING threshold ranges ([@]START:END) for\n"
    "                               the clock offset in hours (either sign; default 1) and the\n"
    "                               time until a KMS host answered in seconds (default none)\n"
    "  -c, --critical OFFSET[,TIME] the same for CRITICAL (default 4)\n"
    "      --prometheus FILE|-      also write metrics for node_exporter's textfile collector\n"
    "                               to FILE (atomically), or only them to stdout with -\n"
    "  -j, --json                   one JSON object: every probe and the suggested entries\n"
    "      --color=WHEN             auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help                   this help\n"
    "  -v, --verbose                with --nagios: more detail lines (monitoring-plugins\n"
    "                               verbosity): -v the entries to read, -vv the configuration\n"
    "                               and thresholds, -vvv each entry's cause and remedy\n"
    "  -V, --version                the version (as slerr --version), as plugins offer it\n"
    "\n"
    "Exit status: 0 healthy, 1 a problem found, 2 usage error, 3 the probes could not run or\n"
    "the output not written, 4 out of memory, 130 interrupted.\n"
    "With --nagios: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n";

enum { OPT_KMS = 1, OPT_SUFFIXES, OPT_DNS_SERVER, OPT_NTP, OPT_TIMEOUT, OPT_RESOLV_CONF, OPT_NAGIOS,
       OPT_WARNING, OPT_CRITICAL, OPT_CLOCK, OPT_SMB_PORT, OPT_PROMETHEUS, OPT_VERSION,
       OPT_VERBOSE };

static const struct cli_option diagnose_options[] = {
    { "kms", 'H', true, OPT_KMS },
    { "suffixes", 0, true, OPT_SUFFIXES },
    { "dns-server", 0, true, OPT_DNS_SERVER },
    { "ntp", 0, true, OPT_NTP },
    { "clock", 0, true, OPT_CLOCK },
    { "smb-port", 0, true, OPT_SMB_PORT },
    { "timeout", 't', true, OPT_TIMEOUT },
    { "resolv-conf", 0, true, OPT_RESOLV_CONF },
    { "nagios", 0, false, OPT_NAGIOS },
    { "warning", 'w', true, OPT_WARNING },
    { "critical", 'c', true, OPT_CRITICAL },
    { "prometheus", 0, true, OPT_PROMETHEUS },
    { "version", 'V', false, OPT_VERSION },
    { "verbose", 'v', false, OPT_VERBOSE },
    COMMON_OPTIONS,
    { NULL, 0, false, 0 },
};

struct diagnose {
    struct diag_config config;
    struct common_options common;
    bool nagios, version;
    int verbosity; /* how many -v: the plugin's detail lines */
    struct nagios_thresholds thresholds;
    const char *prometheus; /* FILE, "-" for stdout, NULL for none */
    struct output out;
    bool quiet; /* stdout carries the metrics only */
    bool live;  /* a status line is shown on the terminal */
    bool status_shown;
};

/* ---- options ---- */

static int parse_seconds(const char *option, const char *text, double min, double *seconds)
{
    char *end;
    errno = 0;
    double value = strtod(text, &end);
    if (errno || end == text || *end || !isfinite(value) || value < min || value > 86400) {
        cli_error("--%s takes a number of seconds, not '%.60s'", option, text);
        return -1;
    }
    *seconds = value;
    return 0;
}

static int parse_clock(struct diag_config *config, const char *text)
{
    static const char *const names[] = { [DIAG_CLOCK_AUTO] = "auto", [DIAG_CLOCK_NTP] = "ntp",
                                         [DIAG_CLOCK_SMB] = "smb" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(text, names[i]) == 0) {
            config->clock = (enum diag_clock)i;
            return 0;
        }
    }
    cli_error("--clock takes auto, ntp or smb, not '%.60s'", text);
    return -1;
}

static int parse_port(struct diag_config *config, const char *text)
{
    char *end;
    errno = 0;
    unsigned long port = strtoul(text, &end, 10);
    if (errno || end == text || *end || text[0] == '-' || port == 0 || port > 65535) {
        cli_error("--smb-port takes a port number (1-65535), not '%.60s'", text);
        return -1;
    }
    config->smb_port = (uint16_t)port;
    return 0;
}

static int apply_option(struct diagnose *d, int id, const char *value)
{
    double seconds = 0;
    char error[200];
    /* diagnose's own options; the common ones are read by command_line_read(). */
    switch (id) {
    case OPT_KMS: d->config.kms = value; return 0;
    case OPT_SUFFIXES: d->config.suffixes = value; return 0;
    case OPT_DNS_SERVER: d->config.dns_server = value; return 0;
    case OPT_NTP: d->config.ntp = value; return 0;
    case OPT_RESOLV_CONF: d->config.resolv_conf = value; return 0;
    case OPT_NAGIOS: d->nagios = true; return 0;
    case OPT_CLOCK: return parse_clock(&d->config, value);
    case OPT_SMB_PORT: return parse_port(&d->config, value);
    case OPT_TIMEOUT:
        if (parse_seconds("timeout", value, 0.001, &seconds) != 0 || seconds > 3600) {
            if (seconds > 3600)
                cli_error("--timeout is at most 3600 seconds");
            return -1;
        }
        d->config.timeout_ms = (unsigned)(seconds * 1000 + 0.5);
        return 0;
    case OPT_PROMETHEUS: d->prometheus = value; return 0;
    case OPT_VERSION: d->version = true; return 0;
    case OPT_VERBOSE: d->verbosity += d->verbosity < 3; return 0;
    case OPT_WARNING:
    case OPT_CRITICAL:
        if (nagios_parse_thresholds(value, id == OPT_CRITICAL, &d->thresholds, error, sizeof error)) {
            cli_error("%s", error);
            return -1;
        }
        return 0;
    default: return -1;
    }
}

static bool diagnose_option(void *state, int id, const char *value)
{
    return apply_option(state, id, value) == 0;
}

/* A plugin reports a command line it cannot use as UNKNOWN, so --nagios is looked for first. */
static bool nagios_requested(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--nagios") == 0)
            return true;
    return false;
}

/* COMMAND_LINE_CONTINUE, or the status to end with. */
static int parse_command_line(struct diagnose *d, int argc, char **argv)
{
    const struct command_line spec = { "diagnose", diagnose_usage, diagnose_options,
                                       diagnose_option, d, 1 };
    char error[200];
    int count;
    int status = command_line_read(&spec, argc, argv, &d->common, &count);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    if (d->version)
        return dispatch_version();
    d->config.domain = count ? argv[1] : NULL;
    bool prometheus_only = d->prometheus && strcmp(d->prometheus, "-") == 0;
    if (d->common.format == FORMAT_JSON && d->nagios)
        return cli_usage_error("diagnose", "--json and --nagios exclude each other");
    if (prometheus_only && (d->nagios || d->common.format == FORMAT_JSON))
        return cli_usage_error("diagnose", "--prometheus - writes to stdout: not with --json or --nagios");
    if (d->verbosity && !d->nagios)
        return cli_usage_error("diagnose", "-v adds lines to the --nagios output: use it with --nagios");
    if (diag_check_config(&d->config, error, sizeof error) != 0)
        return cli_usage_error("diagnose", error);
    return COMMAND_LINE_CONTINUE;
}

/* ---- text output as the probes finish ---- */

static void clear_status(struct diagnose *d)
{
    if (d->status_shown)
        output_text(&d->out, "\r\033[K");
    d->status_shown = false;
}

static void print_probe(const struct diag_probe *p, void *user)
{
    struct diagnose *d = user;
    const struct diag_verdict *v = diag_verdict(p->finding);
    if (d->nagios || d->quiet || d->out.format != FORMAT_TEXT)
        return;
    clear_status(d);
    /* the probe's weight in the whole run, as JSON gives it: diag defers a failure until the
     * other addresses of its host are done */
    bool good = p->severity == DIAG_SEV_OK, note = p->severity == DIAG_SEV_NOTE;
    output_styled(&d->out, good ? STYLE_GOOD : note ? STYLE_WARN : STYLE_BAD, "%-4s",
                  good ? "ok" : note ? "note" : p->severity == DIAG_SEV_UNKNOWN ? "ERR" : "FAIL");
    output_printf(&d->out, " %-7s ", diag_kind_name(p->kind));
    output_untrusted(&d->out, p->target_text, 0);
    output_text(&d->out, ": ");
    output_untrusted(&d->out, p->detail, 0);
    output_text(&d->out, " ");
    output_styled(&d->out, STYLE_DIM, "[%s, %.1f ms]", v->name, p->seconds * 1000);
    output_text(&d->out, "\n");
    fflush(d->out.stream);
}

static void show_status(size_t pending, double elapsed, void *user)
{
    struct diagnose *d = user;
    clear_status(d);
    output_styled(&d->out, STYLE_DIM, "... %zu probe%s running, %.1f s", pending,
                  pending == 1 ? "" : "s", elapsed);
    fflush(d->out.stream);
    d->status_shown = true;
}

static void print_suggestions(struct diagnose *d, const struct diag_report *report)
{
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    size_t count = diag_suggest(report, codes, DIAG_MAX_SUGGESTIONS);
    bool healthy = diag_overall(report) <= DIAG_SEV_NOTE;
    output_text(&d->out, "\n");
    if (diag_overall(report) == DIAG_SEV_UNKNOWN)
        output_styled(&d->out, STYLE_BAD, "Not every check could run on this machine (ERR above)");
    else if (healthy)
        output_styled(&d->out, STYLE_GOOD, "No problem found");
    else
        output_styled(&d->out, STYLE_BAD, "Problem found");
    output_printf(&d->out, " (%.2f s). %s\n", report->elapsed, healthy
                  ? "If clients still fail to activate, look at the KMS host's side:"
                  : "Suggested entries:");
    if (diag_stale_srv_record(report))
        output_field(&d->out, 0, "Hint: ", "A host named in the SRV record fails while another "
                     "answers. That is most often the record of a retired KMS host that is still "
                     "published (KMS host failover): clients lose time on it. Remove its "
                     "_vlmcs._tcp record, or bring its KMS service back.");
    for (size_t i = 0; i < count; i++) {
        output_text(&d->out, "\n");
        render_code(&d->out, NULL, codes[i], RENDER_FULL);
    }
}

/* ---- JSON ---- */

static const char *severity_name(enum diag_severity s)
{
    static const char *const names[] = { "ok", "note", "warning", "critical", "unknown" };
    return names[s];
}

static void print_json(struct diagnose *d, const struct diag_report *report)
{
    struct output *o = &d->out;
    uint32_t codes[DIAG_MAX_SUGGESTIONS];
    size_t count = diag_suggest(report, codes, DIAG_MAX_SUGGESTIONS);
    json_object_begin(o, NULL);
    json_string(o, "domain", report->domain[0] ? report->domain : NULL);
    json_string(o, "status", severity_name(diag_overall(report)));
    json_bool(o, "healthy", diag_overall(report) <= DIAG_SEV_NOTE);
    json_bool(o, "cancelled", report->cancelled);
    json_uint(o, "dropped", report->dropped);
    json_bool(o, "stale_srv_record", diag_stale_srv_record(report));
    json_double(o, "seconds", report->elapsed);
    json_array_begin(o, "probes");
    for (size_t i = 0; i < report->count; i++) {
        const struct diag_probe *p = &report->probes[i];
        json_object_begin(o, NULL);
        json_string(o, "probe", diag_kind_name(p->kind));
        json_string(o, "target", p->target_text);
        json_string(o, "result", diag_verdict(p->finding)->name);
        json_string(o, "severity", severity_name(diag_probe_severity(report, i)));
        json_string(o, "detail", p->detail);
        json_double(o, "seconds", p->seconds);
        json_double(o, "finished", p->at);
        if (diag_has_offset(p)) {
            json_double(o, "offset", p->offset);
            json_double(o, "delay", p->delay);
        }
        json_object_end(o);
    }
    json_array_end(o);
    json_array_begin(o, "suggestions");
    for (size_t i = 0; i < count; i++)
        render_code(o, NULL, codes[i], RENDER_FULL);
    json_array_end(o);
    json_object_end(o);
    json_line_end(o);
}

/* ---- the command ---- */

/* A metrics file that cannot be written: an error (UNKNOWN for the plugin), exit status 3. */
static int cannot_write_metrics(struct diagnose *d, const char *why)
{
    char safe[512];
    output_escape(d->prometheus, safe, sizeof safe);
    cli_error("cannot write %s: %s", safe, why);
    if (d->nagios) {
        char line[700];
        snprintf(line, sizeof line, "cannot write the metrics file %s: %s", safe, why);
        nagios_print_unknown(&d->out, line);
    }
    return cli_finish(&d->out, d->nagios ? NAGIOS_UNKNOWN : EXIT_IO);
}

static int report_outcome(struct diagnose *d, const struct diag_report *report,
                          enum diag_status run_status)
{
    const char *failure = run_status == DIAG_OK ? NULL
                          : report->error[0] ? report->error : diag_strerror(run_status);
    if (d->prometheus && !report->cancelled && prometheus_write(d->prometheus, report, !failure)) {
        const char *why = errno == EINVAL && prometheus_unusable(d->prometheus)
                              ? prometheus_unusable(d->prometheus) : strerror(errno);
        return cannot_write_metrics(d, why);
    }
    if (d->nagios) {
        const struct nagios_request request = { &d->thresholds, &d->config, d->verbosity };
        return cli_finish(&d->out, nagios_print(&d->out, report, failure, &request));
    }
    if (run_status != DIAG_OK) {
        cli_error("cannot run the probes: %s", failure);
        return cli_finish(&d->out, run_status == DIAG_E_NOMEM ? EXIT_NO_MEMORY
                                   : run_status == DIAG_E_CONFIG ? EXIT_USAGE : EXIT_IO);
    }
    if (d->out.format == FORMAT_JSON)
        print_json(d, report);
    else if (!report->cancelled && !d->quiet)
        print_suggestions(d, report);
    if (report->cancelled) {
        cli_error("interrupted");
        return cli_finish(&d->out, EXIT_INTERRUPTED);
    }
    enum diag_severity overall = diag_overall(report);
    /* a failure of this machine (ERR) proves nothing about the network: as a run that could not run */
    return cli_finish(&d->out, overall <= DIAG_SEV_NOTE ? EXIT_OK
                               : overall == DIAG_SEV_UNKNOWN ? EXIT_IO : EXIT_NOT_FOUND);
}

int cmd_diagnose(int argc, char **argv)
{
    struct diagnose d = {
        .config = { .timeout_ms = 5000, .cancel_fd = -1 },
        .common = { FORMAT_TEXT, COLOR_AUTO, false },
        .thresholds = { .offset = { { true, false, 0, 1 }, { true, false, 0, 4 } } },
    };
    bool plugin = nagios_requested(argc, argv); /* before the parser reorders argv */
    int status = parse_command_line(&d, argc, argv);
    if (status == EXIT_USAGE && plugin) {
        output_init(&d.out, stdout, FORMAT_TEXT, COLOR_NEVER);
        nagios_print_unknown(&d.out, "invalid command line (see slerr diagnose --help)");
        return cli_finish(&d.out, NAGIOS_UNKNOWN);
    }
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    d.thresholds.clock_optional = d.config.clock == DIAG_CLOCK_AUTO;
    d.quiet = d.prometheus && strcmp(d.prometheus, "-") == 0;
    output_init(&d.out, stdout, d.nagios ? FORMAT_TEXT : d.common.format,
                d.nagios ? COLOR_NEVER : d.common.color);
    d.live = !d.nagios && !d.quiet && d.out.format == FORMAT_TEXT && isatty(fileno(stdout));
    d.config.on_probe = print_probe;
    d.config.on_tick = d.live ? show_status : NULL;
    d.config.user = &d;

    if (d.prometheus && prometheus_unusable(d.prometheus)) /* before the run: it would be lost */
        return cannot_write_metrics(&d, prometheus_unusable(d.prometheus));
    struct diag_report *report = calloc(1, sizeof *report);
    if (!report) {
        cli_error("out of memory");
        if (d.nagios)
            nagios_print_unknown(&d.out, "out of memory");
        return d.nagios ? NAGIOS_UNKNOWN : EXIT_NO_MEMORY;
    }
    if (interrupt_install() == 0) /* Ctrl-C makes interrupt_fd() readable: the probe loop stops */
        d.config.cancel_fd = interrupt_fd();
    enum diag_status run_status = diag_run(&d.config, report);
    if (d.config.cancel_fd >= 0)
        interrupt_uninstall();
    clear_status(&d);
    status = report_outcome(&d, report, run_status);
    free(report);
    return status;
}

SLERR_MODULE_EXPORT const struct slerr_module slerr_module_diagnose = {
    SLERR_MODULE_ABI, SLERR_VERSION_STRING, cmd_diagnose,
};
