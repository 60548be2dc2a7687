/* SPDX-License-Identifier: MIT */
/* prose_read.c: what a sentence tells, read from the words of prose_words.c: an outcome word
 * bound to a subject word close by in one clause, turned round or set aside by the words of
 * negation, supposition, question and instruction around it. One pass over the sentence. */
#include <string.h>

#include "labels.h"
#include "prose.h"

/* Words a sentence may hold that the reading keeps; a sentence with more tells nothing (a
 * paragraph glued into one line without a full stop is no report of one state). */
#define MAX_TOKENS 48
/* How far (in words; a CJK character is a word) an outcome may stand from its subject, and a
 * negation from the word it turns round. */
#define NEAR 6
#define NEXT_TO 3
/* A failure word before its subject fails the next verb or two: "cannot be activated",
 * "cannot verify the license", not "does not let you activate". */
#define FAILS_NEXT 2
/* Parts of a sentence told apart (a clause, or a clause's part after "and"); past them a
 * sentence's last parts are one. */
#define MAX_PARTS 32

struct token {
    const struct ex_prose_word *w;
    unsigned pos;    /* the word's number in the sentence */
    /* the words outside the table before it, in Latin or Cyrillic letters (no number) and CJK:
     * what stands between a weak word and its product */
    unsigned others, others_cjk;
    unsigned clause; /* the clause's number */
    unsigned part;   /* the part's number: a new one at each clause and at "and" */
    size_t start, end;
    bool dropped;    /* set aside: a subordinate clause's, a status's name */
    bool guarded;    /* set aside by a how-to, supposition or instruction elsewhere in the
                      * sentence; still what an "it" after it may stand for */
    bool plain_next; /* the next word, in the same clause, is none of the table's */
    bool lost;       /* set aside for what it is, wherever it stands: a weak word nothing
                      * backs, a status's name (the trouble frame honours only this) */
};

struct sentence {
    struct token t[MAX_TOKENS];
    size_t n;
    unsigned before; /* EX_PROSE_BEFORE_*: what the sentences before leave for "it" */
    unsigned clauses; /* clause numbers given */
    unsigned last;    /* the clause the sentence ends in */
    unsigned parts;   /* part numbers given */
    /* per part: the languages of the "and" that opened it (0: a clause opened it), of the
     * first-person words in it, and its clause */
    unsigned joined[MAX_PARTS], person[MAX_PARTS], part_clause[MAX_PARTS];
    unsigned long long after_but; /* bit c: clause c (of the first 64) opened with "but" */
};

/* Opens a new part of the sentence in clause `clause`, joined by a word of `langs` (0: a
 * clause's start); the last part goes on once MAX_PARTS are given. */
static void open_part(struct sentence *s, unsigned clause, unsigned langs)
{
    if (s->parts == MAX_PARTS) {
        s->joined[MAX_PARTS - 1] |= langs;
        return;
    }
    s->joined[s->parts] = langs;
    s->person[s->parts] = 0;
    s->part_clause[s->parts++] = clause;
}

static unsigned part_now(const struct sentence *s)
{
    return s->parts - 1;
}

static bool subject(const struct ex_prose_word *w)
{
    return w->kind == EXW_ACT || w->kind == EXW_PERIOD || w->kind == EXW_MARK ||
           w->kind == EXW_REFER || w->kind == EXW_PRONOUN || (w->flags & EXW_SELF);
}

static bool outcome(const struct ex_prose_word *w)
{
    return w->kind >= EXW_FAILED && w->kind <= EXW_ASKS;
}

/* What a character at text[i] does to clauses: 1 opens a bracket, -1 closes one, 0 separates
 * (',', ':', '|', a dash between blanks, the ideographic comma); *n its bytes (0: none). */
static int separator(const char *text, size_t len, size_t i, size_t *n)
{
    char c = text[i];
    *n = 1;
    if (c == '(' || c == '[')
        return 1;
    if (c == ')' || c == ']')
        return -1;
    if (c == ',' || c == ':' || c == '|')
        return 0;
    *n = 3;
    if (c == ' ' && i + 2 < len && text[i + 1] == '-' && text[i + 2] == ' ')
        return 0;
    if (i + 2 < len && (memcmp(text + i, "\xE3\x80\x81", 3) == 0 ||  /* 、 */
                        memcmp(text + i, "\xE2\x80\x93", 3) == 0 ||  /* – */
                        memcmp(text + i, "\xE2\x80\x94", 3) == 0))   /* — */
        return 0;
    *n = 0;
    return 0;
}

/* Whether text[0 .. n) is a number ("10" in "Windows 10 已啟用"). */
static bool digits(const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

/* How deep brackets may nest before a closing one no longer goes back to its clause. */
#define BRACKETS 4

/* The sentence's words of the table, numbered, with their clauses; false when it holds more
 * than MAX_TOKENS of them. A bracket's inside is a clause of its own, and the clause around it
 * goes on after it ("ライセンス認証(slui.exe)が失敗しました": activation ... failed). */
static bool tokenize(const char *text, size_t len, struct sentence *s)
{
    unsigned pos = 0, others = 0, others_cjk = 0, cur = 0, outer[BRACKETS], depth = 0;
    s->n = 0;
    s->clauses = 1;
    s->after_but = 0;
    s->parts = 0;
    open_part(s, 0, 0);
    for (size_t i = 0; i < len;) {
        size_t n;
        int sep = separator(text, len, i, &n);
        if (n > 0) {
            if (sep < 0 && depth > 0) {
                cur = outer[--depth];
            } else {
                if (sep > 0 && depth < BRACKETS)
                    outer[depth++] = cur;
                cur = s->clauses++;
            }
            open_part(s, cur, 0);
            i += n;
            continue;
        }
        const struct ex_prose_word *w = ex_prose_word_at(text, len, i, false, &n);
        /* a joining or first-person word marks its part and counts as any other word */
        if (w && w->kind == EXW_AND)
            open_part(s, cur, w->langs);
        if (w && (w->kind == EXW_PERSON || (w->flags & EXW_FIRST)))
            s->person[part_now(s)] |= w->langs;
        if (w && (w->kind == EXW_AND || w->kind == EXW_PERSON))
            w = NULL;
        if (w) {
            if (w->kind == EXW_BUT) {
                cur = s->clauses++;
                if (cur < 64)
                    s->after_but |= 1ull << cur;
                open_part(s, cur, 0);
            } else if (w->kind == EXW_FILLER) {
                i += n;
                continue;
            } else {
                if (s->n == MAX_TOKENS)
                    return false;
                s->t[s->n++] = (struct token){ w, pos, others, others_cjk, cur, part_now(s),
                                                i, i + n, false, false, false, false };
            }
            pos++;
            i += n;
            continue;
        }
        bool counts;
        n = ex_prose_skip(text, len, i, &counts);
        if (counts && s->n > 0 && s->t[s->n - 1].pos + 1 == pos && s->t[s->n - 1].clause == cur)
            s->t[s->n - 1].plain_next = true;
        pos += counts;
        if (counts && (unsigned char)text[i] >= 0xE0)
            others_cjk++;
        else if (counts && !digits(text + i, n))
            others++;
        i += n;
    }
    s->last = cur;
    return true;
}

static unsigned distance(const struct token *a, const struct token *b)
{
    return a->pos > b->pos ? a->pos - b->pos : b->pos - a->pos;
}

static unsigned apart(unsigned a, unsigned b)
{
    return a > b ? a - b : b - a;
}

/* Whether a weak word that tells a state (已啟用 is also "Enabled", a feature's) is told of the
 * product: a product word with only words of the table, numbers and at most two other CJK
 * characters between ("Windows 10 已啟用", "系统仍然未激活"; not "Windows Defender 已啟用",
 * "Windows 防火牆已啟用"), or a subject that is no weak word close by. */
static bool backed(const struct sentence *s, const struct token *k)
{
    for (size_t j = 0; j < s->n; j++) {
        const struct token *o = &s->t[j];
        if (o->w->kind == EXW_PRODUCT && apart(o->others, k->others) == 0 &&
            apart(o->others_cjk, k->others_cjk) <= 2)
            return true;
        if (subject(o->w) && o->w->kind != EXW_PRONOUN && !(o->w->flags & EXW_WEAK) &&
            distance(o, k) <= NEAR)
            return true;
    }
    return false;
}

/* Whether a word joining parts of a clause, in one of `langs`, stands between two words
 * ("failed to activate and I should retry": the modal reaches no further back than "and"). */
static bool joined_between(const struct sentence *s, const struct token *a, const struct token *b,
                           unsigned langs)
{
    unsigned lo = a->part < b->part ? a->part : b->part;
    unsigned hi = a->part < b->part ? b->part : a->part;
    for (unsigned p = lo + 1; p <= hi; p++)
        if (s->joined[p] & langs)
            return true;
    return false;
}

/* Sets aside what tells no state: a weak subject with nothing beside it to make it count (a
 * product or a stronger subject in the line; for a weak word of state, next to it), a
 * subordinate clause's words, a clause a modal verb makes a supposition, a subject that names
 * a status ("activation status"). */
static void set_aside(struct sentence *s, bool strong)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct token *k = &s->t[i];
        bool state = (k->w->flags & EXW_SELF) != 0;
        if ((k->w->flags & EXW_WEAK) && (!strong || (state && !backed(s, k))))
            s->t[i].dropped = s->t[i].lost = true;
        if (k->w->kind != EXW_WHEN && k->w->kind != EXW_STATUS && k->w->kind != EXW_MODAL)
            continue;
        for (size_t j = 0; j < s->n; j++) {
            struct token *o = &s->t[j];
            /* a modal is its verb's, and "and" joins another verb; a "when" clause goes on
             * past it ("when the host is down and activation fails") */
            if (o->clause != k->clause || !(o->w->langs & k->w->langs) ||
                (k->w->kind == EXW_MODAL && joined_between(s, k, o, k->w->langs)))
                continue;
            if (k->w->kind == EXW_MODAL)
                o->dropped = true;
            else if (k->w->kind == EXW_WHEN)
                o->dropped |= (k->w->flags & EXW_BEFORE) ? o->pos < k->pos : o->pos > k->pos;
            else if (o->w->kind == EXW_ACT && !(o->w->flags & EXW_SELF) &&
                     (o->pos + 1 == k->pos || (o->pos > k->pos && o->pos <= k->pos + 3)))
                o->dropped = o->lost = true;
        }
    }
}

/* Whether a word is set aside, by its own clause or by the sentence's guards. */
static bool set_off(const struct token *k)
{
    return k->dropped || k->guarded;
}

/* The languages of the subjects left in a clause (all clauses: UINT_MAX). */
static unsigned langs_of(const struct sentence *s, unsigned clause)
{
    unsigned langs = 0;
    for (size_t i = 0; i < s->n; i++)
        if (!set_off(&s->t[i]) && (subject(s->t[i].w) || (s->t[i].w->flags & EXW_OF_PRODUCT)) &&
            (clause == ~0u || s->t[i].clause == clause))
            langs |= s->t[i].w->langs;
    return langs;
}

/* Whether a clause holds a first-person word of one of `langs`. */
static bool told_by_writer(const struct sentence *s, unsigned clause, unsigned langs)
{
    for (unsigned p = 0; p < s->parts; p++)
        if (s->part_clause[p] == clause && (s->person[p] & langs))
            return true;
    return false;
}

/* Whether a guard of the whole sentence reaches a word. A supposition holds the clause after
 * it ("If you use KMS, activation fails"), and a how-to that opens the sentence is its title
 * ("How do I ..., Windows needs to be activated"). Else a how-to or an instruction reaches its
 * own part and the clauses where the writer does not speak of their own machine: "I rely on the
 * Troubleshoot Function, after the deployment, I'm always unable to activate" reports, as does
 * "To activate Windows, I ran slmgr /ato and it failed"; "Troubleshoot: activation failed" and
 * "Windows failed to activate and here is how to fix it" do not. */
static bool reaches(const struct sentence *s, const struct token *g, const struct token *o)
{
    bool opens = g->pos == 0 || (g == &s->t[0] && g->pos == 1); /* "So how do I ..." */
    if (g->w->kind == EXW_IF || (g->w->kind == EXW_HOWTO && opens))
        return true;
    return o->part == g->part || !told_by_writer(s, o->clause, g->w->langs);
}

/* Sets aside what a word of supposition or how-to, or an instruction that opens the sentence,
 * reaches, in a language of the sentence's subjects. */
static void guard(struct sentence *s, bool question)
{
    unsigned langs = langs_of(s, ~0u);
    for (size_t i = 0; i < s->n; i++) {
        const struct token *g = &s->t[i];
        if (!(g->w->langs & langs))
            continue;
        /* a question's last clause asks alone: "..., anyone knows how to activate it?" */
        bool asks_alone = question && g->clause == s->last && s->last > 0 &&
                          g->clause != s->t[0].clause;
        /* a repair that opens the sentence is a heading as an instruction is ("Fixed: ...") */
        bool leads = g->w->kind == EXW_LEAD || g->w->kind == EXW_SOLVED;
        if (g->w->kind != EXW_IF && (g->w->kind != EXW_HOWTO || asks_alone) &&
            (!leads || g->pos != 0))
            continue;
        for (size_t j = 0; j < s->n; j++)
            if (reaches(s, g, &s->t[j]))
                s->t[j].guarded = true;
    }
}

/* Whether a word that stands for something (it, this product) stands for the product or its
 * activation: a pronoun needs a subject or product word before it in the sentence, with no word
 * of another thing (certificate, driver) between; a failure needs that word to be activation's
 * ("the key, but it doesn't work"), as a product fails in many ways ("Windows, but it doesn't
 * boot"). */
static bool refers_to_product(const struct sentence *s, const struct token *r, unsigned kind)
{
    if (r->w->kind == EXW_REFER)
        return true;
    /* what the sentences before leave, unless a word of this one comes first */
    unsigned wanted = kind == EXW_FAILED ? EX_PROSE_BEFORE_ACTIVATION
                                         : EX_PROSE_BEFORE_ACTIVATION | EX_PROSE_BEFORE_PRODUCT;
    bool found = (s->before & wanted) != 0;
    for (size_t i = 0; i < s->n && s->t[i].pos < r->pos; i++) {
        const struct token *k = &s->t[i];
        if (k->dropped)
            continue;
        if (k->w->kind == EXW_THING)
            found = false;
        else if (k->w->kind == EXW_ACT || k->w->kind == EXW_PERIOD || (k->w->flags & EXW_SELF) ||
                 (k->w->kind == EXW_PRODUCT && kind != EXW_FAILED))
            found = true;
    }
    return found;
}

/* Whether a word of another thing (password, certificate) stands in a clause: the product
 * word there may name that thing's ("the certificate in the Windows store has expired"). */
static bool thing_in_clause(const struct sentence *s, unsigned clause)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->t[i].w->kind == EXW_THING && s->t[i].clause == clause)
            return true;
    return false;
}

/* Whether a subject word fits an outcome's kind. */
static bool fits(const struct sentence *s, const struct token *k, const struct token *o)
{
    unsigned kind = o->w->kind;
    switch (k->w->kind) {
    case EXW_ACT: /* a product key is asked for by setup as well ("asks for a product key"):
                   * a request takes a verb of activation or a noun that is no key */
        return kind != EXW_PRESENT &&
               (kind != EXW_ASKS || (k->w->flags & EXW_VERB) ||
                !(k->w->flags & (EXW_NAMES | EXW_WEAK)));
    case EXW_PERIOD:
        return kind == EXW_EXPIRED || kind == EXW_EXPIRING;
    case EXW_MARK:
        return kind == EXW_PRESENT;
    case EXW_PRODUCT: /* "Windows 10 has expired", a verb between at most; not "the Windows
                       * password expired", "the Office font I bought is unlicensed" */
        return (o->w->flags & EXW_OF_PRODUCT) && k->pos < o->pos &&
               o->others - k->others <= 2 && !thing_in_clause(s, o->clause);
    case EXW_REFER: /* a machine fails in many ways: only a copy of the product fails so */
        if (kind == EXW_FAILED && !(k->w->flags & EXW_NAMES))
            return false;
        /* fall through */
    case EXW_PRONOUN: /* a bad outcome only: "it was successful" is too often something else */
        return kind != EXW_PRESENT && kind != EXW_SUCCEEDED && refers_to_product(s, k, kind);
    default:
        return false;
    }
}

/* The subject an outcome word is told of: itself for a word that names it, else the nearest
 * subject of its kind and language in its clause, within NEAR words; NULL when none. A failure
 * or a request before its subject takes only the next verb or two ("cannot be activated", "asks
 * for activation"). */
static const struct token *subject_of(const struct sentence *s, const struct token *o)
{
    if (o->w->flags & EXW_SELF)
        return o;
    const struct token *best = NULL;
    for (size_t i = 0; i < s->n; i++) {
        const struct token *k = &s->t[i];
        if (set_off(k) || k->clause != o->clause || !(k->w->langs & o->w->langs))
            continue;
        bool ahead = o->w->kind == EXW_FAILED || o->w->kind == EXW_ASKS;
        unsigned near = ahead && k->pos > o->pos ? FAILS_NEXT + !(k->w->flags & EXW_VERB) : NEAR;
        /* Japanese and Korean put the verb last: "ライセンス認証を求められる" */
        if (o->w->kind == EXW_ASKS && k->pos < o->pos && !(o->w->langs & (EXW_JA | EXW_KO)))
            continue;
        if (fits(s, k, o) && distance(k, o) <= near &&
            (!best || distance(k, o) < distance(best, o)))
            best = k;
    }
    return best;
}

/* The first word of a kind in a clause, in its languages, within `near` words of `to` (any
 * distance when `to` is NULL). */
static const struct token *find(const struct sentence *s, unsigned clause, unsigned langs,
                                unsigned kind, const struct token *to, unsigned near)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct token *k = &s->t[i];
        if (!set_off(k) && k->clause == clause && k->w->kind == kind && (k->w->langs & langs) &&
            (!to || distance(k, to) <= near))
            return k;
    }
    return NULL;
}

static void span(const struct token *a, const struct token *b, size_t *at, size_t *plen)
{
    size_t start = a->start < b->start ? a->start : b->start;
    size_t end = a->end > b->end ? a->end : b->end;
    *at = start;
    *plen = end - start;
}

/* A clause with no outcome word: a negation next to a verb of activation ("not activated",
 * "nicht aktiviert", "されていません") tells "not activated". */
static int negated_verb(const struct sentence *s, unsigned clause, size_t *at, size_t *plen)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct token *k = &s->t[i];
        if (set_off(k) || k->clause != clause || k->w->kind != EXW_ACT || !(k->w->flags & EXW_VERB))
            continue;
        const struct token *n = find(s, clause, k->w->langs, EXW_NOT, k, NEXT_TO);
        if (n && (n->w->flags & EXW_AHEAD) && n->pos > k->pos)
            continue;
        if (n) {
            span(n, k, at, plen);
            return EX_TOLD_NOT_ACTIVATED;
        }
    }
    return EX_TOLD_NONE;
}

/* Whether a clause holds a negated verb of failure next to another failure word ("did not
 * fail", "kann nicht fehlschlagen"): the two cancel. Far apart they are two failures ("is
 * breaking our activation and you cannot fix it"). */
static bool double_negative(const struct sentence *s, unsigned clause)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct token *k = &s->t[i];
        if (set_off(k) || k->clause != clause || k->w->kind != EXW_FAILED ||
            !(k->w->flags & EXW_NEGATING))
            continue;
        for (size_t j = 0; j < s->n; j++) {
            const struct token *o = &s->t[j];
            if (!set_off(o) && o->clause == clause && o->w->kind == EXW_FAILED &&
                !(o->w->flags & EXW_NEGATING) && distance(k, o) <= NEXT_TO)
                return true;
        }
    }
    return false;
}

/* Whether a word of time left stands after an outcome word in its clause. */
static bool left_after(const struct sentence *s, unsigned clause, unsigned langs,
                       const struct token *o)
{
    const struct token *k = find(s, clause, langs, EXW_LEFT, NULL, 0);
    return k && k->pos > o->pos;
}

/* What one clause tells. */
static int clause_told(const struct sentence *s, unsigned clause, size_t *at, size_t *plen)
{
    unsigned langs = langs_of(s, clause);
    if (langs == 0)
        return EX_TOLD_NONE;
    const struct token *o = NULL, *subj = NULL;
    for (size_t i = 0; i < s->n; i++) {
        const struct token *k = &s->t[i];
        if (set_off(k) || k->clause != clause || !outcome(k->w))
            continue;
        const struct token *sj = subject_of(s, k);
        /* "the count does not increase", "it wouldn't make sense": another verb's failure */
        if (!sj)
            continue;
        bool aux = (k->w->flags & EXW_AUX) ||
                   ((k->w->flags & EXW_NEGATING) &&
                    (sj->w->kind == EXW_PRONOUN || sj->w->kind == EXW_REFER));
        if (aux && k->plain_next && sj->pos < k->pos)
            continue;
        /* "无法激活成功", "unable to activate successfully": the success is what failed */
        if (o && o->w->kind == EXW_FAILED && k->w->kind == EXW_SUCCEEDED &&
            distance(o, k) <= NEXT_TO)
            continue;
        if (o && o->w->kind != k->w->kind &&
            (o->w->kind == EXW_SUCCEEDED || k->w->kind == EXW_SUCCEEDED))
            return EX_TOLD_NONE; /* two outcomes: "succeeded, but ... failed" is not ours to pick */
        /* two bad ones ("许可证过期无法激活": expired, cannot be activated) tell the worse: an
         * expiry to come yields to a failure told beside it */
        if (!o || (o->w->kind == EXW_EXPIRING && k->w->kind != EXW_EXPIRING))
            o = k, subj = sj;
    }
    if (!o)
        return negated_verb(s, clause, at, plen);
    const struct token *neg = find(s, clause, langs, EXW_NOT, NULL, 0);
    bool soon = find(s, clause, langs, EXW_SOON, NULL, 0) != NULL;
    span(o, subj, at, plen);
    switch (o->w->kind) {
    case EXW_SUCCEEDED:
        if (neg && (distance(neg, o) <= NEXT_TO || distance(neg, subj) <= NEXT_TO)) {
            span(neg, o, at, plen);
            return EX_TOLD_ACTIVATION_FAILED; /* "not successful", 激活不成功 */
        }
        return neg ? EX_TOLD_NONE : soon ? EX_TOLD_NOT_ACTIVATED : EX_TOLD_LICENSED;
    case EXW_FAILED:
        return neg || soon || double_negative(s, clause) ? EX_TOLD_NONE
                                                          : EX_TOLD_ACTIVATION_FAILED;
    case EXW_EXPIRED:
        return neg ? EX_TOLD_NONE : soon ? EX_TOLD_EXPIRING : EX_TOLD_NOTIFICATION;
    case EXW_EXPIRING:
        return neg ? EX_TOLD_NONE : EX_TOLD_EXPIRING;
    default: /* the watermark present, a word that is "not activated"; time left to activate
              * ("needs to be activated within 3 days") is the grace period's */
        if (o->w->kind != EXW_PRESENT && left_after(s, clause, langs, o))
            return neg ? EX_TOLD_NONE : EX_TOLD_EXPIRING;
        return neg ? EX_TOLD_NONE : EX_TOLD_NOT_ACTIVATED;
    }
}

/* What a sentence leaves for an "it" after it (ex_prose_told's *before). */
static unsigned leaves(const struct sentence *s, unsigned before)
{
    unsigned left = before;
    for (size_t i = 0; i < s->n; i++) {
        unsigned kind = s->t[i].w->kind;
        if (kind == EXW_THING)
            left = 0;
        else if (kind == EXW_ACT || kind == EXW_PERIOD || (s->t[i].w->flags & EXW_SELF))
            left |= EX_PROSE_BEFORE_ACTIVATION;
        else if (kind == EXW_PRODUCT || kind == EXW_REFER)
            left |= EX_PROSE_BEFORE_PRODUCT;
    }
    return left;
}

/* --- the trouble frame: a writer's own failed attempt, told in words no outcome word binds
 * ("I tried activating but there is an error with my sppsvc", "when I want to activate the
 * windows 2019 Datacenter, the attached error will appear", 为什么我激活报错). Read only when
 * the sentence tells nothing else. --- */

/* How close a trouble stands to activation to be told of it in the ticket's voice, with no
 * first person: a compound ("activation error", "проблема с активацией", ライセンス認証エラー). */
#define TROUBLE_BOUND 2

/* Whether a part of the sentence is the writer's attempt: a first-person word and a word of
 * attempt or time in it ("I tried activating", "when I want to activate"), in one of `langs`. */
static bool attempt_part(const struct sentence *s, unsigned part, unsigned langs)
{
    if (!(s->person[part] & langs))
        return false;
    for (size_t i = 0; i < s->n; i++)
        if (s->t[i].part == part && (s->t[i].w->langs & langs) &&
            (s->t[i].w->kind == EXW_ATTEMPT || s->t[i].w->kind == EXW_WHEN))
            return true;
    return false;
}

/* Whether a "when" word that closes its clause (时, とき, 때) stands between the activation
 * and the trouble right after it: "激活Windows时出错" is the writer's attempt where Chinese,
 * Japanese and Korean leave the "I" out (a how-to's "...时出错怎么办" keeps its guard, as no
 * first person overrides it). */
static bool closes_attempt(const struct sentence *s, const struct token *a, const struct token *t,
                           unsigned langs)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct token *k = &s->t[i];
        if (k->w->kind == EXW_WHEN && (k->w->flags & EXW_BEFORE) && (k->w->langs & langs) &&
            a->pos < k->pos && k->pos < t->pos && distance(k, t) <= NEXT_TO)
            return true;
    }
    return false;
}

/* Whether the product is named in the sentence (Windows, Office, KMS, sppsvc) or in the one
 * before it ("I installed Windows 11 Pro. When I try to activate, I get an error."): an
 * activation word alone may be any program's ("the error of maximum activations"). */
static bool names_product(const struct sentence *s)
{
    if (s->before & EX_PROSE_BEFORE_PRODUCT)
        return true;
    for (size_t i = 0; i < s->n; i++)
        if (s->t[i].w->kind == EXW_PRODUCT || (s->t[i].w->flags & EXW_NAMES))
            return true;
    return false;
}

/* Whether something in the sentence keeps a trouble from being the writer's report: a
 * supposition before it or in its clause ("if you get an activation error"), a success told
 * beside it, a how-to that opens the sentence or stands where the writer does not speak of
 * their own trouble, an instruction that opens it, a modal, a negation or a repair in the
 * trouble's clause ("you may get an error", "not the problem", "the problem is fixed"), a
 * question not of the writer's own. */
static bool frame_guarded(const struct sentence *s, const struct token *t, unsigned langs,
                          bool own, bool question)
{
    if (question && !own)
        return true;
    for (size_t i = 0; i < s->n; i++) {
        const struct token *g = &s->t[i];
        if (!(g->w->langs & langs) || g->lost)
            continue;
        bool opens = g->pos == 0 || (g == &s->t[0] && g->pos == 1);
        switch (g->w->kind) {
        case EXW_IF: /* a supposition after the trouble's clause supposes only its own:
                      * "still the same problem, it looks like if Win11 is not connected" */
            if (g->clause == t->clause || g->pos < t->pos)
                return true;
            break;
        case EXW_SUCCEEDED:
            return true;
        case EXW_HOWTO:
            if (opens || !own)
                return true;
            break;
        case EXW_LEAD:
            if (g->pos == 0)
                return true;
            break;
        case EXW_SOLVED: /* "the activation problem is fixed" */
        case EXW_MODAL: /* "you may get an error" */
        case EXW_NOT:   /* "not the problem", 문제가 없는지 */
            if (g->clause == t->clause)
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

/* Whether a trouble is told of an activation word within NEAR words: in one part of a clause,
 * or the activation in the writer's attempt, a part before it (a "when" clause of the writer's
 * own is no supposition: "when I want to activate ..., the attached error will appear"); told
 * by the writer (a first-person word in the trouble's part, or the attempt's), or bound to the
 * activation as one noun, in the ticket's voice, with nothing set aside. */
static bool trouble_of(const struct sentence *s, const struct token *t, const struct token *a,
                       bool question)
{
    unsigned langs = t->w->langs & a->w->langs;
    if (!langs || distance(t, a) > NEAR)
        return false;
    bool own, attempt = false;
    if (a->part == t->part) {
        own = (s->person[t->part] & langs) != 0;
        attempt = closes_attempt(s, a, t, langs);
    } else if (a->pos < t->pos && attempt_part(s, a->part, langs)) {
        own = true;
    } else {
        return false;
    }
    bool bound = distance(t, a) <= TROUBLE_BOUND && !(t->w->flags & EXW_MANY) && !set_off(t) &&
                 !set_off(a);
    return (own || attempt || bound) && names_product(s) &&
           !frame_guarded(s, t, langs, own, question);
}

/* What the trouble frame reads in a sentence that tells nothing else: a failed activation,
 * or nothing. */
static int trouble_told(const struct sentence *s, bool question, size_t *at, size_t *plen)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct token *t = &s->t[i];
        if (t->w->kind != EXW_TROUBLE)
            continue;
        for (size_t j = 0; j < s->n; j++) {
            const struct token *a = &s->t[j];
            if (a->w->kind == EXW_ACT && !a->lost && trouble_of(s, t, a, question)) {
                span(t, a, at, plen);
                return EX_TOLD_ACTIVATION_FAILED;
            }
        }
    }
    return EX_TOLD_NONE;
}

int ex_prose_told(const char *text, size_t len, bool question, bool strong, unsigned *before,
                  size_t *at, size_t *plen)
{
    struct sentence s;
    if (!tokenize(text, len, &s)) {
        *before = 0;
        return EX_TOLD_NONE;
    }
    s.before = *before;
    *before = leaves(&s, *before);
    set_aside(&s, strong);
    guard(&s, question);
    int told = EX_TOLD_NONE;
    /* a question's last clause asks; the clauses before it may still tell ("已经激活, 这个会有
     * 影响吗?") */
    for (unsigned c = 0; c < s.clauses; c++) {
        if (question && c == s.last)
            continue;
        size_t a = 0, p = 0;
        int t = clause_told(&s, c, &a, &p);
        if (t == EX_TOLD_NONE)
            continue;
        /* "activated, then not activated": two states told, unless "but" opens the later
         * one's clause and it denies the success ("showed activation succeeded, but windows is
         * not activated", "was successful, but after some time the activation became
         * invalid"): the denial holds. (A success and an expiry are two facts of which
         * neither is ours to pick: "activation succeeded, but the licence expired".) */
        bool but = c < 64 && (s.after_but & (1ull << c)) && told == EX_TOLD_LICENSED &&
                   (t == EX_TOLD_ACTIVATION_FAILED || t == EX_TOLD_NOT_ACTIVATED);
        if (told != EX_TOLD_NONE && t != told &&
            (told == EX_TOLD_LICENSED || t == EX_TOLD_LICENSED) && !but)
            return EX_TOLD_NONE;
        if (but) {
            told = t;
            *at = a;
            *plen = p;
            continue;
        }
        /* two bad states ("许可证过期，并且激活码无法激活") tell the worse, as in one clause */
        if (told == EX_TOLD_NONE || (told == EX_TOLD_EXPIRING && t != EX_TOLD_EXPIRING)) {
            told = t;
            *at = a;
            *plen = p;
        }
    }
    return told == EX_TOLD_NONE ? trouble_told(&s, question, at, plen) : told;
}

const char *ex_told_name(int told)
{
    switch (told) {
    case EX_TOLD_ACTIVATION_FAILED: return "activation-failed";
    case EX_TOLD_NOT_ACTIVATED: return "not-activated";
    case EX_TOLD_EXPIRING: return "license-expiring";
    default: return ex_license_state_name(told);
    }
}
