/* SPDX-License-Identifier: MIT */
/* base64.h: a streaming base64 decoder (RFC 4648, standard alphabet) into a caller's bounded
 * buffer, fed the text in pieces as the input layer cuts it. Blanks between pieces are
 * skipped (a value wrapped at the console's width). glibc's __b64_pton (libresolv) wants the
 * whole text at once and explain links nothing else that exports one. */
#ifndef SLERR_EXPLAIN_BASE64_H
#define SLERR_EXPLAIN_BASE64_H

#include <stdbool.h>
#include <stddef.h>

enum ex_b64_status { EX_B64_OK, EX_B64_BAD_CHAR, EX_B64_TOO_LONG, EX_B64_BAD_END };

struct ex_b64 {
    unsigned char *out; /* the caller's buffer */
    size_t cap, len;
    unsigned acc;       /* bits not yet written */
    unsigned nchars;    /* characters of the current quantum (0-3) */
    unsigned npad;      /* '=' seen: only more '=' may follow */
    enum ex_b64_status status;
};

void ex_b64_init(struct ex_b64 *b, unsigned char *out, size_t cap);
/* Decodes the next characters; once the status is not EX_B64_OK, later calls do nothing. */
enum ex_b64_status ex_b64_feed(struct ex_b64 *b, const char *text, size_t len);
/* The text has ended: a quantum cut after one character is EX_B64_BAD_END (missing padding
 * is accepted, as many encoders leave it out). */
enum ex_b64_status ex_b64_finish(struct ex_b64 *b);
const char *ex_b64_strerror(enum ex_b64_status status);

#endif
