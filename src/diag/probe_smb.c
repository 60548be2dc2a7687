/* SPDX-License-Identifier: MIT */
/* probe_smb.c: the KMS host's clock from its SMB2 NEGOTIATE response (TCP 445): connect, send the
 * request, read the fixed part of the reply, close. No session is ever set up. */
#include <errno.h>
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

static void send_request(struct run *run)
{
    struct smb *smb = &run->smb;
    smb->c.state = CLOCK_TALKING;
    smb2_build_negotiate(smb->out);
    smb->sent_at = unix_now();
}

void smb_start(struct run *run, const struct sockaddr *address, socklen_t length)
{
    if (clock_probe_connect(run, &run->smb.c, address, length, SOCK_STREAM) > 0)
        send_request(run);
}

short smb_events(const struct smb *smb)
{
    return smb->c.state == CLOCK_CONNECTING || smb->sent < SMB2_REQUEST_SIZE ? POLLOUT : POLLIN;
}

static void judge(struct run *run, double received_at)
{
    struct smb *smb = &run->smb;
    struct smb2_reply reply;
    char source[DIAG_TEXT_MAX];
    if (smb2_parse_negotiate(smb->in, smb->received, &reply) != SMB2_OK) {
        if (reply.status == SMB2_ERROR)
            snprintf(source, sizeof source, "%s (NTSTATUS 0x%08X)", smb2_status_text(reply.status),
                     (unsigned)reply.nt_status);
        else
            snprintf(source, sizeof source, "%s", smb2_status_text(reply.status));
        clock_probe_bad_reply(run, &smb->c, source);
        return;
    }
    snprintf(source, sizeof source, " (SMB %x.%x.%x SystemTime)", reply.dialect >> 8,
             (reply.dialect >> 4) & 0xF, reply.dialect & 0xF);
    clock_probe_measured(run, &smb->c, smb2_offset(&reply, smb->sent_at, received_at),
                         received_at - smb->sent_at, source, "");
}

static void read_reply(struct run *run)
{
    struct smb *smb = &run->smb;
    ssize_t n = read(smb->c.fd, smb->in + smb->received, sizeof smb->in - smb->received);
    double received_at = unix_now();
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n < 0) {
        clock_probe_no_reply(run, &smb->c, strerror(errno));
        return;
    }
    if (n == 0 && smb->received == 0) {
        clock_probe_no_reply(run, &smb->c, "closed without a reply");
        return;
    }
    smb->received += (size_t)n;
    if (n == 0 || smb->received >= smb2_reply_needed(smb->in, smb->received))
        judge(run, received_at);
}

void smb_ready(struct run *run, short revents)
{
    struct smb *smb = &run->smb;
    if (smb->c.state == CLOCK_CONNECTING) {
        int error = 0;
        socklen_t size = sizeof error;
        if (getsockopt(smb->c.fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
            error = errno;
        if (error)
            clock_probe_no_reply(run, &smb->c, error == ECONNREFUSED
                                 ? "nothing listens on the SMB port" : strerror(error));
        else if (revents & POLLOUT)
            send_request(run);
        return;
    }
    if (smb->sent < SMB2_REQUEST_SIZE && (revents & POLLOUT)) {
        ssize_t n = send(smb->c.fd, smb->out + smb->sent, SMB2_REQUEST_SIZE - smb->sent, MSG_NOSIGNAL);
        if (n > 0)
            smb->sent += (size_t)n;
        else if (errno != EAGAIN && errno != EINTR)
            clock_probe_no_reply(run, &smb->c, "connection lost while sending the request");
        return;
    }
    if (revents & (POLLIN | POLLHUP | POLLERR))
        read_reply(run);
}

void smb_expire(struct run *run, const char *why)
{
    char detail[DIAG_TEXT_MAX];
    snprintf(detail, sizeof detail, "%s%s", why, run->smb.received ? " (only part of a reply came)" : "");
    clock_probe_no_reply(run, &run->smb.c, detail);
}
