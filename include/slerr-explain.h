/* SPDX-License-Identifier: MIT */
/* slerr-explain.h: public API of libslerr-explain: what `slerr explain` does, for programs that
 * hold the text themselves (a monitoring plugin with `slmgr /dlv` output, a ticket bot ...).
 * Feed it bytes (UTF-8 or UTF-16LE, any line ends, in pieces of any size); it calls you back
 * with each record it recognises and its findings. It never prints, exits or reads files.
 * Every type is opaque and read through functions, so later versions can add to them. */
#ifndef SLERR_EXPLAIN_H
#define SLERR_EXPLAIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How bad a finding is. */
enum slerr_explain_severity {
    SLERR_EXPLAIN_OK = 0,
    SLERR_EXPLAIN_NOTE,
    SLERR_EXPLAIN_WARNING,
    SLERR_EXPLAIN_CRITICAL,
};

/* What the feeding functions return. */
enum slerr_explain_status {
    SLERR_EXPLAIN_DONE = 0,     /* all well */
    SLERR_EXPLAIN_NOMEM,        /* out of memory */
    SLERR_EXPLAIN_MALFORMED,    /* input of a recognised kind is broken: see slerr_explainer_error() */
    SLERR_EXPLAIN_STOPPED,      /* the callback asked to stop */
    SLERR_EXPLAIN_MISUSE,       /* a call the explainer does not take now: see below */
    SLERR_EXPLAIN_UNAVAILABLE,  /* the input needs a library that could not be loaded (XML
                                   events: libexpat.so.1; an .evtx file: libevtx.so.1): see
                                   slerr_explainer_error() */
};

typedef struct slerr_explainer slerr_explainer;         /* one input being read */
typedef struct slerr_explain_record slerr_explain_record; /* valid during the callback only */

/* Called for each recognised record; return 0 to go on, anything else to stop. */
typedef int (*slerr_explain_fn)(void *context, const slerr_explain_record *record);

/* A new explainer; NULL when out of memory. */
slerr_explainer *slerr_explainer_new(slerr_explain_fn callback, void *context);
/* Feeds the next bytes of the input. Returns a slerr_explain_status. */
int slerr_explainer_feed(slerr_explainer *e, const void *bytes, size_t size);
/* End of input: records still open are completed. Returns a slerr_explain_status. */
int slerr_explainer_finish(slerr_explainer *e);
/* After slerr_explainer_finish: the bytes fed next are another input (another file): readers
 * start afresh and lines count from 1 again, while the records, the worst severity and the
 * headline go on adding up over all inputs. Returns a slerr_explain_status. */
int slerr_explainer_next_input(slerr_explainer *e);
/* Once a feed or finish has returned anything but SLERR_EXPLAIN_DONE (an error, or
 * SLERR_EXPLAIN_STOPPED after the callback returned non-zero), the input has ended: later
 * feeds read nothing and return that same status, and so does finish, which completes no
 * record (the records delivered and the summary stand), until slerr_explainer_next_input.
 * After finish, feed returns SLERR_EXPLAIN_MISUSE and finish returns its first status again.
 * A feed, finish or next_input called from inside the callback (on the same explainer)
 * returns SLERR_EXPLAIN_MISUSE and changes nothing; the callback must not free the
 * explainer. The summary functions may be called at any time. */
void slerr_explainer_free(slerr_explainer *e);

/* After SLERR_EXPLAIN_MALFORMED: what is wrong and the line (from 1; `line` may be NULL);
 * after SLERR_EXPLAIN_UNAVAILABLE: what could not be loaded and why; NULL otherwise. XML
 * events are read through expat, loaded when they first appear, and .evtx files through
 * libevtx, loaded when an input starts with their signature, not when the library is: text
 * inputs map neither. */
const char *slerr_explainer_error(const slerr_explainer *e, size_t *line);
/* A sentence for a status. Never NULL. */
const char *slerr_explain_strerror(int status);

/* What the records so far add up to: how many, the worst severity (SLERR_EXPLAIN_OK when
 * none), and the finding to lead with as a record of kind "headline" holding that one finding
 * (NULL when nothing is worse than ok); valid until the next feed or free. */
size_t slerr_explainer_records(const slerr_explainer *e);
int slerr_explainer_worst(const slerr_explainer *e);
const slerr_explain_record *slerr_explainer_headline(slerr_explainer *e);

/* A record: its kind ("slmgr-dlv", "ospp-dstatus", "cim-product", "event",
 * "kms-host-report" ...), its first line, what it is about (NULL when unknown). */
const char *slerr_explain_record_kind(const slerr_explain_record *r);
size_t slerr_explain_record_line(const slerr_explain_record *r);
const char *slerr_explain_record_title(const slerr_explain_record *r);
size_t slerr_explain_record_findings(const slerr_explain_record *r);

/* Finding i of a record (i < slerr_explain_record_findings): its severity, the field by our
 * stable name ("license-status"), the value as read (UTF-8, untrusted: escape it before a
 * terminal), our sentence, its catalog codes and related entries ("event:12290",
 * "symptom:NAME", "setting:NAME"). Out-of-range indexes give -1, NULL or 0. */
int slerr_explain_finding_severity(const slerr_explain_record *r, size_t i);
const char *slerr_explain_finding_field(const slerr_explain_record *r, size_t i);
/* The stable name of the table row finding i comes from ("notification", "12288-failed",
 * "code-in-text"): what a program should test on, since sentences may be reworded. */
const char *slerr_explain_finding_rule(const slerr_explain_record *r, size_t i);
const char *slerr_explain_finding_value(const slerr_explain_record *r, size_t i);
const char *slerr_explain_finding_text(const slerr_explain_record *r, size_t i);
size_t slerr_explain_finding_codes(const slerr_explain_record *r, size_t i);
uint32_t slerr_explain_finding_code(const slerr_explain_record *r, size_t i, size_t j);
size_t slerr_explain_finding_sees(const slerr_explain_record *r, size_t i);
const char *slerr_explain_finding_see(const slerr_explain_record *r, size_t i, size_t j);

/* What the explainer reads, one short description each ("ospp.vbs /dstatus and
 * /dhistorykms"), for telling a user who gave it nothing it knows: i from 0, NULL after the
 * last. */
const char *slerr_explain_reads(size_t i);

/* Teaches every explainer of this process the labels and licence states of one more display
 * language: `bytes` is a Windows slmgr.ini as copied from the machine
 * (%SystemRoot%\System32\slmgr\<LANGID>\slmgr.ini: UTF-16LE lines `L_MsgName = "text"`;
 * UTF-8 is read too), `lang` names the language ("de-DE"). *added (when not NULL) receives the
 * number of label and state rows added. SLERR_EXPLAIN_DONE; SLERR_EXPLAIN_MALFORMED when the
 * bytes hold none of slmgr.vbs's strings; SLERR_EXPLAIN_NOMEM. Call it before explainers
 * read, not while another thread runs one; slerr_explain_reset_labels() forgets them all. */
int slerr_explain_add_labels(const void *bytes, size_t size, const char *lang, size_t *added);
void slerr_explain_reset_labels(void);

/* "ok", "note", "warning", "critical"; NULL for anything else. */
const char *slerr_explain_severity_name(int severity);

#ifdef __cplusplus
}
#endif

#endif
