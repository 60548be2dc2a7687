/* SPDX-License-Identifier: MIT */
/* growable.c: a consumer of the parts of libslerr that write into the caller's memory, built
 * by the install test against the installed headers (shared and static): the versioned
 * struct slerr_decoded and hit array, the opaque scanner, and the version macros. */
#include <stdio.h>
#include <string.h>
#include <slerr.h>

#if SLERR_VERSION_NUMBER < SLERR_VERSION_AT(0, 2, 0)
#error "this consumer needs libslerr 0.2"
#endif

static int print_match(const struct slerr_match *m, void *context)
{
    (void)context;
    printf("match %s at %llu\n", m->text, (unsigned long long)m->offset);
    return 0;
}

int main(void)
{
    struct slerr_decoded d = SLERR_DECODED_INIT;
    if (slerr_decode(0x80070020u, &d) != 0)
        return 1;
    printf("decode facility %u %s\n", d.facility, d.win32_name ? d.win32_name : "-");

    struct slerr_hit hits[2];
    size_t found;
    if (slerr_search("count insufficient", hits, 2, sizeof hits[0], &found) != SLERR_OK)
        return 1;
    printf("search %s\n", found > 0 ? slerr_entry_symbol(hits[0].entry) : "-");

    struct slerr_scanner *scanner = slerr_scanner_new(0);
    if (!scanner)
        return 1;
    const char *text = "hr=0xC004F0";
    slerr_scan(scanner, text, strlen(text), print_match, NULL);
    slerr_scan(scanner, "74 done", 7, print_match, NULL);
    slerr_scan_finish(scanner, print_match, NULL);
    slerr_scanner_free(scanner);

    printf("version %s %s\n", SLERR_VERSION_STRING, slerr_version());
    return strcmp(SLERR_VERSION_STRING, slerr_version()) != 0;
}
