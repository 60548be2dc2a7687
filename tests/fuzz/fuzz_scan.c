/* SPDX-License-Identifier: MIT */
/* fuzz_scan.c: the stream scanner on arbitrary bytes, fed whole, split at a point the input
 * chooses, and a byte at a time, and fed whole on each block path (AVX2, SSE2, table): all
 * must report the same codes, each of them exactly where its text is. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan-internal.h"
#include "slerr.h"

struct tally {
    const uint8_t *data;
    size_t size;
    size_t count;
    uint64_t hash;
    uint64_t last_end;
};

/* A code that a newer SDK moved is found under both values (entry->aliases). */
static int is_alias(const struct slerr_entry *entry, uint32_t code)
{
    for (size_t i = 0; i < slerr_entry_alias_count(entry); i++)
        if (slerr_entry_alias(entry, i) == code)
            return 1;
    return 0;
}

static int check(const struct slerr_match *m, void *context)
{
    struct tally *t = context;
    if (m->offset + m->length > t->size || m->offset < t->last_end ||
        m->length != strlen(m->text) || memcmp(t->data + m->offset, m->text, m->length) != 0)
        abort();
    if (m->entry && m->entry != slerr_lookup(m->code))
        abort();
    if (m->entry && slerr_entry_code(m->entry) != m->code && !is_alias(m->entry, m->code))
        abort();
    t->last_end = m->offset + m->length;
    t->count++;
    t->hash = (t->hash ^ (m->offset * 31 + m->code + m->form)) * 0x100000001B3u;
    return 0;
}

/* The block paths a scanner can be made to take; NULL: the one it picks for this CPU. */
static const char *const paths[] = { NULL, "avx2", "sse2", "table" };
#define PATHS (sizeof paths / sizeof paths[0])

/* Made once per flag value and path (making one reads the whole catalog into its filter);
 * each slerr_scan_finish readies it for the next stream. NULL: the path is not available. */
static struct slerr_scanner *scanner_for(unsigned flags, size_t path)
{
    static struct slerr_scanner *scanners[2][PATHS];
    static bool tried[2][PATHS];
    unsigned f = flags & SLERR_SCAN_UNKNOWN;
    if (!tried[f][path]) {
        tried[f][path] = true;
        scanners[f][path] = slerr_scanner_new(flags);
        if (!scanners[f][path])
            abort();
        if (paths[path] && slerr__scanner_use_path(scanners[f][path], paths[path]) != 0) {
            slerr_scanner_free(scanners[f][path]);
            scanners[f][path] = NULL;
        }
    }
    return scanners[f][path];
}

static struct tally scan_in_pieces(struct slerr_scanner *scanner, const uint8_t *data,
                                   size_t size, size_t piece)
{
    struct tally t = { data, size, 0, 0xCBF29CE484222325u, 0 };
    for (size_t at = 0; at < size; at += piece)
        slerr_scan(scanner, data + at, size - at < piece ? size - at : piece, check, &t);
    slerr_scan_finish(scanner, check, &t);
    return t;
}

static bool same(const struct tally *a, const struct tally *b)
{
    return a->count == b->count && a->hash == b->hash;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned flags = size && (data[0] & 1) ? SLERR_SCAN_UNKNOWN : 0;
    size_t split = size ? 1 + data[size - 1] % size : 1;
    struct slerr_scanner *chosen = scanner_for(flags, 0);
    struct tally whole = scan_in_pieces(chosen, data, size, size ? size : 1);
    struct tally halves = scan_in_pieces(chosen, data, size, split);
    struct tally bytes = scan_in_pieces(chosen, data, size, 1);
    if (!same(&whole, &halves) || !same(&whole, &bytes))
        abort();
    for (size_t path = 1; path < PATHS; path++) {
        struct slerr_scanner *scanner = scanner_for(flags, path);
        if (!scanner)
            continue; /* a path this CPU or build lacks */
        struct tally on_path = scan_in_pieces(scanner, data, size, size ? size : 1);
        if (!same(&whole, &on_path))
            abort();
    }
    return 0;
}
