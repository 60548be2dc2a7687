/* SPDX-License-Identifier: MIT */
/* test_explain_indexes.c: the first-byte indexes the build writes for the label, phrase and prose
 * word tables (labels_index.h, phrases_index.h, words_index.h: gen_indexes) are the tables' own:
 * each byte's rows are exactly the rows whose text starts with it, in table order, each with its
 * text's length (a label row and a prose word also with its second byte, and where each byte's subject words
 * end). A row added, moved or changed without its index fails here. Computed here
 * from the tables by their definition, not by the generator's code. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "labels.h"
#include "prose.h"

#include "labels_index.h"
#include "phrases_index.h"
#include "words_index.h"

/* Checks start[0..256] and order[] against keys[0..n): byte b's rows are the rows whose key is b,
 * in ascending order. */
static void expect_index(const char *table, const uint16_t start[257], const uint16_t *order,
                         size_t n, const unsigned char *keys)
{
    cr_expect_eq(start[0], 0, "%s: the index starts at 0", table);
    cr_expect_eq(start[256], n, "%s: the index holds every row (%u of %zu)", table, start[256],
                 n);
    for (unsigned b = 0; b < 256; b++) {
        size_t k = start[b];
        for (size_t i = 0; i < n; i++) {
            if (keys[i] != b)
                continue;
            cr_expect_lt(k, start[b + 1], "%s: row %zu (byte 0x%02x) is in its byte's rows",
                         table, i, b);
            if (k < start[b + 1])
                cr_expect_eq(order[k], i, "%s: byte 0x%02x's rows in table order: row %zu, not %u",
                             table, b, i, order[k]);
            k++;
        }
        cr_expect_eq(k, start[b + 1], "%s: byte 0x%02x has no other rows", table, b);
    }
}

Test(explain_indexes, label_rows_by_first_byte)
{
    size_t n = ex_label_row_count();
    cr_assert_eq(sizeof label_first_order / sizeof label_first_order[0], n);
    unsigned char keys[sizeof label_first_order / sizeof label_first_order[0]];
    for (size_t i = 0; i < n; i++) {
        const struct ex_label_row *row = ex_label_row_at(i);
        keys[i] = (unsigned char)row->text[0] | 0x20; /* ASCII letters lowered */
        cr_expect_eq(label_first_len[i], strnlen(row->text, sizeof row->text),
                     "label row %zu (%s): its length", i, row->text);
    }
    expect_index("labels", label_first_start, label_first_order, n, keys);
    /* each row's second byte as a key: 0 for one byte, 1 for no ASCII, else lowered; 15 0s
     * after the last */
    cr_expect_eq(sizeof label_first_second, n + 15);
    for (size_t k = 0; k < n + 15; k++) {
        const struct ex_label_row *row = k < n ? ex_label_row_at(label_first_order[k]) : NULL;
        unsigned char s2 = row ? (unsigned char)row->text[1] : 0;
        unsigned char key = !row || strnlen(row->text, sizeof row->text) <= 1 ? 0
                            : s2 >= 0x80                                    ? 1
                                                                            : s2 | 0x20;
        cr_expect_eq(label_first_second[k], key, "label index %zu: the second byte's key", k);
    }
    /* the rows by label, in table order, with the set of their first bytes */
    cr_expect_eq(label_id_start[0], 0);
    for (unsigned label = 0; label < EXL_LABEL_COUNT; label++) {
        size_t k = label_id_start[label];
        uint8_t firsts[32] = { 0 };
        for (size_t i = 0; i < n; i++) {
            if (ex_label_row_at(i)->id != (enum ex_label)label)
                continue;
            cr_assert_lt(k, label_id_start[label + 1], "label %u: row %zu among its rows", label,
                         i);
            cr_expect_eq(label_id_rows[k], i, "label %u: its rows in table order", label);
            firsts[keys[i] / 8] |= (uint8_t)(1u << (keys[i] % 8));
            k++;
        }
        cr_expect_eq(k, label_id_start[label + 1], "label %u has no other rows", label);
        cr_expect_arr_eq(label_id_firsts + label * 32, firsts, 32,
                         "label %u: the first bytes of its rows", label);
    }
}

Test(explain_indexes, phrases_by_kind_and_first_byte)
{
    size_t n = ex_phrase_row_count();
    cr_assert_eq(sizeof phrase_kind_row / sizeof phrase_kind_row[0], n);
    cr_expect_eq(phrase_kind_base[0], 0);
    cr_expect_eq(phrase_kind_base[EX_PH_KIND_COUNT], n);
    for (unsigned kind = 0; kind < EX_PH_KIND_COUNT; kind++) {
        unsigned char keys[sizeof phrase_kind_row / sizeof phrase_kind_row[0]];
        size_t m = 0, base = phrase_kind_base[kind];
        for (size_t i = 0; i < n; i++) {
            const char *text;
            if (ex_phrase_row_at(i, &text) != (enum ex_phrase)kind)
                continue;
            cr_assert_lt(base + m, phrase_kind_base[kind + 1], "kind %u: row %zu in its rows",
                         kind, i);
            cr_expect_eq(phrase_kind_row[base + m], i, "kind %u: its rows in table order", kind);
            cr_expect_eq(phrase_kind_len[base + m], strlen(text), "phrase %zu (%s): its length",
                         i, text);
            keys[m++] = (unsigned char)text[0] | 0x20;
        }
        cr_expect_eq(base + m, phrase_kind_base[kind + 1], "kind %u has no other rows", kind);
        char table[32];
        snprintf(table, sizeof table, "phrases of kind %u", kind);
        expect_index(table, phrase_kind_start[kind], phrase_kind_order + base, m, keys);
    }
}

Test(explain_indexes, prose_words_by_first_byte)
{
    size_t n;
    const struct ex_prose_word *words = ex_prose_words(&n);
    cr_assert_eq(sizeof word_first_order / sizeof word_first_order[0], n);
    unsigned char keys[sizeof word_first_order / sizeof word_first_order[0]];
    for (size_t i = 0; i < n; i++)
        keys[i] = (unsigned char)words[i].text[0];
    expect_index("prose words", word_first_start, word_first_order, n, keys);
    /* each word's second byte, 0 where more than one byte matches there (15 more 0s: the
     * array is read 16 bytes at a time) */
    cr_expect_eq(sizeof word_first_second, n + 15);
    for (size_t k = n; k < n + 15; k++)
        cr_expect_eq(word_first_second[k], 0);
    for (size_t k = 0; k < n; k++) {
        const struct ex_prose_word *w = &words[word_first_order[k]];
        bool wild = w->len == 1 || w->text[1] == ' ' || w->text[1] == '\'';
        cr_expect_eq(word_first_second[k], wild ? 0 : (unsigned char)w->text[1],
                     "prose word %s: its second byte", w->text);
    }
    /* the first pass (subject and product words) stops at a byte's first other word */
    for (unsigned b = 0; b < 256; b++) {
        size_t end = word_first_start[b];
        while (end < word_first_start[b + 1]) {
            const struct ex_prose_word *w = &words[word_first_order[end]];
            if (w->kind > EXW_PRODUCT && !(w->flags & (EXW_SELF | EXW_OF_PRODUCT)))
                break;
            end++;
        }
        cr_expect_eq(word_subjects_end[b], end, "byte 0x%02x: the subject words end at %zu", b,
                     end);
    }
}
