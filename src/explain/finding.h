/* SPDX-License-Identifier: MIT */
/* finding.h: the one finding model: every finding of every reader, event rule and report comes
 * from a named row of a table, and one function turns a row into a finding. */
#ifndef SLERR_EXPLAIN_FINDING_H
#define SLERR_EXPLAIN_FINDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "record.h"

#define EX_ROW_CODES 2
#define EX_ROW_SEE 3

/* A row: its stable name (in the finding, in --json, in every test), the field it speaks of,
 * how bad it is, our sentence and the catalog codes and entries it points to. The sentence
 * may hold {key} placeholders; the table's fill function supplies them ({value} is always
 * the finding's value). */
struct ex_row {
    const char *name;
    const char *field;
    enum ex_severity severity;
    const char *text;
    uint32_t codes[EX_ROW_CODES]; /* 0: none */
    const char *see[EX_ROW_SEE];  /* "event:12288", "symptom:NAME", "setting:NAME"; NULL: none */
    /* A sentence with a ready-to-copy command, added to the text only when every placeholder
     * in it fills with a checked value (a host name or address and port): else not offered. */
    const char *suggest;
};

/* Supplies a placeholder's text (written to buf, or a string that outlives the call); NULL
 * leaves the placeholder as written. With `command` set the text goes into a shell command:
 * return only values checked by ex_checked_host() (or fixed words), else NULL. */
typedef const char *(*ex_fill_fn)(const void *subject, const char *key, size_t keylen,
                                  bool command, char *buf, size_t size);

/* Whether a fill function's placeholder (key, keylen) is `name`. */
bool ex_key_is(const char *key, size_t keylen, const char *name);

/* Writes the finding of `row`: value as given (NULL: empty), text with its placeholders
 * filled by `fill` over `subject` (fill may be NULL). */
void ex_finding_from_row(struct ex_finding *out, const struct ex_row *row, const char *value,
                         ex_fill_fn fill, const void *subject);
/* The first word of `value` (up to a blank or '(') when it is a host name, an IPv4 address
 * or a bracketed IPv6 address, with an optional :port (1-65535), copied to out; false for
 * anything else (a pasted value never reaches a suggested command unchecked). */
bool ex_checked_host(const char *value, char *out, size_t size);

/* Adds a code unless the finding holds it already or is full. */
void ex_finding_add_code(struct ex_finding *f, uint32_t code);
/* Puts a code first (the record's own result or reason leads the row's fixed codes). */
void ex_finding_lead_code(struct ex_finding *f, uint32_t code);
/* Adds a catalog reference unless the finding is full. */
void ex_finding_add_see(struct ex_finding *f, const char *see);

#endif
