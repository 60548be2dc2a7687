/* SPDX-License-Identifier: MIT */
/* catalog-kinds.c: the catalog by kind: events, symptoms and settings beside the codes,
 * iteration over each kind and lookups by event ID or name. The tables are small and
 * sorted, so the shared sorted search (events) or a scan (names) needs no index of its own. */
#include <string.h>
#include <strings.h>

#include "catalog-index.h"
#include "slerr.h"

static const char *const kind_names[SLERR_KIND_COUNT] = {
    [SLERR_KIND_CODE] = "code",
    [SLERR_KIND_EVENT] = "event",
    [SLERR_KIND_SYMPTOM] = "symptom",
    [SLERR_KIND_SETTING] = "setting",
};

size_t slerr_kind_count(enum slerr_kind kind)
{
    size_t count;
    (void)catalog_kind_table((unsigned)kind, &count);
    return count;
}

const struct slerr_entry *slerr_kind_at(enum slerr_kind kind, size_t index)
{
    size_t count;
    const struct slerr_entry *table = catalog_kind_table((unsigned)kind, &count);
    return index < count ? &table[index] : NULL;
}

const char *slerr_kind_name(enum slerr_kind kind)
{
    return (unsigned)kind < SLERR_KIND_COUNT ? kind_names[kind] : NULL;
}

enum slerr_status slerr_kind_parse(const char *name, enum slerr_kind *kind)
{
    if (!name || !kind)
        return SLERR_E_ARGUMENT;
    for (unsigned k = 0; k < SLERR_KIND_COUNT; k++) {
        if (strcasecmp(name, kind_names[k]) == 0) {
            *kind = (enum slerr_kind)k;
            return SLERR_OK;
        }
    }
    return SLERR_E_UNKNOWN_KIND;
}

const struct slerr_entry *slerr_lookup_event(unsigned id)
{
    size_t at = sorted_find(catalog_events, catalog_event_count, sizeof catalog_events[0], id);
    return at < catalog_event_count ? &catalog_events[at] : NULL;
}

const struct slerr_entry *slerr_lookup_name(enum slerr_kind kind, const char *name)
{
    if (!name)
        return NULL;
    if (kind == SLERR_KIND_CODE)
        return slerr_lookup_symbol(name);
    size_t count;
    const struct slerr_entry *table = catalog_kind_table((unsigned)kind, &count);
    for (size_t i = 0; i < count; i++)
        if (strcasecmp(slerr_entry_name(&table[i]), name) == 0)
            return &table[i];
    return NULL;
}
