/* catalog.c: lookups in the generated catalog by code, by symbol and by position.
 * Lookups format the key on the stack and ask the gperf tables: no allocation, no state. */
#include <string.h>

#include "catalog-index.h"
#include "slerr.h"

#define CODE_KEY_LENGTH 8

static void format_code_key(uint32_t code, char key[CODE_KEY_LENGTH])
{
    static const char digits[] = "0123456789ABCDEF";
    for (int i = CODE_KEY_LENGTH - 1; i >= 0; i--) {
        key[i] = digits[code & 0xFu];
        code >>= 4;
    }
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
