/* SPDX-License-Identifier: MIT */
/* explain_feed.h: feeds a fixture to a line callback as the driver does (line ends removed),
 * for the unit tests of the explain readers. */
#ifndef SLERR_TEST_EXPLAIN_FEED_H
#define SLERR_TEST_EXPLAIN_FEED_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*feed_line_fn)(void *state, const char *text, size_t len, size_t lineno);

/* Feeds every line of FIXTURES/name; returns the first non-zero status, or 0. */
static inline int feed_fixture(const char *name, feed_line_fn fn, void *state)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", FIXTURES, name);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "fixture %s", path);
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while (!rc && (n = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)n;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        rc = fn(state, line, len, ++lineno);
    }
    free(line);
    fclose(f);
    return rc;
}

#endif
