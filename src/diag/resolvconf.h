/* SPDX-License-Identifier: MIT */
/* resolvconf.h: the few resolv.conf facts diagnose needs (its domain, its search list, whether
 * it names any server). A pure parser over the file's text. */
#ifndef SLERR_DIAG_RESOLVCONF_H
#define SLERR_DIAG_RESOLVCONF_H

#include <stdbool.h>
#include <stddef.h>

#define RESOLV_SEARCH_MAX 6

struct resolv_facts {
    char domain[256];       /* the `domain` line, else the first `search` entry; "" when neither */
    char search[RESOLV_SEARCH_MAX][256]; /* the search list: `search` entries, or the domain */
    size_t search_count;
    size_t nameservers;
};

void resolvconf_parse(const char *text, size_t length, struct resolv_facts *facts);

#define RESOLV_CONF_MAX 65536

/* Reads and parses a regular file of at most RESOLV_CONF_MAX bytes without NUL bytes; -1 with
 * a sentence naming the file and the reason in `error` otherwise (facts are then empty). */
int resolvconf_read(const char *path, struct resolv_facts *facts, char *error, size_t size);

#endif
