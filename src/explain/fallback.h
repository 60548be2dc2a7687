/* SPDX-License-Identifier: MIT */
/* fallback.h: codes in the text that no reader claimed: every notable code libslerr's scanner
 * finds (what `slerr annotate` marks) becomes a finding of its own, with its line and the text
 * around it, once the input has ended and every reader has had its say. */
#ifndef SLERR_EXPLAIN_FALLBACK_H
#define SLERR_EXPLAIN_FALLBACK_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

struct ex_fallback;

/* NULL when out of memory. */
struct ex_fallback *ex_fallback_new(void);
void ex_fallback_free(struct ex_fallback *fb);
/* Scans one input line (after normalizing) for codes, and for official messages unless the
 * line is `markup`: inside a document a reader claimed (event XML, whose texts that reader
 * reads; looking for messages in each of a million lines of markup cost a fifth of the run). */
void ex_fallback_line(struct ex_fallback *fb, const char *text, size_t len, size_t lineno,
                      bool markup);
/* A reader's record, read from lines record->line to last_line: the codes of its findings are
 * claimed (explained there), and so is every code on those lines (the reader read them and
 * judged what matters) unless the record has no finding at all; the input is activation
 * evidence, so general Windows codes elsewhere in it count too. */
void ex_fallback_claim(struct ex_fallback *fb, const struct ex_record *record, size_t last_line);
/* End of input: one record of kind "text" per unclaimed notable code, to the sink. Returns
 * 0, or EX_STATUS_STOPPED when the sink asked to stop. */
int ex_fallback_finish(struct ex_fallback *fb, ex_sink_fn sink, void *ctx);
/* Whether the input read so far is about activation: a word of activation or licensing, an
 * activation code, or a reader's record claimed. */
bool ex_fallback_about_activation(const struct ex_fallback *fb);

/* The rows its findings come from, for tests. */
extern const struct ex_row ex_fallback_failure_row, ex_fallback_information_row,
    ex_fallback_message_row, ex_fallback_message_information_row, ex_fallback_message_shared_row,
    ex_fallback_mistyped_row, ex_fallback_win32_decimal_row, ex_fallback_uncatalogued_row,
    ex_fallback_grace_row, ex_fallback_harmless_row;

#endif
