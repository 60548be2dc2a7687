/* SPDX-License-Identifier: MIT */
/* suggest.c: "did you mean": for a misspelt symbol, by edit distance over the catalog; for a
 * code with a digit too many or too few, the one catalog code that slip explains.
 * Fixed-size rows on the stack: no allocation, and inputs too long to be a typo are refused. */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "hex-digit.h"
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

/* ---- Codes mistyped by one digit ---- */

#define CODE_DIGITS 8

/* The distinct catalog codes one slip away, and for each whether a repeated or missed key
 * explains it (a digit typed twice, or a double digit typed once). Past NEAR_MAX the answer
 * is "ambiguous" whatever follows. */
#define NEAR_MAX 4
struct near_codes {
    const struct slerr_entry *entry[NEAR_MAX];
    bool repeat[NEAR_MAX];
    unsigned count;
};

static void consider(struct near_codes *near, const int digits[CODE_DIGITS], bool repeat)
{
    uint32_t code = 0;
    for (int i = 0; i < CODE_DIGITS; i++)
        code = code << 4 | (uint32_t)digits[i];
    const struct slerr_entry *entry = slerr_lookup(code);
    if (!entry)
        return;
    for (unsigned i = 0; i < near->count && i < NEAR_MAX; i++)
        if (near->entry[i] == entry) { /* the same code reached by two slips counts once */
            near->repeat[i] |= repeat;
            return;
        }
    if (near->count < NEAR_MAX) {
        near->entry[near->count] = entry;
        near->repeat[near->count] = repeat;
    }
    near->count++;
}

/* The one candidate, or the one a repeat-key slip explains; NULL when that is not one. */
static const struct slerr_entry *the_one(const struct near_codes *near)
{
    if (near->count == 1)
        return near->entry[0];
    if (near->count > NEAR_MAX)
        return NULL;
    const struct slerr_entry *found = NULL;
    for (unsigned i = 0; i < near->count; i++)
        if (near->repeat[i]) {
            if (found)
                return NULL;
            found = near->entry[i];
        }
    return found;
}

/* Nine digits: one was typed too many. Dropping it is a repeat-key slip when it equals the
 * digit before it. */
static void one_too_many(struct near_codes *near, const int *typed)
{
    int kept[CODE_DIGITS];
    for (int drop = 0; drop <= CODE_DIGITS; drop++) {
        for (int i = 0, k = 0; i <= CODE_DIGITS; i++)
            if (i != drop)
                kept[k++] = typed[i];
        consider(near, kept, drop > 0 && typed[drop] == typed[drop - 1]);
    }
}

/* Seven digits: one was left out. Putting it back is a missed double when it equals a
 * neighbour. */
static void one_left_out(struct near_codes *near, const int *typed)
{
    int whole[CODE_DIGITS];
    for (int at = 0; at < CODE_DIGITS; at++)
        for (int digit = 0; digit < 16; digit++) {
            for (int i = 0, k = 0; i < CODE_DIGITS; i++)
                whole[i] = i == at ? digit : typed[k++];
            bool repeat = (at > 0 && typed[at - 1] == digit) ||
                          (at < CODE_DIGITS - 1 && typed[at] == digit);
            consider(near, whole, repeat);
        }
}

const struct slerr_entry *slerr_suggest_code(const char *text, size_t len)
{
    if (!text)
        return NULL;
    if (len >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text += 2;
        len -= 2;
    }
    if (len != CODE_DIGITS - 1 && len != CODE_DIGITS + 1)
        return NULL; /* eight digits are a code as written; more or fewer slips are a guess */
    int typed[CODE_DIGITS + 1];
    for (size_t i = 0; i < len; i++)
        if ((typed[i] = slerr__hex_value(text[i])) < 0)
            return NULL;
    struct near_codes near = { { NULL }, { false }, 0 };
    if (len > CODE_DIGITS)
        one_too_many(&near, typed);
    else
        one_left_out(&near, typed);
    return the_one(&near);
}
