/* SPDX-License-Identifier: MIT */
/* event.h: Windows activation events (12288-12294, 8198, 8209, 1003 ...) as read from pasted
 * text or XML exports, the parsers that produce them, their findings and the KMS host report. */
#ifndef SLERR_EXPLAIN_EVENT_H
#define SLERR_EXPLAIN_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "finding.h"
#include "record.h"

#define EX_EVENT_MAX_VALUES 16
#define EX_EVENT_VALUE_MAX 256
#define EX_EVENT_NAME_MAX 128
/* One value per event may be longer than EX_EVENT_VALUE_MAX and is then also kept whole up to
 * this size: event 1003's licence status list, some 110 bytes per licence, 30 to 60 licences on
 * a current Windows. Longer lists are cut (between entries does not matter: the decoder reads
 * whole entries only). */
#define EX_EVENT_LONG_MAX 16384
#define EX_EVENT_TIME_NONE INT64_MIN

/* One event, fixed size: parsers fill one in place and reuse it, so reading a log of a million
 * events allocates nothing per event. Strings are UTF-8, NUL-terminated, cut when too long.
 * What ex_event_clear writes comes first, the values last: clearing an event touches its first
 * kilobyte only (a parser that sees no event never touches the rest). */
struct ex_event {
    unsigned id;                             /* 12290; 0 while unknown */
    int64_t when;                            /* the same in seconds since 1970 (UTC when the
                                                writer said so), or EX_EVENT_TIME_NONE */
    size_t nvalues;                          /* its data values, in order */
    size_t line;                             /* its first input line, 1-based */
    bool xml_follows;                        /* text: the same event follows as XML */
    bool message_known;                      /* text: its message is one the licensing service
                                                writes (a paste of the description alone), or
                                                1003's licence list stands for it */
    size_t cut;                              /* XML: the input line it ends at when the input
                                                ended inside it (a paste cut short), else 0 */
    size_t long_index;                       /* values[long_index - 1] is kept whole in long_value;
                                                0 when no value was cut */
    char provider[EX_EVENT_NAME_MAX];        /* Provider Name or Source as written */
    char source[EX_EVENT_NAME_MAX];          /* EventSourceName (XML), when given */
    char computer[EX_EVENT_NAME_MAX];        /* the computer that logged it */
    char time[64];                           /* when it was logged, as written */
    char message[EX_EVENT_VALUE_MAX];        /* the first line of its message, when present */
    char long_value[EX_EVENT_LONG_MAX];
    char values[EX_EVENT_MAX_VALUES][EX_EVENT_VALUE_MAX];
};

void ex_event_clear(struct ex_event *ev);
/* The longest prefix of the UTF-8 text s, at most `len` bytes, that does not end inside a
 * character: where a value may be cut so that what is kept stays valid UTF-8. */
size_t ex_utf8_cut(const char *s, size_t len);
/* snprintf into a fixed field where cutting a long value short is intended; a cut falls
 * between characters. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void ex_format(char *buf, size_t size, const char *fmt, ...);
/* Appends a value (cut to EX_EVENT_VALUE_MAX - 1 bytes; the first one that is cut is also kept
 * whole, up to EX_EVENT_LONG_MAX - 1 bytes, in long_value); false when there are too many. */
bool ex_event_add_value(struct ex_event *ev, const char *text, size_t len);
/* Reads s when it is a plain decimal number (digits only: no sign, space or prefix) not above
 * max; false otherwise. Events write their counts and states so; strtol is for the rest. */
bool ex_event_decimal(const char *s, unsigned long max, unsigned long *out);
/* Activation events carry their fields as one comma-separated list (12288 to 12290): when an
 * event of such an ID holds a single value with commas, that value becomes its fields. */
void ex_event_split_list(struct ex_event *ev);
/* True when the event was written by the licensing service (not, say, VSS, which logs 12289
 * and 12293 too): an ID slerr explains, or any other whose provider or source is the
 * service's. An event without a provider is accepted only for an ID slerr explains and when
 * its first value reads as an HRESULT where one is expected. */
bool ex_event_is_activation(const struct ex_event *ev);
/* Whether an event ID is one whose fields slerr's rows read (the others of the licensing
 * service are identified, and their failure code, if any, reported). */
bool ex_event_id_explained(unsigned id);
/* Parses the date forms events are written with (ISO 8601 with Z, 2006/1/14 2:30,
 * 1/14/2006 2:30:00 PM, 14.01.2006 14:30:00); EX_EVENT_TIME_NONE when it reads none. */
int64_t ex_event_parse_time(const char *text);

typedef int (*ex_event_fn)(void *ctx, struct ex_event *ev); /* 0, or an ex_status to stop */

/* XML: wevtutil /f:xml streams, Event Viewer's "Save as XML" (<Events>), $event.ToXml().
 * Fed line by line; recognises where XML starts among other text. */
struct ex_event_xml;
struct ex_event_xml *ex_event_xml_new(ex_event_fn fn, void *ctx);
int ex_event_xml_line(struct ex_event_xml *x, const char *text, size_t len, size_t lineno);
/* Whether the line would be read as the continuation of an XML document already open (inside
 * an element, or the next <Event> of a stream): it is then the XML parser's alone. */
bool ex_event_xml_claims(const struct ex_event_xml *x, const char *text, size_t len);
/* The same for a line that comes in pieces (an export written on one long line): the first
 * piece has `starts_line`, the last `ends_line`. */
int ex_event_xml_piece(struct ex_event_xml *x, const char *text, size_t len, size_t lineno,
                       bool starts_line, bool ends_line);
int ex_event_xml_finish(struct ex_event_xml *x);
const char *ex_event_xml_error(const struct ex_event_xml *x, size_t *lineno);
void ex_event_xml_free(struct ex_event_xml *x);

/* Text: Event Viewer's "Copy details", Get-WinEvent | Format-List, wevtutil /f:text. */
struct ex_event_text;
struct ex_event_text *ex_event_text_new(ex_event_fn fn, void *ctx);
int ex_event_text_line(struct ex_event_text *t, const char *text, size_t len, size_t lineno);
int ex_event_text_finish(struct ex_event_text *t);
/* Whether the line is the open event's own: an "Error Code:" line under an event whose message
 * gives its code so (16385), as a writer lists the event's fields. */
bool ex_event_text_claims(const struct ex_event_text *t, const char *text, size_t len);
void ex_event_text_free(struct ex_event_text *t);
/* Whether a line opens with the message of an event the text reader knows: Windows' own words
 * ("License acquisition failure details."), which the prose reader leaves to it. */
bool ex_event_message_line(const char *text, size_t len);

/* One licence of event 1003's licence status list. */
struct ex_licence {
    size_t ndetail;     /* failure codes of its policies further in the entry (0xC004F009 ...) */
    uint32_t detail[2]; /* the first two distinct ones other than hr */
    uint32_t hr;   /* the result of its licence check */
    char sku[40];  /* its SKU (activation) ID as written */
    bool in_use;   /* the entry's second flag: a product key is installed for this licence */
    bool granted;  /* the number after that result: 1 when the check granted the licence */
};
/* Reads the entries of a status list in text (as many as there are, in linear time); writes
 * the first `max` into out, returns how many it wrote and sets *total to how many it read. */
size_t ex_licence_list_read(const char *text, size_t len, struct ex_licence *out, size_t max,
                            size_t *total);

/* The findings of one event, through the condition table of event_findings.c. Returns how
 * many were written to out (at most max). */
#define EX_EVENT_MAX_FINDINGS 12
size_t ex_event_findings(const struct ex_event *ev, struct ex_finding *out, size_t max);

/* The worst severity those findings would have, without writing them (a log's healthy
 * events are many: they are only counted). */
enum ex_severity ex_event_severity(const struct ex_event *ev);

/* One row of that table, for its tests: which event (0: any with a licence state) and the
 * finding row (finding.h) with its stable name, e.g. "12288-failed". */
struct ex_event_rule {
    unsigned id;
    struct ex_row row;
};
size_t ex_event_rule_count(void);
const struct ex_event_rule *ex_event_rule_at(size_t index);

/* The KMS host report: many 12290 (and 12288/12289) events summed up per client, in memory that
 * grows with distinct clients, never with events. */
struct ex_kms_report;
struct ex_kms_report *ex_kms_report_new(void);
/* Counts one event; false when out of memory. Events of other IDs are ignored. */
bool ex_kms_report_add(struct ex_kms_report *r, const struct ex_event *ev);
size_t ex_kms_report_events(const struct ex_kms_report *r); /* 12290 events counted */
const char *ex_kms_report_host(const struct ex_kms_report *r); /* who logged them */
size_t ex_kms_report_line(const struct ex_kms_report *r);       /* where the first one is */
/* Table slots looked at past each request's first one, in all: how well the CMIDs spread over
 * the table (tests pin that it stays linear in the requests). */
size_t ex_kms_report_extra_probes(const struct ex_kms_report *r);
/* Writes the report's findings into out (at most max); returns how many, 0 when out of memory. */
#define EX_REPORT_MAX_FINDINGS 40
size_t ex_kms_report_findings(struct ex_kms_report *r, struct ex_finding *out, size_t max);
void ex_kms_report_free(struct ex_kms_report *r);

/* The readers for the driver (readers.h): "events" reads both XML and text events, gives each
 * a record of kind "event" and, at the end, the "kms-host-report" record. */
extern const struct ex_reader_ops ex_reader_events;

#endif
