/* SPDX-License-Identifier: MIT */
/* fuzz_guess.c: the guess from a text's wording (guess.c) on arbitrary bytes: every word it
 * reads is at most EX_GUESS_WORD_MAX bytes and is read from inside the text; the lines it
 * keeps stay within EX_GUESS_READ_MAX; the finding names at most EX_GUESS_SHOWN words and
 * fits its value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guess.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct bounds {
    const char *text;
    size_t len;
};

static void check_word(void *ctx, const char *word, size_t len, const char *from, size_t fromlen)
{
    const struct bounds *b = ctx;
    if (len == 0 || len > EX_GUESS_WORD_MAX || !word)
        abort();
    if (from < b->text || fromlen == 0 || from + fromlen > b->text + b->len)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    struct bounds b = { text, size };
    ex_guess_words(text, size, check_word, &b);

    static struct ex_guess g;
    ex_guess_init(&g);
    size_t lineno = 0, start = 0;
    for (size_t i = 0; i <= size; i++)
        if (i == size || data[i] == '\n') {
            ex_guess_line(&g, text + start, i - start, ++lineno);
            start = i + 1;
        }
    if (g.used > EX_GUESS_READ_MAX + 2 * sizeof(size_t))
        abort();
    (void)ex_guess_trouble(&g);
    struct ex_finding f;
    size_t line = ex_guess_finding(&g, &f);
    if (line == 0 || line > lineno + 1 || strlen(f.value) >= sizeof f.value)
        abort();
    ex_guess_free(&g);
    return 0;
}
