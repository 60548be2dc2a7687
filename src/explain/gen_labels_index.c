/* SPDX-License-Identifier: MIT */
/* gen_labels_index.c: labels.c's tables compiled into the index generator, which computes their
 * first-byte indexes once, when the project is built, instead of at every start. */
#define EX_INDEX_GENERATOR
#include "labels.c" // NOLINT(bugprone-suspicious-include): the generator reads the tables themselves

#include "first_index.h"
#include "gen_index.h"

static void rows_index(FILE *out)
{
    unsigned char keys[NROWS];
    for (size_t i = 0; i < NROWS; i++) {
        keys[i] = first_key(rows[i].text);
        label_first_len[i] = (uint8_t)text_len(&rows[i]);
    }
    struct ex_first_index index;
    ex_first_index_build(&index, label_first_order, NROWS, keys);
    gen_array16(out, "label_first_start", index.start, 257);
    gen_array16(out, "label_first_order", label_first_order, NROWS);
    gen_array8(out, "label_first_len", label_first_len, NROWS);
    for (size_t k = 0; k < NROWS; k++) {
        const struct ex_label_row *row = &rows[label_first_order[k]];
        unsigned char s2 = (unsigned char)row->text[1];
        label_first_second[k] = text_len(row) <= 1 ? 0
                                : s2 >= 0x80       ? 1
                                                   : (unsigned char)(s2 | 0x20);
    }
    gen_array8(out, "label_first_second", label_first_second, NROWS + 15);
    size_t n = 0;
    for (size_t l = 0; l < EXL_LABEL_COUNT; l++) {
        label_id_start[l] = (uint16_t)n;
        for (size_t i = 0; i < NROWS; i++)
            if (rows[i].id == l) {
                label_id_rows[n++] = (uint16_t)i;
                label_id_firsts[l * 32 + keys[i] / 8] |= (uint8_t)(1u << (keys[i] % 8));
            }
    }
    label_id_start[EXL_LABEL_COUNT] = (uint16_t)n;
    gen_array16(out, "label_id_start", label_id_start, EXL_LABEL_COUNT + 1);
    gen_array16(out, "label_id_rows", label_id_rows, NROWS);
    gen_array8(out, "label_id_firsts", label_id_firsts, (size_t)EXL_LABEL_COUNT * 32);
}

static void phrases_index(FILE *out)
{
    size_t n = 0;
    for (size_t k = 0; k < EX_PH_KIND_COUNT; k++) {
        unsigned char keys[NPHRASES];
        phrase_kind_base[k] = (uint16_t)n;
        for (size_t i = 0; i < NPHRASES; i++) {
            if (phrases[i].what != k)
                continue;
            keys[n - phrase_kind_base[k]] = first_key(phrases[i].text);
            phrase_kind_len[n] = (uint8_t)strlen(phrases[i].text);
            phrase_kind_row[n++] = (uint16_t)i;
        }
        struct ex_first_index index;
        ex_first_index_build(&index, phrase_kind_order + phrase_kind_base[k],
                             n - phrase_kind_base[k], keys);
        memcpy(phrase_kind_start[k], index.start, sizeof index.start);
    }
    phrase_kind_base[EX_PH_KIND_COUNT] = (uint16_t)n;
    gen_array16(out, "phrase_kind_base", phrase_kind_base, EX_PH_KIND_COUNT + 1);
    gen_array16(out, "phrase_kind_row", phrase_kind_row, NPHRASES);
    gen_array16(out, "phrase_kind_order", phrase_kind_order, NPHRASES);
    gen_array8(out, "phrase_kind_len", phrase_kind_len, NPHRASES);
    fprintf(out, "static const uint16_t phrase_kind_start[%d][257] = {\n", EX_PH_KIND_COUNT);
    for (size_t k = 0; k < EX_PH_KIND_COUNT; k++) {
        fputs("    {", out);
        for (size_t b = 0; b < 257; b++)
            fprintf(out, "%s%u,", b % 16 == 0 ? "\n        " : " ", phrase_kind_start[k][b]);
        fputs("\n    },\n", out);
    }
    fputs("};\n", out);
}

void gen_labels_index(FILE *rows_out, FILE *phrases_out)
{
    rows_index(rows_out);
    phrases_index(phrases_out);
}
