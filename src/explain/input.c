/* SPDX-License-Identifier: MIT */
/* input.c: decodes evidence as people paste or export it into bounded UTF-8 lines. Invalid
 * sequences become U+FFFD, so readers and output only ever see valid UTF-8. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "input.h"
#include "normalize.h"

static const char replacement[] = "\xEF\xBF\xBD";

void ex_input_init(struct ex_input *in, ex_line_fn emit, void *ctx)
{
    /* buf is written before it is read (len says how much): zeroing its 8 KiB cost every
     * explain run two pages. */
    memset(in, 0, offsetof(struct ex_input, buf));
    in->emit = emit;
    in->ctx = ctx;
    in->lineno = 1;
}

/* Hands the buffered text on: a whole line, or a piece of a long one. */
static int flush(struct ex_input *in, bool last)
{
    size_t len = in->len;
    bool first = !in->in_line;
    if (last && len > 0 && in->buf[len - 1] == '\r')
        len--;
    if (first)
        len = ex_normalize(in->buf, len);
    in->buf[len] = '\0';
    int status = in->emit(in->ctx, in->buf, len, in->lineno, first, last);
    in->len = 0;
    in->in_line = !last;
    if (last)
        in->lineno++;
    return status;
}

/* Appends one character's UTF-8 bytes; ends the line on '\n'. */
static int put(struct ex_input *in, const char *bytes, size_t n)
{
    if (n == 1 && bytes[0] == '\n')
        return flush(in, true);
    if (n == 1 && bytes[0] == '\0')
        bytes = replacement, n = 3;
    if (in->len + n > EX_LINE_MAX) {
        int status = flush(in, false);
        if (status)
            return status;
    }
    memcpy(in->buf + in->len, bytes, n);
    in->len += n;
    return 0;
}

size_t ex_utf8_encode(unsigned long cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int put_codepoint(struct ex_input *in, unsigned long cp)
{
    char b[4];
    size_t n = ex_utf8_encode(cp, b); /* before the call: cppcheck reads b as unset otherwise */
    return put(in, b, n);
}

/* How many bytes a UTF-8 sequence starting with `lead` has; 0 for a byte that cannot lead. */
static size_t utf8_length(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
}

/* Whether `b` may follow the bytes pending (no overlong forms, surrogates or values past U+10FFFF). */
static bool utf8_continues(const unsigned char *pend, size_t npend, unsigned char b)
{
    if (b < 0x80 || b > 0xBF)
        return false;
    if (npend != 1)
        return true;
    switch (pend[0]) {
    case 0xE0: return b >= 0xA0;
    case 0xED: return b <= 0x9F;
    case 0xF0: return b >= 0x90;
    case 0xF4: return b <= 0x8F;
    default: return true;
    }
}

/* How many of the first `max` bytes are plain ASCII, neither a line end nor NUL: sixteen bytes
 * at a time (a byte-by-byte loop here cost a tenth of reading an XML export). */
static size_t ascii_run(const unsigned char *p, size_t max)
{
    size_t k = 0;
    while (k + 16 <= max && ex_bytes16_plain(p + k, '\n', 0, 0))
        k += 16;
    while (k < max && p[k] < 0x80 && p[k] != '\n' && p[k] != 0)
        k++;
    return k;
}

static int feed_utf8(struct ex_input *in, const unsigned char *p, size_t n)
{
    int status = 0;
    for (size_t i = 0; i < n && !status; i++) {
        unsigned char b = p[i];
        if (in->npend) {
            if (utf8_continues(in->pend, in->npend, b)) {
                in->pend[in->npend++] = b;
                if (in->npend == utf8_length(in->pend[0])) {
                    status = put(in, (const char *)in->pend, in->npend);
                    in->npend = 0;
                }
                continue;
            }
            in->npend = 0;
            if ((status = put(in, replacement, 3)) != 0)
                break;
        }
        size_t need = utf8_length(b);
        if (need == 1) {
            /* The common case: a run of ASCII goes in with one copy. */
            size_t room = in->len + 1 < EX_LINE_MAX ? EX_LINE_MAX - in->len - 1 : 0;
            size_t left = n - i - 1;
            size_t run = 1 + ascii_run(p + i + 1, left < room ? left : room);
            status = put(in, (const char *)p + i, 1);
            if (!status && run > 1) {
                memcpy(in->buf + in->len, p + i + 1, run - 1);
                in->len += run - 1;
            }
            i += run - 1;
        } else if (need == 0) {
            status = put(in, replacement, 3);
        } else {
            in->pend[0] = b;
            in->npend = 1;
        }
    }
    return status;
}

/* One UTF-16 code unit; a high surrogate waits in in->high for its partner. */
static int utf16_unit(struct ex_input *in, unsigned unit)
{
    unsigned high = in->high;
    in->high = 0;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
        return high ? put_codepoint(in, 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                    : put(in, replacement, 3);
    int status = high ? put(in, replacement, 3) : 0; /* a high surrogate left unpaired */
    if (status)
        return status;
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        in->high = unit;
        return 0;
    }
    return put_codepoint(in, unit);
}

static int feed_utf16le(struct ex_input *in, const unsigned char *p, size_t n)
{
    int status = 0;
    for (size_t i = 0; i < n && !status; i++) {
        in->pend[in->npend++] = p[i];
        if (in->npend == 2) {
            in->npend = 0;
            status = utf16_unit(in, in->pend[0] | (unsigned)in->pend[1] << 8);
        }
    }
    return status;
}

static int feed_decoded(struct ex_input *in, const unsigned char *p, size_t n)
{
    return in->encoding == EX_ENC_UTF16LE ? feed_utf16le(in, p, n) : feed_utf8(in, p, n);
}

/* Settles the encoding from the first bytes: a BOM, or text that looks like UTF-16LE. */
static int settle(struct ex_input *in)
{
    const unsigned char *h = in->head;
    size_t skip = 0;
    if (in->nhead >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF) {
        in->encoding = EX_ENC_UTF8, skip = 3;
    } else if (in->nhead >= 2 && h[0] == 0xFF && h[1] == 0xFE) {
        in->encoding = EX_ENC_UTF16LE, skip = 2;
    } else if (in->nhead >= 2 && h[0] != 0 && h[0] < 0x80 && h[1] == 0) {
        in->encoding = EX_ENC_UTF16LE; /* PowerShell output whose BOM was lost */
    } else {
        in->encoding = EX_ENC_UTF8;
    }
    return feed_decoded(in, h + skip, in->nhead - skip);
}

int ex_input_feed(struct ex_input *in, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    if (in->encoding == EX_ENC_UNKNOWN) {
        while (n > 0 && in->nhead < sizeof in->head)
            in->head[in->nhead++] = *p++, n--;
        if (in->nhead < sizeof in->head)
            return 0;
        int status = settle(in);
        if (status)
            return status;
    }
    return feed_decoded(in, p, n);
}

int ex_input_finish(struct ex_input *in)
{
    int status = 0;
    if (in->encoding == EX_ENC_UNKNOWN && (status = settle(in)) != 0)
        return status;
    if (in->npend || in->high) {
        in->npend = 0;
        in->high = 0;
        if ((status = put(in, replacement, 3)) != 0)
            return status;
    }
    if (in->len > 0 || in->in_line)
        status = flush(in, true);
    return status;
}
