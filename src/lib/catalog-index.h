/* SPDX-License-Identifier: MIT */
/* catalog-index.h: the generated tables inside libslerr (entries, further readings, facility
 * names, hash indexes). Private to src/lib: the generated source and the catalog code meet here.
 * The tables hold no pointers (texts are offsets into catalog_strings, links are indexes), so
 * they live in .rodata and cost the loader no relocation. */
#ifndef SLERR_CATALOG_INDEX_H
#define SLERR_CATALOG_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "slerr.h"

/* The static archive exports every non-static name, so the library's internal names carry
 * the slerr__ prefix (as zlib's Z_PREFIX does, by macro: the generated sources include this
 * header and keep their short names). tests/install checks that nothing unprefixed is exported. */
#define catalog_entries slerr__catalog_entries
#define catalog_strings slerr__catalog_strings
#define catalog_strings_size slerr__catalog_strings_size
#define catalog_extras slerr__catalog_extras
#define catalog_codes slerr__catalog_codes
#define catalog_related slerr__catalog_related
#define catalog_variants slerr__catalog_variants
#define catalog_sources slerr__catalog_sources
#define catalog_source_count slerr__catalog_source_count
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
#define catalog_numbered slerr__catalog_numbered
#define catalog_search_words slerr__catalog_search_words
#define catalog_search_word_at slerr__catalog_search_word_at
#define catalog_search_first slerr__catalog_search_first
#define catalog_search_refs slerr__catalog_search_refs
#define catalog_search_byte_count slerr__catalog_search_byte_count
#define catalog_code_slots slerr__catalog_code_slots
#define catalog_code_filter slerr__catalog_code_filter
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
    uint32_t name; /* in catalog_strings */
};

#define NO_EXTRA 0xFFFFu /* entry.extra of an entry that holds only code, symbol and message */

/* An entry of any kind, 16 bytes: the public struct slerr_entry is opaque, read through the
 * accessors of entry.c. Most of the ~11,000 codes are imported texts with nothing more. */
struct slerr_entry {
    uint32_t code;
    uint32_t symbol;  /* offset in catalog_strings; 0: none */
    uint32_t message;
    uint16_t extra;   /* index in catalog_extras, or NO_EXTRA */
    uint8_t kind;     /* enum slerr_kind */
    uint8_t bits;     /* enum slerr_reading in bits 0-1; index in catalog_sources above
                         (imported entries; a curated one's source is in its extra record) */
};

/* A run of a side list: list[first .. first + count). */
struct entry_list {
    uint16_t first, count;
};

/* What a curated entry holds beyond its code, symbol and message. */
struct entry_extra {
    uint32_t cause, remedy, name, title, location, details, value_type, default_value, source;
    struct entry_list see;      /* in catalog_codes */
    struct entry_list aliases;  /* in catalog_codes */
    struct entry_list related;  /* in catalog_related */
    struct entry_list variants; /* in catalog_variants */
    uint8_t applies;
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
extern const char catalog_strings[];
extern const size_t catalog_strings_size;
extern const struct entry_extra catalog_extras[];
extern const uint32_t catalog_codes[];     /* see: codes and also: values */
extern const uint16_t catalog_related[];   /* entries numbered across the kinds in order */
extern const uint32_t catalog_variants[];  /* texts */
extern const uint32_t catalog_sources[];   /* texts: the headers, index 0 none */
extern const size_t catalog_source_count;
extern const struct facility_name catalog_facilities[]; /* by number */
extern const size_t catalog_facility_count;
extern const char catalog_search_words[];      /* "\nword\nword\n", sorted, lower case */
extern const uint32_t catalog_search_word_at[]; /* offset of each word in the blob */
extern const uint32_t catalog_search_first[];   /* word i's entries: refs[first[i] .. first[i+1]) */
extern const uint16_t catalog_search_refs[];    /* entries numbered across the kinds in order */
extern const uint32_t catalog_search_byte_count[256]; /* how often each byte is in the blob */
extern const struct code_slot catalog_code_slots[];
/* The scanner's filter of known codes: 2^CODE_FILTER_BITS bits (scan.c, filter_hash). */
extern const uint64_t catalog_code_filter[];
extern const struct symbol_slot catalog_symbol_slots[];

/* The table and count of one kind: the one place that ties enum slerr_kind to its table.
 * NULL (count 0) for a value that is no kind. Inline, so that every file of src/lib may use it
 * without a call between them. */
static inline const struct slerr_entry *catalog_kind_table(unsigned kind, size_t *count)
{
    switch (kind) {
    case SLERR_KIND_CODE: *count = catalog_entry_count; return catalog_entries;
    case SLERR_KIND_EVENT: *count = catalog_event_count; return catalog_events;
    case SLERR_KIND_SYMPTOM: *count = catalog_symptom_count; return catalog_symptoms;
    case SLERR_KIND_SETTING: *count = catalog_setting_count; return catalog_settings;
    default: *count = 0; return NULL;
    }
}

/* The entry numbered `number` across the kinds in iteration order (codes, events, symptoms,
 * settings), as catalog_related and the search index number them; NULL past the last. */
const struct slerr_entry *catalog_numbered(size_t number);

/* The text at `offset` in the string pool; NULL for offset 0. */
static inline const char *catalog_text(uint32_t offset)
{
    return offset ? catalog_strings + offset : NULL;
}

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
