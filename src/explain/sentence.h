/* SPDX-License-Identifier: MIT */
/* sentence.h: a licence state or an activation failure told in a sentence of prose
 * (reader_sentence.c). */
#ifndef SLERR_EXPLAIN_SENTENCE_H
#define SLERR_EXPLAIN_SENTENCE_H

#include "collect.h"
#include "message.h"

/* Reads one line that no slmgr label opens: when one of its sentences tells a licence state
 * (the status label and one state word of the label table, or words of prose.h's table) and
 * the line is no other tool's and holds no code, hands on a record of kind "sentence" through
 * `c`. `*named` says whether the input named the product so far (a product word, a tool's
 * line, a code): prose words count only then ("Crunch 2 could not be activated" is another
 * program's); the call sets it when this line names one. A line that quotes Windows' own
 * message of a code ("... reported that the product key is invalid.") is left to the code
 * fallback, which names the code: `*messages` is the index it looks them up in, made at the
 * first such line (the caller frees it; NULL when out of memory). Returns the sink's answer (0
 * or EX_STATUS_STOPPED). */
int ex_sentence_line(struct ex_collector *c, bool *named, struct ex_messages **messages,
                     const char *text, size_t len, size_t lineno);

#endif
