/* SPDX-License-Identifier: MIT */
/* catalog.c: lookups in the generated catalog by code, by symbol and by position.
 * Codes and symbols are found through hash indexes generated with the tables (catalog-params.h):
 * one multiply and, on average, one or two probes; no allocation, no state. */
#include <stdbool.h>
#include <string.h>

#include "catalog-index.h"
#include "catalog-params.h"
#include "slerr.h"

#define CODE_SLOT_MASK ((1u << CODE_HASH_BITS) - 1u)
#define SYMBOL_SLOT_MASK ((1u << SYMBOL_HASH_BITS) - 1u)

const struct slerr_entry *slerr_lookup(uint32_t code)
{
    uint32_t slot = (uint32_t)(code * CODE_HASH_MULTIPLIER) >> (32 - CODE_HASH_BITS);
    for (;;) {
        const struct code_slot *s = &catalog_code_slots[slot];
        if (s->entry == INDEX_EMPTY)
            return NULL;
        if (s->key == code)
            return &catalog_entries[s->entry];
        slot = (slot + 1u) & CODE_SLOT_MASK;
    }
}

static unsigned char upper(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? (unsigned char)(c - 'a' + 'A') : c;
}

static bool same_symbol(const char *a, const char *b)
{
    for (; *a && upper((unsigned char)*a) == upper((unsigned char)*b); a++, b++)
        ;
    return *a == '\0' && *b == '\0';
}

static const struct slerr_entry *entry_by_ref(unsigned ref)
{
    return ref < catalog_entry_count ? &catalog_entries[ref]
                                     : &catalog_readings[ref - catalog_entry_count];
}

const struct slerr_entry *slerr_lookup_symbol(const char *symbol)
{
    if (!symbol)
        return NULL;
    uint32_t hash = 0x811C9DC5u; /* FNV-1a, as data/gen-catalog.py computes it */
    for (const char *p = symbol; *p; p++)
        hash = (hash ^ upper((unsigned char)*p)) * 0x01000193u;
    uint32_t slot = (uint32_t)(hash * SYMBOL_HASH_MULTIPLIER) >> (32 - SYMBOL_HASH_BITS);
    for (;;) {
        const struct symbol_slot *s = &catalog_symbol_slots[slot];
        if (s->entry == INDEX_EMPTY)
            return NULL;
        if (s->hash == hash && same_symbol(symbol, slerr_entry_symbol(entry_by_ref(s->entry))))
            return entry_by_ref(s->entry);
        slot = (slot + 1u) & SYMBOL_SLOT_MASK;
    }
}

const struct slerr_entry *slerr_reading_at(uint32_t code, size_t index)
{
    const struct slerr_entry *first = slerr_lookup(code);
    if (!first || first->code != code)
        return index == 0 ? first : NULL; /* an alias has only its entry */
    if (index == 0)
        return first;
    size_t at = sorted_find(catalog_reading_spans, catalog_reading_span_count,
                            sizeof catalog_reading_spans[0], code);
    if (at == catalog_reading_span_count || index > catalog_reading_spans[at].count)
        return NULL;
    return &catalog_readings[catalog_reading_spans[at].first + index - 1];
}

enum slerr_wrap slerr_unwrap(uint32_t code, uint32_t *inner)
{
    uint32_t value = 0;
    enum slerr_wrap wrap = SLERR_WRAP_NONE;
    if ((code & 0xFFFF0000u) == 0x80070000u) {
        wrap = SLERR_WRAP_HRESULT_FROM_WIN32, value = code & 0xFFFFu;
    } else if ((code & 0xFFFF0000u) == 0xC0070000u) {
        wrap = SLERR_WRAP_NTSTATUS_FROM_WIN32, value = code & 0xFFFFu;
    } else if (code & 0x10000000u) {
        wrap = SLERR_WRAP_HRESULT_FROM_NT, value = code & ~0x10000000u;
    }
    if (inner)
        *inner = value;
    return wrap;
}

const char *slerr_message(uint32_t code)
{
    const struct slerr_entry *entry = slerr_lookup(code);
    return entry ? slerr_entry_message(entry) : "Unknown error code (not in the slerr catalog).";
}

size_t slerr_count(void)
{
    return catalog_entry_count;
}

const struct slerr_entry *slerr_at(size_t index)
{
    return index < catalog_entry_count ? &catalog_entries[index] : NULL;
}

const char *slerr_applies_name(unsigned bit)
{
    switch (bit) {
    case SLERR_KMS_CLIENT: return "kms-client";
    case SLERR_KMS_HOST: return "kms-host";
    case SLERR_MAK: return "mak";
    case SLERR_RETAIL: return "retail";
    case SLERR_OEM: return "oem";
    default: return NULL;
    }
}

const char *slerr_version(void)
{
    return SLERR_VERSION_STRING;
}
