/* SPDX-License-Identifier: MIT */
/* describe.c: the one-line explanation that other tools put in their own error output, and the
 * further reading of a Win32 error written with eight digits. */
#include <stdio.h>

#include "slerr.h"

const struct slerr_entry *slerr_win32_reading(uint32_t code)
{
    if (code == 0 || code > 0xFFFFu || slerr_lookup(code))
        return NULL;
    const struct slerr_entry *e = slerr_lookup(0x80070000u | code);
    return slerr_entry_reading(e) == SLERR_READING_WIN32 ? e : NULL;
}

static int describe_unknown(uint32_t code, char *buf, size_t size)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    const struct slerr_entry *win32 = slerr_win32_reading(code);
    slerr_decode(code, &d);
    if (win32) {
        const char *symbol = slerr_entry_symbol(win32);
        return snprintf(buf, size, "0x%08X: unknown HRESULT; as Win32 error %u %s: %s", code, code,
                        symbol ? symbol : "", slerr_entry_message(win32));
    }
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
