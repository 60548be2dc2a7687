/* resolvconf.h: the few resolv.conf facts diagnose needs (its domain, its first search entry,
 * whether it names any server). A pure parser over the file's text. */
#ifndef SLERR_DIAG_RESOLVCONF_H
#define SLERR_DIAG_RESOLVCONF_H

#include <stdbool.h>
#include <stddef.h>

struct resolv_facts {
    char domain[256];       /* the `domain` line, else the first `search` entry; "" when neither */
    size_t nameservers;
};

void resolvconf_parse(const char *text, size_t length, struct resolv_facts *facts);

#define RESOLV_CONF_MAX 65536

/* Reads and parses a regular file of at most RESOLV_CONF_MAX bytes without NUL bytes; -1 with
 * a sentence naming the file and the reason in `error` otherwise (facts are then empty). */
int resolvconf_read(const char *path, struct resolv_facts *facts, char *error, size_t size);

#endif
