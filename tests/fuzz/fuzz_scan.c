/* fuzz_scan.c: the stream scanner on arbitrary bytes, fed whole, split at a point the input
 * chooses, and a byte at a time: all three must report the same codes, each of them exactly
 * where its text is. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    for (size_t i = 0; i < entry->alias_count; i++)
        if (entry->aliases[i] == code)
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
    if (m->entry && m->entry->code != m->code && !is_alias(m->entry, m->code))
        abort();
    t->last_end = m->offset + m->length;
    t->count++;
    t->hash = (t->hash ^ (m->offset * 31 + m->code + m->form)) * 0x100000001B3u;
    return 0;
}

static struct tally scan_in_pieces(const uint8_t *data, size_t size, size_t piece, unsigned flags)
{
    struct tally t = { data, size, 0, 0xCBF29CE484222325u, 0 };
    /* Made once per flag value (making one reads the whole catalog into its filter); each
     * slerr_scan_finish readies it for the next stream. */
    static struct slerr_scanner *scanners[2];
    struct slerr_scanner **scanner = &scanners[flags & SLERR_SCAN_UNKNOWN];
    if (!*scanner && !(*scanner = slerr_scanner_new(flags)))
        abort();
    for (size_t at = 0; at < size; at += piece)
        slerr_scan(*scanner, data + at, size - at < piece ? size - at : piece, check, &t);
    slerr_scan_finish(*scanner, check, &t);
    return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned flags = size && (data[0] & 1) ? SLERR_SCAN_UNKNOWN : 0;
    size_t split = size ? 1 + data[size - 1] % size : 1;
    struct tally whole = scan_in_pieces(data, size, size ? size : 1, flags);
    struct tally halves = scan_in_pieces(data, size, split, flags);
    struct tally bytes = scan_in_pieces(data, size, 1, flags);
    if (whole.count != halves.count || whole.hash != halves.hash || whole.count != bytes.count ||
        whole.hash != bytes.hash)
        abort();
    return 0;
}
