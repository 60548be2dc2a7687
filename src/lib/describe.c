/* SPDX-License-Identifier: MIT */
/* describe.c: the one-line explanation that other tools put in their own error output. */
#include <stdio.h>

#include "slerr.h"

static int describe_unknown(uint32_t code, char *buf, size_t size)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(code, &d);
    if (d.is_win32)
        return snprintf(buf, size, "0x%08X: unknown code (Win32 error %u%s%s)", code, d.code_field,
                        d.win32_name ? " " : "", d.win32_name ? d.win32_name : "");
    if (d.facility_name)
        return snprintf(buf, size, "0x%08X: unknown code (%s, facility %s %u, code 0x%04X)", code,
                        d.severity, d.facility_name, d.facility, d.code_field);
    return snprintf(buf, size, "0x%08X: unknown code (%s, facility %u, code 0x%04X)", code,
                    d.severity, d.facility, d.code_field);
}

int slerr_describe(uint32_t code, char *buf, size_t size)
{
    if (size == 0)
        buf = NULL; /* snprintf may then be called with a NULL buffer */
    const struct slerr_entry *entry = slerr_lookup(code);
    if (!entry)
        return describe_unknown(code, buf, size);
    const char *symbol = slerr_entry_symbol(entry), *message = slerr_entry_message(entry);
    if (symbol)
        return snprintf(buf, size, "0x%08X %s: %s", code, symbol, message);
    return snprintf(buf, size, "0x%08X: %s", code, message);
}
