/* SPDX-License-Identifier: MIT */
/* first_index.c: groups a table's rows by first byte (a counting sort that keeps table order). */
#include "first_index.h"

#include <string.h>

void ex_first_index_build(struct ex_first_index *index, uint16_t *order, size_t n,
                          const unsigned char *keys)
{
    memset(index->start, 0, sizeof index->start);
    for (size_t i = 0; i < n; i++)
        index->start[keys[i] + 1]++;
    for (size_t b = 1; b <= 256; b++)
        index->start[b] = (uint16_t)(index->start[b] + index->start[b - 1]);
    uint16_t next[256];
    memcpy(next, index->start, sizeof next);
    for (size_t i = 0; i < n; i++)
        order[next[keys[i]]++] = (uint16_t)i;
}
