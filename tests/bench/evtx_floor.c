/* SPDX-License-Identifier: MIT */
/* evtx_floor.c: for the explain-evtx benchmark, what libevtx costs before any reader does
 * anything: every record of an .evtx (argv[1]) read and freed, nothing asked of it. Prints how
 * many records it read. */
#define HAVE_LIBBFIO 1
#include <libbfio.h>
#include <libevtx.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    libevtx_file_t *file = NULL;
    int count = 0, read = 0;
    if (argc != 2 || libevtx_file_initialize(&file, NULL) != 1 ||
        libevtx_file_open(file, argv[1], LIBEVTX_OPEN_READ, NULL) != 1 ||
        libevtx_file_get_number_of_records(file, &count, NULL) != 1) {
        fprintf(stderr, "usage: evtx-floor FILE.evtx (a readable one)\n");
        return 2;
    }
    for (int i = 0; i < count; i++) {
        libevtx_record_t *record = NULL;
        if (libevtx_file_get_record_by_index(file, i, &record, NULL) != 1)
            continue;
        libevtx_record_free(&record, NULL);
        read++;
    }
    libevtx_file_close(file, NULL);
    libevtx_file_free(&file, NULL);
    printf("%d\n", read);
    return 0;
}
