/* SPDX-License-Identifier: MIT */
/* sntp.c: RFC 4330 packet layout, reply validation and the offset/delay arithmetic. */
#include <string.h>

#include "sntp.h"

#define NTP_UNIX_EPOCH 2208988800u /* seconds from 1900 to 1970 */
#define MODE_CLIENT 3
#define MODE_SERVER 4
#define VERSION 4

uint64_t sntp_timestamp(int64_t seconds, long nanoseconds)
{
    uint64_t whole = (uint64_t)(seconds + NTP_UNIX_EPOCH) & 0xFFFFFFFFu;
    uint64_t fraction = ((uint64_t)nanoseconds << 32) / 1000000000u;
    return whole << 32 | fraction;
}

static void put64(uint8_t *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8)
        p[i] = (uint8_t)v;
}

static uint64_t get64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return v;
}

void sntp_build_request(uint8_t out[SNTP_PACKET_SIZE], uint64_t sent)
{
    memset(out, 0, SNTP_PACKET_SIZE);
    out[0] = VERSION << 3 | MODE_CLIENT;
    put64(out + 40, sent);
}

/* b - a in seconds; the wrap-around subtraction keeps this right across NTP era boundaries. */
static double difference(uint64_t b, uint64_t a)
{
    return (double)(int64_t)(b - a) / 4294967296.0;
}

/* Version and mode: what the packet is, whoever sent it. */
static enum sntp_status check_kind(const uint8_t *buf)
{
    unsigned version = (buf[0] >> 3) & 7, mode = buf[0] & 7;
    if (version < 1 || version > 4)
        return SNTP_BAD_VERSION;
    return mode == MODE_SERVER ? SNTP_OK : SNTP_BAD_MODE;
}

/* Stratum and leap: what the server says about itself, read only from an answer to our request
 * (RFC 4330: a kiss-o'-death whose origin does not match is ignored). */
static enum sntp_status check_server(const uint8_t *buf, struct sntp_reply *reply)
{
    reply->stratum = buf[1];
    if (reply->stratum == 0) {
        memcpy(reply->kiss, buf + 12, 4);
        for (int i = 0; i < 4; i++)
            if (reply->kiss[i] < 0x20 || reply->kiss[i] > 0x7E)
                reply->kiss[i] = '?';
        return SNTP_KISS_OF_DEATH;
    }
    if (reply->stratum > 15)
        return SNTP_BAD_STRATUM;
    if (buf[0] >> 6 == 3)
        return SNTP_UNSYNCHRONISED;
    return SNTP_OK;
}

enum sntp_status sntp_parse_reply(const uint8_t *buf, size_t len, uint64_t sent, uint64_t received,
                                  struct sntp_reply *reply)
{
    memset(reply, 0, sizeof *reply);
    if (len < SNTP_PACKET_SIZE)
        return reply->status = SNTP_SHORT;
    if ((reply->status = check_kind(buf)) != SNTP_OK)
        return reply->status;
    if (get64(buf + 24) != sent)
        return reply->status = SNTP_ORIGIN_MISMATCH;
    if ((reply->status = check_server(buf, reply)) != SNTP_OK)
        return reply->status;
    reply->receive = get64(buf + 32);
    reply->transmit = get64(buf + 40);
    if (reply->transmit == 0)
        return reply->status = SNTP_NO_TRANSMIT;
    double t21 = difference(reply->receive, sent), t34 = difference(reply->transmit, received);
    reply->offset = (t21 + t34) / 2;
    reply->delay = difference(received, sent) - difference(reply->transmit, reply->receive);
    return SNTP_OK;
}

const char *sntp_status_text(enum sntp_status status)
{
    static const char *const text[] = {
        [SNTP_OK] = "valid reply",
        [SNTP_SHORT] = "reply shorter than an NTP packet",
        [SNTP_BAD_VERSION] = "unknown NTP version",
        [SNTP_BAD_MODE] = "not a server reply",
        [SNTP_KISS_OF_DEATH] = "kiss-o'-death (stratum 0): the server refuses to serve",
        [SNTP_BAD_STRATUM] = "stratum above 15",
        [SNTP_UNSYNCHRONISED] = "the server's clock is not synchronised",
        [SNTP_ORIGIN_MISMATCH] = "origin timestamp does not echo our request",
        [SNTP_NO_TRANSMIT] = "no transmit timestamp",
    };
    return (unsigned)status < sizeof text / sizeof text[0] ? text[status] : "unknown";
}
