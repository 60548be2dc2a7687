/* SPDX-License-Identifier: MIT */
/* lookup.c: benchmark of slerr_lookup (the generated hash index) against a libc bsearch and an
 * inline binary search over the same entries (every code of the catalog), on the same hit/miss
 * mix, in the same run. Prints figures; never fails on speed. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "slerr.h"

#define KEYS 4096
#define ROUNDS 5

struct by_code {
    uint32_t code;
    const struct slerr_entry *entry;
};

static struct by_code *sorted;
static size_t sorted_count;

static int compare_code(const void *key, const void *item)
{
    uint32_t a = *(const uint32_t *)key, b = ((const struct by_code *)item)->code;
    return a < b ? -1 : a > b;
}

static const struct slerr_entry *bsearch_lookup(uint32_t code)
{
    const struct by_code *hit = bsearch(&code, sorted, sorted_count, sizeof sorted[0], compare_code);
    return hit ? hit->entry : NULL;
}

/* The other candidate for numeric keys: a binary search written out, no callback. */
static const struct slerr_entry *inline_lookup(uint32_t code)
{
    size_t low = 0, high = sorted_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (sorted[mid].code < code)
            low = mid + 1;
        else
            high = mid;
    }
    return low < sorted_count && sorted[low].code == code ? sorted[low].entry : NULL;
}

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Best of ROUNDS, in ns per lookup; `found` counts hits so the work cannot be optimised away. */
static double time_lookups(const struct slerr_entry *(*lookup)(uint32_t), const uint32_t *keys,
                           size_t iterations, size_t *found)
{
    double best = 1e30;
    for (int round = 0; round < ROUNDS; round++) {
        size_t hits = 0;
        double start = now_ns();
        for (size_t i = 0; i < iterations; i++)
            hits += lookup(keys[i % KEYS]) != NULL;
        double per = (now_ns() - start) / (double)iterations;
        if (per < best)
            best = per;
        *found = hits;
    }
    return best;
}

int main(int argc, char **argv)
{
    size_t iterations = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000000u;
    uint32_t keys[KEYS];
    sorted_count = slerr_count();
    sorted = malloc(sorted_count * sizeof sorted[0]);
    if (!sorted || sorted_count == 0)
        return 1;
    for (size_t i = 0; i < sorted_count; i++)
        sorted[i] = (struct by_code){ slerr_entry_code(slerr_at(i)), slerr_at(i) };
    srand(42);
    /* Half hits spread over the catalog, half misses that look like real codes. */
    for (size_t i = 0; i < KEYS; i++)
        keys[i] = i % 2 ? slerr_entry_code(slerr_at((size_t)rand() % sorted_count))
                        : 0xC005F000u | ((uint32_t)rand() & 0xFFFu);
    size_t hits_hash, hits_inline, hits_bsearch;
    double hash_ns = time_lookups(slerr_lookup, keys, iterations, &hits_hash);
    double inline_ns = time_lookups(inline_lookup, keys, iterations, &hits_inline);
    double bsearch_ns = time_lookups(bsearch_lookup, keys, iterations, &hits_bsearch);
    free(sorted);
    if (hits_hash != hits_bsearch || hits_inline != hits_bsearch) {
        fprintf(stderr, "lookup bench: the methods disagree (%zu, %zu, %zu hits)\n", hits_hash,
                hits_inline, hits_bsearch);
        return 1;
    }
    printf("lookup: %zu entries, %zu lookups (%.0f%% hits), best of %d\n", sorted_count, iterations,
           100.0 * (double)hits_hash / (double)iterations, ROUNDS);
    printf("  hash    slerr_lookup      %6.2f ns/lookup\n", hash_ns);
    printf("  inline  binary search     %6.2f ns/lookup\n", inline_ns);
    printf("  bsearch baseline (libc)   %6.2f ns/lookup\n", bsearch_ns);
    printf("  ratio   bsearch/hash      %6.2fx (target >= 2x; target <= 10 ns)\n", bsearch_ns / hash_ns);
    return 0;
}
