/* SPDX-License-Identifier: MIT */
/* search.c: ranked full-text search over every kind of catalog entry.
 * Each word of the query scores by where it is found (code, symbol or name, title, message,
 * the rest); an entry counts only when every word is found, and the entries that concern
 * activation (curated ones, slerror.h's codes, events, symptoms, settings) count four times
 * as much as the thousands of generic Windows texts. The generated word index narrows the
 * ~11,000 entries down to those that hold the query's rarest words before anything is scored.
 * The query is copied, lower-cased, into fixed arrays on the stack and the best hits go
 * straight into the caller's array: no allocation and no state, so concurrent searches are safe. */
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog-index.h"
#include "catalog-params.h"
#include "slerr.h"

#define ACTIVATION_WEIGHT 4 /* activation entries outrank generic texts with the same words */

/* Where a word was found, best first. A whole word beats a part of one: "rearm" is a
 * whole word of SL_..._MAX_REARM_REACHED but only a part of SL_..._REARMED. */
enum {
    SCORE_CODE = 100, /* the code itself (C004F038, 0xC004F038), a Win32 error's or an event's number */
    SCORE_NAME_EXACT = 80, /* the whole symbol or name */
    SCORE_NAME_WORD = 45,  /* a word of a symbol or name (words split at _ and -) */
    SCORE_TITLE_WORD = 40,
    SCORE_NAME_PART = 25, /* part of a word of a symbol, name or title */
    SCORE_MESSAGE_WORD = 10,
    SCORE_MESSAGE_PART = 6,
    SCORE_BODY_WORD = 4, /* cause, remedy, event fields, setting details */
    SCORE_BODY_PART = 2,
    MAX_FIELD_BONUS = 5, /* +1 for each further field where the word is found */
};

struct query {
    char words[SLERR_SEARCH_MAX_WORDS][SLERR_SEARCH_MAX_WORD + 1];
    size_t lengths[SLERR_SEARCH_MAX_WORDS];
    size_t count;
};

enum match { MATCH_NONE, MATCH_PART, MATCH_WORD };

/* ASCII only, whatever the locale: the index (gen-catalog.py) folds the same way, and a byte
 * of a UTF-8 sequence is never changed. */
static unsigned char fold(char c)
{
    unsigned char u = (unsigned char)c;
    return u >= 'A' && u <= 'Z' ? (unsigned char)(u + ('a' - 'A')) : u;
}

static bool all_digits(const char *word)
{
    if (!*word)
        return false;
    while (isdigit((unsigned char)*word))
        word++;
    return *word == '\0';
}

/* "error 1722" and "ERROR 577" are how Windows messages write a Win32 error: the number is the
 * code, so the word "error" before it is not asked of the entry's text. */
static void drop_error_before_number(struct query *q)
{
    for (size_t i = 0; i + 1 < q->count; i++) {
        const char *w = q->words[i];
        bool error = strcmp(w, "error") == 0 || strcmp(w, "error:") == 0 || strcmp(w, "err") == 0;
        if (!error || !all_digits(q->words[i + 1]))
            continue;
        memmove(&q->words[i], &q->words[i + 1], (q->count - i - 1) * sizeof q->words[0]);
        memmove(&q->lengths[i], &q->lengths[i + 1], (q->count - i - 1) * sizeof q->lengths[0]);
        q->count--;
    }
}

/* The length of a separator at `p`: white space, or the ideographic space and the full-width
 * punctuation that ends words in Chinese and Japanese text (、。，：；！？（）). 0 for none. */
static size_t separator_at(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (isspace(u[0]))
        return 1;
    if (u[0] == 0xE3 && u[1] == 0x80 && u[2] >= 0x80 && u[2] <= 0x82)
        return 3; /* U+3000 to U+3002 */
    if (u[0] == 0xEF && u[1] == 0xBC && u[2] && strchr("\x81\x88\x89\x8C\x9A\x9B\x9F", u[2]))
        return 3; /* U+FF01, U+FF08, U+FF09, U+FF0C, U+FF1A, U+FF1B, U+FF1F */
    return 0;
}

/* Where a run of non-ASCII text (a Chinese or Japanese sentence has no spaces) is cut when it is
 * longer than a word may be: at the last character boundary that fits. */
static size_t piece_length(const char *text, size_t n)
{
    size_t cut = SLERR_SEARCH_MAX_WORD;
    if (n <= cut)
        return n;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) /* inside a UTF-8 sequence */
        cut--;
    return cut ? cut : SLERR_SEARCH_MAX_WORD; /* no boundary at all (not UTF-8): cut anywhere */
}

static bool has_non_ascii(const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)text[i] >= 0x80)
            return true;
    return false;
}

/* Splits the query at white space (and CJK punctuation) and lower-cases it. A word longer than
 * SLERR_SEARCH_MAX_WORD is refused, unless it holds non-ASCII text: then it is a sentence of a
 * language without spaces, cut into pieces that each must match. */
static enum slerr_status parse_query(const char *text, struct query *q)
{
    q->count = 0;
    while (text && *text) {
        size_t skip;
        while ((skip = separator_at(text)) != 0)
            text += skip;
        if (!*text)
            break;
        size_t n = 0;
        while (text[n] && !separator_at(text + n))
            n++;
        if (n > SLERR_SEARCH_MAX_WORD && !has_non_ascii(text, n))
            return SLERR_E_QUERY_WORD_TOO_LONG;
        for (size_t left = n; left > 0;) {
            size_t piece = piece_length(text, left);
            if (q->count == SLERR_SEARCH_MAX_WORDS)
                return SLERR_E_QUERY_TOO_MANY_WORDS;
            for (size_t i = 0; i < piece; i++)
                q->words[q->count][i] = (char)fold(text[i]);
            q->words[q->count][piece] = '\0';
            q->lengths[q->count++] = piece;
            text += piece, left -= piece;
        }
    }
    if (q->count == 0)
        return SLERR_E_QUERY_EMPTY;
    drop_error_before_number(q);
    return SLERR_OK;
}

/* Letters and digits, and every byte of a UTF-8 sequence (umlauts, Cyrillic, CJK): the same
 * split as gen-catalog.py's index. */
static int is_word_char(char c)
{
    return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* Case-insensitive: is `word` (lower case) in `text`, as a whole word or only inside one? */
static enum match find_word(const char *text, const char *word, size_t len)
{
    enum match best = MATCH_NONE;
    const unsigned char first = (unsigned char)word[0];
    for (const char *p = text; p && *p; p++) {
        if (fold(*p) != first)
            continue;
        size_t i = 1;
        while (i < len && p[i] && fold(p[i]) == (unsigned char)word[i])
            i++;
        if (i < len)
            continue;
        int starts = p == text || !is_word_char(p[-1]) || !is_word_char(word[0]);
        int ends = !is_word_char(p[len]) || !is_word_char(word[len - 1]);
        if (starts && ends)
            return MATCH_WORD;
        best = MATCH_PART;
    }
    return best;
}

/* The code as the user may type it: "c004f038", "0xc004f038", or an event's decimal ID. */
static int is_the_code(const struct slerr_entry *e, const char *word)
{
    char text[16];
    if (slerr_entry_kind(e) == SLERR_KIND_CODE) {
        uint32_t code = slerr_entry_code(e);
        snprintf(text, sizeof text, "0x%08x", code);
        if (strcmp(word, text) == 0 || strcmp(word, text + 2) == 0)
            return 1;
        if (slerr_entry_reading(e) != SLERR_READING_WIN32 || (code & 0xFFFF0000u) != 0x80070000u)
            return 0;
        snprintf(text, sizeof text, "%u", code & 0xFFFFu); /* a Win32 error by number */
        return strcmp(word, text) == 0;
    }
    if (slerr_entry_kind(e) == SLERR_KIND_EVENT) {
        snprintf(text, sizeof text, "%u", slerr_entry_code(e));
        return strcmp(word, text) == 0;
    }
    return 0;
}

static unsigned name_score(const char *name, const char *word, size_t len)
{
    if (!name)
        return 0;
    if (strlen(name) == len && find_word(name, word, len) != MATCH_NONE)
        return SCORE_NAME_EXACT;
    switch (find_word(name, word, len)) {
    case MATCH_WORD: return SCORE_NAME_WORD;
    case MATCH_PART: return SCORE_NAME_PART;
    default: return 0;
    }
}

static unsigned text_score(const char *text, const char *word, size_t len, unsigned whole,
                           unsigned part)
{
    switch (find_word(text, word, len)) {
    case MATCH_WORD: return whole;
    case MATCH_PART: return part;
    default: return 0;
    }
}

/* Other wordings of the official text count as the message does. */
static unsigned variants_score(const struct slerr_entry *e, const char *word, size_t len)
{
    unsigned best = 0;
    for (size_t i = 0; slerr_entry_kind(e) == SLERR_KIND_CODE && i < slerr_entry_variant_count(e); i++) {
        unsigned s = text_score(slerr_entry_variant(e, i), word, len, SCORE_MESSAGE_WORD, SCORE_MESSAGE_PART);
        best = s > best ? s : best;
    }
    return best;
}

/* The best place the word is found, plus a little for each other field it is found in. */
static unsigned word_score(const struct slerr_entry *e, const char *word, size_t len)
{
    unsigned scores[] = {
        is_the_code(e, word) ? SCORE_CODE : 0,
        name_score(slerr_entry_symbol(e), word, len),
        name_score(slerr_entry_kind(e) == SLERR_KIND_EVENT ? NULL : slerr_entry_name(e), word, len),
        text_score(slerr_entry_title(e), word, len, SCORE_TITLE_WORD, SCORE_NAME_PART),
        text_score(slerr_entry_message(e), word, len, SCORE_MESSAGE_WORD, SCORE_MESSAGE_PART),
        variants_score(e, word, len),
        text_score(slerr_entry_cause(e), word, len, SCORE_BODY_WORD, SCORE_BODY_PART),
        text_score(slerr_entry_remedy(e), word, len, SCORE_BODY_WORD, SCORE_BODY_PART),
        text_score(slerr_entry_details(e), word, len, SCORE_BODY_WORD, SCORE_BODY_PART),
        text_score(slerr_entry_location(e), word, len, SCORE_BODY_WORD, SCORE_BODY_PART),
        text_score(slerr_entry_default_value(e), word, len, SCORE_BODY_WORD, SCORE_BODY_PART),
        text_score(slerr_entry_value_type(e), word, len, SCORE_BODY_WORD, SCORE_BODY_PART),
    };
    unsigned best = 0, found = 0;
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++) {
        if (scores[i] > best)
            best = scores[i];
        found += scores[i] != 0;
    }
    if (!best)
        return 0;
    return best + (found - 1 < MAX_FIELD_BONUS ? found - 1 : MAX_FIELD_BONUS);
}

/* Written for activation problems: everything but the generic codes imported as they are. */
static bool concerns_activation(const struct slerr_entry *e)
{
    return slerr_entry_kind(e) != SLERR_KIND_CODE || slerr_entry_cause(e) || slerr_entry_remedy(e) || slerr_entry_applies(e) ||
           (slerr_entry_source(e) && strcmp(slerr_entry_source(e), "slerror.h") == 0);
}

/* 0 when some word is missing: every word must be found somewhere. */
static unsigned entry_score(const struct slerr_entry *e, const struct query *q)
{
    unsigned total = 0;
    for (size_t i = 0; i < q->count; i++) {
        unsigned s = word_score(e, q->words[i], q->lengths[i]);
        if (!s)
            return 0;
        total += s;
    }
    return concerns_activation(e) ? total * ACTIVATION_WEIGHT : total;
}

/* The caller's array, whose elements are `stride` bytes (sizeof hits[0] where it was built):
 * struct slerr_hit as this library knows it is at the start of each, the rest zeroed. */
struct hit_array {
    unsigned char *base;
    size_t stride, max, kept;
};

/* The hit array of version 1.0: the least a caller may pass. */
#define HIT_MIN_SIZE (offsetof(struct slerr_hit, score) + sizeof(unsigned))

static unsigned score_at(const struct hit_array *a, size_t i)
{
    struct slerr_hit hit;
    memcpy(&hit, a->base + i * a->stride, HIT_MIN_SIZE);
    return hit.score;
}

/* Keeps the hits sorted best first; an equal score keeps catalog order. */
static void keep_hit(struct hit_array *a, const struct slerr_entry *e, unsigned score)
{
    size_t at = a->kept;
    while (at > 0 && score_at(a, at - 1) < score)
        at--;
    if (at >= a->max)
        return;
    size_t last = a->kept < a->max ? a->kept : a->max - 1;
    memmove(a->base + (at + 1) * a->stride, a->base + at * a->stride, (last - at) * a->stride);
    struct slerr_hit hit = { e, score };
    size_t known = a->stride < sizeof hit ? a->stride : sizeof hit;
    memcpy(a->base + at * a->stride, &hit, known);
    memset(a->base + at * a->stride + known, 0, a->stride - known);
    if (a->kept < a->max)
        a->kept++;
}

/* The index's keys of a query: the runs of word characters in its words. Every entry that
 * matches the query holds each of them inside one word of its text. */
struct key {
    const char *text;
    size_t length;
    uint32_t postings; /* entries listed under the index words that contain it, duplicates too */
    uint32_t first, words; /* its index words, kept in the found pool by the counting pass */
    bool kept;             /* all of them fit in the pool (else marking scans the blob again) */
};
#define MAX_KEYS ((size_t)SLERR_SEARCH_MAX_WORDS * 4)
#define FEW_CANDIDATES 24 /* below this, scoring costs less than another pass over the index */
#define FOUND_POOL 2048   /* index words remembered across the keys of one query */

/* The index words the counting pass found, so that marking need not scan the blob again. */
struct found {
    uint32_t words[FOUND_POOL];
    uint32_t used;
};

static size_t query_keys(const struct query *q, struct key *keys)
{
    size_t count = 0;
    for (size_t i = 0; i < q->count; i++) {
        const char *w = q->words[i];
        for (size_t at = 0; at < q->lengths[i];) {
            size_t n = 0;
            while (at + n < q->lengths[i] && is_word_char(w[at + n]))
                n++;
            if (n && count < MAX_KEYS)
                keys[count++] = (struct key){ .text = w + at, .length = n };
            at += n ? n : 1;
        }
    }
    return count;
}

/* The index of the word that holds blob offset `at`. */
static size_t word_of(size_t at)
{
    size_t low = 0, high = SEARCH_WORD_COUNT;
    while (high - low > 1) {
        size_t mid = low + (high - low) / 2;
        if (catalog_search_word_at[mid] <= at)
            low = mid;
        else
            high = mid;
    }
    return low;
}

/* The number of the code entry a key names as 8 hex digits (c004f074, 0xc004f074), or -1:
 * codes are found through the code index, not the word blob. */
static long code_ref(const struct key *key)
{
    const char *hex = key->text;
    size_t n = key->length;
    if (n == 10 && hex[0] == '0' && hex[1] == 'x')
        hex += 2, n -= 2;
    if (n != 8)
        return -1;
    uint32_t code = 0;
    for (size_t i = 0; i < 8; i++) {
        int c = (unsigned char)hex[i], v = isdigit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0)
            return -1;
        code = code << 4 | (uint32_t)v;
    }
    size_t low = 0, high = slerr_count(); /* codes come first in the numbering, in code order */
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (slerr_entry_code(slerr_at(mid)) < code)
            low = mid + 1;
        else
            high = mid;
    }
    return low < slerr_count() && slerr_entry_code(slerr_at(low)) == code ? (long)low : -1;
}

/* The next place at or after `p` where `key` starts in the blob, or NULL: memchr (vectorised
 * in libc) for the key's rarest byte, then a comparison, beats memmem on a 75 KB blob. */
static const char *find_in_blob(const char *p, const char *end, const struct key *key)
{
    size_t rare = 0;
    for (size_t i = 1; i < key->length; i++)
        if (catalog_search_byte_count[(unsigned char)key->text[i]] <
            catalog_search_byte_count[(unsigned char)key->text[rare]])
            rare = i;
    for (const char *q = p + rare; q < end; q++) {
        q = memchr(q, key->text[rare], (size_t)(end - q));
        if (!q)
            return NULL;
        const char *start = q - rare;
        if ((size_t)(end - start) >= key->length && memcmp(start, key->text, key->length) == 0)
            return start;
    }
    return NULL;
}

static void mark_word(uint32_t word, uint64_t *marks)
{
    for (uint32_t r = catalog_search_first[word]; r < catalog_search_first[word + 1]; r++)
        marks[catalog_search_refs[r] / 64] |= UINT64_C(1) << (catalog_search_refs[r] % 64);
}

/* Visits every index word that contains `key`: with `found`, counts their postings and keeps
 * the words in the pool while it has room; with `marks`, sets their entries' bits. */
static void visit_key(struct key *key, struct found *found, uint64_t *marks)
{
    const char *blob = catalog_search_words, *end = blob + SEARCH_WORDS_SIZE, *p = blob;
    long code = code_ref(key);
    if (found) {
        key->postings = code >= 0, key->first = found->used, key->words = 0, key->kept = true;
    }
    if (code >= 0 && marks)
        marks[code / 64] |= UINT64_C(1) << (code % 64);
    while ((p = find_in_blob(p, end, key)) != NULL) {
        uint32_t word = (uint32_t)word_of((size_t)(p - blob));
        if (found) {
            key->postings += catalog_search_first[word + 1] - catalog_search_first[word];
            if (found->used < FOUND_POOL)
                found->words[found->used++] = word, key->words++;
            else
                key->kept = false;
        }
        if (marks)
            mark_word(word, marks);
        p = memchr(p, '\n', (size_t)(end - p)); /* on to the next word */
        if (!p)
            break;
    }
}

/* Sets the bits of the entries that hold `key`, from the pool when the counting pass kept its
 * words, else by scanning the blob again. */
static void mark_key(struct key *key, const struct found *found, uint64_t *marks)
{
    if (!key->kept) {
        visit_key(key, NULL, marks);
        return;
    }
    long code = code_ref(key);
    if (code >= 0)
        marks[code / 64] |= UINT64_C(1) << (code % 64);
    for (uint32_t i = 0; i < key->words; i++)
        mark_word(found->words[key->first + i], marks);
}

#define MARK_WORDS ((SEARCH_ENTRY_COUNT + 63) / 64)

static size_t count_marks(const uint64_t *marks)
{
    size_t n = 0;
    for (size_t i = 0; i < MARK_WORDS; i++)
        n += (size_t)__builtin_popcountll(marks[i]);
    return n;
}

static int by_postings(const void *a, const void *b)
{
    uint32_t x = ((const struct key *)a)->postings, y = ((const struct key *)b)->postings;
    return x < y ? -1 : x > y;
}

/* The entries that may match: those holding the rarest key, narrowed by the next rarest and so
 * on until few are left (the index knows each word's count, so rarity costs one pass). A query
 * without a key (only punctuation) looks at every entry. */
static void mark_candidates(const struct query *q, uint64_t *marks)
{
    struct key keys[MAX_KEYS];
    struct found found = { .used = 0 };
    size_t count = query_keys(q, keys);
    memset(marks, count ? 0 : 0xFF, MARK_WORDS * sizeof marks[0]);
    for (size_t i = 0; i < count; i++)
        visit_key(&keys[i], &found, NULL);
    qsort(keys, count, sizeof keys[0], by_postings);
    if (count == 0 || keys[0].postings == 0)
        return;
    mark_key(&keys[0], &found, marks);
    for (size_t i = 1; i < count && count_marks(marks) > FEW_CANDIDATES; i++) {
        uint64_t more[MARK_WORDS];
        memset(more, 0, sizeof more);
        mark_key(&keys[i], &found, more);
        for (size_t m = 0; m < MARK_WORDS; m++)
            marks[m] &= more[m];
    }
}

enum slerr_status slerr_search(const char *query, struct slerr_hit *hits, size_t max,
                               size_t hit_size, size_t *matches)
{
    struct query q;
    struct hit_array array = { (unsigned char *)hits, hit_size, max, 0 };
    if (matches)
        *matches = 0;
    if ((max && !hits) || (max && hit_size < HIT_MIN_SIZE))
        return SLERR_E_ARGUMENT;
    enum slerr_status status = parse_query(query, &q);
    if (status != SLERR_OK)
        return status;
    uint64_t marks[MARK_WORDS];
    mark_candidates(&q, marks);
    size_t found = 0;
    for (size_t block = 0; block < sizeof marks / sizeof marks[0]; block++) {
        for (uint64_t bits = marks[block]; bits; bits &= bits - 1) {
            const struct slerr_entry *e = catalog_numbered(block * 64 + (size_t)__builtin_ctzll(bits));
            unsigned score = e ? entry_score(e, &q) : 0;
            if (!score)
                continue;
            found++;
            if (array.max)
                keep_hit(&array, e, score);
        }
    }
    if (matches)
        *matches = found;
    return SLERR_OK;
}
