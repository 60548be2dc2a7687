/* SPDX-License-Identifier: MIT */
/* test_diag_smb2.c: the SMB2 NEGOTIATE request layout and the reading of SystemTime from replies
 * (src/diag/smb2.c), including replies that must not yield a time. */
#include <criterion/criterion.h>
#include <string.h>

#include "smb2.h"

#define FILETIME_1970 116444736000000000ull

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)v);
    put16(p + 2, (uint16_t)(v >> 16));
}

static void put64(uint8_t *p, uint64_t v)
{
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

/* A NEGOTIATE response of `len` bytes (frame included) stating `filetime`. */
static size_t response(uint8_t *out, size_t len, uint64_t filetime)
{
    memset(out, 0, len);
    out[1] = (uint8_t)((len - 4) >> 16);
    out[2] = (uint8_t)((len - 4) >> 8);
    out[3] = (uint8_t)(len - 4);
    memcpy(out + 4, "\xfeSMB", 4);
    put16(out + 8, 64);
    put32(out + 20, 1); /* a response */
    put16(out + 68, 65);
    put16(out + 72, 0x0302);
    put64(out + 68 + 40, filetime);
    return len;
}

Test(smb2, request_layout)
{
    uint8_t p[SMB2_REQUEST_SIZE];
    smb2_build_negotiate(p);
    cr_assert_eq(p[0], 0);
    cr_assert_eq(p[3], SMB2_REQUEST_SIZE - 4, "the frame length counts what follows it");
    cr_assert_eq(memcmp(p + 4, "\xfeSMB", 4), 0, "an SMB2 header, not SMB1");
    cr_assert_eq(p[8], 64, "header StructureSize");
    cr_assert_eq(p[16] | p[17] << 8, 0, "command NEGOTIATE");
    cr_assert_eq(p[68], 36, "NEGOTIATE request StructureSize");
    cr_assert_eq(p[70], 4, "four dialects");
    cr_assert_eq(p[104] | p[105] << 8, 0x0202);
    cr_assert_eq(p[110] | p[111] << 8, 0x0302);
}

Test(smb2, system_time)
{
    uint8_t p[200];
    struct smb2_reply r;
    /* 2026-01-01T00:00:00.25 UTC */
    uint64_t ft = FILETIME_1970 + 1767225600ull * 10000000u + 2500000u;
    cr_assert_eq(smb2_parse_negotiate(p, response(p, sizeof p, ft), &r), SMB2_OK);
    cr_assert_eq(r.unix_seconds, 1767225600);
    cr_assert_eq(r.nanoseconds, 250000000u);
    cr_assert_eq(r.dialect, 0x0302);
    /* sent at .0, received at .5: the server's .25 is our midpoint, so no offset */
    cr_assert_float_eq(smb2_offset(&r, 1767225600.0, 1767225600.5), 0.0, 1e-6);
    cr_assert_float_eq(smb2_offset(&r, 1767225600.0 - 18000, 1767225600.5 - 18000), 18000.0, 1e-3);
}

Test(smb2, reply_needed)
{
    uint8_t p[400];
    response(p, sizeof p, FILETIME_1970);
    cr_assert_eq(smb2_reply_needed(p, 2), 4);
    cr_assert_eq(smb2_reply_needed(p, 4), SMB2_REPLY_MIN, "the clock is in the fixed part");
    response(p, 100, FILETIME_1970);
    cr_assert_eq(smb2_reply_needed(p, 4), 100, "a short frame is parsed as it is");
    p[0] = 0x85; /* NetBIOS keep-alive, not a session message */
    cr_assert_eq(smb2_reply_needed(p, 4), 4);
}

Test(smb2, rejects_what_is_not_a_negotiate_response)
{
    uint8_t p[200];
    struct smb2_reply r;
    uint64_t ft = FILETIME_1970 + 10000000u;
    cr_assert_eq(smb2_parse_negotiate(p, response(p, sizeof p, ft) - 80, &r), SMB2_SHORT);
    response(p, sizeof p, ft);
    memcpy(p + 4, "\xffSMB", 4);
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_SMB1);
    memcpy(p + 4, "HTTP", 4);
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_NOT_SMB);
    response(p, sizeof p, ft);
    p[0] = 0x83; /* negative session response */
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_NOT_SESSION);
    memcpy(p, "HTTP/1.1 400", 12);
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_NOT_SMB);
    response(p, sizeof p, ft);
    put32(p + 20, 0); /* not flagged as a response: our own request echoed */
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_BAD_HEADER);
    response(p, sizeof p, ft);
    put16(p + 16, 1); /* SESSION_SETUP */
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_BAD_HEADER);
    response(p, sizeof p, ft);
    put16(p + 68, 64);
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_BAD_SIZE);
}

Test(smb2, error_status_is_kept)
{
    uint8_t p[200];
    struct smb2_reply r;
    response(p, 4 + 64 + 9, 0);
    put32(p + 12, 0xC00000BBu); /* STATUS_NOT_SUPPORTED */
    cr_assert_eq(smb2_parse_negotiate(p, 4 + 64 + 9, &r), SMB2_ERROR);
    cr_assert_eq(r.nt_status, 0xC00000BBu);
}

Test(smb2, unusable_times)
{
    uint8_t p[200];
    struct smb2_reply r;
    cr_assert_eq(smb2_parse_negotiate(p, response(p, sizeof p, 0), &r), SMB2_NO_TIME);
    cr_assert_eq(smb2_parse_negotiate(p, response(p, sizeof p, FILETIME_1970 - 1), &r), SMB2_NO_TIME);
    cr_assert_eq(smb2_parse_negotiate(p, response(p, sizeof p, UINT64_MAX), &r), SMB2_NO_TIME);
    cr_assert_eq(smb2_parse_negotiate(p, response(p, sizeof p, FILETIME_1970), &r), SMB2_OK);
}

Test(smb2, frame_length_bounds_the_reply)
{
    uint8_t p[200];
    struct smb2_reply r;
    response(p, sizeof p, FILETIME_1970);
    p[3] = 100; /* the frame claims 100 bytes: the time lies beyond it */
    p[2] = 0;
    cr_assert_eq(smb2_parse_negotiate(p, sizeof p, &r), SMB2_SHORT);
}

Test(smb2, every_status_has_words)
{
    for (int s = SMB2_OK; s <= SMB2_NO_TIME; s++)
        cr_assert_neq(strcmp(smb2_status_text((enum smb2_status)s), "?"), 0);
}

/* A NetBIOS session packet is named by its type byte even when it is all there is: the 4-byte
 * positive session response (0x82) or keep-alive (0x85) was called "too short for SMB2". */
Test(smb2, four_byte_netbios_packet_is_not_a_session_message)
{
    struct smb2_reply r;
    for (uint8_t type = 0x81; type <= 0x85; type++) {
        const uint8_t packet[4] = { type, 0, 0, 0 };
        cr_assert_eq(smb2_parse_negotiate(packet, sizeof packet, &r), SMB2_NOT_SESSION, "type 0x%02X",
                     type);
        cr_assert_eq(smb2_reply_needed(packet, sizeof packet), 4, "nothing more to wait for");
    }
    const uint8_t message[4] = { 0, 0, 0, 0x40 };
    cr_assert_eq(smb2_parse_negotiate(message, sizeof message, &r), SMB2_SHORT);
    cr_assert_str_eq(smb2_status_text(SMB2_NOT_SESSION), "not a direct-TCP session message");
}
