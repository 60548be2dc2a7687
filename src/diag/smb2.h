/* SPDX-License-Identifier: MIT */
/* smb2.h: the SMB2 NEGOTIATE request that asks a Windows host for its clock, and a strict parser
 * of the reply's SystemTime. Pure functions over byte buffers (no I/O, no clock reads). */
#ifndef SLERR_DIAG_SMB2_H
#define SLERR_DIAG_SMB2_H

#include <stddef.h>
#include <stdint.h>

#define SMB2_REQUEST_SIZE 112   /* 4 (direct TCP) + 64 (header) + 36 + 4 dialects of 2 bytes */
#define SMB2_REPLY_MIN 132      /* 4 + 64 + the 64 fixed bytes of the NEGOTIATE response */
#define SMB2_PORT 445

enum smb2_status {
    SMB2_OK,
    SMB2_SHORT,          /* fewer bytes than a NEGOTIATE response holds */
    SMB2_NOT_SESSION,    /* a NetBIOS session packet (0x81-0x85), not a message */
    SMB2_SMB1,           /* an SMB1 reply: the server does not speak SMB2 */
    SMB2_NOT_SMB,        /* not SMB at all */
    SMB2_BAD_HEADER,     /* wrong header size, command, or not marked as a response */
    SMB2_ERROR,          /* the server answered with an NTSTATUS error (in nt_status) */
    SMB2_BAD_SIZE,       /* the NEGOTIATE response's StructureSize is not 65 */
    SMB2_NO_TIME,        /* SystemTime zero, or before 1970 or after 9999 */
};

struct smb2_reply {
    enum smb2_status status;
    uint32_t nt_status;   /* with SMB2_ERROR */
    uint16_t dialect;     /* e.g. 0x0302 for SMB 3.0.2 */
    uint64_t filetime;    /* SystemTime: 100 ns units since 1601-01-01 UTC */
    int64_t unix_seconds; /* SystemTime as a Unix time, with SMB2_OK */
    uint32_t nanoseconds;
};

/* Writes the NEGOTIATE request (SMB2_REQUEST_SIZE bytes) offering dialects 2.0.2 to 3.0.2. */
void smb2_build_negotiate(uint8_t out[SMB2_REQUEST_SIZE]);

/* How many bytes to read before parsing, given the first `len`: at least 4 (the frame length),
 * then the frame, but never more than SMB2_REPLY_MIN (the clock is in the fixed part). */
size_t smb2_reply_needed(const uint8_t *buf, size_t len);

/* Parses the start of a reply (whatever was received). Returns reply->status. */
enum smb2_status smb2_parse_negotiate(const uint8_t *buf, size_t len, struct smb2_reply *reply);

/* The server's clock minus ours, in seconds, given our clock (Unix) at sending and receiving. */
double smb2_offset(const struct smb2_reply *reply, double sent, double received);

/* The reason in words. */
const char *smb2_status_text(enum smb2_status status);

#endif
