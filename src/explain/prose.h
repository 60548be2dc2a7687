/* SPDX-License-Identifier: MIT */
/* prose.h: activation states and failures as people tell them in prose, in any language the
 * word table holds: a subject word (activation, Lizenz, 激活) and an outcome word (failed,
 * abgelaufen, 即将过期) close together in one clause tell a state; words of negation,
 * supposition, question and instruction keep a sentence from telling one. The words are data
 * (prose_words.c); the reading is prose_read.c's. */
#ifndef SLERR_EXPLAIN_PROSE_H
#define SLERR_EXPLAIN_PROSE_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

/* What a sentence tells: a licence state 0-6 (LicenseStatus numbering, labels.h), or one of
 * these, which no licence state names. Each has a condition row of the name ex_told_name
 * gives (conditions.c). */
enum ex_told {
    EX_TOLD_NONE = -1,
    EX_TOLD_LICENSED = 1,          /* LicenseStatus 1 */
    EX_TOLD_NOTIFICATION = 5,      /* LicenseStatus 5: the licence or its period expired */
    EX_TOLD_ACTIVATION_FAILED = 7, /* an attempt to activate failed */
    EX_TOLD_NOT_ACTIVATED,         /* the product is not activated, in which state unknown */
    EX_TOLD_EXPIRING,              /* the licence runs out soon */
};

/* What a word of the table is to a sentence. */
enum ex_word_kind {
    /* subjects: what a state is told of */
    EXW_ACT = 1,    /* activation or licence: activation, Lizenz, 激活, KMS */
    EXW_PERIOD,     /* a licence period: evaluation, grace period, 评估期 */
    EXW_MARK,       /* the "Activate Windows" watermark */
    EXW_REFER,      /* a phrase that stands for the product: this product, the box, 该产品 */
    EXW_PRONOUN,    /* it: stands for the product or activation the sentence named before it */
    EXW_PRODUCT,    /* no subject, but makes a weak one count: Windows, Office, 系统 */
    /* outcomes, each bound to a subject close by */
    EXW_FAILED,     /* failed, unable, cannot, fehlgeschlagen, 失败 */
    EXW_EXPIRED,    /* expired, abgelaufen, 过期 */
    EXW_EXPIRING,   /* about to expire, läuft ab, 即将过期 */
    EXW_SUCCEEDED,  /* successfully, erfolgreich, 成功 */
    EXW_PRESENT,    /* (the watermark) is back, appears */
    EXW_UNLICENSED, /* a word that is itself "not activated": unlicensed, 未激活 */
    EXW_ASKS,       /* asks for (activation): the product asks to be activated, minta */
    /* modifiers */
    EXW_NOT,        /* not, nicht, 未: turns what is told round */
    EXW_SOON,       /* soon, almost, bald, 即将: expired -> expiring, succeeded -> not yet */
    EXW_LEFT,       /* time left, after "not activated": within, in 30 days -> expiring */
    /* what keeps a sentence or clause from telling a state of this machine */
    EXW_IF,         /* supposition, anywhere in the sentence: if, wenn, 如果 */
    EXW_MODAL,      /* supposition of its own clause: should, could, potrebbe */
    EXW_WHEN,       /* a subordinate clause: when, quand, 时 (the rest of the clause) */
    EXW_HOWTO,      /* a how-to or a question, anywhere in the sentence: how, why, 如何 */
    EXW_LEAD,       /* an instruction or heading when it opens the sentence: to, run, fix */
    EXW_STATUS,     /* status, 状态: "activation status" names a field, not an outcome */
    EXW_BUT,        /* but, aber, 但是: ends a clause */
    EXW_FILLER,     /* the, a, le: not counted as a word between two others */
    EXW_THING,      /* something else an "it" may stand for: certificate, password, driver */
    EXW_AND,        /* and, und, et, 并且: joins two parts of a clause; a modal's or a "when"
                     * word's reach ends at it ("failed to activate and I should retry") */
    EXW_PERSON,     /* I, ich, je, 我: the writer tells of their own machine; such a clause is
                     * a report though a how-to or instruction stands in another part */
    /* the trouble frame (prose_read.c): a writer telling their own failed attempt in words no
     * outcome word binds ("I tried activating but there is an error", 我激活报错) */
    EXW_TROUBLE,    /* error, problem, snag, Fehler, ошибка, 报错, エラー: a trouble named */
    EXW_ATTEMPT,    /* tried, wanted to, 试了: the clause is the writer's attempt, the trouble
                     * told in the clause after it is the attempt's */
    EXW_SOLVED,     /* fixed, solved, 已解决: a trouble in its clause is over */
};

/* Flags of a word. */
enum {
    EXW_STEM = 1u << 0,   /* a prefix: aktivier* (the start is still a word's start) */
    EXW_VERB = 1u << 1,   /* an ACT word a negation next to it makes "not activated" */
    EXW_SELF = 1u << 2,   /* an outcome word that names its own ACT subject (已激活) */
    EXW_WEAK = 1u << 3,   /* an ACT word that counts only beside a product word or a
                           * stronger subject in the line (zh 激活 also activates game keys) */
    EXW_BEFORE = 1u << 4, /* a WHEN word that closes its clause (时, とき): the clause before it */
    EXW_NAMES = 1u << 5,  /* a subject that names the product as a product word does (KMS) */
    EXW_NEGATING = 1u << 6, /* a failure word that is a negated verb ("does not", "kann nicht"):
                             * beside another failure word it turns it round ("did not fail") */
    EXW_AHEAD = 1u << 7,  /* a negation that turns round only a verb after it (English "not
                           * activated"; in "License Servers NOT running" it is another verb's) */
    EXW_OF_PRODUCT = 1u << 9, /* an outcome a product word may be the subject of ("Office is
                               * unlicensed", "Windows has expired"); the first pass tries it */
    EXW_FIRST = 1u << 10, /* a filler that is also a first-person word (my, our) */
    EXW_MANY = 1u << 11,  /* a trouble word in the plural (errors, problems): a guide's topic
                           * unless the writer speaks of their own */
    EXW_AUX = 1u << 8,    /* a failure word that is an auxiliary ("does not"): after its subject
                           * it fails the verb that follows it, which may be another's ("the
                           * KMS count does not increase") */
};

/* Languages, as bits: a word of negation, outcome or supposition counts only beside a subject
 * word of its language (Spanish "se" is no Italian "if"). */
enum {
    EXW_EN = 1u << 0, EXW_DE = 1u << 1, EXW_FR = 1u << 2, EXW_ES = 1u << 3,
    EXW_IT = 1u << 4, EXW_PT = 1u << 5, EXW_RU = 1u << 6, EXW_PL = 1u << 7,
    EXW_NL = 1u << 8, EXW_JA = 1u << 9, EXW_ZH = 1u << 10, EXW_KO = 1u << 11,
    /* Ukrainian shares Russian's bit, Slovak Czech's, Danish and Norwegian Swedish's (EXW_NO):
     * their function words mean nothing else in the sister language */
    EXW_HU = 1u << 12, EXW_ID = 1u << 13, EXW_CS = 1u << 14, EXW_VI = 1u << 15,
    EXW_TR = 1u << 16, EXW_RO = 1u << 17, EXW_NO = 1u << 18,
    EXW_ALL = (1u << 19) - 1,
};

/* One word of the table, lower case, inline (no pointer: no relocation at start-up). */
struct ex_prose_word {
    char text[31];
    unsigned char len;
    unsigned char kind;
    unsigned short flags;
    unsigned langs;
};

/* The table, for the reader and for tests. */
const struct ex_prose_word *ex_prose_words(size_t *count);

/* The longest word of the table that stands at text[at] (a word's start for a word in Latin or
 * Cyrillic letters, any character for CJK; ASCII, Latin-1, Latin Extended-A and Cyrillic
 * letters in any case; ’ or no apostrophe for '), and the bytes it takes in *tlen; NULL when
 * none. `subjects_only` tries only subject and product words (a line's first, cheap pass). */
const struct ex_prose_word *ex_prose_word_at(const char *text, size_t len, size_t at,
                                             bool subjects_only, size_t *tlen);

/* The ASCII letters a subject or product word may start with, as bits ('a' bit 0): the first
 * pass tries no other word (for a test that keeps it equal to the table). */
unsigned long ex_prose_subject_letters(void);

/* The character at p folded to lower case in out (ASCII, Latin-1, Latin Extended-A, Cyrillic:
 * the letters of the table's languages other than CJK; folding keeps a character's length).
 * Its length, 1 or 2; 0 for a byte to compare as it is. */
size_t ex_prose_fold(const unsigned char *p, size_t n, unsigned char out[2]);

/* Whether a byte at text[at] starts a word or a CJK character, where a word may be tried. */
bool ex_prose_word_start(const char *text, size_t len, size_t at);

/* The bytes the character or word at text[at] takes when no word of the table stands there,
 * and whether it counts as a word (a letter run, a CJK character) rather than punctuation. */
size_t ex_prose_skip(const char *text, size_t len, size_t at, bool *counts);
/* A line's words one after another: the table's word that starts at *at, or NULL where none
 * does; *at moves past that word, or past what ex_prose_skip skips there. */
const struct ex_prose_word *ex_prose_next(const char *text, size_t len, size_t *at);

/* The first pass over a line (most lines hold no subject word and cost only this): bits of
 * what it holds. */
enum {
    EX_PROSE_SUBJECT = 1u << 0, /* a subject word */
    EX_PROSE_STRONG = 1u << 1,  /* a word that lets a weak subject count (a product, KMS) */
    EX_PROSE_NAMED = 1u << 2,   /* a word that names the product (Windows, Office, KMS) */
    EX_PROSE_REFERS = 1u << 3,  /* a word that stands for something said before (it) */
};
unsigned ex_prose_scan(const char *text, size_t len);

/* What the sentences before a sentence, in its paragraph, leave for its "it" to stand for:
 * the product, its activation (ex_prose_refers). */
enum {
    EX_PROSE_BEFORE_PRODUCT = 1u << 0,
    EX_PROSE_BEFORE_ACTIVATION = 1u << 1,
};

/* What a sentence tells (enum ex_told), EX_TOLD_NONE when it tells nothing, or two different
 * things, or only in a supposition, a question's last clause, a how-to, a heading, under a
 * negation. `question`: the sentence ended with '?'. `strong`: as ex_prose_subject_in gave it
 * for the line. `*before`: EX_PROSE_BEFORE_* bits, what a pronoun with no subject before it
 * in the sentence stands for; on return, what this sentence leaves for the sentences after it
 * (its last product or activation words, none when a word of another thing, a certificate or
 * a script, follows them; unchanged when it holds none of these words). The words that told
 * it span text[*at .. *at + *plen). */
int ex_prose_told(const char *text, size_t len, bool question, bool strong, unsigned *before,
                  size_t *at, size_t *plen);

/* The canonical name of what is told ("notification", "activation-failed"); NULL for none. */
const char *ex_told_name(int told);

#endif
