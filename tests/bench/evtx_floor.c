/* SPDX-License-Identifier: MIT */
/* evtx_floor.c: for the explain-evtx benchmark, what libevtx costs before slerr does anything:
 * every record of an .evtx read and freed (argv[2] "records"), and also the fields explain
 * reads from a healthy 12290 ("fields"): event ID, source name, computer, written time, values.
 * Prints how many records it read. */
#define HAVE_LIBBFIO 1
#include <libbfio.h>
#include <libevtx.h>
#include <stdio.h>
#include <string.h>

static void read_fields(libevtx_record_t *record)
{
    static uint8_t value[2 * 65536 + 1];
    uint32_t id;
    uint64_t filetime;
    int n = 0;
    libevtx_record_get_event_identifier(record, &id, NULL);
    libevtx_record_get_written_time(record, &filetime, NULL);
    libevtx_record_get_utf8_source_name(record, value, sizeof value, NULL);
    libevtx_record_get_utf8_computer_name(record, value, sizeof value, NULL);
    if (libevtx_record_get_number_of_strings(record, &n, NULL) == 1)
        for (int i = 0; i < n; i++)
            libevtx_record_get_utf8_string(record, i, value, sizeof value, NULL);
}

int main(int argc, char **argv)
{
    libevtx_file_t *file = NULL;
    int count = 0, read = 0;
    if (argc != 3 || libevtx_file_initialize(&file, NULL) != 1 ||
        libevtx_file_open(file, argv[1], LIBEVTX_OPEN_READ, NULL) != 1 ||
        libevtx_file_get_number_of_records(file, &count, NULL) != 1) {
        fprintf(stderr, "usage: evtx-floor FILE.evtx records|fields (a readable .evtx)\n");
        return 2;
    }
    for (int i = 0; i < count; i++) {
        libevtx_record_t *record = NULL;
        if (libevtx_file_get_record_by_index(file, i, &record, NULL) != 1)
            continue;
        if (strcmp(argv[2], "fields") == 0)
            read_fields(record);
        libevtx_record_free(&record, NULL);
        read++;
    }
    libevtx_file_close(file, NULL);
    libevtx_file_free(&file, NULL);
    printf("%d\n", read);
    return 0;
}
