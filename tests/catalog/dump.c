/* SPDX-License-Identifier: MIT */
/* dump.c: prints what the built library holds, for test_import.py to compare with the files
 * import-sdk.py wrote: every reading of every code (code, source, symbol, message, one a line,
 * tab-separated) and every facility name slerr_decode gives (F, number, name). */
#include <stdio.h>

#include "slerr.h"

int main(void)
{
    for (size_t i = 0; i < slerr_count(); i++) {
        uint32_t code = slerr_entry_code(slerr_at(i));
        const struct slerr_entry *e;
        for (size_t r = 0; (e = slerr_reading_at(code, r)) != NULL; r++)
            printf("0x%08X\t%s\t%s\t%s\n", slerr_entry_code(e), slerr_entry_source(e) ? slerr_entry_source(e) : "-",
                   slerr_entry_symbol(e) ? slerr_entry_symbol(e) : "", slerr_entry_message(e));
    }
    for (uint32_t facility = 0; facility < 4096; facility++) {
        struct slerr_decoded d = SLERR_DECODED_INIT;
        if (slerr_decode(0x80000000u | facility << 16, &d) != 0)
            return 1;
        if (d.facility_name && d.facility == facility)
            printf("F\t%u\t%s\n", facility, d.facility_name);
    }
    return ferror(stdout) ? 1 : 0;
}
