/* render.h: how one code looks in each output format; shared by every command that shows codes. */
#ifndef SLERR_CLI_RENDER_H
#define SLERR_CLI_RENDER_H

#include <stdint.h>

#include "output.h"

enum render_detail { RENDER_FULL, RENDER_BRIEF };

/* Shows `code` (typed by the user as `input`, which may be NULL): catalog entry or decoding. */
void render_code(struct output *o, const char *input, uint32_t code, enum render_detail detail);

#endif
