/* SPDX-License-Identifier: MIT */
/* fuzz_event_xml.c: the XML event parser (expat underneath) on arbitrary text, line by line,
 * with the findings of each event and the KMS host report of them all. */
#include "fuzz_event_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_event(void *ctx, struct ex_event *ev)
{
    check_event(ev);
    return ex_kms_report_add(ctx, ev) ? 0 : EX_STATUS_NOMEM;
}

static int xml_line(void *state, const char *text, size_t len, size_t lineno)
{
    return ex_event_xml_line(state, text, len, lineno);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ex_kms_report *report = ex_kms_report_new();
    struct ex_event_xml *x = ex_event_xml_new(on_event, report);
    if (!report || !x)
        abort();
    int rc = feed_lines(data, size, xml_line, x);
    if (!rc)
        rc = ex_event_xml_finish(x);
    size_t line = 0;
    const char *error = ex_event_xml_error(x, &line);
    if ((rc == EX_STATUS_MALFORMED) != (error != NULL) || (error && line == 0))
        abort(); /* a malformed stream always says what and where */
    static struct ex_finding f[EX_REPORT_MAX_FINDINGS];
    check_findings(f, ex_kms_report_findings(report, f, EX_REPORT_MAX_FINDINGS),
                   EX_REPORT_MAX_FINDINGS);
    ex_event_xml_free(x);
    ex_kms_report_free(report);
    return 0;
}
