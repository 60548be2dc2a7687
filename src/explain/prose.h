/* SPDX-License-Identifier: MIT */
/* prose.h: activation states and failures as people tell them in prose ("the license is
 * expired", "未激活"), as data: one table of rows (what is told, language, phrase, severity,
 * the paste or page it was seen in), read by the sentence reader in lines that are no tool's
 * and hold no code. */
#ifndef SLERR_EXPLAIN_PROSE_H
#define SLERR_EXPLAIN_PROSE_H

#include <stddef.h>

#include "record.h"

/* What a phrase tells: a licence state 0-6 (LicenseStatus numbering, labels.h), or one of
 * these, which no licence state names. */
enum ex_told {
    EX_TOLD_NONE = -1,
    EX_TOLD_LICENSED = 1,          /* LicenseStatus 1 */
    EX_TOLD_NOTIFICATION = 5,      /* LicenseStatus 5 */
    EX_TOLD_ACTIVATION_FAILED = 7, /* an attempt to activate failed */
    EX_TOLD_NOT_ACTIVATED,         /* the product is not activated, in which state unknown */
    EX_TOLD_EXPIRING,              /* the licence runs out soon */
};

/* One row: what is told, the severity an activation engineer gives it, the language, the
 * phrase as writers put it (the condition table judges; a test keeps the two equal), and
 * where the phrase was seen (a corpus paste's name or a public URL). The texts are held in the
 * row, not pointed to, so that the table needs no relocation at load (labels.h says why); a
 * text longer than its array (less its NUL) fails the build and a test: raise the bound. */
#define EX_PROSE_TEXT_MAX 64
#define EX_PROSE_SOURCE_MAX 128
struct ex_prose_row {
    int told;
    enum ex_severity severity;
    char lang[8]; /* "zh-CN", "pt-BR" and the NUL */
    char text[EX_PROSE_TEXT_MAX];
    char source[EX_PROSE_SOURCE_MAX];
};

/* The rows, for the reader and for tests. */
const struct ex_prose_row *ex_prose_rows(size_t *count);

/* The one thing `text` (a sentence) tells through a phrase of the table, standing as words of
 * their own (ASCII in any case; a CJK phrase anywhere); its place in *at and *plen. -1 when it
 * tells none, or two different things. */
int ex_prose_told(const char *text, size_t len, size_t *at, size_t *plen);

/* Whether the sentence is hypothetical ("If Windows is not activated, ..."): it then tells no
 * state of this machine. */
bool ex_prose_hypothetical(const char *text, size_t len);

/* The canonical name of what is told ("notification", "activation-failed"); NULL for none. */
const char *ex_told_name(int told);

#endif
