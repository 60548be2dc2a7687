/* SPDX-License-Identifier: MIT */
/* gen_index.h: the build's index generator (gen_indexes.c): each table's part writes its
 * first-byte index as C arrays that the table's file includes. */
#ifndef SLERR_EXPLAIN_GEN_INDEX_H
#define SLERR_EXPLAIN_GEN_INDEX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes `static const <type> name[n] = { ... };` for 16-bit or 8-bit values (gen_array.c). */
void gen_array16(FILE *out, const char *name, const uint16_t *values, size_t n);
void gen_array8(FILE *out, const char *name, const uint8_t *values, size_t n);

/* labels.c's rows (labels_index.h) and phrases (phrases_index.h); prose_words.c's words
 * (words_index.h). */
void gen_labels_index(FILE *rows_out, FILE *phrases_out);
void gen_words_index(FILE *out);

#endif
