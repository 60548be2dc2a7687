/* SPDX-License-Identifier: MIT */
/* sentence.h: a licence state or an activation failure told in a sentence of prose
 * (reader_sentence.c). */
#ifndef SLERR_EXPLAIN_SENTENCE_H
#define SLERR_EXPLAIN_SENTENCE_H

#include "collect.h"
#include "message.h"

/* How much of a line's unfinished last sentence is kept for the next line (longer: none). */
#define EX_SENTENCE_TAIL 320

/* What the sentence reader keeps from line to line of one input. */
struct ex_sentence_state {
    /* whether the input named the product so far (a product word, a tool's line, a code):
     * prose words count only then ("Crunch 2 could not be activated" is another program's) */
    bool named;
    /* what the lines before, in this paragraph, leave for an "it" to stand for
     * (EX_PROSE_BEFORE_*, prose.h); the caller clears it at a blank line */
    unsigned before;
    /* Windows' messages of codes: a line that quotes one ("... reported that the product key
     * is invalid.") is left to the code fallback, which names the code; made at the first such
     * line (NULL when out of memory) */
    struct ex_messages *messages;
    /* the last sentence of the line before, when it ran on past the line's end (a paragraph
     * the page wrapped: "... said that Windows failed to" / "activate and that I should try
     * again later."): read again with the start of the next line when that goes on with a
     * small letter */
    char tail[EX_SENTENCE_TAIL];
    size_t tail_len, tail_line;
    /* a page's table of contents is being read ("Inhalt", "目录" and the titles listed under
     * it): its lines name sections, they tell no state */
    bool contents;
    /* how many lines more quote what a screen shows, after a line that announced it ("you
     * will see this message on the Activation page:"): a guide's example, no state */
    unsigned shown;
};

/* Frees what the state holds (not the state). */
void ex_sentence_state_clear(struct ex_sentence_state *st);

/* Reads one line that no slmgr label opens: when one of its sentences tells a licence state
 * (the status label and one state word of the label table, or words of prose.h's table) and
 * the line is no other tool's and holds no code, hands on a record of kind "sentence" through
 * `c`. Sets `st->named` when this line names the product. Returns the sink's answer (0 or
 * EX_STATUS_STOPPED). */
int ex_sentence_line(struct ex_collector *c, struct ex_sentence_state *st, const char *text,
                     size_t len, size_t lineno);

#endif
