/* decode.c: splits an HRESULT into its fields and names the facility and Win32 error,
 * so that a code the catalog does not hold is still explained. */
#include <stddef.h>
#include <string.h>

#include "catalog-index.h"
#include "slerr.h"

/* The structure as version 0.2 defined it: the least a caller may pass. */
#define DECODED_MIN_SIZE (offsetof(struct slerr_decoded, win32_name) + sizeof(const char *))

#define FACILITY_WIN32 7u

struct facility_name {
    unsigned number;
    const char *name;
};

/* Facility numbers from winerror.h, sorted by number. */
static const struct facility_name facilities[] = {
    { 0, "NULL" },         { 1, "RPC" },          { 2, "DISPATCH" },
    { 3, "STORAGE" },      { 4, "ITF" },          { 7, "WIN32" },
    { 8, "WINDOWS" },      { 9, "SECURITY" },     { 10, "CONTROL" },
    { 11, "CERT" },        { 12, "INTERNET" },    { 13, "MEDIASERVER" },
    { 14, "MSMQ" },        { 15, "SETUPAPI" },    { 16, "SCARD" },
    { 17, "COMPLUS" },     { 18, "AAF" },         { 19, "URT" },
    { 20, "ACS" },         { 21, "DPLAY" },       { 22, "UMI" },
    { 23, "SXS" },         { 24, "WINDOWS_CE" },  { 25, "HTTP" },
    { 26, "USERMODE_COMMONLOG" }, { 31, "USERMODE_FILTER_MANAGER" },
    { 32, "BACKGROUNDCOPY" }, { 33, "CONFIGURATION" }, { 34, "STATE_MANAGEMENT" },
    { 35, "METADIRECTORY" }, { 36, "WINDOWSUPDATE" }, { 37, "DIRECTORYSERVICE" },
    { 38, "GRAPHICS" },    { 39, "SHELL" },       { 40, "TPM_SERVICES" },
    { 41, "TPM_SOFTWARE" }, { 48, "PLA" },        { 49, "FVE" },
    { 50, "FWP" },         { 51, "WINRM" },       { 52, "NDIS" },
    { 53, "USERMODE_HYPERVISOR" }, { 54, "CMI" }, { 55, "USERMODE_VIRTUALIZATION" },
    { 56, "USERMODE_VOLMGR" }, { 57, "BCD" },     { 58, "USERMODE_VHD" },
    { 60, "SDIAG" },       { 61, "WEBSERVICES" }, { 62, "WINDOWS_DEFENDER" },
    { 63, "OPC" },
};

static const char *facility_lookup(unsigned number)
{
    for (size_t i = 0; i < sizeof facilities / sizeof facilities[0]; i++)
        if (facilities[i].number == number)
            return facilities[i].name;
    return NULL;
}

static const char *win32_name_lookup(unsigned value)
{
    size_t low = 0, high = catalog_win32_name_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (catalog_win32_names[mid].value < value)
            low = mid + 1;
        else
            high = mid;
    }
    if (low < catalog_win32_name_count && catalog_win32_names[low].value == value)
        return catalog_win32_names[low].name;
    return NULL;
}

int slerr_decode(uint32_t code, struct slerr_decoded *out)
{
    if (!out || out->size < DECODED_MIN_SIZE)
        return -1;
    struct slerr_decoded d = SLERR_DECODED_INIT;
    d.code = code;
    d.failure = (code >> 31) & 1u;
    d.reserved = (code >> 30) & 1u;
    d.customer = (code >> 29) & 1u;
    d.ntstatus = (code >> 28) & 1u;
    d.facility = (code >> 16) & 0x7FFu;
    d.code_field = code & 0xFFFFu;
    d.facility_name = facility_lookup(d.facility);
    d.is_win32 = d.failure && !d.customer && !d.ntstatus && d.facility == FACILITY_WIN32;
    d.severity = d.failure ? "error" : d.reserved ? "information" : "success";
    d.win32_name = NULL;
    if (d.is_win32) {
        const struct slerr_entry *entry = slerr_lookup(code);
        d.win32_name = entry && entry->symbol ? entry->symbol : win32_name_lookup(d.code_field);
    }
    /* A caller built against an older header gets the fields it knows of; one built against
     * a newer header keeps its size and finds the fields this library lacks zeroed. */
    size_t size = out->size;
    size_t known = size < sizeof d ? size : sizeof d;
    memcpy((unsigned char *)out + sizeof d.size, (unsigned char *)&d + sizeof d.size,
           known - sizeof d.size);
    memset((unsigned char *)out + known, 0, size - known);
    return 0;
}
