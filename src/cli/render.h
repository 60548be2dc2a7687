/* SPDX-License-Identifier: MIT */
/* render.h: how one code looks in each output format; shared by every command that shows codes. */
#ifndef SLERR_CLI_RENDER_H
#define SLERR_CLI_RENDER_H

#include <stdint.h>

#include "output.h"

#include "slerr.h"

/* FULL: every field; BRIEF: the message only; LINE: one line that names the entry;
 * BRIEF_NAMED: "0xC004F038: " and the message, for --brief with several codes. */
enum render_detail { RENDER_FULL, RENDER_BRIEF, RENDER_LINE, RENDER_BRIEF_NAMED };

/* Shows `code` (typed by the user as `input`, which may be NULL): catalog entry or decoding. */
void render_code(struct output *o, const char *input, uint32_t code, enum render_detail detail);

/* Shows an entry of any kind (codes go through render_code). */
void render_entry(struct output *o, const struct slerr_entry *e, enum render_detail detail);

/* JSON members naming an entry inside an open object: kind, its code or name. */
void render_json_identity(struct output *o, const struct slerr_entry *e);

/* How an entry is referred to: "0xC004F038", "event 12290", "symptom NAME", "setting NAME". */
void render_label(const struct slerr_entry *e, char *buf, size_t size);

/* The facility of a decoded code as text: "7 (WIN32)", or "2047" when it has no name. */
void render_facility(const struct slerr_decoded *d, char *buf, size_t size);

#endif
