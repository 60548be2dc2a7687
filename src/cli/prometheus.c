/* SPDX-License-Identifier: MIT */
/* prometheus.c: `slerr diagnose --prometheus FILE`: the run as metrics in the Prometheus text
 * exposition format, for node_exporter's textfile collector: prefix slerr_kms_, base units, one
 * _info metric, labels only from fixed sets (and the domain); written atomically. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "monitor.h"
#include "slerr_version.h"

/* A label value: made harmless by the output layer, then escaped as the exposition format wants
 * (backslash, double quote; output_untrusted leaves no line break). */
static void label_value(FILE *f, const char *text)
{
    char *safe = NULL;
    size_t size = 0;
    FILE *memory = open_memstream(&safe, &size);
    if (memory) {
        struct output o;
        output_init(&o, memory, FORMAT_TEXT, COLOR_NEVER);
        output_untrusted(&o, text, 0);
        fclose(memory);
    }
    for (const char *p = safe ? safe : ""; *p; p++) {
        if (*p == '\\' || *p == '"')
            fputc('\\', f);
        fputc(*p, f);
    }
    free(safe);
}

static void metric(FILE *f, const char *name, const char *help)
{
    fprintf(f, "# HELP slerr_kms_%s %s\n# TYPE slerr_kms_%s gauge\n", name, help, name);
}

static const char *const severity_names[] = { "ok", "note", "warning", "critical", "unknown" };
#define SEVERITIES (sizeof severity_names / sizeof severity_names[0])

static void findings(FILE *f, const struct diag_report *report)
{
    unsigned counts[DIAG_FINDING_COUNT][SEVERITIES];
    memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < report->count; i++)
        counts[report->probes[i].finding][diag_probe_severity(report, i)]++;
    metric(f, "probes", "Probes of the last run by result and severity.");
    for (int r = 0; r < DIAG_FINDING_COUNT; r++)
        for (size_t s = 0; s < SEVERITIES; s++)
            if (counts[r][s])
                fprintf(f, "slerr_kms_probes{result=\"%s\",severity=\"%s\"} %u\n",
                        diag_verdict((enum diag_finding)r)->name, severity_names[s], counts[r][s]);
}

static void write_metrics(FILE *f, const struct diag_report *report, bool run_ok)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    size_t answering = 0;
    for (size_t i = 0; i < report->count; i++)
        answering += report->probes[i].finding == DIAG_RPC_KMS;
    /* the plugin states: notes do not make a run unhealthy */
    static const int states[] = { [DIAG_SEV_OK] = 0, [DIAG_SEV_NOTE] = 0, [DIAG_SEV_WARNING] = 1,
                                  [DIAG_SEV_CRITICAL] = 2, [DIAG_SEV_UNKNOWN] = 3 };
    int status = !run_ok || report->cancelled ? 3 : states[diag_overall(report)];

    metric(f, "info", "The slerr version and the domain of the last run; always 1.");
    fputs("slerr_kms_info{version=\"", f);
    label_value(f, SLERR_VERSION_STRING);
    fputs("\",domain=\"", f);
    label_value(f, report->domain);
    fputs("\"} 1\n", f);
    metric(f, "status", "The last run: 0 healthy, 1 warning, 2 critical, 3 unknown.");
    fprintf(f, "slerr_kms_status %d\n", status);
    metric(f, "up", "1 when a KMS host accepted the KMS interface in the last run, else 0.");
    fprintf(f, "slerr_kms_up %d\n", answering > 0);
    metric(f, "hosts_answering", "KMS host addresses that accepted the KMS interface.");
    fprintf(f, "slerr_kms_hosts_answering %zu\n", answering);
    double answer = monitor_answer_time(report);
    if (answer >= 0) {
        metric(f, "answer_seconds", "Time from the start of the run to the first KMS answer.");
        fprintf(f, "slerr_kms_answer_seconds %.6f\n", answer);
    }
    const struct diag_probe *clock = monitor_clock_probe(report);
    if (clock) {
        metric(f, "clock_offset_seconds", "The KMS host's clock minus this machine's.");
        fprintf(f, "slerr_kms_clock_offset_seconds{source=\"%s\"} %.6f\n",
                clock->kind == DIAG_PROBE_SMB ? "smb" : "ntp", clock->offset);
    }
    findings(f, report);
    metric(f, "run_duration_seconds", "How long the last run took.");
    fprintf(f, "slerr_kms_run_duration_seconds %.6f\n", report->elapsed);
    metric(f, "last_run_timestamp_seconds", "When the last run ended, as a Unix time.");
    fprintf(f, "slerr_kms_last_run_timestamp_seconds %.3f\n",
            (double)now.tv_sec + (double)now.tv_nsec / 1e9);
}

/* A temporary file next to `path` (same file system, so rename is atomic), not ending in .prom
 * so the collector never reads it half written. */
static FILE *open_temporary(const char *path, char *temp, size_t size)
{
    const char *slash = strrchr(path, '/');
    int dir = slash ? (int)(slash - path + 1) : 0;
    if (snprintf(temp, size, "%.*s.%s.XXXXXX", dir, path, slash ? slash + 1 : path) >= (int)size) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    int fd = mkstemp(temp);
    if (fd < 0)
        return NULL;
    fchmod(fd, 0644); /* node_exporter usually runs as another user */
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int saved = errno;
        close(fd);
        unlink(temp);
        errno = saved;
    }
    return f;
}

const char *prometheus_unusable(const char *path)
{
    struct stat st;
    size_t length = strlen(path);
    if (strcmp(path, "-") == 0)
        return NULL;
    if (length == 0)
        return strerror(ENOENT);
    if (path[length - 1] == '/')
        return strerror(ENOTDIR); /* a file's name, even where a directory has it */
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? NULL : strerror(errno);
    if (S_ISDIR(st.st_mode))
        return strerror(EISDIR);
    /* the rename would replace a device, a FIFO or a symbolic link with a regular file */
    return S_ISREG(st.st_mode) ? NULL : "not a regular file (only a regular file is replaced)";
}

int prometheus_write(const char *path, const struct diag_report *report, bool run_ok)
{
    if (strcmp(path, "-") == 0) {
        write_metrics(stdout, report, run_ok);
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : -1;
    }
    if (prometheus_unusable(path)) {
        errno = EINVAL; /* the caller asks prometheus_unusable() for the words */
        return -1;
    }
    char temp[4096];
    FILE *f = open_temporary(path, temp, sizeof temp);
    if (!f)
        return -1;
    write_metrics(f, report, run_ok);
    int failed = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
    int saved = errno;
    if (fclose(f) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (!failed && rename(temp, path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        unlink(temp);
        errno = saved;
        return -1;
    }
    return 0;
}
