/* SPDX-License-Identifier: MIT */
/* clock_probe.c: what the NTP and SMB clock probes share: taking the host's address, opening
 * the socket, and ending with one result (no host, no reply, a bad reply, or an offset). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

static struct diag_probe *end(struct run *run, struct clock_probe *c, enum diag_finding finding,
                              const char *detail)
{
    struct diag_probe *p = run_add_probe(run, c->kind->probe, finding, -1,
                                         c->started ? c->started : run->start);
    snprintf(p->target_text, sizeof p->target_text, "%s", c->text[0] ? c->text : c->host);
    snprintf(p->detail, sizeof p->detail, "%s", detail);
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    c->state = CLOCK_DONE;
    return p;
}

void clock_probe_no_host(struct run *run, struct clock_probe *c, const char *why)
{
    if (!c->host[0])
        snprintf(c->host, sizeof c->host, "%s", c->kind->nobody);
    run_publish(run, end(run, c, c->kind->no_host, why));
}

void clock_probe_no_reply(struct run *run, struct clock_probe *c, const char *why)
{
    run_publish(run, end(run, c, c->kind->no_reply, why));
}

void clock_probe_bad_reply(struct run *run, struct clock_probe *c, const char *detail)
{
    run_publish(run, end(run, c, c->kind->bad_reply, detail));
}

void clock_probe_measured(struct run *run, struct clock_probe *c, double offset, double delay,
                          const char *source, const char *extra)
{
    char detail[DIAG_TEXT_MAX];
    bool skewed = fabs(offset) > DIAG_MAX_OFFSET_SECONDS;
    snprintf(detail, sizeof detail, "offset %+.3f s%s, delay %.3f s%s%s", offset, source, delay,
             extra, skewed ? ": more than the 4 hours KMS tolerates" : "");
    struct diag_probe *p = end(run, c, skewed ? c->kind->skew : c->kind->ok, detail);
    p->offset = offset;
    p->delay = delay;
    c->measured = true;
    run_publish(run, p);
}

int clock_probe_connect(struct run *run, struct clock_probe *c, const struct sockaddr *address,
                        socklen_t length, int type)
{
    if (length > sizeof c->address) {
        clock_probe_no_host(run, c, "unusable address");
        return -1;
    }
    memcpy(&c->address, address, length);
    c->address_length = length;
    run_set_port(&c->address, c->port);
    run_describe(c->text, sizeof c->text, c->host, c->port, address);
    c->started = run_now();
    c->state = CLOCK_CONNECTING;
    c->fd = socket(address->sa_family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c->fd >= 0 && connect(c->fd, (struct sockaddr *)&c->address, length) == 0)
        return 1;
    if (c->fd >= 0 && errno == EINPROGRESS)
        return 0;
    clock_probe_no_reply(run, c, strerror(errno));
    return -1;
}
