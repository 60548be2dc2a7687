/* SPDX-License-Identifier: MIT */
/* guess_words.c: helper of tests/explain/corpus/fit_guess.py: the words of each file named on
 * the command line as the guess weighs them (src/explain/guess.c, after the input layer's
 * decoding and normalizing, in the first EX_GUESS_READ_MAX bytes), so that the fitting
 * script never reads a word differently. Output: one line per file, its path, a tab, and its
 * distinct words separated by tabs. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guess.h"
#include "input.h"

struct words {
    size_t bytes;
    char **seen;
    size_t nseen, cap;
};

static void add_word(void *ctx, const char *word, size_t len, const char *from, size_t fromlen)
{
    (void)from, (void)fromlen;
    struct words *w = ctx;
    for (size_t i = 0; i < w->nseen; i++)
        if (strlen(w->seen[i]) == len && memcmp(w->seen[i], word, len) == 0)
            return;
    if (w->nseen == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 256;
        w->seen = realloc(w->seen, w->cap * sizeof *w->seen);
        if (!w->seen)
            exit(3);
    }
    w->seen[w->nseen] = strndup(word, len);
    if (!w->seen[w->nseen++])
        exit(3);
}

/* The same lines and bytes ex_guess_line weighs. */
static int on_line(void *ctx, const char *text, size_t len, size_t lineno, bool first, bool last)
{
    (void)lineno, (void)last;
    struct words *w = ctx;
    if (!first || w->bytes >= EX_GUESS_READ_MAX)
        return 0;
    if (len > EX_GUESS_READ_MAX - w->bytes)
        len = EX_GUESS_READ_MAX - w->bytes;
    w->bytes += len + 1;
    ex_guess_words(text, len, add_word, w);
    return 0;
}

static struct ex_input input; /* large: not on the stack */

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        struct words w = { 0 };
        ex_input_init(&input, on_line, &w);
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            ex_input_feed(&input, buf, n);
        ex_input_finish(&input);
        fclose(f);
        fputs(argv[i], stdout);
        for (size_t k = 0; k < w.nseen; k++) {
            printf("\t%s", w.seen[k]);
            free(w.seen[k]);
        }
        putchar('\n');
        free(w.seen);
    }
    return 0;
}
