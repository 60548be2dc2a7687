/* SPDX-License-Identifier: MIT */
/* period.h: the days left of an evaluation, trial or grace period told in a sentence
 * (period.c). */
#ifndef SLERR_EXPLAIN_PERIOD_H
#define SLERR_EXPLAIN_PERIOD_H

#include <stddef.h>

/* What a sentence tells of a period by its days left (enum ex_told, prose.h): EX_TOLD_EXPIRING
 * for a few, EX_TOLD_LICENSED for a period still running, EX_TOLD_NONE when it tells no count
 * of days that remain of a period, or only in a supposition or a how-to before the count. The
 * count and its day word span text[*at .. *at + *plen). */
int ex_period_told(const char *text, size_t len, size_t *at, size_t *plen);

#endif
