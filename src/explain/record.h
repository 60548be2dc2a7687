/* SPDX-License-Identifier: MIT */
/* record.h: what every reader of pasted evidence produces: records (one slmgr output, one
 * event, one licence block ...) and their findings. Readers are pure: lines in, records out. */
#ifndef SLERR_EXPLAIN_RECORD_H
#define SLERR_EXPLAIN_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ex_event; /* event.h */

enum ex_severity { EX_OK, EX_NOTE, EX_WARNING, EX_CRITICAL };

#define EX_MAX_CODES 4
#define EX_MAX_SEE 4
#define EX_VALUE_MAX 256
#define EX_TEXT_MAX 512

/* One field that matters, judged: which field, what it held, and what that means. */
struct ex_finding {
    const char *rule;            /* the row it comes from ("notification", "12288-failed") */
    enum ex_severity severity;
    const char *field;           /* the field, by our own stable name ("license-status") */
    char value[EX_VALUE_MAX];    /* the value as read (UTF-8, may hold hostile bytes) */
    char text[EX_TEXT_MAX];      /* one sentence in our words */
    uint32_t codes[EX_MAX_CODES]; /* catalog codes it points to */
    size_t ncodes;
    const char *see[EX_MAX_SEE]; /* other catalog entries: "event:12290", "symptom:NAME", "setting:NAME" */
    size_t nsee;
};

/* One recognised record with its findings, handed to the sink as soon as it is complete. */
struct ex_record {
    const char *kind;            /* stable name: "slmgr-dlv", "event", "kms-host-report", ... */
    size_t line;                 /* its first line in the input, 1-based */
    const struct ex_finding *findings;
    size_t nfindings;
    const char *title;           /* what the record is about ("Windows(R), Professional edition",
                                    "KMS host kms1.example.com"); NULL when unknown */
};

/* Receives each record; the record and its findings live only during the call.
 * Returns 0, or non-zero to stop reading. */
typedef int (*ex_sink_fn)(void *ctx, const struct ex_record *record);

/* What a reader or the driver returns; ex_strerror() names each. */
enum ex_status {
    EX_STATUS_OK = 0,
    EX_STATUS_NOMEM,     /* out of memory */
    EX_STATUS_MALFORMED, /* input of a recognised kind is broken (truncated XML ...): stop here */
    EX_STATUS_STOPPED,   /* the sink asked to stop */
    EX_STATUS_IO,        /* reading the input failed (errno kept by the caller) */
    EX_STATUS_UNAVAILABLE, /* a library this input needs (libevtx) could not be loaded */
};
const char *ex_strerror(enum ex_status status);

/* A reader: one kind of evidence, fed the input's lines (UTF-8, line end removed) in order.
 * Every reader sees every line and recognises its own records among the rest. */
struct ex_reader_ops {
    const char *name;                                    /* "slmgr", "event-xml", ... */
    void *(*create)(ex_sink_fn sink, void *ctx);         /* NULL when out of memory */
    int (*line)(void *state, const char *text, size_t len, size_t lineno); /* 0, or an ex_status */
    int (*finish)(void *state);                          /* end of input: flush what is pending */
    void (*destroy)(void *state);
    /* After EX_STATUS_MALFORMED: what was wrong and the input line where it stopped (NULL for
     * a reader that never reports it). */
    const char *(*error_detail)(void *state, size_t *lineno);
    /* Optional (NULL: line() is used). Lines reach line() cut to EX_LINE_MAX bytes; a reader
     * that needs every byte (XML exported on one line) sets piece() instead of line() and gets
     * each line whole, in pieces of at most EX_LINE_MAX bytes, `ends_line` non-zero on the
     * piece that ends the line (the line end itself is not passed). */
    int (*piece)(void *state, const char *text, size_t len, size_t lineno, int ends_line);
    /* Optional: whether this line (its first EX_LINE_MAX bytes) continues a document of the
     * reader's own that no other reader reads (an XML document under way). Asked before the
     * line is fed; when true, the line goes to this reader alone, and to the code fallback:
     * the text readers' work on a million lines of event XML was a third of the run. */
    bool (*claims)(void *state, const char *text, size_t len);
    /* Optional: an .evtx record as an event read from libevtx's record fields (evtx.h), fed
     * in place of its XML line (numbered by its EventRecordID); first with its ID alone
     * (`complete` false: 0 asks for the other fields), then whole. Returns 0 when taken, an
     * ex_status to stop, or EX_WANT_XML: the record's XML is then rendered and fed as a line
     * to every reader, as when no reader takes events. */
    int (*event)(void *state, struct ex_event *ev, bool complete);
};

/* What a reader's event() returns to have the record's XML instead. */
#define EX_WANT_XML (-1)

/* Longest line (bytes of UTF-8) a line() reader is given; the rest of a longer line is dropped. */
#define EX_LINE_MAX 8192

/* Conventions the driver relies on across records:
 * - An event's result HRESULT is a finding with field "result" and codes[0] the result. When
 *   the input also holds a client's 0xC004F074, a non-zero result other than 0xC004F074
 *   (0xC004F06C, 0x800706BA ...) is the headline: the real cause behind the client's error. */

#endif
