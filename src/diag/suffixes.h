/* SPDX-License-Identifier: MIT */
/* suffixes.h: the DNS suffixes under which a Windows client looks for _vlmcs._tcp, in its order:
 * the primary DNS suffix, its parent domains as DNS devolution walks them (never below two
 * labels), then the connection-specific suffixes. Pure list building, no I/O. */
#ifndef SLERR_DIAG_SUFFIXES_H
#define SLERR_DIAG_SUFFIXES_H

#include <stddef.h>

#define SUFFIX_MAX 8        /* suffixes queried; further ones are counted in `dropped` */
#define SUFFIX_NAME_MAX 254 /* a DNS name and its NUL */

enum suffix_origin { SUFFIX_PRIMARY, SUFFIX_PARENT, SUFFIX_CONNECTION };

struct suffix {
    char name[SUFFIX_NAME_MAX]; /* without a final dot */
    enum suffix_origin origin;
};

struct suffix_list {
    struct suffix items[SUFFIX_MAX];
    size_t count;
    size_t dropped; /* suffixes left out for lack of room */
};

/* Builds the list from the primary suffix (NULL or "" for none) and `count` connection-specific
 * suffixes; a name already in the list (compared without case) is not added again. */
void suffix_list_build(const char *primary, const char *const *connection, size_t count,
                       struct suffix_list *list);

/* --suffixes PRIMARY,CONNECTION,...: 0, or -1 when an entry is empty, only dots or too long (the caller
 * checks each name's syntax). */
int suffix_list_parse(const char *csv, struct suffix_list *list);

/* "primary", "parent of the primary", "connection-specific". */
const char *suffix_origin_text(enum suffix_origin origin);

#endif
