/* SPDX-License-Identifier: MIT */
/* gen_words_index.c: prose_words.c's table compiled into the index generator, which computes its
 * first-byte index once, when the project is built, instead of at every start. */
#define EX_INDEX_GENERATOR
#include "prose_words.c" // NOLINT(bugprone-suspicious-include): the generator reads the table itself

#include "first_index.h"
#include "gen_index.h"

void gen_words_index(FILE *out)
{
    unsigned char keys[NWORDS];
    for (size_t i = 0; i < NWORDS; i++)
        keys[i] = (unsigned char)words[i].text[0];
    struct ex_first_index index;
    ex_first_index_build(&index, word_first_order, NWORDS, keys);
    for (size_t k = 0; k < NWORDS; k++)
        word_first_second[k] = second_key(&words[word_first_order[k]]);
    for (size_t b = 0; b < 256; b++) {
        size_t k = index.start[b];
        while (k < index.start[b + 1] && !ends_subjects(&words[word_first_order[k]]))
            k++;
        word_subjects_end[b] = (uint16_t)k;
    }
    gen_array16(out, "word_first_start", index.start, 257);
    gen_array16(out, "word_first_order", word_first_order, NWORDS);
    gen_array8(out, "word_first_second", word_first_second, NWORDS + 15);
    gen_array16(out, "word_subjects_end", word_subjects_end, 256);
}
