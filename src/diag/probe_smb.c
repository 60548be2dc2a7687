/* SPDX-License-Identifier: MIT */
/* probe_smb.c: the KMS host's clock from its SMB2 NEGOTIATE response (TCP 445): connect, send the
 * request, read the fixed part of the reply, close. No session is ever set up. */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

static double unix_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct diag_probe *add_smb(struct run *run, enum diag_finding finding, const char *detail)
{
    struct smb *smb = &run->smb;
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_SMB, finding, -1,
                                         smb->started ? smb->started : run->start);
    snprintf(p->target_text, sizeof p->target_text, "%s", smb->text[0] ? smb->text : smb->host);
    snprintf(p->detail, sizeof p->detail, "%s", detail);
    if (smb->fd >= 0)
        close(smb->fd);
    smb->fd = -1;
    smb->state = SMB_DONE;
    return p;
}

static void record_smb(struct run *run, enum diag_finding finding, const char *detail)
{
    run_publish(run, add_smb(run, finding, detail));
}

void smb_no_host(struct run *run, const char *why)
{
    if (!run->smb.host[0])
        snprintf(run->smb.host, sizeof run->smb.host, "(no KMS host)");
    record_smb(run, DIAG_SMB_NO_REPLY, why);
}

static void send_request(struct run *run)
{
    struct smb *smb = &run->smb;
    smb->state = SMB_TALKING;
    smb2_build_negotiate(smb->out);
    smb->sent_at = unix_now();
}

void smb_start(struct run *run, const struct sockaddr *address, socklen_t length)
{
    struct smb *smb = &run->smb;
    if (length > sizeof smb->address) {
        smb_no_host(run, "unusable address");
        return;
    }
    memcpy(&smb->address, address, length);
    run_set_port(&smb->address, smb->port);
    run_describe(smb->text, sizeof smb->text, smb->host, smb->port, address);
    smb->started = run_now();
    smb->fd = socket(address->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (smb->fd < 0) {
        record_smb(run, DIAG_SMB_NO_REPLY, strerror(errno));
        return;
    }
    smb->state = SMB_CONNECTING;
    if (connect(smb->fd, (struct sockaddr *)&smb->address, length) == 0)
        send_request(run);
    else if (errno != EINPROGRESS)
        record_smb(run, DIAG_SMB_NO_REPLY, strerror(errno));
}

short smb_events(const struct smb *smb)
{
    return smb->state == SMB_CONNECTING || smb->sent < SMB2_REQUEST_SIZE ? POLLOUT : POLLIN;
}

static void judge(struct run *run, double received_at)
{
    struct smb *smb = &run->smb;
    struct smb2_reply reply;
    char detail[DIAG_TEXT_MAX];
    if (smb2_parse_negotiate(smb->in, smb->received, &reply) != SMB2_OK) {
        if (reply.status == SMB2_ERROR)
            snprintf(detail, sizeof detail, "%s (NTSTATUS 0x%08X)", smb2_status_text(reply.status),
                     (unsigned)reply.nt_status);
        else
            snprintf(detail, sizeof detail, "%s", smb2_status_text(reply.status));
        record_smb(run, DIAG_SMB_BAD_REPLY, detail);
        return;
    }
    double offset = smb2_offset(&reply, smb->sent_at, received_at);
    double delay = received_at - smb->sent_at;
    bool skewed = fabs(offset) > DIAG_MAX_OFFSET_SECONDS;
    snprintf(detail, sizeof detail, "offset %+.3f s (SMB %x.%x.%x SystemTime), delay %.3f s%s", offset,
             reply.dialect >> 8, (reply.dialect >> 4) & 0xF, reply.dialect & 0xF, delay,
             skewed ? ": more than the 4 hours KMS tolerates" : "");
    struct diag_probe *p = add_smb(run, skewed ? DIAG_SMB_SKEW : DIAG_SMB_OK, detail);
    p->offset = offset;
    p->delay = delay;
    run_publish(run, p);
    clock_known(run);
}

static void read_reply(struct run *run)
{
    struct smb *smb = &run->smb;
    ssize_t n = read(smb->fd, smb->in + smb->received, sizeof smb->in - smb->received);
    double received_at = unix_now();
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n < 0) {
        record_smb(run, DIAG_SMB_NO_REPLY, strerror(errno));
        return;
    }
    if (n == 0 && smb->received == 0) {
        record_smb(run, DIAG_SMB_NO_REPLY, "closed without a reply");
        return;
    }
    smb->received += (size_t)n;
    if (n == 0 || smb->received >= smb2_reply_needed(smb->in, smb->received))
        judge(run, received_at);
}

void smb_ready(struct run *run, short revents)
{
    struct smb *smb = &run->smb;
    if (smb->state == SMB_CONNECTING) {
        int error = 0;
        socklen_t size = sizeof error;
        if (getsockopt(smb->fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
            error = errno;
        if (error)
            record_smb(run, DIAG_SMB_NO_REPLY, error == ECONNREFUSED
                       ? "nothing listens on the SMB port" : strerror(error));
        else if (revents & POLLOUT)
            send_request(run);
        return;
    }
    if (smb->sent < SMB2_REQUEST_SIZE && (revents & POLLOUT)) {
        ssize_t n = send(smb->fd, smb->out + smb->sent, SMB2_REQUEST_SIZE - smb->sent, MSG_NOSIGNAL);
        if (n > 0)
            smb->sent += (size_t)n;
        else if (errno != EAGAIN && errno != EINTR)
            record_smb(run, DIAG_SMB_NO_REPLY, "connection lost while sending the request");
        return;
    }
    if (revents & (POLLIN | POLLHUP | POLLERR))
        read_reply(run);
}

void smb_expire(struct run *run, const char *why)
{
    char detail[DIAG_TEXT_MAX];
    snprintf(detail, sizeof detail, "%s%s", why, run->smb.received ? " (only part of a reply came)" : "");
    record_smb(run, DIAG_SMB_NO_REPLY, detail);
}
