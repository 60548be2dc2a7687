/* report.c: adding probe results to a run's report, and the words for addresses and times. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "run.h"

double run_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct diag_probe *run_add_probe(struct run *run, enum diag_probe_kind kind,
                                 enum diag_finding finding, int target, double started)
{
    struct diag_report *report = run->report;
    struct diag_probe *p = &run->overflow;
    if (report->count < DIAG_MAX_PROBES)
        p = &report->probes[report->count++];
    else
        report->dropped++;
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->finding = finding;
    p->target = target;
    double now = run_now();
    p->seconds = now - started;
    p->at = now - run->start;
    return p;
}

void run_publish(struct run *run, struct diag_probe *probe)
{
    if (run->config->on_probe && !run->cancelled)
        run->config->on_probe(probe, run->config->user);
}

void run_describe(char *out, size_t size, const char *host, uint16_t port,
                  const struct sockaddr *address)
{
    char text[INET6_ADDRSTRLEN] = "?";
    const void *raw = address->sa_family == AF_INET6
                          ? (const void *)&((const struct sockaddr_in6 *)address)->sin6_addr
                          : (const void *)&((const struct sockaddr_in *)address)->sin_addr;
    inet_ntop(address->sa_family, raw, text, sizeof text);
    bool v6 = address->sa_family == AF_INET6;
    if (strcmp(host, text) == 0)
        snprintf(out, size, "%s%s%s:%u", v6 ? "[" : "", text, v6 ? "]" : "", port);
    else
        snprintf(out, size, "%s:%u (%s)", host, port, text);
}

void run_set_port(struct sockaddr_storage *address, uint16_t port)
{
    if (address->ss_family == AF_INET6)
        ((struct sockaddr_in6 *)address)->sin6_port = htons(port);
    else
        ((struct sockaddr_in *)address)->sin_port = htons(port);
}
