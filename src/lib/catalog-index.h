/* SPDX-License-Identifier: MIT */
/* catalog-index.h: the generated tables inside libslerr (entries, further readings, facility
 * names, hash indexes). Private to src/lib: the generated source and the catalog code meet here. */
#ifndef SLERR_CATALOG_INDEX_H
#define SLERR_CATALOG_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "slerr.h"

/* The static archive exports every non-static name, so the library's internal names carry
 * the slerr__ prefix (as zlib's Z_PREFIX does, by macro: the generated sources include this
 * header and keep their short names). tests/install checks that nothing unprefixed is exported. */
#define catalog_entries slerr__catalog_entries
#define catalog_entry_count slerr__catalog_entry_count
#define catalog_readings slerr__catalog_readings
#define catalog_reading_count slerr__catalog_reading_count
#define catalog_reading_spans slerr__catalog_reading_spans
#define catalog_reading_span_count slerr__catalog_reading_span_count
#define catalog_events slerr__catalog_events
#define catalog_event_count slerr__catalog_event_count
#define catalog_symptoms slerr__catalog_symptoms
#define catalog_symptom_count slerr__catalog_symptom_count
#define catalog_settings slerr__catalog_settings
#define catalog_setting_count slerr__catalog_setting_count
#define catalog_facilities slerr__catalog_facilities
#define catalog_facility_count slerr__catalog_facility_count
#define catalog_search_words slerr__catalog_search_words
#define catalog_search_word_at slerr__catalog_search_word_at
#define catalog_search_first slerr__catalog_search_first
#define catalog_search_refs slerr__catalog_search_refs
#define catalog_code_slots slerr__catalog_code_slots
#define catalog_symbol_slots slerr__catalog_symbol_slots

#define INDEX_EMPTY 0xFFFFu /* an unused slot of a hash index */

/* Open addressing, linear probing; the hash parameters are in catalog-params.h. */
struct code_slot {
    uint32_t key;   /* a code or an alias */
    uint16_t entry; /* index in catalog_entries, or INDEX_EMPTY */
};

struct symbol_slot {
    uint32_t hash;  /* FNV-1a of the upper-cased symbol */
    uint16_t entry; /* below catalog_entry_count: catalog_entries; above: catalog_readings */
};

/* A value's further readings: catalog_readings[first .. first + count). */
struct reading_span {
    uint32_t code;
    uint16_t first;
    uint16_t count;
};

struct facility_name {
    uint32_t number;
    const char *name;
};

extern const struct slerr_entry catalog_entries[]; /* codes, by code: each value's first reading */
extern const size_t catalog_entry_count;
extern const struct slerr_entry catalog_readings[]; /* the others, grouped by value */
extern const size_t catalog_reading_count;
extern const struct reading_span catalog_reading_spans[]; /* by code */
extern const size_t catalog_reading_span_count;
extern const struct slerr_entry catalog_events[]; /* by event ID */
extern const size_t catalog_event_count;
extern const struct slerr_entry catalog_symptoms[]; /* by name */
extern const size_t catalog_symptom_count;
extern const struct slerr_entry catalog_settings[]; /* by name */
extern const size_t catalog_setting_count;
extern const struct facility_name catalog_facilities[]; /* by number */
extern const size_t catalog_facility_count;
extern const char catalog_search_words[];      /* "\nword\nword\n", sorted, lower case */
extern const uint32_t catalog_search_word_at[]; /* offset of each word in the blob */
extern const uint32_t catalog_search_first[];   /* word i's entries: refs[first[i] .. first[i+1]) */
extern const uint16_t catalog_search_refs[];    /* entries numbered across the kinds in order */
extern const struct code_slot catalog_code_slots[];
extern const struct symbol_slot catalog_symbol_slots[];

/* The one search for the small sorted numeric tables (events, facilities, reading spans): the
 * position of the element whose leading uint32_t is `key`, or `count` when there is none. */
static inline size_t sorted_find(const void *table, size_t count, size_t stride, uint32_t key)
{
    const unsigned char *base = table;
    size_t low = 0, high = count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        uint32_t value = *(const uint32_t *)(const void *)(base + mid * stride);
        if (value < key)
            low = mid + 1;
        else
            high = mid;
    }
    if (low < count && *(const uint32_t *)(const void *)(base + low * stride) == key)
        return low;
    return count;
}

#endif
