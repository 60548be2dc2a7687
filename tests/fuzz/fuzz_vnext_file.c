/* SPDX-License-Identifier: MIT */
/* fuzz_vnext_file.c: the Microsoft 365 licence path: the vnext reader (vNextDiag listings and
 * licence files, whose "License" member is base64 of JSON) on arbitrary text, fed as the
 * driver feeds it (lines in pieces of at most EX_LINE_MAX bytes); and the base64 decoder fed
 * the same bytes whole and in pieces of a size the input picks, which must agree. */
#include "fuzz_event_common.h"

#include "base64.h"
#include "readers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_record(void *ctx, const struct ex_record *rec)
{
    (void)ctx;
    if (!rec->kind || rec->line == 0)
        abort();
    check_findings(rec->findings, rec->nfindings, 6);
    return 0;
}

static int feed_pieces(void *state, const uint8_t *data, size_t size)
{
    size_t lineno = 0, start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i < size && data[i] != '\n')
            continue;
        ++lineno;
        size_t len = i - start;
        do { /* a long line in pieces, as the input layer cuts it */
            size_t n = len < EX_LINE_MAX ? len : EX_LINE_MAX;
            char piece[EX_LINE_MAX + 1];
            memcpy(piece, data + start, n);
            piece[n] = '\0';
            int rc = ex_reader_vnext.piece(state, piece, n, lineno, n == len);
            if (rc)
                return rc;
            start += n, len -= n;
        } while (len);
        start = i + 1;
    }
    return 0;
}

static void reader(const uint8_t *data, size_t size)
{
    void *state = ex_reader_vnext.create(on_record, NULL);
    if (!state)
        abort();
    int rc = feed_pieces(state, data, size);
    if (!rc)
        rc = ex_reader_vnext.finish(state);
    if (rc != 0 && rc != EX_STATUS_MALFORMED)
        abort();
    size_t line = 0;
    if ((rc == EX_STATUS_MALFORMED) != (ex_reader_vnext.error_detail(state, &line) != NULL))
        abort();
    ex_reader_vnext.destroy(state);
}

/* Whole and in pieces: the same status, the same bytes, never past the buffer. */
static void decoder(const uint8_t *data, size_t size)
{
    static unsigned char whole[4096], cut[4096];
    struct ex_b64 a, b;
    size_t step = size ? (size_t)data[0] % 7 + 1 : 1;
    ex_b64_init(&a, whole, sizeof whole);
    ex_b64_init(&b, cut, sizeof cut);
    ex_b64_feed(&a, (const char *)data, size);
    for (size_t i = 0; i < size; i += step)
        ex_b64_feed(&b, (const char *)data + i, size - i < step ? size - i : step);
    enum ex_b64_status sa = ex_b64_finish(&a), sb = ex_b64_finish(&b);
    if (sa != sb || a.len != b.len || a.len > sizeof whole || memcmp(whole, cut, a.len) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader(data, size);
    decoder(data, size);
    return 0;
}
