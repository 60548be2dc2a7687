/* SPDX-License-Identifier: MIT */
/* json_line.h: follows, byte by byte, a line being copied that is a JSON object (JSON Lines
 * logs), so that `slerr annotate` writes into it only where the line stays valid JSON. */
#ifndef SLERR_JSON_LINE_H
#define SLERR_JSON_LINE_H

#include <stdbool.h>
#include <stddef.h>

struct json_line {
    bool line_start; /* only blanks so far on this line */
    bool active;     /* the line opened with '{' and that object is not closed yet */
    bool in_string;
    bool escape;     /* the previous byte in the string was an unescaped '\' */
    unsigned depth;  /* objects and arrays open */
};

/* A new input: the next byte starts a line. */
void json_line_reset(struct json_line *j);

/* Follows the bytes [from, to) of `p` and returns `to`; with `stop`, returns instead the
 * index of the first '\n' or of the '}' that would close the line's object, without
 * following that byte (the caller writes its additions before it, then goes on). */
size_t json_line_follow(struct json_line *j, const unsigned char *p, size_t from, size_t to,
                        bool stop);

#endif
