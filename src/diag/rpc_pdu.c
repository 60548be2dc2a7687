/* SPDX-License-Identifier: MIT */
/* rpc_pdu.c: building the KMS bind PDU and checking a bind_ack / bind_nak field by field
 * (MS-RPCE / C706 chapter 12 layouts). */
#include <stdbool.h>
#include <string.h>

#include "rpc_pdu.h"

#define PFC_FIRST_FRAG 0x01
#define PFC_LAST_FRAG 0x02
#define MAX_FRAG 5840
#define DREP_LITTLE_ENDIAN 0x10
#define RESULT_SIZE 24

struct syntax_id {
    uint8_t uuid[16]; /* in the wire order of a little-endian NDR stream */
    uint32_t version; /* major in the low 16 bits, minor in the high */
};

/* 51c82175-844e-4750-b0d8-ec255555bc06 v1.0 */
static const struct syntax_id kms_interface = {
    { 0x75, 0x21, 0xc8, 0x51, 0x4e, 0x84, 0x50, 0x47, 0xb0, 0xd8, 0xec, 0x25, 0x55, 0x55, 0xbc, 0x06 }, 1 };
/* 8a885d04-1ceb-11c9-9fe8-08002b104860 v2 */
static const struct syntax_id ndr = {
    { 0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11, 0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60 }, 2 };
/* 71710533-beba-4937-8319-b5dbef9ccc36 v1 */
static const struct syntax_id ndr64 = {
    { 0x33, 0x05, 0x71, 0x71, 0xba, 0xbe, 0x37, 0x49, 0x83, 0x19, 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36 }, 1 };

static uint8_t *put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
    p = put16(p, (uint16_t)v);
    return put16(p, (uint16_t)(v >> 16));
}

static uint8_t *put_syntax(uint8_t *p, const struct syntax_id *s)
{
    memcpy(p, s->uuid, sizeof s->uuid);
    return put32(p + sizeof s->uuid, s->version);
}

static uint8_t *put_context(uint8_t *p, uint16_t id, const struct syntax_id *transfer)
{
    p = put16(p, id);
    *p++ = 1; /* one transfer syntax */
    *p++ = 0;
    p = put_syntax(p, &kms_interface);
    return put_syntax(p, transfer);
}

void rpc_build_bind(uint8_t out[RPC_BIND_SIZE])
{
    uint8_t *p = out;
    *p++ = 5; /* version 5.0 */
    *p++ = 0;
    *p++ = RPC_PTYPE_BIND;
    *p++ = PFC_FIRST_FRAG | PFC_LAST_FRAG;
    *p++ = DREP_LITTLE_ENDIAN; /* ASCII, little-endian integers, IEEE floats */
    *p++ = 0;
    *p++ = 0;
    *p++ = 0;
    p = put16(p, RPC_BIND_SIZE);
    p = put16(p, 0); /* no authentication */
    p = put32(p, RPC_BIND_CALL_ID);
    p = put16(p, MAX_FRAG);
    p = put16(p, MAX_FRAG);
    p = put32(p, 0); /* new association group */
    *p++ = RPC_BIND_CONTEXTS;
    *p++ = 0;
    p = put16(p, 0);
    p = put_context(p, 0, &ndr);
    put_context(p, 1, &ndr64);
}

/* A bounded reader in the byte order the peer declared in its data representation label. */
struct reader {
    const uint8_t *buf;
    size_t len, pos;
    bool big_endian;
    bool overrun;
};

static const uint8_t *take(struct reader *r, size_t n)
{
    if (r->overrun || n > r->len - r->pos) {
        r->overrun = true;
        return NULL;
    }
    r->pos += n;
    return r->buf + r->pos - n;
}

static uint8_t get8(struct reader *r)
{
    const uint8_t *p = take(r, 1);
    return p ? p[0] : 0;
}

static uint16_t get16(struct reader *r)
{
    const uint8_t *p = take(r, 2);
    if (!p)
        return 0;
    return r->big_endian ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

static uint32_t get32(struct reader *r)
{
    uint32_t first = get16(r), second = get16(r);
    return r->big_endian ? first << 16 | second : second << 16 | first;
}

static uint16_t frag_length(const uint8_t *buf)
{
    bool big = (buf[4] & 0xF0) == 0;
    return big ? (uint16_t)(buf[8] << 8 | buf[9]) : (uint16_t)(buf[9] << 8 | buf[8]);
}

size_t rpc_reply_needed(const uint8_t *buf, size_t len)
{
    if ((len >= 1 && buf[0] != 5) || (len >= 2 && buf[1] != 0) ||
        (len >= 3 && buf[2] != RPC_PTYPE_BIND_ACK && buf[2] != RPC_PTYPE_BIND_NAK))
        return SIZE_MAX;
    if (len < 10)
        return 0;
    size_t need = frag_length(buf);
    if (need < RPC_HEADER_SIZE + 2 || need > RPC_REPLY_MAX)
        return SIZE_MAX;
    return need;
}

static int malformed(struct rpc_bind_reply *reply, const char *problem)
{
    reply->outcome = RPC_MALFORMED;
    reply->problem = problem;
    return -1;
}

static int parse_header(struct reader *r, struct rpc_bind_reply *reply, uint8_t *ptype)
{
    if (r->len < RPC_HEADER_SIZE)
        return malformed(reply, "shorter than an RPC header");
    uint8_t major = get8(r);
    uint8_t minor = get8(r);
    if (major != 5 || minor != 0)
        return malformed(reply, "not DCE/RPC version 5.0");
    *ptype = get8(r);
    uint8_t flags = get8(r);
    const uint8_t *drep = take(r, 4);
    r->big_endian = (drep[0] & 0xF0) == 0;
    if ((flags & (PFC_FIRST_FRAG | PFC_LAST_FRAG)) != (PFC_FIRST_FRAG | PFC_LAST_FRAG))
        return malformed(reply, "a fragmented bind reply");
    if (get16(r) != r->len)
        return malformed(reply, "fragment length disagrees with the bytes received");
    uint16_t auth_length = get16(r);
    if (get32(r) != RPC_BIND_CALL_ID)
        return malformed(reply, "call_id does not match the bind");
    if (auth_length != 0)
        return malformed(reply, "authentication data in a reply to an unauthenticated bind");
    if (*ptype != RPC_PTYPE_BIND_ACK && *ptype != RPC_PTYPE_BIND_NAK)
        return malformed(reply, "neither bind_ack nor bind_nak");
    return 0;
}

static int parse_secondary_address(struct reader *r, struct rpc_bind_reply *reply)
{
    uint16_t length = get16(r);
    const uint8_t *text = take(r, length);
    if (!text)
        return malformed(reply, "secondary address runs past the end");
    if (length > 0 && (text[length - 1] != '\0' || memchr(text, '\0', length) != text + length - 1))
        return malformed(reply, "secondary address is not one NUL-terminated string");
    if (length >= sizeof reply->secondary_address)
        return malformed(reply, "secondary address too long");
    memcpy(reply->secondary_address, text, length);
    size_t padding = (4 - r->pos % 4) % 4;
    const uint8_t *pad = take(r, padding);
    if (!pad)
        return malformed(reply, "padding runs past the end");
    return 0;
}

static enum rpc_syntax syntax_of(const uint8_t *uuid, uint32_t version)
{
    if (memcmp(uuid, ndr.uuid, 16) == 0 && version == ndr.version)
        return RPC_SYNTAX_NDR;
    if (memcmp(uuid, ndr64.uuid, 16) == 0 && version == ndr64.version)
        return RPC_SYNTAX_NDR64;
    return RPC_SYNTAX_NONE;
}

static int parse_results(struct reader *r, struct rpc_bind_reply *reply)
{
    uint8_t count = get8(r);
    take(r, 3);
    if (count != RPC_BIND_CONTEXTS)
        return malformed(reply, "result count differs from the contexts offered");
    if (r->len - r->pos != (size_t)count * RESULT_SIZE)
        return malformed(reply, "result list does not fill the fragment");
    bool interface_missing = false;
    for (unsigned i = 0; i < count; i++) {
        reply->results[i] = get16(r);
        reply->reasons[i] = get16(r);
        const uint8_t *uuid = take(r, 16);
        uint32_t version = get32(r);
        if (reply->results[i] > 3)
            return malformed(reply, "unknown context result");
        if (reply->results[i] == 0) {
            enum rpc_syntax taken = syntax_of(uuid, version);
            if (taken != (i == 0 ? RPC_SYNTAX_NDR : RPC_SYNTAX_NDR64))
                return malformed(reply, "accepted transfer syntax is not the one offered");
            if (reply->accepted == RPC_SYNTAX_NONE)
                reply->accepted = taken;
        } else if ((reply->results[i] == 1 || reply->results[i] == 2) && reply->reasons[i] == 1) {
            /* a user or provider rejection because the abstract syntax (interface) is unknown */
            interface_missing = true;
        }
    }
    if (reply->accepted != RPC_SYNTAX_NONE)
        reply->outcome = RPC_ACCEPTED;
    else
        reply->outcome = interface_missing ? RPC_NO_INTERFACE : RPC_NO_SYNTAX;
    return 0;
}

static int parse_nak(struct reader *r, struct rpc_bind_reply *reply)
{
    reply->nak_reason = get16(r);
    if (r->overrun)
        return malformed(reply, "bind_nak without a reject reason");
    if (r->pos < r->len) { /* optional list of supported protocol versions */
        uint8_t versions = get8(r);
        if (!take(r, (size_t)versions * 2))
            return malformed(reply, "bind_nak version list runs past the end");
    }
    reply->outcome = RPC_NAK;
    return 0;
}

void rpc_parse_bind_reply(const uint8_t *buf, size_t len, struct rpc_bind_reply *reply)
{
    struct reader r = { buf, len, 0, false, false };
    uint8_t ptype = 0;
    memset(reply, 0, sizeof *reply);
    if (parse_header(&r, reply, &ptype) != 0)
        return;
    if (ptype == RPC_PTYPE_BIND_NAK) {
        parse_nak(&r, reply);
        return;
    }
    get16(&r); /* max xmit frag */
    get16(&r); /* max recv frag */
    get32(&r); /* association group */
    if (parse_secondary_address(&r, reply) != 0 || parse_results(&r, reply) != 0)
        return;
    if (r.overrun)
        malformed(reply, "truncated bind_ack");
}
