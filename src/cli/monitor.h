/* SPDX-License-Identifier: MIT */
/* monitor.h: `slerr diagnose` for monitoring systems: the Nagios plugin output (monitoring-plugins
 * guidelines: threshold ranges, perfdata, long output) and node_exporter's textfile format. */
#ifndef SLERR_CLI_MONITOR_H
#define SLERR_CLI_MONITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "output.h"

enum nagios_state { NAGIOS_OK, NAGIOS_WARNING, NAGIOS_CRITICAL, NAGIOS_UNKNOWN };

/* A threshold range in the guideline syntax: [@]START:END, START "~" for minus infinity, END
 * empty for infinity, "N" alone for 0:N. Alerts outside START..END, or inside with "@". */
struct nagios_range {
    bool set, inside;
    double start, end;
};

struct nagios_thresholds {
    struct nagios_range offset[2]; /* WARNING, CRITICAL on |clock offset|, in hours */
    struct nagios_range time[2];   /* WARNING, CRITICAL on the KMS answer time, in seconds */
    /* --clock auto: an offset no source measured is said in the status line, not UNKNOWN */
    bool clock_optional;
};

/* Reads "OFFSET[,TIME]" (either may be empty) into the WARNING (level 0) or CRITICAL (1) ranges.
 * 0, or -1 with a sentence in error. */
int nagios_parse_thresholds(const char *text, int level, struct nagios_thresholds *t, char *error,
                            size_t size);

/* What the plugin was asked: its thresholds, the run's configuration (for -vv) and how many
 * -v were given (the guidelines' verbosity: 1 adds the entries to read, 2 the configuration and
 * thresholds, 3 each entry's cause and remedy). */
struct nagios_request {
    const struct nagios_thresholds *thresholds;
    const struct diag_config *config;
    int verbosity;
};

/* Prints the status line with perfdata, then one line per probe, then the -v detail lines;
 * returns the plugin state. failure: NULL, or why the probes could not run (UNKNOWN). */
int nagios_print(struct output *o, const struct diag_report *report, const char *failure,
                 const struct nagios_request *request);

/* An UNKNOWN status line: the plugin could not do its job (`why`). */
void nagios_print_unknown(struct output *o, const char *why);

/* Seconds from the start of the run until the first KMS host answered; -1 when none did. */
double monitor_answer_time(const struct diag_report *report);

/* The clock reading to judge: the KMS host's own (SMB) before an NTP server's; NULL for none. */
const struct diag_probe *monitor_clock_probe(const struct diag_report *report);

/* Why metrics cannot be written at `path` (a device, FIFO, symbolic link or directory there,
 * a name ending in "/", an error from lstat); NULL when it is "-", absent or a regular file. */
const char *prometheus_unusable(const char *path);

/* Writes the textfile-collector metrics to `path` atomically (a temporary file in the same
 * directory, then rename), or to stdout for "-"; only where prometheus_unusable() is NULL.
 * 0, or -1 with errno set (EINVAL: prometheus_unusable() says why). */
int prometheus_write(const char *path, const struct diag_report *report, bool run_ok);

#endif
