/* SPDX-License-Identifier: MIT */
/* suffixes.c: the order of DNS suffixes a Windows client tries for an unqualified name such as
 * _vlmcs._tcp: primary suffix, its devolved parents, connection-specific suffixes. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "suffixes.h"

static void add(struct suffix_list *list, const char *name, size_t length, enum suffix_origin origin)
{
    while (length > 0 && name[length - 1] == '.')
        length--; /* "corp.example." and "corp.example" are one suffix */
    if (length == 0 || length >= SUFFIX_NAME_MAX)
        return;
    for (size_t i = 0; i < list->count; i++)
        if (strlen(list->items[i].name) == length && strncasecmp(list->items[i].name, name, length) == 0)
            return;
    if (list->count == SUFFIX_MAX) {
        list->dropped++;
        return;
    }
    struct suffix *s = &list->items[list->count++];
    memcpy(s->name, name, length);
    s->name[length] = '\0';
    s->origin = origin;
}

static size_t labels(const char *name)
{
    size_t n = 1;
    for (const char *p = name; *p; p++)
        n += *p == '.' && p[1] != '\0';
    return n;
}

/* Devolution drops the leftmost label while at least two labels remain: a.b.c.d gives b.c.d
 * and c.d, never the top-level domain alone. */
static void add_parents(struct suffix_list *list, const char *primary)
{
    const char *p = primary;
    while (labels(p) > 2) {
        p = strchr(p, '.') + 1;
        add(list, p, strlen(p), SUFFIX_PARENT);
    }
}

void suffix_list_build(const char *primary, const char *const *connection, size_t count,
                       struct suffix_list *list)
{
    memset(list, 0, sizeof *list);
    if (primary && primary[0]) {
        add(list, primary, strlen(primary), SUFFIX_PRIMARY);
        if (list->count == 1)
            add_parents(list, list->items[0].name);
    }
    for (size_t i = 0; i < count; i++)
        add(list, connection[i], strlen(connection[i]), SUFFIX_CONNECTION);
}

int suffix_list_parse(const char *csv, struct suffix_list *list)
{
    const char *names[SUFFIX_MAX * 4];
    char copy[SUFFIX_MAX * 4 * SUFFIX_NAME_MAX];
    size_t count = 0;
    size_t length = strlen(csv);
    if (length >= sizeof copy)
        return -1;
    memcpy(copy, csv, length + 1);
    for (char *p = copy;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        /* "." (or "..") is no suffix: it would vanish, and with it the primary's place */
        if (strspn(p, ".") == strlen(p) || strlen(p) >= SUFFIX_NAME_MAX ||
            count == sizeof names / sizeof names[0])
            return -1;
        names[count++] = p;
        if (!comma)
            break;
        p = comma + 1;
    }
    suffix_list_build(names[0], names + 1, count - 1, list);
    return 0;
}

const char *suffix_origin_text(enum suffix_origin origin)
{
    switch (origin) {
    case SUFFIX_PRIMARY: return "primary";
    case SUFFIX_PARENT: return "parent of the primary";
    case SUFFIX_CONNECTION: return "connection-specific";
    }
    return "?";
}
