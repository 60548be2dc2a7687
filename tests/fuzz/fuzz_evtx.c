/* SPDX-License-Identifier: MIT */
/* fuzz_evtx.c: the .evtx path of the explain driver: the input always starts with the ElfFile
 * signature, so every byte goes through evtx.c and libevtx, then the XML event reader, its
 * findings and the KMS host report. The first byte after the signature picks the feed size. */
#include <stdlib.h>
#include <string.h>

#include "evtx.h"
#include "explain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);

/* libevtx 20181227 leaks what it was building when it refuses a damaged chunk or record: those
 * allocations are its own (tests/lsan-libevtx.supp); leaks of slerr's own code stay fatal. */
const char *__lsan_default_suppressions(void)
{
    return "leak:libevtx.so\n";
}

static int on_record(void *ctx, const struct ex_record *record)
{
    (void)ctx;
    if (!record->kind || record->line == 0)
        abort();
    for (size_t i = 0; i < record->nfindings; i++)
        if (!memchr(record->findings[i].value, '\0', sizeof record->findings[i].value))
            abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t file[4 << 20];
    if (size <= EX_EVTX_SIGNATURE_LEN || size > sizeof file)
        return 0;
    memcpy(file, "ElfFile", EX_EVTX_SIGNATURE_LEN);
    memcpy(file + EX_EVTX_SIGNATURE_LEN, data + EX_EVTX_SIGNATURE_LEN,
           size - EX_EVTX_SIGNATURE_LEN);
    size_t step = 4096 + (size_t)data[EX_EVTX_SIGNATURE_LEN] * 509;
    struct ex_summary summary;
    memset(&summary, 0, sizeof summary);
    struct ex_driver *d = ex_driver_new(on_record, NULL, &summary);
    if (!d)
        abort();
    enum ex_status status = EX_STATUS_OK;
    for (size_t at = 0; at < size && status == EX_STATUS_OK; at += step)
        status = ex_driver_feed(d, file + at, size - at < step ? size - at : step);
    if (status == EX_STATUS_OK)
        status = ex_driver_finish(d);
    size_t line;
    const char *error = ex_driver_error(d, &line);
    if ((status == EX_STATUS_MALFORMED) != (error != NULL))
        abort(); /* damage is always said in words */
    if (error && !memchr(error, '\0', 400))
        abort();
    ex_driver_free(d);
    return 0;
}
