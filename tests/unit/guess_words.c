/* SPDX-License-Identifier: MIT */
/* guess_words.c: helper of tests/explain/corpus/fit_guess.py: the words of each file named on
 * the command line as the guess weighs them: the input layer's lines kept by ex_guess_line
 * (its bound included) and read by ex_guess_words, so that the fitting script never reads a
 * word differently. Output: one line per file, its path, then a tab before each word (a word
 * may come more than once; the script counts it once, as the guess does). */
#include <stdbool.h>
#include <stdio.h>

#include "guess.h"
#include "input.h"

static void print_word(void *ctx, const char *word, size_t len, const char *from, size_t fromlen)
{
    (void)ctx, (void)from, (void)fromlen;
    printf("\t%.*s", (int)len, word);
}

static void print_line_words(void *ctx, const char *text, size_t len, size_t lineno)
{
    (void)lineno;
    ex_guess_words(text, len, print_word, ctx);
}

static int keep_line(void *ctx, const char *text, size_t len, size_t lineno, bool first,
                     bool last)
{
    (void)last;
    if (first)
        ex_guess_line(ctx, text, len, lineno);
    return 0;
}

static struct ex_input input; /* large: not on the stack */
static struct ex_guess guess;

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 2;
        }
        ex_guess_init(&guess);
        ex_input_init(&input, keep_line, &guess);
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0)
            ex_input_feed(&input, buf, n);
        ex_input_finish(&input);
        fclose(f);
        if (guess.broke) {
            fprintf(stderr, "%s: out of memory\n", argv[i]);
            return 3;
        }
        fputs(argv[i], stdout);
        ex_guess_each_line(&guess, print_line_words, NULL);
        putchar('\n');
        ex_guess_free(&guess);
    }
    return 0;
}
