/* SPDX-License-Identifier: MIT */
/* probe_clock.c: which clock probes a run makes (--clock ntp|smb|auto) and when: they wait for the
 * first KMS host's address, and once the KMS probes are done they get only a short grace. */
#include <stdio.h>
#include <unistd.h>

#include "run.h"

void clock_start(struct run *run)
{
    const struct diag_config *config = run->config;
    struct ntp *ntp = &run->ntp;
    run->smb.port = config->smb_port ? config->smb_port : SMB2_PORT;
    if (config->clock != DIAG_CLOCK_NTP)
        run->smb.state = SMB_WAITING_FOR_KMS;
    if (config->clock == DIAG_CLOCK_SMB)
        return;
    if (!config->ntp) {
        ntp->state = NTP_WAITING_FOR_KMS; /* the first KMS host, once its address is known */
        ntp->port = DIAG_NTP_PORT;
        return;
    }
    diag_parse_hostport(config->ntp, DIAG_NTP_PORT, ntp->host, sizeof ntp->host, &ntp->port);
    ntp->state = NTP_RESOLVING;
    dns_resolve(run, NTP_LOOKUP);
}

void clock_kms_known(struct run *run, const struct sockaddr *address, socklen_t length)
{
    const char *host = run->targets[0].host;
    if (run->smb.state == SMB_WAITING_FOR_KMS) {
        snprintf(run->smb.host, sizeof run->smb.host, "%s", host);
        if (address)
            smb_start(run, address, length);
        else
            smb_no_host(run, "the KMS host has no address");
    }
    if (run->ntp.state == NTP_WAITING_FOR_KMS) {
        snprintf(run->ntp.host, sizeof run->ntp.host, "%s", host);
        if (address)
            ntp_start(run, address, length);
        else
            ntp_no_host(run, "the KMS host has no address");
    }
}

void clock_known(struct run *run)
{
    /* auto: the KMS host told its time over SMB, so its NTP port has nothing more to say */
    struct ntp *ntp = &run->ntp;
    if (run->config->clock != DIAG_CLOCK_AUTO || run->config->ntp || ntp->state != NTP_WAITING)
        return;
    close(ntp->fd);
    ntp->fd = -1;
    ntp->state = NTP_DONE;
}

size_t clock_pending(const struct run *run)
{
    size_t n = run->ntp.state == NTP_RESOLVING || run->ntp.state == NTP_WAITING;
    return n + (run->smb.state == SMB_CONNECTING || run->smb.state == SMB_TALKING);
}

size_t kms_pending(const struct run *run)
{
    size_t n = run->queries;
    if (run->ntp.state == NTP_RESOLVING && n > 0)
        n--; /* the --ntp name's lookup is not a KMS probe */
    for (size_t i = 0; i < run->conn_count; i++)
        n += run->conns[i].state != CONN_DONE;
    return n;
}

bool clock_grace_over(struct run *run, double now)
{
    if (kms_pending(run) > 0 || clock_pending(run) == 0)
        return false;
    if (run->grace_until == 0)
        run->grace_until = now + DIAG_CLOCK_GRACE_SECONDS;
    run->grace_over = now >= run->grace_until;
    return run->grace_over;
}

void clock_expire(struct run *run)
{
    const char *why = run->grace_over ? "no answer within 0.1 s after the KMS probes ended"
                                      : "no answer before the deadline";
    const char *no_host = run->target_count ? "no address for the KMS host" : "no KMS host found";
    if (run->ntp.state == NTP_WAITING || run->ntp.state == NTP_RESOLVING)
        ntp_expire(run, why);
    else if (run->ntp.state == NTP_WAITING_FOR_KMS)
        ntp_no_host(run, no_host);
    if (run->smb.state == SMB_CONNECTING || run->smb.state == SMB_TALKING)
        smb_expire(run, why);
    else if (run->smb.state == SMB_WAITING_FOR_KMS)
        smb_no_host(run, no_host);
}

void clock_close(struct run *run)
{
    if (run->ntp.fd >= 0)
        close(run->ntp.fd);
    if (run->smb.fd >= 0)
        close(run->smb.fd);
    run->ntp.fd = run->smb.fd = -1;
}
