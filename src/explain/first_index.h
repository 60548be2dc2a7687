/* SPDX-License-Identifier: MIT */
/* first_index.h: a word or label table's rows grouped by their first byte, each group in table
 * order, so that a lookup compares a text only with the rows that can match it and still finds
 * the row a scan of the whole table would. */
#ifndef SLERR_EXPLAIN_FIRST_INDEX_H
#define SLERR_EXPLAIN_FIRST_INDEX_H

#include <stddef.h>
#include <stdint.h>

/* Rows whose key is byte b: order[start[b]] .. order[start[b + 1] - 1]. */
struct ex_first_index {
    uint16_t start[257];
};

/* Fills index and order (n entries, n < UINT16_MAX) from keys[i], row i's first byte. */
void ex_first_index_build(struct ex_first_index *index, uint16_t *order, size_t n,
                          const unsigned char *keys);

#endif
