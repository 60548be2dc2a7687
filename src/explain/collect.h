/* SPDX-License-Identifier: MIT */
/* collect.h: what the labelled-text readers (slmgr, ospp, CIM) share: a record being
 * collected field by field, wrapped values rejoined, judged and handed to the sink. */
#ifndef SLERR_EXPLAIN_COLLECT_H
#define SLERR_EXPLAIN_COLLECT_H

#include "facts.h"

struct ex_collector {
    ex_sink_fn sink;
    void *ctx;
    bool open;                 /* a record is being collected */
    size_t line;               /* its first line */
    enum ex_label last;        /* the field the previous line set, for wrapped values */
    bool own;                  /* it holds a line only this reader's tool prints */
    bool last_full;            /* that line filled the console's width */
    bool last_token;           /* its value is one word (a URL, an ID: no blank inside) */
    struct ex_facts facts;
    struct ex_finding findings[EX_MAX_FINDINGS]; /* last: ex_collector_new leaves it unzeroed */
};

/* Allocates a collector (NULL when out of memory); free() releases it. */
struct ex_collector *ex_collector_new(ex_sink_fn sink, void *ctx);
void ex_collector_start(struct ex_collector *c, size_t lineno);
/* Records a field of the open record (ignored when none is open); `own`: the line is one only
 * this reader's tool prints (a row of its format alone). */
void ex_collector_field(struct ex_collector *c, enum ex_label label, const char *value,
                        size_t vlen, const char *line, size_t len, bool own);
/* Whether `text` continues the previous field's value: that line filled the console width
 * (80 columns, the value cut in a word or GUID), and this one is no label; or that field is one
 * the readers do not judge (a URL, an ID) and one word long, and this line is one word too
 * that is no code, no prompt and no heading (a URL's query a message box or a forum broke off:
 * "configextension=Retail"). Appends it if so. */
bool ex_collector_rejoin(struct ex_collector *c, const char *text, size_t len);
/* Whether `label` would be a second value of a field the open record holds already: the
 * record of one product ends where the next one's fields begin. */
bool ex_collector_repeats(const struct ex_collector *c, enum ex_label label);
/* Whether the open record is one: EX_NOT_RECOGNISED, EX_RECOGNISED, or EX_IF_FINDINGS (a
 * trimmed paste without its header is a record when the condition table finds something). */
enum { EX_NOT_RECOGNISED = 0, EX_RECOGNISED = 1, EX_IF_FINDINGS = 2 };
/* Judges and hands on the open record as `kind` when it holds a line of its own tool and is
 * `recognised` as above; closes it either way.
 * Returns the sink's answer (0 or EX_STATUS_STOPPED). */
int ex_collector_emit(struct ex_collector *c, const char *kind, bool cim, int recognised);
/* Hands on one ready-made record (an error line ...). */
int ex_collector_emit_facts(struct ex_collector *c, const char *kind, size_t lineno, bool cim);

#endif
