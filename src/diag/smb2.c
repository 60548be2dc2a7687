/* SPDX-License-Identifier: MIT */
/* smb2.c: builds the SMB2 NEGOTIATE request and reads the server's clock from the response
 * (field layout from MS-SMB2 2.2.1, 2.2.3 and 2.2.4; framing from RFC 1002 direct TCP). */
#include <string.h>

#include "smb2.h"

#define FRAME 4          /* direct TCP: a zero byte, then a 24-bit big-endian length */
#define HEADER 64        /* the SMB2 sync header */
#define BODY (FRAME + HEADER)
#define COMMAND_NEGOTIATE 0
#define FLAG_RESPONSE 0x1u
#define RESPONSE_SIZE 65 /* StructureSize of a NEGOTIATE response (64 fixed bytes + buffer) */
#define UNIX_EPOCH_FILETIME 116444736000000000ull /* 1970-01-01 in 100 ns units since 1601 */
#define YEAR_10000_UNIX 253402300800ll

static const uint16_t dialects[] = { 0x0202, 0x0210, 0x0300, 0x0302 };
static const uint8_t smb2_magic[4] = { 0xFE, 'S', 'M', 'B' }, smb1_magic[4] = { 0xFF, 'S', 'M', 'B' };

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)get16(p) | (uint32_t)get16(p + 2) << 16;
}

static uint64_t get64(const uint8_t *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

void smb2_build_negotiate(uint8_t out[SMB2_REQUEST_SIZE])
{
    /* any fixed client GUID will do: the server only echoes it in later state we never reach */
    static const uint8_t guid[16] = { 's', 'l', 'e', 'r', 'r', '-', 'c', 'l',
                                      'o', 'c', 'k', '-', 'p', 'r', 'o', 'b' };
    uint8_t *h = out + FRAME, *b = out + BODY;
    memset(out, 0, SMB2_REQUEST_SIZE);
    out[3] = SMB2_REQUEST_SIZE - FRAME;
    memcpy(h, smb2_magic, sizeof smb2_magic);
    put16(h + 4, HEADER);          /* StructureSize */
    put16(h + 12, COMMAND_NEGOTIATE);
    put16(h + 14, 1);              /* CreditRequest */
    put16(b, 36);                  /* StructureSize */
    put16(b + 2, sizeof dialects / sizeof dialects[0]);
    put16(b + 4, 1);               /* SecurityMode: signing enabled, not required */
    memcpy(b + 12, guid, sizeof guid);
    for (size_t i = 0; i < sizeof dialects / sizeof dialects[0]; i++)
        put16(b + 36 + 2 * i, dialects[i]);
}

size_t smb2_reply_needed(const uint8_t *buf, size_t len)
{
    if (len < FRAME)
        return FRAME;
    if (buf[0] != 0)
        return FRAME; /* not a session message: nothing more to wait for */
    size_t frame = FRAME + ((size_t)buf[1] << 16 | (size_t)buf[2] << 8 | buf[3]);
    return frame < SMB2_REPLY_MIN ? frame : SMB2_REPLY_MIN;
}

static enum smb2_status fail(struct smb2_reply *reply, enum smb2_status status)
{
    reply->status = status;
    return status;
}

static enum smb2_status read_time(const uint8_t *body, struct smb2_reply *reply)
{
    reply->dialect = get16(body + 4);
    reply->filetime = get64(body + 40);
    if (reply->filetime < UNIX_EPOCH_FILETIME)
        return fail(reply, SMB2_NO_TIME);
    uint64_t since = reply->filetime - UNIX_EPOCH_FILETIME;
    if (since / 10000000u >= (uint64_t)YEAR_10000_UNIX)
        return fail(reply, SMB2_NO_TIME);
    reply->unix_seconds = (int64_t)(since / 10000000u);
    reply->nanoseconds = (uint32_t)(since % 10000000u) * 100u;
    return fail(reply, SMB2_OK);
}

enum smb2_status smb2_parse_negotiate(const uint8_t *buf, size_t len, struct smb2_reply *reply)
{
    memset(reply, 0, sizeof *reply);
    /* a NetBIOS session service packet, no message: its type byte says so, whatever its size
     * (a positive session response or a keep-alive is 4 bytes alone) */
    if (len >= 1 && buf[0] >= 0x81 && buf[0] <= 0x85)
        return fail(reply, SMB2_NOT_SESSION);
    if (len < FRAME + 4)
        return fail(reply, SMB2_SHORT);
    if (buf[0] != 0)
        return fail(reply, SMB2_NOT_SMB);
    if (memcmp(buf + FRAME, smb1_magic, sizeof smb1_magic) == 0)
        return fail(reply, SMB2_SMB1);
    if (memcmp(buf + FRAME, smb2_magic, sizeof smb2_magic) != 0)
        return fail(reply, SMB2_NOT_SMB);
    size_t frame = FRAME + ((size_t)buf[1] << 16 | (size_t)buf[2] << 8 | buf[3]);
    if (len > frame)
        len = frame; /* bytes after the frame belong to no reply of ours */
    if (len < BODY)
        return fail(reply, SMB2_SHORT);
    const uint8_t *h = buf + FRAME;
    if (get16(h + 4) != HEADER || get16(h + 12) != COMMAND_NEGOTIATE || !(get32(h + 16) & FLAG_RESPONSE))
        return fail(reply, SMB2_BAD_HEADER);
    reply->nt_status = get32(h + 8);
    if (reply->nt_status != 0)
        return fail(reply, SMB2_ERROR);
    if (len < SMB2_REPLY_MIN)
        return fail(reply, SMB2_SHORT);
    if (get16(buf + BODY) != RESPONSE_SIZE)
        return fail(reply, SMB2_BAD_SIZE);
    return read_time(buf + BODY, reply);
}

double smb2_offset(const struct smb2_reply *reply, double sent, double received)
{
    double server = (double)reply->unix_seconds + reply->nanoseconds / 1e9;
    return server - (sent + (received - sent) / 2);
}

const char *smb2_status_text(enum smb2_status status)
{
    switch (status) {
    case SMB2_OK: return "SMB2 NEGOTIATE response";
    case SMB2_SHORT: return "reply too short for an SMB2 NEGOTIATE response";
    case SMB2_NOT_SESSION: return "not a direct-TCP session message";
    case SMB2_SMB1: return "an SMB1 reply: the server does not offer SMB2";
    case SMB2_NOT_SMB: return "not an SMB reply";
    case SMB2_BAD_HEADER: return "not a reply to our NEGOTIATE request";
    case SMB2_ERROR: return "the server refused the NEGOTIATE request";
    case SMB2_BAD_SIZE: return "malformed NEGOTIATE response";
    case SMB2_NO_TIME: return "the server states no usable time";
    }
    return "?";
}
