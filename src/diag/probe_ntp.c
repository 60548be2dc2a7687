/* SPDX-License-Identifier: MIT */
/* probe_ntp.c: one SNTP exchange over UDP: the offset between our clock and the server's, which
 * KMS wants within 4 hours. */
#include <errno.h>
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

void ntp_start(struct run *run, const struct sockaddr *address, socklen_t length)
{
    struct ntp *ntp = &run->ntp;
    uint8_t packet[SNTP_PACKET_SIZE];
    /* connected, so the kernel drops datagrams from any other source and reports ICMP errors */
    if (clock_probe_connect(run, &ntp->c, address, length, SOCK_DGRAM) < 0)
        return;
    ntp->c.state = CLOCK_TALKING;
    ntp->sent = ntp_now();
    sntp_build_request(packet, ntp->sent);
    if (send(ntp->c.fd, packet, sizeof packet, 0) != (ssize_t)sizeof packet)
        clock_probe_no_reply(run, &ntp->c, strerror(errno));
}

static bool from_server(const struct ntp *ntp, const struct sockaddr_storage *from, socklen_t length)
{
    return length == ntp->c.address_length && memcmp(from, &ntp->c.address, length) == 0;
}

static void judge(struct run *run, const uint8_t *buf, size_t length, uint64_t received)
{
    struct sntp_reply reply;
    char detail[DIAG_TEXT_MAX];
    struct clock_probe *c = &run->ntp.c;
    if (sntp_parse_reply(buf, length, run->ntp.sent, received, &reply) == SNTP_ORIGIN_MISMATCH)
        return; /* a late or forged datagram, not the answer to our request: keep waiting */
    if (reply.status != SNTP_OK) {
        snprintf(detail, sizeof detail, "%s%s%s", sntp_status_text(reply.status),
                 reply.status == SNTP_KISS_OF_DEATH ? ": " : "", reply.kiss);
        clock_probe_bad_reply(run, c, detail);
        return;
    }
    snprintf(detail, sizeof detail, ", stratum %u", reply.stratum);
    clock_probe_measured(run, c, reply.offset, reply.delay, "", detail);
}

void ntp_ready(struct run *run, short revents)
{
    uint8_t buf[512];
    struct sockaddr_storage from;
    socklen_t from_length = sizeof from;
    (void)revents;
    ssize_t n = recvfrom(run->ntp.c.fd, buf, sizeof buf, 0, (struct sockaddr *)&from, &from_length);
    uint64_t received = ntp_now();
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n < 0) {
        clock_probe_no_reply(run, &run->ntp.c, errno == ECONNREFUSED
                             ? "nothing listens on the NTP port" : strerror(errno));
        return;
    }
    if (from_server(&run->ntp, &from, from_length))
        judge(run, buf, (size_t)n, received);
}
