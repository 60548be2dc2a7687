/* SPDX-License-Identifier: MIT */
/* sntp.h: an SNTP (RFC 4330) client request and the checks on the server's reply. Pure functions
 * over byte buffers (no I/O, no clock reads): the caller passes the timestamps. */
#ifndef SLERR_DIAG_SNTP_H
#define SLERR_DIAG_SNTP_H

#include <stddef.h>
#include <stdint.h>

#define SNTP_PACKET_SIZE 48

enum sntp_status {
    SNTP_OK,
    SNTP_SHORT,          /* fewer than 48 bytes */
    SNTP_BAD_VERSION,
    SNTP_BAD_MODE,       /* not a server reply (mode 4) */
    SNTP_KISS_OF_DEATH,  /* stratum 0: the server refuses to serve; kiss code in `kiss` */
    SNTP_BAD_STRATUM,    /* above 15 */
    SNTP_UNSYNCHRONISED, /* leap indicator 3: the server's clock is not set */
    SNTP_ORIGIN_MISMATCH,/* does not answer our request */
    SNTP_NO_TRANSMIT,    /* transmit timestamp zero */
};

struct sntp_reply {
    enum sntp_status status;
    unsigned stratum;
    char kiss[5];
    uint64_t receive, transmit; /* server timestamps T2, T3 (NTP 32.32 fixed point) */
    double offset;              /* server clock minus ours, seconds */
    double delay;               /* round trip, seconds */
};

/* Converts a Unix time (seconds, nanoseconds) to an NTP timestamp. */
uint64_t sntp_timestamp(int64_t seconds, long nanoseconds);

/* Writes a version 4 client request whose transmit timestamp is `sent` (T1). */
void sntp_build_request(uint8_t out[SNTP_PACKET_SIZE], uint64_t sent);

/* Checks a reply to the request sent at `sent`, received at `received` (T4), and computes offset
 * and delay. Returns reply->status. */
enum sntp_status sntp_parse_reply(const uint8_t *buf, size_t len, uint64_t sent, uint64_t received,
                                  struct sntp_reply *reply);

/* The reason in words ("not a server reply"...). */
const char *sntp_status_text(enum sntp_status status);

#endif
