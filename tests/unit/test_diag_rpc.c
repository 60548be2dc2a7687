/* SPDX-License-Identifier: MIT */
/* test_diag_rpc.c: the KMS bind PDU and the strict bind_ack / bind_nak parser (src/diag/rpc_pdu.c). */
#include <criterion/criterion.h>
#include <string.h>

#include "rpc_pdu.h"

static const uint8_t kms_uuid[16] = { 0x75, 0x21, 0xc8, 0x51, 0x4e, 0x84, 0x50, 0x47,
                                      0xb0, 0xd8, 0xec, 0x25, 0x55, 0x55, 0xbc, 0x06 };
static const uint8_t ndr_uuid[16] = { 0x04, 0x5d, 0x88, 0x8a, 0xeb, 0x1c, 0xc9, 0x11,
                                      0x9f, 0xe8, 0x08, 0x00, 0x2b, 0x10, 0x48, 0x60 };
static const uint8_t ndr64_uuid[16] = { 0x33, 0x05, 0x71, 0x71, 0xba, 0xbe, 0x37, 0x49,
                                        0x83, 0x19, 0xb5, 0xdb, 0xef, 0x9c, 0xcc, 0x36 };

struct result {
    uint16_t result, reason;
    const uint8_t *syntax; /* NULL: all zero */
    uint32_t version;
};

struct pdu {
    uint8_t bytes[512];
    size_t length;
};

static void add(struct pdu *p, const void *data, size_t n)
{
    memcpy(p->bytes + p->length, data, n);
    p->length += n;
}

static void add16(struct pdu *p, uint16_t v) { add(p, (uint8_t[]){ (uint8_t)v, (uint8_t)(v >> 8) }, 2); }
static void add32(struct pdu *p, uint32_t v) { add16(p, (uint16_t)v); add16(p, (uint16_t)(v >> 16)); }

static void header(struct pdu *p, uint8_t ptype, uint32_t call_id)
{
    add(p, (uint8_t[]){ 5, 0, ptype, 3, 0x10, 0, 0, 0 }, 8);
    add16(p, 0); /* frag length, set by finish() */
    add16(p, 0);
    add32(p, call_id);
}

static void finish(struct pdu *p)
{
    p->bytes[8] = (uint8_t)p->length;
    p->bytes[9] = (uint8_t)(p->length >> 8);
}

static struct pdu ack(const char *secondary, size_t secondary_length, const struct result *r,
                      size_t count, uint32_t call_id)
{
    struct pdu p = { .length = 0 };
    header(&p, 12, call_id);
    add16(&p, 5840);
    add16(&p, 5840);
    add32(&p, 0x1234);
    add16(&p, (uint16_t)secondary_length);
    add(&p, secondary, secondary_length);
    while (p.length % 4)
        add(&p, "", 1);
    add(&p, (uint8_t[]){ (uint8_t)count, 0, 0, 0 }, 4);
    for (size_t i = 0; i < count; i++) {
        static const uint8_t zero[16];
        add16(&p, r[i].result);
        add16(&p, r[i].reason);
        add(&p, r[i].syntax ? r[i].syntax : zero, 16);
        add32(&p, r[i].version);
    }
    finish(&p);
    return p;
}

static const struct result ndr64_only[] = { { 2, 2, NULL, 0 }, { 0, 0, ndr64_uuid, 1 } };
static const struct result ndr_only[] = { { 0, 0, ndr_uuid, 2 }, { 2, 2, NULL, 0 } };
static const struct result no_interface[] = { { 2, 1, NULL, 0 }, { 2, 1, NULL, 0 } };
static const struct result no_syntax[] = { { 2, 2, NULL, 0 }, { 2, 2, NULL, 0 } };

static struct rpc_bind_reply parse(const struct pdu *p)
{
    struct rpc_bind_reply reply;
    rpc_parse_bind_reply(p->bytes, p->length, &reply);
    return reply;
}

Test(rpc, bind_pdu_layout)
{
    uint8_t pdu[RPC_BIND_SIZE];
    rpc_build_bind(pdu);
    cr_assert_eq(pdu[0], 5);
    cr_assert_eq(pdu[1], 0);
    cr_assert_eq(pdu[2], 11, "a bind, never a request (type 0)");
    cr_assert_eq(pdu[8] | pdu[9] << 8, RPC_BIND_SIZE);
    cr_assert_eq(pdu[12], 2, "call_id 2");
    cr_assert_eq(pdu[24], 2, "two presentation contexts");
    cr_assert_arr_eq(pdu + 32, kms_uuid, 16);
    cr_assert_eq(pdu[48], 1, "interface v1.0");
    cr_assert_arr_eq(pdu + 52, ndr_uuid, 16);
    cr_assert_eq(pdu[68], 2, "NDR v2");
    cr_assert_eq(pdu[72], 1, "second context id");
    cr_assert_arr_eq(pdu + 76, kms_uuid, 16);
    cr_assert_arr_eq(pdu + 96, ndr64_uuid, 16);
    cr_assert_eq(pdu[112], 1, "NDR64 v1");
}

Test(rpc, newer_host_takes_ndr64_and_rejects_ndr)
{
    struct pdu p = ack("1688", 5, ndr64_only, 2, 2);
    struct rpc_bind_reply r = parse(&p);
    cr_assert_eq(r.outcome, RPC_ACCEPTED, "%s", r.problem ? r.problem : "");
    cr_assert_eq(r.accepted, RPC_SYNTAX_NDR64);
    cr_assert_str_eq(r.secondary_address, "1688");
    cr_assert_eq(r.reasons[0], 2);
}

Test(rpc, older_host_takes_ndr)
{
    struct pdu p = ack("1688", 5, ndr_only, 2, 2);
    struct rpc_bind_reply r = parse(&p);
    cr_assert_eq(r.outcome, RPC_ACCEPTED);
    cr_assert_eq(r.accepted, RPC_SYNTAX_NDR);
}

Test(rpc, padding_follows_the_secondary_address_length)
{
    /* "135\0" ends at offset 30: two bytes of padding; "49152\0" ends at 32: none */
    struct pdu a = ack("135", 4, ndr_only, 2, 2), b = ack("49152", 6, ndr_only, 2, 2);
    cr_assert_eq(parse(&a).outcome, RPC_ACCEPTED);
    cr_assert_eq(parse(&b).outcome, RPC_ACCEPTED);
    cr_assert_str_eq(parse(&b).secondary_address, "49152");
}

Test(rpc, rpc_server_without_the_interface)
{
    struct pdu p = ack("1688", 5, no_interface, 2, 2);
    cr_assert_eq(parse(&p).outcome, RPC_NO_INTERFACE);
}

Test(rpc, every_transfer_syntax_rejected)
{
    struct pdu p = ack("1688", 5, no_syntax, 2, 2);
    cr_assert_eq(parse(&p).outcome, RPC_NO_SYNTAX);
}

Test(rpc, bind_nak_with_and_without_versions)
{
    struct pdu p = { .length = 0 };
    header(&p, 13, 2);
    add16(&p, 4);
    add(&p, (uint8_t[]){ 1, 5, 0 }, 3);
    finish(&p);
    struct rpc_bind_reply r = parse(&p);
    cr_assert_eq(r.outcome, RPC_NAK);
    cr_assert_eq(r.nak_reason, 4);
    struct pdu bare = { .length = 0 };
    header(&bare, 13, 2);
    add16(&bare, 0);
    finish(&bare);
    cr_assert_eq(parse(&bare).outcome, RPC_NAK);
}

Test(rpc, malformed_replies)
{
    struct pdu wrong_call = ack("1688", 5, ndr_only, 2, 3);
    cr_assert_eq(parse(&wrong_call).outcome, RPC_MALFORMED);
    struct pdu one_result = ack("1688", 5, ndr_only, 1, 2);
    cr_assert_eq(parse(&one_result).outcome, RPC_MALFORMED);
    struct pdu no_nul = ack("1688", 4, ndr_only, 2, 2);
    cr_assert_eq(parse(&no_nul).outcome, RPC_MALFORMED);
    struct pdu long_frag = ack("1688", 5, ndr_only, 2, 2);
    long_frag.bytes[8]++;
    cr_assert_eq(parse(&long_frag).outcome, RPC_MALFORMED);
    struct pdu wrong_syntax = ack("1688", 5, (struct result[]){ { 0, 0, ndr64_uuid, 1 }, { 2, 2, NULL, 0 } },
                                  2, 2);
    cr_assert_eq(parse(&wrong_syntax).outcome, RPC_MALFORMED, "context 0 offered NDR only");
    struct pdu request = ack("1688", 5, ndr_only, 2, 2);
    request.bytes[2] = 0;
    cr_assert_eq(parse(&request).outcome, RPC_MALFORMED);
    struct pdu past_end = ack("1688", 5, ndr_only, 2, 2);
    past_end.bytes[24] = 0xFF; /* secondary address length far past the end */
    cr_assert_eq(parse(&past_end).outcome, RPC_MALFORMED);
}

Test(rpc, every_truncation_is_malformed_and_safe)
{
    struct pdu p = ack("1688", 5, ndr64_only, 2, 2);
    for (size_t n = 0; n < p.length; n++) {
        struct pdu cut = p;
        cut.length = n;
        finish(&cut); /* even with a frag length that agrees */
        struct rpc_bind_reply r;
        rpc_parse_bind_reply(cut.bytes, n, &r);
        cr_assert_eq(r.outcome, RPC_MALFORMED, "length %zu", n);
    }
}

Test(rpc, big_endian_reply)
{
    struct pdu p = { .length = 0 };
    add(&p, (uint8_t[]){ 5, 0, 13, 3, 0x00, 0, 0, 0, 0, 18, 0, 0, 0, 0, 0, 2, 0, 4 }, 18);
    struct rpc_bind_reply r = parse(&p);
    cr_assert_eq(r.outcome, RPC_NAK);
    cr_assert_eq(r.nak_reason, 4);
}

Test(rpc, how_many_bytes_to_wait_for)
{
    struct pdu p = ack("1688", 5, ndr64_only, 2, 2);
    cr_assert_eq(rpc_reply_needed(p.bytes, 0), 0);
    cr_assert_eq(rpc_reply_needed(p.bytes, 9), 0);
    cr_assert_eq(rpc_reply_needed(p.bytes, 10), p.length);
    cr_assert_eq(rpc_reply_needed((const uint8_t *)"HTTP/1.1 400", 12), SIZE_MAX);
    cr_assert_eq(rpc_reply_needed((const uint8_t *)"\x05\x00\x00", 3), SIZE_MAX, "a request");
    uint8_t huge[10] = { 5, 0, 12, 3, 0x10, 0, 0, 0, 0xFF, 0xFF };
    cr_assert_eq(rpc_reply_needed(huge, 10), SIZE_MAX);
}
