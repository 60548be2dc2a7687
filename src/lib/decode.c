/* SPDX-License-Identifier: MIT */
/* decode.c: splits an HRESULT into its fields and names the facility and Win32 error,
 * so that a code the catalog does not hold is still explained. */
#include <stddef.h>
#include <string.h>

#include "catalog-index.h"
#include "slerr.h"

/* The structure as version 1.0 defined it: the least a caller may pass. */
#define DECODED_MIN_SIZE (offsetof(struct slerr_decoded, win32_name) + sizeof(const char *))

#define FACILITY_WIN32 7u

/* Facility names come from winerror.h with the catalog. Facilities above 2047 (DirectX and
 * a few others) take bit 27 too, so the wider number is tried first. */
static const char *facility_lookup(uint32_t code, unsigned *facility)
{
    unsigned wide = (code >> 16) & 0xFFFu;
    if (wide > 0x7FFu) {
        size_t at = sorted_find(catalog_facilities, catalog_facility_count,
                                sizeof catalog_facilities[0], wide);
        if (at < catalog_facility_count) {
            *facility = wide;
            return catalog_text(catalog_facilities[at].name);
        }
    }
    size_t at = sorted_find(catalog_facilities, catalog_facility_count,
                            sizeof catalog_facilities[0], *facility);
    return at < catalog_facility_count ? catalog_text(catalog_facilities[at].name) : NULL;
}

/* The Win32 name of HRESULT_FROM_WIN32(value): winerror.h's ERROR_ name, not an HRESULT
 * alias of the same number. */
static const char *win32_name_lookup(unsigned value)
{
    const struct slerr_entry *e;
    for (size_t i = 0; (e = slerr_reading_at(0x80070000u | value, i)) != NULL; i++)
        if (slerr_entry_reading(e) == SLERR_READING_WIN32 && slerr_entry_symbol(e))
            return slerr_entry_symbol(e);
    return NULL;
}

enum slerr_status slerr_decode(uint32_t code, struct slerr_decoded *out)
{
    if (!out || out->size < DECODED_MIN_SIZE)
        return SLERR_E_ARGUMENT;
    struct slerr_decoded d = SLERR_DECODED_INIT;
    d.code = code;
    d.failure = (code >> 31) & 1u;
    d.reserved = (code >> 30) & 1u;
    d.customer = (code >> 29) & 1u;
    d.ntstatus = (code >> 28) & 1u;
    d.facility = (code >> 16) & 0x7FFu;
    d.code_field = code & 0xFFFFu;
    d.facility_name = facility_lookup(code, &d.facility);
    d.is_win32 = d.failure && !d.customer && !d.ntstatus && d.facility == FACILITY_WIN32;
    d.severity = d.failure ? "error" : d.reserved ? "information" : "success";
    d.win32_name = NULL;
    if (d.is_win32) {
        const struct slerr_entry *entry = slerr_lookup(code);
        d.win32_name = win32_name_lookup(d.code_field);
        if (!d.win32_name && slerr_entry_symbol(entry))
            d.win32_name = slerr_entry_symbol(entry);
    }
    /* A caller built against an older header gets the fields it knows of; one built against
     * a newer header keeps its size and finds the fields this library lacks zeroed. */
    size_t size = out->size;
    size_t known = size < sizeof d ? size : sizeof d;
    memcpy((unsigned char *)out + sizeof d.size, (unsigned char *)&d + sizeof d.size,
           known - sizeof d.size);
    memset((unsigned char *)out + known, 0, size - known);
    return SLERR_OK;
}
