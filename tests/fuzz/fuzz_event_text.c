/* SPDX-License-Identifier: MIT */
/* fuzz_event_text.c: the "events" reader (text events, XML events and the KMS host report) on
 * arbitrary text, line by line, as the explain driver feeds it. */
#include "fuzz_event_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_record(void *ctx, const struct ex_record *rec)
{
    (void)ctx;
    if (!rec->kind || rec->line == 0)
        abort();
    check_findings(rec->findings, rec->nfindings, EX_REPORT_MAX_FINDINGS);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    void *state = ex_reader_events.create(on_record, NULL);
    if (!state)
        abort();
    int rc = feed_lines(data, size, ex_reader_events.line, state);
    if (!rc)
        rc = ex_reader_events.finish(state);
    if (rc != 0 && rc != EX_STATUS_MALFORMED)
        abort();
    size_t line = 0;
    if ((rc == EX_STATUS_MALFORMED) != (ex_reader_events.error_detail(state, &line) != NULL))
        abort();
    ex_reader_events.destroy(state);
    return 0;
}
