/* SPDX-License-Identifier: MIT */
/* json_line.c: a JSON object line's lexical state (in a string, how deep) for `slerr annotate`;
 * only as much of JSON as placing an annotation needs, never a validation of the line. */
#include "json_line.h"

#include <string.h>

void json_line_reset(struct json_line *j)
{
    *j = (struct json_line){ .line_start = true };
}

/* A byte of a line that is not (or no longer) a JSON object: only its end matters. */
static size_t skip_to_newline(const unsigned char *p, size_t from, size_t to)
{
    const unsigned char *nl = memchr(p + from, '\n', to - from);
    return nl ? (size_t)(nl - p) : to;
}

static void follow_byte(struct json_line *j, unsigned char c)
{
    if (j->in_string) {
        if (j->escape)
            j->escape = false;
        else if (c == '\\')
            j->escape = true;
        else if (c == '"')
            j->in_string = false;
    } else if (c == '"') {
        j->in_string = true;
    } else if (c == '{' || c == '[') {
        j->depth++;
    } else if ((c == '}' || c == ']') && --j->depth == 0) {
        j->active = false; /* whatever follows on the line is not part of the object */
    }
}

size_t json_line_follow(struct json_line *j, const unsigned char *p, size_t from, size_t to,
                        bool stop)
{
    for (size_t i = from; i < to; i++) {
        unsigned char c = p[i];
        if (c == '\n') {
            if (stop)
                return i;
            json_line_reset(j);
        } else if (j->active) {
            if (stop && c == '}' && j->depth == 1 && !j->in_string)
                return i;
            follow_byte(j, c);
        } else if (j->line_start) {
            if (c == ' ' || c == '\t' || c == '\r')
                continue;
            j->line_start = false;
            if (c == '{') {
                j->active = true;
                j->depth = 1;
            }
        } else {
            i = skip_to_newline(p, i, to) - 1; /* the loop then stops at the '\n' */
        }
    }
    return to;
}
