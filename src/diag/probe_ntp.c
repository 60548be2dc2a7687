/* SPDX-License-Identifier: MIT */
/* probe_ntp.c: one SNTP exchange over UDP: the offset between our clock and the server's, which
 * KMS wants within 4 hours. */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "run.h"
#include "sntp.h"

static uint64_t ntp_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return sntp_timestamp(ts.tv_sec, ts.tv_nsec);
}

static struct diag_probe *add_ntp(struct run *run, enum diag_finding finding, const char *detail)
{
    struct ntp *ntp = &run->ntp;
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_NTP, finding, -1,
                                         ntp->started ? ntp->started : run->start);
    snprintf(p->target_text, sizeof p->target_text, "%s", ntp->text[0] ? ntp->text : ntp->host);
    snprintf(p->detail, sizeof p->detail, "%s", detail);
    if (ntp->fd >= 0)
        close(ntp->fd);
    ntp->fd = -1;
    ntp->state = NTP_DONE;
    return p;
}

static void record_ntp(struct run *run, enum diag_finding finding, const char *detail)
{
    run_publish(run, add_ntp(run, finding, detail));
}

void ntp_no_host(struct run *run, const char *why)
{
    if (!run->ntp.host[0])
        snprintf(run->ntp.host, sizeof run->ntp.host, "(no NTP server)");
    record_ntp(run, DIAG_NTP_NO_HOST, why);
}

void ntp_start(struct run *run, const struct sockaddr *address, socklen_t length)
{
    struct ntp *ntp = &run->ntp;
    uint8_t packet[SNTP_PACKET_SIZE];
    if (length > sizeof ntp->address) {
        ntp_no_host(run, "unusable address");
        return;
    }
    memcpy(&ntp->address, address, length);
    ntp->address_length = length;
    run_set_port(&ntp->address, ntp->port);
    run_describe(ntp->text, sizeof ntp->text, ntp->host, ntp->port, address);
    ntp->started = run_now();
    ntp->state = NTP_WAITING;
    /* connected, so the kernel drops datagrams from any other source and reports ICMP errors */
    ntp->fd = socket(address->sa_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (ntp->fd < 0 || connect(ntp->fd, (struct sockaddr *)&ntp->address, length) != 0) {
        record_ntp(run, DIAG_NTP_NO_REPLY, strerror(errno));
        return;
    }
    ntp->sent = ntp_now();
    sntp_build_request(packet, ntp->sent);
    if (send(ntp->fd, packet, sizeof packet, 0) != (ssize_t)sizeof packet)
        record_ntp(run, DIAG_NTP_NO_REPLY, strerror(errno));
}

static bool from_server(const struct ntp *ntp, const struct sockaddr_storage *from, socklen_t length)
{
    return length == ntp->address_length && memcmp(from, &ntp->address, length) == 0;
}

static void judge(struct run *run, const uint8_t *buf, size_t length, uint64_t received)
{
    struct sntp_reply reply;
    char detail[DIAG_TEXT_MAX];
    if (sntp_parse_reply(buf, length, run->ntp.sent, received, &reply) == SNTP_ORIGIN_MISMATCH)
        return; /* a late or forged datagram, not the answer to our request: keep waiting */
    if (reply.status != SNTP_OK) {
        snprintf(detail, sizeof detail, "%s%s%s", sntp_status_text(reply.status),
                 reply.status == SNTP_KISS_OF_DEATH ? ": " : "", reply.kiss);
        record_ntp(run, DIAG_NTP_BAD_REPLY, detail);
        return;
    }
    bool skewed = fabs(reply.offset) > DIAG_MAX_OFFSET_SECONDS;
    snprintf(detail, sizeof detail, "offset %+.3f s, delay %.3f s, stratum %u%s", reply.offset,
             reply.delay, reply.stratum, skewed ? ": more than the 4 hours KMS tolerates" : "");
    struct diag_probe *p = add_ntp(run, skewed ? DIAG_NTP_SKEW : DIAG_NTP_OK, detail);
    p->offset = reply.offset;
    p->delay = reply.delay;
    run_publish(run, p);
}

void ntp_ready(struct run *run, short revents)
{
    uint8_t buf[512];
    struct sockaddr_storage from;
    socklen_t from_length = sizeof from;
    (void)revents;
    ssize_t n = recvfrom(run->ntp.fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &from_length);
    uint64_t received = ntp_now();
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n < 0) {
        record_ntp(run, DIAG_NTP_NO_REPLY, errno == ECONNREFUSED
                   ? "nothing listens on the NTP port" : strerror(errno));
        return;
    }
    if (from_server(&run->ntp, &from, from_length))
        judge(run, buf, (size_t)n, received);
}

void ntp_expire(struct run *run, const char *why)
{
    record_ntp(run, run->ntp.state == NTP_RESOLVING ? DIAG_NTP_NO_HOST : DIAG_NTP_NO_REPLY, why);
}
