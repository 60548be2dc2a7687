/* SPDX-License-Identifier: MIT */
/* repl_words.c: splits a REPL line into words, as a shell would for the simple cases: blanks
 * separate, '...' keeps everything, "..." keeps all but \" and \\, a backslash keeps the next
 * character. Our own, because libedit's tokenizer reads past the end of a line that ends in
 * a backslash. */
#include <stdlib.h>
#include <string.h>

#include "repl.h"

/* Copies one word from *read to *write (they may be the same buffer: a word never grows);
 * NULL, or the message of what is wrong with the line. */
static const char *copy_word(const char **read, char **write)
{
    const char *r = *read;
    char *w = *write;
    char quote = 0;
    for (; *r && (quote || (*r != ' ' && *r != '\t')); r++) {
        if (quote == '\'' ? *r == '\'' : quote == '"' ? *r == '"' : 0) {
            quote = 0;
        } else if (!quote && (*r == '\'' || *r == '"')) {
            quote = *r;
        } else if (*r == '\\' && quote != '\'' &&
                   (!quote || r[1] == '"' || r[1] == '\\')) {
            if (!r[1])
                return "a line cannot end in a backslash";
            *w++ = *++r;
        } else {
            *w++ = *r;
        }
    }
    if (quote)
        return "unmatched quote";
    *read = r;
    *write = w;
    return NULL;
}

const char *repl_split(char *line, char ***words, int *count)
{
    size_t length = strlen(line);
    /* A word and its blank take two bytes: at most length / 2 + 1 words. */
    char **list = malloc((length / 2 + 2) * sizeof *list);
    if (!list)
        return "out of memory";
    const char *r = line;
    char *w = line;
    int n = 0;
    for (;;) {
        r += strspn(r, " \t");
        if (!*r)
            break;
        char *start = w;
        const char *error = copy_word(&r, &w);
        if (error) {
            free(list);
            return error;
        }
        /* The word's end: w is at most r, which still points at the blank or the NUL. */
        char *end = w;
        if (*r)
            r++;
        *end = '\0';
        w = end + 1;
        list[n++] = start;
    }
    list[n] = NULL;
    *words = list;
    *count = n;
    return NULL;
}
