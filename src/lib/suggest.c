/* SPDX-License-Identifier: MIT */
/* suggest.c: "did you mean" for a misspelt symbol, by edit distance over the catalog.
 * Fixed-size rows on the stack: no allocation, and inputs too long to be a typo are refused. */
#include <ctype.h>
#include <string.h>

#include "slerr.h"

#define MAX_SYMBOL 96

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Levenshtein distance, case-insensitive, with a transposition counted as one edit. Stops early
 * and returns `limit` once every cell of a row has reached it: the distance cannot fall again. */
static size_t edit_distance(const char *a, size_t la, const char *b, size_t lb, size_t limit)
{
    size_t before[MAX_SYMBOL + 1], previous[MAX_SYMBOL + 1], current[MAX_SYMBOL + 1];
    for (size_t j = 0; j <= lb; j++)
        previous[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t row_minimum = current[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            int ca = toupper((unsigned char)a[i - 1]), cb = toupper((unsigned char)b[j - 1]);
            size_t cost = ca == cb ? 0 : 1;
            current[j] = min3(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && ca == toupper((unsigned char)b[j - 2]) &&
                toupper((unsigned char)a[i - 2]) == cb && before[j - 2] + 1 < current[j])
                current[j] = before[j - 2] + 1;
            if (current[j] < row_minimum)
                row_minimum = current[j];
        }
        if (row_minimum >= limit)
            return limit;
        memcpy(before, previous, (lb + 1) * sizeof previous[0]);
        memcpy(previous, current, (lb + 1) * sizeof current[0]);
    }
    return previous[lb];
}

const struct slerr_entry *slerr_suggest_symbol(const char *text)
{
    size_t length = text ? strlen(text) : 0;
    if (length < 3 || length > MAX_SYMBOL)
        return NULL;
    const struct slerr_entry *best = NULL;
    size_t best_distance = length / 3 + 1; /* more edits than this is another word */
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *entry = slerr_at(i);
        size_t symbol_length = slerr_entry_symbol(entry) ? strlen(slerr_entry_symbol(entry)) : 0;
        if (symbol_length == 0 || symbol_length > MAX_SYMBOL)
            continue;
        /* The length difference alone is a lower bound on the distance. */
        size_t gap = symbol_length > length ? symbol_length - length : length - symbol_length;
        if (gap >= best_distance)
            continue;
        size_t distance = edit_distance(text, length, slerr_entry_symbol(entry), symbol_length, best_distance);
        if (distance < best_distance) {
            best = entry;
            best_distance = distance;
        }
    }
    return best;
}
