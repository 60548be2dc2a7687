/* SPDX-License-Identifier: MIT */
/* rpc_pdu.h: the DCE/RPC connection-oriented bind that asks "is the KMS interface here?", and a
 * strict parser of the reply. Pure functions over byte buffers (no I/O), so fuzzers can call them.
 * Only the bind is ever built: a request PDU (type 0) would be an activation. */
#ifndef SLERR_DIAG_RPC_PDU_H
#define SLERR_DIAG_RPC_PDU_H

#include <stddef.h>
#include <stdint.h>

#define RPC_BIND_CALL_ID 2
#define RPC_BIND_CONTEXTS 2     /* context 0: NDR, context 1: NDR64 */
#define RPC_BIND_SIZE 116       /* header 16 + 12 + two contexts of 44 bytes */
#define RPC_HEADER_SIZE 16
#define RPC_REPLY_MAX 4096      /* a larger bind reply is not from a KMS host */

enum rpc_ptype { RPC_PTYPE_REQUEST = 0, RPC_PTYPE_BIND = 11, RPC_PTYPE_BIND_ACK = 12, RPC_PTYPE_BIND_NAK = 13 };
enum rpc_syntax { RPC_SYNTAX_NONE, RPC_SYNTAX_NDR, RPC_SYNTAX_NDR64 };

enum rpc_outcome {
    RPC_ACCEPTED,        /* bind_ack with a context accepted: a KMS host */
    RPC_NO_INTERFACE,    /* bind_ack, a context rejected with reason 1 (abstract syntax) */
    RPC_NO_SYNTAX,       /* bind_ack, every context rejected for its transfer syntax or other */
    RPC_NAK,             /* bind_nak */
    RPC_MALFORMED,       /* not a valid reply to our bind */
};

/* What a complete reply says. */
struct rpc_bind_reply {
    enum rpc_outcome outcome;
    enum rpc_syntax accepted;   /* with RPC_ACCEPTED */
    uint16_t nak_reason;        /* with RPC_NAK */
    uint16_t results[RPC_BIND_CONTEXTS], reasons[RPC_BIND_CONTEXTS];
    char secondary_address[64]; /* e.g. "1688" */
    const char *problem;        /* with RPC_MALFORMED: what is wrong, in words */
};

/* Writes the bind PDU (RPC_BIND_SIZE bytes) into out. */
void rpc_build_bind(uint8_t out[RPC_BIND_SIZE]);

/* How many bytes the reply whose first `len` bytes are in buf needs in all: 0 while the header is
 * incomplete, SIZE_MAX when these bytes cannot start a bind reply (no need to wait for more). */
size_t rpc_reply_needed(const uint8_t *buf, size_t len);

/* Parses one complete reply PDU (exactly its fragment length). Always fills `reply`. */
void rpc_parse_bind_reply(const uint8_t *buf, size_t len, struct rpc_bind_reply *reply);

#endif
