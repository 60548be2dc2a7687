/* SPDX-License-Identifier: MIT */
/* entry.c: the accessors of struct slerr_entry, which is opaque to callers: they turn the
 * 16-byte entries and their extra records (offsets and indexes) into texts, lists and entries. */
#include "catalog-index.h"
#include "slerr.h"

static const struct entry_extra *extra_of(const struct slerr_entry *e)
{
    return e && e->extra != NO_EXTRA ? &catalog_extras[e->extra] : NULL;
}

const struct slerr_entry *catalog_numbered(size_t number)
{
    size_t count;
    for (unsigned kind = 0; kind < SLERR_KIND_COUNT; kind++) {
        const struct slerr_entry *table = catalog_kind_table(kind, &count);
        if (number < count)
            return &table[number];
        number -= count;
    }
    return NULL;
}

uint32_t slerr_entry_code(const struct slerr_entry *e)
{
    return e ? e->code : 0;
}

enum slerr_kind slerr_entry_kind(const struct slerr_entry *e)
{
    return e ? (enum slerr_kind)e->kind : SLERR_KIND_CODE;
}

const char *slerr_entry_symbol(const struct slerr_entry *e)
{
    return e ? catalog_text(e->symbol) : NULL;
}

const char *slerr_entry_message(const struct slerr_entry *e)
{
    return e ? catalog_text(e->message) : NULL;
}

enum slerr_reading slerr_entry_reading(const struct slerr_entry *e)
{
    return e ? (enum slerr_reading)(e->bits & 3u) : SLERR_READING_HRESULT;
}

const char *slerr_entry_source(const struct slerr_entry *e)
{
    const struct entry_extra *x = extra_of(e);
    if (x)
        return catalog_text(x->source);
    size_t source = e ? e->bits >> 2 : 0;
    return source < catalog_source_count ? catalog_text(catalog_sources[source]) : NULL;
}

unsigned slerr_entry_applies(const struct slerr_entry *e)
{
    const struct entry_extra *x = extra_of(e);
    return x ? x->applies : 0;
}

/* The texts only curated entries have, from their extra record. */
#define EXTRA_TEXT(field)                                                                      \
    const char *slerr_entry_##field(const struct slerr_entry *e)                               \
    {                                                                                          \
        const struct entry_extra *x = extra_of(e);                                             \
        return x ? catalog_text(x->field) : NULL;                                              \
    }

EXTRA_TEXT(cause)
EXTRA_TEXT(remedy)
EXTRA_TEXT(name)
EXTRA_TEXT(title)
EXTRA_TEXT(location)
EXTRA_TEXT(details)
EXTRA_TEXT(value_type)
EXTRA_TEXT(default_value)

enum list { LIST_SEE, LIST_ALIASES, LIST_RELATED, LIST_VARIANTS };

static struct entry_list list_of(const struct slerr_entry *e, enum list which)
{
    const struct entry_extra *x = extra_of(e);
    struct entry_list none = { 0, 0 };
    if (!x)
        return none;
    switch (which) {
    case LIST_SEE: return x->see;
    case LIST_ALIASES: return x->aliases;
    case LIST_RELATED: return x->related;
    default: return x->variants;
    }
}

size_t slerr_entry_see_count(const struct slerr_entry *e)
{
    return list_of(e, LIST_SEE).count;
}

uint32_t slerr_entry_see(const struct slerr_entry *e, size_t index)
{
    struct entry_list l = list_of(e, LIST_SEE);
    return index < l.count ? catalog_codes[l.first + index] : 0;
}

size_t slerr_entry_alias_count(const struct slerr_entry *e)
{
    return list_of(e, LIST_ALIASES).count;
}

uint32_t slerr_entry_alias(const struct slerr_entry *e, size_t index)
{
    struct entry_list l = list_of(e, LIST_ALIASES);
    return index < l.count ? catalog_codes[l.first + index] : 0;
}

size_t slerr_entry_related_count(const struct slerr_entry *e)
{
    return list_of(e, LIST_RELATED).count;
}

const struct slerr_entry *slerr_entry_related(const struct slerr_entry *e, size_t index)
{
    struct entry_list l = list_of(e, LIST_RELATED);
    return index < l.count ? catalog_numbered(catalog_related[l.first + index]) : NULL;
}

size_t slerr_entry_variant_count(const struct slerr_entry *e)
{
    return list_of(e, LIST_VARIANTS).count;
}

const char *slerr_entry_variant(const struct slerr_entry *e, size_t index)
{
    struct entry_list l = list_of(e, LIST_VARIANTS);
    return index < l.count ? catalog_text(catalog_variants[l.first + index]) : NULL;
}
