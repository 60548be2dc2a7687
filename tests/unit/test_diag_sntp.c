/* SPDX-License-Identifier: MIT */
/* test_diag_sntp.c: SNTP request layout, reply validation and offset arithmetic (src/diag/sntp.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "sntp.h"

#define SECOND (1ull << 32)

static void put64(uint8_t *p, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8)
        p[i] = (uint8_t)v;
}

/* A server reply to a request sent at t1, received by the server at t2, sent back at t3. */
static void reply(uint8_t out[48], uint8_t first, uint8_t stratum, uint64_t t1, uint64_t t2, uint64_t t3)
{
    memset(out, 0, 48);
    out[0] = first;
    out[1] = stratum;
    put64(out + 24, t1);
    put64(out + 32, t2);
    put64(out + 40, t3);
}

static const uint64_t t1 = 3900000000ull * SECOND;

Test(sntp, request_layout)
{
    uint8_t p[SNTP_PACKET_SIZE];
    sntp_build_request(p, t1 + 5);
    cr_assert_eq(p[0], 0x23, "version 4, client mode");
    uint64_t transmit = 0;
    for (int i = 40; i < 48; i++)
        transmit = transmit << 8 | p[i];
    cr_assert_eq(transmit, t1 + 5);
}

Test(sntp, unix_epoch)
{
    cr_assert_eq(sntp_timestamp(0, 0), 2208988800ull << 32);
    cr_assert_eq(sntp_timestamp(0, 500000000) & 0xFFFFFFFFu, 1ull << 31);
}

Test(sntp, offset_and_delay)
{
    uint8_t p[48];
    struct sntp_reply r;
    /* server 5 hours ahead; 0.1 s each way, 0.05 s inside the server */
    uint64_t ahead = 5 * 3600 * SECOND, tenth = SECOND / 10, twentieth = SECOND / 20;
    reply(p, 0x24, 2, t1, t1 + ahead + tenth, t1 + ahead + tenth + twentieth);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1 + 2 * tenth + twentieth, &r), SNTP_OK);
    cr_assert_float_eq(r.offset, 18000.0, 1e-6);
    cr_assert_float_eq(r.delay, 0.2, 1e-6);
    cr_assert_eq(r.stratum, 2);
}

Test(sntp, server_behind_gives_negative_offset)
{
    uint8_t p[48];
    struct sntp_reply r;
    reply(p, 0x24, 3, t1, t1 - 60 * SECOND, t1 - 60 * SECOND);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_OK);
    cr_assert_float_eq(r.offset, -60.0, 1e-6);
}

Test(sntp, rejected_replies)
{
    uint8_t p[48];
    struct sntp_reply r;
    reply(p, 0x24, 2, t1, t1, t1);
    cr_assert_eq(sntp_parse_reply(p, 47, t1, t1, &r), SNTP_SHORT);
    reply(p, 0x23, 2, t1, t1, t1);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_BAD_MODE, "our own request echoed");
    reply(p, 0x3C, 2, t1, t1, t1);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_BAD_VERSION);
    reply(p, 0x24, 16, t1, t1, t1);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_BAD_STRATUM);
    reply(p, 0xE4, 2, t1, t1, t1);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_UNSYNCHRONISED);
    reply(p, 0x24, 2, t1 + 1, t1, t1);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_ORIGIN_MISMATCH);
    reply(p, 0x24, 2, t1, t1, 0);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_NO_TRANSMIT);
    reply(p, 0x24, 0, t1, t1, t1);
    memcpy(p + 12, "RATE", 4);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_KISS_OF_DEATH);
    cr_assert_str_eq(r.kiss, "RATE");
    reply(p, 0x24, 0, t1 + 1, t1, t1);
    memcpy(p + 12, "DENY", 4);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_ORIGIN_MISMATCH,
                 "a kiss-o'-death that does not answer our request is ignored");
}

Test(sntp, version_3_server_accepted)
{
    uint8_t p[48];
    struct sntp_reply r;
    reply(p, 0x1C, 2, t1, t1, t1);
    cr_assert_eq(sntp_parse_reply(p, 48, t1, t1, &r), SNTP_OK);
}
