/* SPDX-License-Identifier: MIT */
/* report.c: adding probe results to a run's report, and the words for addresses and times. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

double run_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void run_news(struct address_news *news, const struct sockaddr *address, socklen_t length,
              const char *why)
{
    news->ready = true;
    news->length = address && length <= sizeof news->address ? length : 0;
    if (news->length)
        memcpy(&news->address, address, length);
    news->why = news->length ? NULL : why ? why : "unusable address";
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
    p->from_srv = target >= (run->config->kms ? 1 : 0); /* target 0 is the --kms host */
    double now = run_now();
    p->seconds = now - started;
    p->at = now - run->start;
    return p;
}

static bool target_busy(const struct run *run, int target)
{
    for (size_t i = 0; i < run->conn_count; i++)
        if (run->conns[i].target == target && run->conns[i].state != CONN_DONE)
            return true;
    return false;
}

static size_t index_of(const struct run *run, const struct diag_probe *probe)
{
    return probe == &run->overflow ? SIZE_MAX : (size_t)(probe - run->report->probes);
}

static void tell(struct run *run, struct diag_probe *probe)
{
    size_t i = index_of(run, probe);
    probe->severity = i == SIZE_MAX ? diag_verdict(probe->finding)->severity
                                    : diag_probe_severity(run->report, i);
    if (run->config->on_probe && !run->cancelled)
        run->config->on_probe(probe, run->config->user);
}

/* A failed address of a host whose other addresses are still being probed may yet turn into a
 * note (another address answers): it is told once they are done, so that what the caller
 * prints as it goes has the weight the final report gives it. */
void run_publish(struct run *run, struct diag_probe *probe)
{
    size_t i = index_of(run, probe);
    bool kms = probe->kind == DIAG_PROBE_TCP || probe->kind == DIAG_PROBE_RPC;
    if (i != SIZE_MAX && kms && probe->target >= 0 &&
        diag_verdict(probe->finding)->severity > DIAG_SEV_NOTE &&
        run->deferred_count < DIAG_MAX_PROBES) {
        run->deferred[run->deferred_count++] = i;
        return;
    }
    tell(run, probe);
}

void run_tell_deferred(struct run *run, bool all)
{
    size_t kept = 0;
    for (size_t k = 0; k < run->deferred_count; k++) {
        struct diag_probe *p = &run->report->probes[run->deferred[k]];
        if (all || !target_busy(run, p->target))
            tell(run, p);
        else
            run->deferred[kept++] = run->deferred[k];
    }
    run->deferred_count = kept;
}

void run_address_text(const struct sockaddr *address, char *out, size_t size)
{
    const void *raw = address->sa_family == AF_INET6
                          ? (const void *)&((const struct sockaddr_in6 *)address)->sin6_addr
                          : (const void *)&((const struct sockaddr_in *)address)->sin_addr;
    if (size == 0 || !inet_ntop(address->sa_family, raw, out, (socklen_t)size))
        snprintf(out, size, "?");
}

void run_describe(char *out, size_t size, const char *host, uint16_t port,
                  const struct sockaddr *address)
{
    char text[INET6_ADDRSTRLEN];
    run_address_text(address, text, sizeof text);
    bool v6 = address->sa_family == AF_INET6;
    if (strcmp(host, text) == 0)
        snprintf(out, size, "%s%s%s:%u", v6 ? "[" : "", text, v6 ? "]" : "", port);
    else
        snprintf(out, size, "%s:%u (%s)", host, port, text);
}

bool run_local_failure(int error)
{
    return error == EMFILE || error == ENFILE || error == ENOMEM || error == ENOBUFS;
}

/* c-ares reports a socket it could not open as a server that refused: ask the system. */
int run_descriptors_left(void)
{
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return errno;
    close(fd);
    return 0;
}

void run_set_port(struct sockaddr_storage *address, uint16_t port)
{
    if (address->ss_family == AF_INET6)
        ((struct sockaddr_in6 *)address)->sin6_port = htons(port);
    else
        ((struct sockaddr_in *)address)->sin_port = htons(port);
}
