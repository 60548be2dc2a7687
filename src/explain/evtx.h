/* SPDX-License-Identifier: MIT */
/* evtx.h: Windows event log files (.evtx, "ElfFile") read through libevtx as a stream, one
 * 64 KiB chunk held at a time: each record is offered as an event read from libevtx's record
 * fields, and its XML is rendered only for a record the receiver cannot take that way. */
#ifndef SLERR_EXPLAIN_EVTX_H
#define SLERR_EXPLAIN_EVTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EX_EVTX_SIGNATURE_LEN 8

/* Receives one record's XML (UTF-8, as libevtx renders it, evtxexport's form) and its
 * EventRecordID. Returns 0, or an ex_status to stop. */
typedef int (*ex_evtx_record_fn)(void *ctx, const char *xml, size_t len, uint64_t record_id);

/* Receives one record as an event (event.h) read from libevtx's record fields, without
 * rendering XML: its ID, computer, time, the source name libevtx gives (EventSourceName, else
 * the provider's Name) in `source`, its substitution values in order (not split into a list's
 * fields), `line` its EventRecordID. Rendering a record's XML costs libevtx more than reading
 * the record itself. Called first with the ID and line alone (`complete` false), when
 * EX_WANT_XML spares reading the rest and 0 asks for it; then with every field. Returns 0 when
 * taken, EX_WANT_XML (record.h) to be handed the record's XML instead, or an ex_status. */
struct ex_event;
typedef int (*ex_evtx_event_fn)(void *ctx, struct ex_event *ev, bool complete);

/* Whether these first bytes of an input are an .evtx file's signature ("ElfFile\0"); n is at
 * least EX_EVTX_SIGNATURE_LEN. */
bool ex_evtx_signature(const void *bytes, size_t n);

struct ex_evtx;
/* NULL when out of memory. libevtx is loaded here; when it cannot be, feed and finish return
 * EX_STATUS_UNAVAILABLE and ex_evtx_error() says why. event_fn may be NULL: every record's XML
 * then goes to fn. */
struct ex_evtx *ex_evtx_new(ex_evtx_record_fn fn, ex_evtx_event_fn event_fn, void *ctx);
/* The file's bytes from its first, in pieces of any size. Returns 0, or an ex_status: a
 * damaged part is remembered and reading goes on with the next chunk, so that every record
 * that can be read is; ex_evtx_finish() then reports EX_STATUS_MALFORMED. */
int ex_evtx_feed(struct ex_evtx *v, const void *bytes, size_t n);
int ex_evtx_finish(struct ex_evtx *v);
/* After EX_STATUS_MALFORMED: the first damage found, in one sentence, and how many records
 * were read all the same; after EX_STATUS_UNAVAILABLE, why libevtx could not be loaded. */
const char *ex_evtx_error(const struct ex_evtx *v, size_t *records);
void ex_evtx_free(struct ex_evtx *v);

#endif
