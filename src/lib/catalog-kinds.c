/* SPDX-License-Identifier: MIT */
/* catalog-kinds.c: the catalog by kind: events, symptoms and settings beside the codes,
 * iteration over each kind and lookups by event ID or name. The tables are small and
 * sorted, so the shared sorted search (events) or a scan (names) needs no index of its own. */
#include <string.h>
#include <strings.h>

#include "catalog-index.h"
#include "slerr.h"

struct kind_table {
    const char *name;
    const struct slerr_entry *entries;
    const size_t *count;
};

static const struct kind_table kind_tables[SLERR_KIND_COUNT] = {
    [SLERR_KIND_CODE] = { "code", catalog_entries, &catalog_entry_count },
    [SLERR_KIND_EVENT] = { "event", catalog_events, &catalog_event_count },
    [SLERR_KIND_SYMPTOM] = { "symptom", catalog_symptoms, &catalog_symptom_count },
    [SLERR_KIND_SETTING] = { "setting", catalog_settings, &catalog_setting_count },
};

static const struct kind_table *table_of(enum slerr_kind kind)
{
    return (unsigned)kind < SLERR_KIND_COUNT ? &kind_tables[kind] : NULL;
}

size_t slerr_kind_count(enum slerr_kind kind)
{
    const struct kind_table *t = table_of(kind);
    return t ? *t->count : 0;
}

const struct slerr_entry *slerr_kind_at(enum slerr_kind kind, size_t index)
{
    const struct kind_table *t = table_of(kind);
    return t && index < *t->count ? &t->entries[index] : NULL;
}

const char *slerr_kind_name(enum slerr_kind kind)
{
    const struct kind_table *t = table_of(kind);
    return t ? t->name : NULL;
}

enum slerr_status slerr_kind_parse(const char *name, enum slerr_kind *kind)
{
    if (!name || !kind)
        return SLERR_E_ARGUMENT;
    for (unsigned k = 0; k < SLERR_KIND_COUNT; k++) {
        if (strcasecmp(name, kind_tables[k].name) == 0) {
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
    const struct kind_table *t = table_of(kind);
    for (size_t i = 0; t && i < *t->count; i++)
        if (strcasecmp(slerr_entry_name(&t->entries[i]), name) == 0)
            return &t->entries[i];
    return NULL;
}
