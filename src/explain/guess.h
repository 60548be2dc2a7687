/* SPDX-License-Identifier: MIT */
/* guess.h: the last word on a text about activation that no reader, prose rule or code could
 * read: whether its words sound like a report of activation failing. The words and their
 * weights were fitted to the corpus of real pastes (guess_weights.def, written by
 * tests/explain/corpus/fit_guess.py); the finding says it is a guess and which words weighed. */
#ifndef SLERR_EXPLAIN_GUESS_H
#define SLERR_EXPLAIN_GUESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "finding.h"
#include "record.h"

/* The text the guess weighs: the first lines, up to this many bytes. A report tells its
 * trouble at the start, and a stream of a million event lines costs it nothing after them. */
#define EX_GUESS_READ_MAX ((size_t)64 * 1024)
/* Slots of the word table (a power of two; guess_weights.def is laid out for it). */
#define EX_GUESS_SLOTS 8192u

/* The words of a line as the guess weighs them: each run of letters cut to its first
 * EX_GUESS_STEM letters, in lower case; each two neighbouring characters of a CJK or Hangul
 * run. */
#define EX_GUESS_STEM 6
#define EX_GUESS_WORD_MAX ((size_t)EX_GUESS_STEM * 4)
#define EX_GUESS_SHOWN 3 /* the heaviest words the finding names */

struct ex_guess_word {
    int weight;
    char text[EX_GUESS_WORD_MAX + 1];
};

/* The text is kept as it streams by (the first EX_GUESS_READ_MAX bytes: a copy costs a paste
 * that a reader reads next to nothing) and weighed only at the end, when nothing was read. */
struct ex_guess {
    char *kept;        /* lines, each after its number and length (two size_t); NULL: none yet */
    size_t used;       /* bytes of kept in use */
    bool weighed, broke; /* the kept text weighed; keeping it ran out of memory */
    bool other;        /* it names another licensing (Remote Desktop's): its trouble is that */
    long score;        /* the fitted bias plus the weight of each distinct word seen */
    size_t first_line; /* the first line that held a word weighing towards trouble */
    struct ex_guess_word heaviest[EX_GUESS_SHOWN]; /* heaviest first; weight 0: none */
    uint64_t seen[EX_GUESS_SLOTS / 64]; /* the table's words seen, each counted once */
};

void ex_guess_init(struct ex_guess *g);
void ex_guess_free(struct ex_guess *g);
/* Keeps one normalized line for weighing (after the first EX_GUESS_READ_MAX bytes, nothing).
 * Out of memory, the guess is left out (it adds to what was read, never replaces it). */
void ex_guess_line(struct ex_guess *g, const char *text, size_t len, size_t lineno);
/* Calls fn for each line kept, as ex_guess_line bounded it (ex_guess_score weighs them; the
 * fitting script's helper, tests/unit/guess_words.c, prints their words). */
typedef void (*ex_guess_line_fn)(void *ctx, const char *text, size_t len, size_t lineno);
void ex_guess_each_line(const struct ex_guess *g, ex_guess_line_fn fn, void *ctx);
/* The score of the lines kept (weighed at the first call). */
long ex_guess_score(struct ex_guess *g);
/* Whether the words weighed sound like a report of activation failing (never in a text that
 * names another product's licensing, such as Remote Desktop's, which the same words tell). */
bool ex_guess_trouble(struct ex_guess *g);
/* The finding, from ex_guess_row, the heaviest words seen as its value; returns the line the
 * record starts at. */
size_t ex_guess_finding(struct ex_guess *g, struct ex_finding *out);

/* Calls fn for each word of a line as ex_guess_line weighs it (word, len), with the text it
 * was read from (the whole run of letters, or the two ideographs; `from`, fromlen). For the
 * fitting script's helper, tests/unit/guess_words.c, and the tests. */
typedef void (*ex_guess_word_fn)(void *ctx, const char *word, size_t len, const char *from,
                                 size_t fromlen);
void ex_guess_words(const char *text, size_t len, ex_guess_word_fn fn, void *ctx);
/* A word's weight in the table (thousandths), 0 when the table does not hold it. */
int ex_guess_weight(const char *word, size_t len);

extern const struct ex_row ex_guess_row;

#endif
