/* SPDX-License-Identifier: MIT */
/* explain.h: the driver: decodes an input, feeds every line to every reader, and keeps what
 * the records add up to (worst severity, the headline finding). */
#ifndef SLERR_EXPLAIN_EXPLAIN_H
#define SLERR_EXPLAIN_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

/* What the records of one or more inputs add up to. Zero-initialise, then pass to each driver. */
struct ex_summary {
    size_t records;
    enum ex_severity worst;
    bool have_worst, have_client_unreachable, have_inner;
    struct ex_finding worst_finding;  /* the first finding of the worst severity */
    struct ex_finding inner;          /* an event's result behind a client's 0xC004F074 */
    /* A KMS host's low count is no fault where clients activate through Active Directory:
     * the worst count finding and the worst of the others are kept apart until the end. */
    bool have_count, have_other, have_adba;
    size_t findings, count_at, other_at; /* findings added; when each kept one came */
    struct ex_finding count, other, adba;
    /* A state told in prose yields to a licence status a tool printed in the same input: the
     * machine's own output outranks a writer's account of it. */
    bool have_prose, have_tool_status;
    size_t prose_at;
    struct ex_finding prose;
};

void ex_summary_add(struct ex_summary *summary, const struct ex_record *record);
/* The finding to lead with: an event's inner result when a client's 0xC004F074 is also there,
 * otherwise the first of the worst severity. NULL when no finding is worse than OK. */
const struct ex_finding *ex_summary_headline(const struct ex_summary *summary);

struct ex_driver;

/* A driver over the readers of readers.h; records go to sink and are added to summary.
 * NULL when out of memory. */
struct ex_driver *ex_driver_new(ex_sink_fn sink, void *ctx, struct ex_summary *summary);
/* Feeds the next bytes of the input, in any encoding the input layer reads. */
enum ex_status ex_driver_feed(struct ex_driver *d, const void *bytes, size_t n);
/* End of input: the readers flush what is pending. */
enum ex_status ex_driver_finish(struct ex_driver *d);
/* After EX_STATUS_MALFORMED: the reader's description and the line; NULL otherwise. */
const char *ex_driver_error(const struct ex_driver *d, size_t *lineno);
void ex_driver_free(struct ex_driver *d);

#endif
