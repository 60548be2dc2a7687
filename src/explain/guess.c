/* SPDX-License-Identifier: MIT */
/* guess.c: weighs the words of a text no reader could read against a table fitted to real
 * pastes, to tell a report of activation failing from a guide or another program's output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guess.h"
#include "labels.h"
#include "prose.h"

/* The table: slot i holds a word's FNV-1a hash (0: empty) and its weight in thousandths. The
 * hash alone stands for the word: one of the table's few thousand meeting another word by
 * chance (1 in a million a word) moves a score by one weight. */
#define GUESS_BIAS(v)
#define GUESS_THRESHOLD(v)
#define GUESS_SLOT(slot, hash, weight) [slot] = (hash),
static const uint32_t slot_hash[EX_GUESS_SLOTS] = {
#include "guess_weights.def"
};
#undef GUESS_SLOT
#define GUESS_SLOT(slot, hash, weight) [slot] = (weight),
static const int16_t slot_weight[EX_GUESS_SLOTS] = {
#include "guess_weights.def"
};
#undef GUESS_SLOT
#undef GUESS_BIAS
#undef GUESS_THRESHOLD
#define GUESS_SLOT(slot, hash, weight)
#define GUESS_BIAS(v) BIAS = (v),
#define GUESS_THRESHOLD(v) THRESHOLD = (v),
enum {
#include "guess_weights.def"
};
#undef GUESS_SLOT
#undef GUESS_BIAS
#undef GUESS_THRESHOLD

_Static_assert((EX_GUESS_SLOTS & (EX_GUESS_SLOTS - 1)) == 0, "a power of two");

const struct ex_row ex_guess_row = {
    "activation-trouble-guessed", "words", EX_CRITICAL,
    "Nothing here is output, an event or a code slerr can read, but the words sound like a "
    "report of activation failing: a guess from the wording, weighed against real pastes, not "
    "a reading of the machine's state.",
    { 0 }, { NULL },
    "`slmgr /dlv` (Windows) or `cscript ospp.vbs /dstatus` (Office) prints the state and the "
    "error code: paste what it prints.",
};

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1; /* 0 marks an empty slot */
}

/* The slot of a word's hash, or of the empty slot where it would go. */
static size_t slot_of(uint32_t h)
{
    size_t i = h & (EX_GUESS_SLOTS - 1);
    while (slot_hash[i] && slot_hash[i] != h)
        i = (i + 1) & (EX_GUESS_SLOTS - 1);
    return i;
}

int ex_guess_weight(const char *word, size_t len)
{
    return slot_weight[slot_of(fnv1a(word, len))];
}

/* ---- words ---- */

enum char_class { SEPARATOR, LETTER, IDEOGRAPH };

/* CJK ideographs, kana and Hangul: no blanks between words, so neighbours make the words. */
static bool ideograph(uint32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
}

static enum char_class class_of(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? LETTER : SEPARATOR;
    if (ideograph(cp))
        return IDEOGRAPH;
    /* Letters of every other script; not Latin-1's signs, general punctuation and symbols,
     * CJK punctuation, full-width forms, the replacement character, private use, emoji. */
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
        (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFFFF) || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0x1F000)
        return SEPARATOR;
    return LETTER;
}

/* The code point at s[0..n) and its length; a broken sequence is one separator byte (the
 * input layer has replaced them already: this only keeps the walk safe). */
static uint32_t utf8_decode(const unsigned char *s, size_t n, size_t *used)
{
    *used = 1;
    if (s[0] < 0x80)
        return s[0];
    size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (!len || len > n)
        return 0xFFFD;
    uint32_t cp = s[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0xFFFD;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    *used = len;
    return cp;
}

/* Where an address that reaches text[at] ends: at a blank or a bracket or quote that closes it. */
static size_t address_end(const char *text, size_t len, size_t at)
{
    while (at < len && !strchr(" \t)]>\"'", text[at]))
        at++;
    return at;
}

void ex_guess_words(const char *text, size_t len, ex_guess_word_fn fn, void *ctx)
{
    char word[EX_GUESS_WORD_MAX];
    size_t wlen = 0, letters = 0, wstart = 0;
    size_t prevlen = 0; /* the bytes of the ideograph before this one, in a run of them */
    const unsigned char *s = (const unsigned char *)text;
    for (size_t at = 0; at <= len;) {
        if (at + 3 <= len && memcmp(text + at, "://", 3) == 0) {
            /* an address: its words are a site's (a screenshot's host says "user-attachments"),
             * and its scheme no word either */
            wlen = letters = prevlen = 0;
            at = address_end(text, len, at);
            continue;
        }
        size_t used = 1;
        uint32_t cp = at < len ? utf8_decode(s + at, len - at, &used) : ' ';
        enum char_class c = class_of(cp);
        if (c == LETTER) {
            if (!letters)
                wstart = at;
            if (letters++ < EX_GUESS_STEM) {
                /* in lower case as the prose words compare it; other letters as written */
                size_t n = ex_prose_fold(s + at, len - at, (unsigned char *)word + wlen);
                if (!n)
                    memcpy(word + wlen, text + at, n = used);
                wlen += n;
            }
        } else {
            if (letters >= 2)
                fn(ctx, word, wlen, text + wstart, at - wstart);
            wlen = letters = 0;
        }
        if (c == IDEOGRAPH) {
            if (prevlen) /* the two characters stand side by side in the text */
                fn(ctx, text + at - prevlen, prevlen + used, text + at - prevlen, prevlen + used);
            prevlen = used;
        } else {
            prevlen = 0;
        }
        at += used;
    }
}

/* ---- weighing ---- */

#define LINE_HEAD (2 * sizeof(size_t)) /* a kept line's number and length */

void ex_guess_init(struct ex_guess *g)
{
    memset(g, 0, sizeof *g);
    g->score = BIAS;
}

void ex_guess_free(struct ex_guess *g)
{
    free(g->kept);
    g->kept = NULL;
}

void ex_guess_line(struct ex_guess *g, const char *text, size_t len, size_t lineno)
{
    size_t room = EX_GUESS_READ_MAX + LINE_HEAD - g->used;
    if (g->broke || g->used >= EX_GUESS_READ_MAX)
        return;
    if (!g->kept && !(g->kept = malloc(EX_GUESS_READ_MAX + LINE_HEAD))) {
        g->broke = true;
        return;
    }
    if (len > room - LINE_HEAD)
        len = room - LINE_HEAD;
    memcpy(g->kept + g->used, &lineno, sizeof lineno);
    memcpy(g->kept + g->used + sizeof lineno, &len, sizeof len);
    memcpy(g->kept + g->used + LINE_HEAD, text, len);
    g->used += LINE_HEAD + len;
}

struct weighing {
    struct ex_guess *g;
    size_t lineno;
};

/* Keeps the heaviest words seen, heaviest first, as the text wrote them (a long one cut at a
 * character's start). */
static void keep_heavy(struct ex_guess *g, int weight, const char *word, size_t len)
{
    if (len > EX_GUESS_WORD_MAX) {
        len = EX_GUESS_WORD_MAX;
        while (len > 0 && ((unsigned char)word[len] & 0xC0) == 0x80)
            len--;
    }
    size_t at = EX_GUESS_SHOWN;
    while (at > 0 && g->heaviest[at - 1].weight < weight)
        at--;
    if (at == EX_GUESS_SHOWN)
        return;
    memmove(g->heaviest + at + 1, g->heaviest + at,
            (EX_GUESS_SHOWN - 1 - at) * sizeof g->heaviest[0]);
    g->heaviest[at].weight = weight;
    memcpy(g->heaviest[at].text, word, len);
    g->heaviest[at].text[len] = '\0';
}

static void weigh_word(void *ctx, const char *word, size_t len, const char *from,
                       size_t fromlen)
{
    struct weighing *w = ctx;
    size_t i = slot_of(fnv1a(word, len));
    if (!slot_hash[i] || (w->g->seen[i / 64] >> (i % 64) & 1))
        return;
    w->g->seen[i / 64] |= UINT64_C(1) << (i % 64);
    w->g->score += slot_weight[i];
    if (slot_weight[i] > 0) {
        if (!w->g->first_line)
            w->g->first_line = w->lineno;
        keep_heavy(w->g, slot_weight[i], from, fromlen);
    }
}

void ex_guess_each_line(const struct ex_guess *g, ex_guess_line_fn fn, void *ctx)
{
    for (size_t at = 0; at < g->used;) {
        size_t lineno, len;
        memcpy(&lineno, g->kept + at, sizeof lineno);
        memcpy(&len, g->kept + at + sizeof lineno, sizeof len);
        fn(ctx, g->kept + at + LINE_HEAD, len, lineno);
        at += LINE_HEAD + len;
    }
}

static void weigh_line(void *ctx, const char *text, size_t len, size_t lineno)
{
    struct weighing *w = ctx;
    w->lineno = lineno;
    ex_guess_words(text, len, weigh_word, w);
    w->g->other |= ex_phrase_in(EX_PH_OTHER_LICENSING, text, len);
}

long ex_guess_score(struct ex_guess *g)
{
    if (!g->weighed) {
        g->weighed = true;
        struct weighing w = { g, 0 };
        ex_guess_each_line(g, weigh_line, &w);
    }
    return g->score;
}

bool ex_guess_trouble(struct ex_guess *g)
{
    return ex_guess_score(g) >= THRESHOLD && !g->broke && !g->other;
}

size_t ex_guess_finding(struct ex_guess *g, struct ex_finding *out)
{
    ex_guess_score(g);
    char words[EX_VALUE_MAX] = "";
    size_t used = 0;
    for (size_t i = 0; i < EX_GUESS_SHOWN && g->heaviest[i].weight > 0; i++)
        used += (size_t)snprintf(words + used, sizeof words - used, "%s%s", i ? ", " : "",
                                 g->heaviest[i].text);
    ex_finding_from_row(out, &ex_guess_row, words, NULL, NULL);
    return g->first_line ? g->first_line : 1;
}
