/* SPDX-License-Identifier: MIT */
/* test_explain_guess.c: the guess from a text's wording (guess.c): which words it weighs (stems
 * of letter runs in lower case, pairs of neighbouring ideographs), that each counts once, that
 * only the first EX_GUESS_READ_MAX bytes count, and that the finding is activation-trouble-
 * guessed with the words as the text wrote them. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "guess.h"

struct collected {
    char words[1024];
    char from[1024];
};

static void collect(void *ctx, const char *word, size_t len, const char *from, size_t fromlen)
{
    struct collected *c = ctx;
    size_t w = strlen(c->words), f = strlen(c->from);
    snprintf(c->words + w, sizeof c->words - w, "%s%.*s", w ? "|" : "", (int)len, word);
    snprintf(c->from + f, sizeof c->from - f, "%s%.*s", f ? "|" : "", (int)fromlen, from);
}

static struct collected words_of(const char *text)
{
    struct collected c = { "", "" };
    ex_guess_words(text, strlen(text), collect, &c);
    return c;
}

Test(guess_words, letter_runs_are_cut_to_their_stem_in_lower_case)
{
    struct collected c = words_of("Activation FAILED: ÉCHEC de l\xe2\x80\x99" "activation, "
                                  "АКТИВАЦИЯ Ошибка");
    cr_assert_str_eq(c.words, "activa|failed|échec|de|activa|актива|ошибка");
    cr_assert_str_eq(c.from, "Activation|FAILED|ÉCHEC|de|activation|АКТИВАЦИЯ|Ошибка");
}

Test(guess_words, single_letters_digits_and_signs_make_no_word)
{
    /* "l" before the apostrophe, "x" and the digits are no words; the code's letters are */
    cr_assert_str_eq(words_of("x 2019 0xC004F074 l\xe2\x80\x99 ok").words, "xc|ok");
}

Test(guess_words, ideographs_and_hangul_are_read_in_neighbouring_pairs)
{
    struct collected c = words_of("激活失败了 정품 인증 Office激活");
    cr_assert_str_eq(c.words, "激活|活失|失败|败了|정품|인증|office|激活");
    /* a pair is cut from its run as written */
    cr_assert_str_eq(c.from, "激活|活失|失败|败了|정품|인증|Office|激活");
}

Test(guess_words, an_address_holds_no_word)
{
    /* a screenshot in a ticket: its alt text is a word, its address's parts are not */
    cr_assert_str_eq(words_of("see ![Image](https://github.com/user-attachments/assets/c02d) "
                              "now <http://x.example/activation> ok").words,
                     "see|image|now|ok");
}

Test(guess_words, broken_bytes_and_a_cut_character_end_a_word)
{
    /* \xff is no character, and the line ends inside one (the first byte of 激) */
    cr_assert_str_eq(words_of("act\xffivation \xe6").words, "act|ivatio");
}

/* The words of the table that weigh most towards trouble and towards a guide, whatever the
 * fit made of the rest: the fit is read, not assumed. */
static void heaviest_words(const char **trouble, const char **guide)
{
    static const char *candidates[] = { "激活", "activa", "window", "tried", "how", "guide",
                                        "step", "i", "my", "error", "office", "help" };
    int hi = 0, lo = 0;
    *trouble = *guide = NULL;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        int w = ex_guess_weight(candidates[i], strlen(candidates[i]));
        if (w > hi)
            hi = w, *trouble = candidates[i];
        if (w < lo)
            lo = w, *guide = candidates[i];
    }
}

Test(guess, each_word_counts_once_and_names_the_finding)
{
    const char *trouble, *guide;
    heaviest_words(&trouble, &guide);
    cr_assert_not_null(trouble, "no candidate weighs towards trouble: the fit changed");
    static struct ex_guess once, twice;
    ex_guess_init(&once);
    ex_guess_init(&twice);
    ex_guess_line(&once, trouble, strlen(trouble), 3);
    ex_guess_line(&twice, trouble, strlen(trouble), 3);
    ex_guess_line(&twice, trouble, strlen(trouble), 4);
    cr_assert_eq(ex_guess_score(&once), ex_guess_score(&twice), "a word seen twice counted twice");
    struct ex_finding f;
    cr_assert_eq(ex_guess_finding(&once, &f), 3, "the record starts where the word stood");
    cr_assert_str_eq(f.rule, "activation-trouble-guessed");
    cr_assert_eq(f.severity, EX_CRITICAL);
    cr_assert_str_eq(f.value, trouble);
}

Test(guess, only_the_first_bytes_are_weighed)
{
    const char *trouble, *guide;
    heaviest_words(&trouble, &guide);
    static struct ex_guess g, fresh;
    static char filler[EX_GUESS_READ_MAX];
    memset(filler, ' ', sizeof filler);
    ex_guess_init(&g);
    ex_guess_init(&fresh);
    ex_guess_line(&g, filler, sizeof filler, 1);
    ex_guess_line(&g, trouble, strlen(trouble), 2);
    cr_assert_eq(ex_guess_score(&g), ex_guess_score(&fresh),
                 "a word after EX_GUESS_READ_MAX bytes was weighed");
    cr_assert_leq(g.used, EX_GUESS_READ_MAX + 2 * sizeof(size_t), "kept more than the bound");
}

Test(guess, a_guide_word_weighs_against_trouble)
{
    const char *trouble, *guide;
    heaviest_words(&trouble, &guide);
    cr_assert_not_null(guide, "no candidate weighs towards a guide: the fit changed");
    static struct ex_guess g;
    ex_guess_init(&g);
    static struct ex_guess empty;
    ex_guess_init(&empty);
    ex_guess_line(&g, guide, strlen(guide), 1);
    cr_assert_lt(ex_guess_score(&g), ex_guess_score(&empty));
    struct ex_finding f;
    ex_guess_finding(&g, &f);
    cr_assert_str_eq(f.value, "", "a word weighing against trouble was named as a reason");
}
