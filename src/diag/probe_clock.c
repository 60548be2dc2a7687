/* SPDX-License-Identifier: MIT */
/* probe_clock.c: which clock probes a run makes (--clock ntp|smb|auto) and when: they wait for the
 * first KMS host's address, and once the KMS probes are done they get only a short grace. */
#include <stdio.h>
#include <unistd.h>

#include "run.h"

static const struct clock_kind ntp_kind = {
    DIAG_PROBE_NTP, "(no NTP server)",
    DIAG_NTP_OK, DIAG_NTP_SKEW, DIAG_NTP_NO_REPLY, DIAG_NTP_BAD_REPLY, DIAG_NTP_NO_HOST,
};

/* SMB asks the KMS host itself: no address for it is no reply from it. */
static const struct clock_kind smb_kind = {
    DIAG_PROBE_SMB, "(no KMS host)",
    DIAG_SMB_OK, DIAG_SMB_SKEW, DIAG_SMB_NO_REPLY, DIAG_SMB_BAD_REPLY, DIAG_SMB_NO_REPLY,
};

void clock_start(struct run *run)
{
    const struct diag_config *config = run->config;
    struct clock_probe *ntp = &run->ntp.c, *smb = &run->smb.c;
    ntp->kind = &ntp_kind;
    smb->kind = &smb_kind;
    smb->port = config->smb_port ? config->smb_port : SMB2_PORT;
    if (config->clock != DIAG_CLOCK_NTP)
        smb->state = CLOCK_WAITING_FOR_KMS;
    if (config->clock == DIAG_CLOCK_SMB)
        return;
    if (!config->ntp) {
        ntp->state = CLOCK_WAITING_FOR_KMS; /* the first KMS host, once its address is known */
        ntp->port = DIAG_NTP_PORT;
        return;
    }
    diag_parse_hostport(config->ntp, DIAG_NTP_PORT, ntp->host, sizeof ntp->host, &ntp->port);
    ntp->state = CLOCK_RESOLVING;
}

static void kms_known(struct run *run, const struct address_news *news)
{
    const char *host = run->targets[0].host;
    struct clock_probe *ntp = &run->ntp.c, *smb = &run->smb.c;
    if (smb->state == CLOCK_WAITING_FOR_KMS) {
        snprintf(smb->host, sizeof smb->host, "%s", host);
        if (news->length)
            smb_start(run, (const struct sockaddr *)&news->address, news->length);
        else
            clock_probe_no_host(run, smb, news->why);
    }
    if (ntp->state == CLOCK_WAITING_FOR_KMS) {
        snprintf(ntp->host, sizeof ntp->host, "%s", host);
        if (news->length)
            ntp_start(run, (const struct sockaddr *)&news->address, news->length);
        else
            clock_probe_no_host(run, ntp, news->why);
    }
}

void clock_relay(struct run *run)
{
    struct clock_probe *ntp = &run->ntp.c;
    if (run->kms_address.ready) {
        run->kms_address.ready = false;
        kms_known(run, &run->kms_address);
    }
    if (run->ntp_address.ready) {
        run->ntp_address.ready = false;
        if (run->ntp_address.length)
            ntp_start(run, (const struct sockaddr *)&run->ntp_address.address,
                      run->ntp_address.length);
        else
            clock_probe_no_host(run, ntp, run->ntp_address.why);
    }
    /* auto: the KMS host told its time over SMB, so its NTP port has nothing more to say */
    if (run->smb.c.measured && run->config->clock == DIAG_CLOCK_AUTO && !run->config->ntp &&
        ntp->state == CLOCK_TALKING) {
        close(ntp->fd);
        ntp->fd = -1;
        ntp->state = CLOCK_DONE;
    }
}

static bool busy(const struct clock_probe *c)
{
    return c->state == CLOCK_RESOLVING || c->state == CLOCK_CONNECTING ||
           c->state == CLOCK_TALKING;
}

size_t clock_pending(const struct run *run)
{
    return (size_t)busy(&run->ntp.c) + (size_t)busy(&run->smb.c);
}

size_t kms_pending(const struct run *run)
{
    size_t n = run->queries;
    if (run->ntp.c.state == CLOCK_RESOLVING && n > 0)
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
    struct clock_probe *ntp = &run->ntp.c, *smb = &run->smb.c;
    if (ntp->state == CLOCK_RESOLVING)
        clock_probe_no_host(run, ntp, why);
    else if (ntp->state == CLOCK_TALKING)
        clock_probe_no_reply(run, ntp, why);
    else if (ntp->state == CLOCK_WAITING_FOR_KMS)
        clock_probe_no_host(run, ntp, no_host);
    if (smb->state == CLOCK_CONNECTING || smb->state == CLOCK_TALKING)
        smb_expire(run, why);
    else if (smb->state == CLOCK_WAITING_FOR_KMS)
        clock_probe_no_host(run, smb, no_host);
}

void clock_close(struct run *run)
{
    if (run->ntp.c.fd >= 0)
        close(run->ntp.c.fd);
    if (run->smb.c.fd >= 0)
        close(run->smb.c.fd);
    run->ntp.c.fd = run->smb.c.fd = -1;
}
