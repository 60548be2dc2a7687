/* SPDX-License-Identifier: MIT */
/* fuzz_explain.c: the whole explain driver on arbitrary bytes: input decoding (BOMs, UTF-16,
 * invalid UTF-8, Markdown, long lines), every reader, the condition table and the summary.
 * The first byte picks how the input is cut into feeds, so chunk boundaries are fuzzed too. */
#include <stdlib.h>
#include <string.h>

#include "explain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every string of a record is terminated, bounded and valid as a C string. */
static void check(const struct ex_finding *f)
{
    if (f->severity > EX_CRITICAL || !f->field || f->ncodes > EX_MAX_CODES || f->nsee > EX_MAX_SEE)
        abort();
    if (!memchr(f->value, '\0', sizeof f->value) || !memchr(f->text, '\0', sizeof f->text))
        abort();
    for (size_t i = 0; i < f->nsee; i++)
        if (!f->see[i] || !strchr(f->see[i], ':'))
            abort();
}

static int on_record(void *ctx, const struct ex_record *record)
{
    size_t *records = ctx;
    if (!record->kind || record->line == 0)
        abort();
    for (size_t i = 0; i < record->nfindings; i++)
        check(&record->findings[i]);
    (*records)++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ex_summary summary;
    size_t records = 0;
    memset(&summary, 0, sizeof summary);
    if (size == 0)
        return 0;
    size_t step = (size_t)data[0] + 1;
    data++, size--;
    struct ex_driver *d = ex_driver_new(on_record, &records, &summary);
    if (!d)
        abort();
    enum ex_status status = EX_STATUS_OK;
    for (size_t at = 0; at < size && status == EX_STATUS_OK; at += step)
        status = ex_driver_feed(d, data + at, size - at < step ? size - at : step);
    if (status == EX_STATUS_OK)
        status = ex_driver_finish(d);
    size_t line;
    if (status != EX_STATUS_OK && status != EX_STATUS_MALFORMED)
        abort();
    if (status == EX_STATUS_MALFORMED && !ex_driver_error(d, &line))
        abort();
    if (summary.records != records)
        abort();
    const struct ex_finding *head = ex_summary_headline(&summary);
    if (head)
        check(head);
    ex_driver_free(d);
    return 0;
}
