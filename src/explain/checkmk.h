/* SPDX-License-Identifier: MIT */
/* checkmk.h: a Checkmk agent's output ("<<<section>>>" headers): only the win_license section
 * (slmgr /dli) is evidence; the lines of every other section are kept from the readers. */
#ifndef SLERR_EXPLAIN_CHECKMK_H
#define SLERR_EXPLAIN_CHECKMK_H

#include <stdbool.h>
#include <stddef.h>

struct ex_checkmk {
    bool in_dump;     /* a section header was seen */
    bool readable;    /* the current section is win_license */
};

/* Whether this line (the start of a line) is kept from the readers: a section header, or a
 * line of a section other than win_license. Lines before the first header are not. */
bool ex_checkmk_hides(struct ex_checkmk *state, const char *text, size_t len);

#endif
