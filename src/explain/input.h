/* SPDX-License-Identifier: MIT */
/* input.h: turns the bytes of pasted or exported evidence into UTF-8 lines: UTF-16LE or UTF-8
 * with or without BOM, CRLF, invalid bytes replaced, lines bounded and normalized (normalize.h). */
#ifndef SLERR_EXPLAIN_INPUT_H
#define SLERR_EXPLAIN_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

/* Receives a line, or a piece of a line longer than EX_LINE_MAX: `first` on the piece that
 * starts a line, `last` on the one that ends it. Returns 0, or an ex_status to stop. */
typedef int (*ex_line_fn)(void *ctx, const char *text, size_t len, size_t lineno, bool first,
                          bool last);

enum ex_encoding { EX_ENC_UNKNOWN, EX_ENC_UTF8, EX_ENC_UTF16LE };

struct ex_input {
    ex_line_fn emit;
    void *ctx;
    enum ex_encoding encoding;
    unsigned char head[3]; /* the first bytes, until the BOM question is settled */
    size_t nhead;
    unsigned char pend[4]; /* an incomplete character waiting for its next bytes */
    size_t npend;
    unsigned high;         /* UTF-16: a high surrogate waiting for its low half */
    size_t lineno;
    bool in_line;          /* a piece of the current line was already emitted */
    size_t len;
    char buf[EX_LINE_MAX + 8]; /* last: ex_input_init leaves it unzeroed */
};

void ex_input_init(struct ex_input *in, ex_line_fn emit, void *ctx);
/* Feeds the next bytes; 0, or the status emit() returned. */
int ex_input_feed(struct ex_input *in, const void *bytes, size_t n);
/* End of input: emits the last line if it has no line end. */
int ex_input_finish(struct ex_input *in);

/* Writes code point cp (at most U+10FFFF, no surrogate) as UTF-8 to out; returns its length. */
size_t ex_utf8_encode(unsigned long cp, char out[4]);

#endif
