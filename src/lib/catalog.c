/* catalog.c: lookups in the generated catalog by code, by symbol and by position.
 * Lookups format the key on the stack and ask the gperf tables: no allocation, no state. */
#include <string.h>

#include "catalog-index.h"
#include "slerr.h"

#define CODE_KEY_LENGTH 8

/* Two upper-case hex digits per byte value: four table reads format a whole key. */
static const char hex_pairs[256][2] = {
#define PAIR(n) { "0123456789ABCDEF"[(n) >> 4], "0123456789ABCDEF"[(n) & 15] }
#define ROW(r) PAIR((r) + 0), PAIR((r) + 1), PAIR((r) + 2), PAIR((r) + 3), PAIR((r) + 4), PAIR((r) + 5), \
               PAIR((r) + 6), PAIR((r) + 7), PAIR((r) + 8), PAIR((r) + 9), PAIR((r) + 10), PAIR((r) + 11), \
               PAIR((r) + 12), PAIR((r) + 13), PAIR((r) + 14), PAIR((r) + 15)
    ROW(0), ROW(16), ROW(32), ROW(48), ROW(64), ROW(80), ROW(96), ROW(112),
    ROW(128), ROW(144), ROW(160), ROW(176), ROW(192), ROW(208), ROW(224), ROW(240),
#undef ROW
#undef PAIR
};

static void format_code_key(uint32_t code, char key[CODE_KEY_LENGTH])
{
    memcpy(key + 0, hex_pairs[code >> 24], 2);
    memcpy(key + 2, hex_pairs[(code >> 16) & 0xFFu], 2);
    memcpy(key + 4, hex_pairs[(code >> 8) & 0xFFu], 2);
    memcpy(key + 6, hex_pairs[code & 0xFFu], 2);
}

const struct slerr_entry *slerr_lookup(uint32_t code)
{
    char key[CODE_KEY_LENGTH];
    format_code_key(code, key);
    const struct index_slot *slot = code_index_find(key, CODE_KEY_LENGTH);
    return slot ? &catalog_entries[slot->index] : NULL;
}

const struct slerr_entry *slerr_lookup_symbol(const char *symbol)
{
    if (!symbol)
        return NULL;
    const struct index_slot *slot = symbol_index_find(symbol, strlen(symbol));
    return slot ? &catalog_entries[slot->index] : NULL;
}

const char *slerr_message(uint32_t code)
{
    const struct slerr_entry *entry = slerr_lookup(code);
    return entry ? entry->message : "Unknown error code (not in the slerr catalog).";
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
