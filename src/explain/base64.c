/* SPDX-License-Identifier: MIT */
/* base64.c: the streaming base64 decoder of base64.h: one pass, no lookahead, bounded output. */
#include "base64.h"

static int sixtet(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

void ex_b64_init(struct ex_b64 *b, unsigned char *out, size_t cap)
{
    *b = (struct ex_b64){ .out = out, .cap = cap };
}

static void put(struct ex_b64 *b, unsigned byte)
{
    if (b->len >= b->cap)
        b->status = EX_B64_TOO_LONG;
    else
        b->out[b->len++] = (unsigned char)byte;
}

/* '=' ends the data: what the quantum holds so far is written out. */
static void pad(struct ex_b64 *b)
{
    if (b->npad == 0 && b->nchars < 2) {
        b->status = EX_B64_BAD_END;
        return;
    }
    if (b->npad == 0)
        (void)ex_b64_finish(b);
    b->npad++;
    if (b->npad > 2)
        b->status = EX_B64_BAD_END;
}

enum ex_b64_status ex_b64_feed(struct ex_b64 *b, const char *text, size_t len)
{
    for (size_t i = 0; i < len && b->status == EX_B64_OK; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c == '=') {
            pad(b);
            continue;
        }
        int v = sixtet(c);
        if (v < 0 || b->npad) {
            b->status = EX_B64_BAD_CHAR;
            break;
        }
        b->acc = (b->acc << 6) | (unsigned)v;
        if (++b->nchars == 4) {
            put(b, (b->acc >> 16) & 0xFF);
            put(b, (b->acc >> 8) & 0xFF);
            put(b, b->acc & 0xFF);
            b->acc = 0;
            b->nchars = 0;
        }
    }
    return b->status;
}

enum ex_b64_status ex_b64_finish(struct ex_b64 *b)
{
    if (b->status != EX_B64_OK || b->nchars == 0)
        return b->status;
    if (b->nchars == 1)
        return b->status = EX_B64_BAD_END;
    /* two characters carry one byte, three carry two */
    unsigned bits = b->acc << (6 * (4 - b->nchars));
    put(b, (bits >> 16) & 0xFF);
    if (b->nchars == 3)
        put(b, (bits >> 8) & 0xFF);
    b->acc = 0;
    b->nchars = 0;
    return b->status;
}

const char *ex_b64_strerror(enum ex_b64_status status)
{
    switch (status) {
    case EX_B64_OK: return "no error";
    case EX_B64_BAD_CHAR: return "a character that is not base64";
    case EX_B64_TOO_LONG: return "longer than a licence can be";
    case EX_B64_BAD_END: return "base64 cut short or padded wrongly";
    }
    return "unknown base64 status";
}
