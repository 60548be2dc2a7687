/* SPDX-License-Identifier: MIT */
/* reader_sentence.c: a licence state told in prose ("License status is Unlicensed"): the status
 * label and one state word, both words of the label table, in one sentence of a line that no
 * tool's label opens and that holds no code (the code fallback speaks for such a line). The
 * slmgr reader hands it the lines that are none of slmgr's, so a tool's paste costs little. */
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "code.h"
#include "prose.h"
#include "sentence.h"

#define ALL_FORMATS (EX_FMT_SLMGR | EX_FMT_OSPP | EX_FMT_CIM | EX_FMT_OSLICENSE)

/* Words that turn a state round ("is not Licensed", "isn't licensed any more"): such a sentence
 * is left unread rather than read backwards. English only: a narrow rule. */
static bool negated(const char *text, size_t len)
{
    static const char *const words[] = { " not ", "n't ", " never ", " no longer " };
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t n = strlen(words[w]);
        for (size_t i = 0; i + n <= len; i++)
            if (strncasecmp(text + i, words[w], n) == 0)
                return true;
    }
    return false;
}

/* The one state a sentence tells beside the status label; -1 when it names no state, or two
 * different ones ("was Licensed, now Unlicensed": which one holds is not for us to guess). */
static int told_state(const char *text, size_t len, const char **word, size_t *wlen)
{
    int state = -1;
    for (size_t i = 0; i < len; i++) {
        size_t n;
        int s = ex_license_state_word(text + i, len - i, &n);
        if (s < 0 || (i > 0 && ex_word_byte((unsigned char)text[i - 1])))
            continue; /* "Licensed" in "Unlicensed" */
        if (state >= 0 && s != state)
            return -1;
        state = s;
        *word = text + i;
        *wlen = n;
        i += n - 1;
    }
    return state;
}

/* Whether a phrase a tool prints opens at a word of the sentence up to `at`: a result quoted in
 * prose ("The result was : _The machine is permanently activated_"), which its reader reads. */
static bool quotes_a_tool(const char *s, size_t n, size_t at)
{
    const char *v;
    size_t vl;
    for (size_t i = 0; i <= at && i < n; i++) {
        const struct ex_label_row *row = i == 0 || !ex_word_byte((unsigned char)s[i - 1])
                                             ? ex_label_find_row(ALL_FORMATS, s + i, n - i, &v, &vl)
                                             : NULL;
        if (row && row->shape == EX_PHRASE)
            return true;
    }
    return false;
}

/* What a phrase of the prose table (prose.h) tells in a sentence, -1 when none: not after a
 * negation, not in a supposition ("If it is not activated, ..."), not in the clause a question
 * ends with ("Is it not activated?"; "已经激活, 这个会有影响吗?" still tells it). */
static int prose_told(const char *s, size_t n, bool question, const char **word, size_t *wlen)
{
    size_t at = 0, plen = 0;
    int told = ex_prose_told(s, n, &at, &plen);
    if (told < 0 || ex_prose_hypothetical(s, n) || negated(s, at) || quotes_a_tool(s, n, at))
        return -1;
    for (size_t i = at + plen; question && i < n; i++)
        question = s[i] != ',' && !(i + 2 < n && memcmp(s + i, "\xE3\x80\x81", 3) == 0); /* 、 */
    *word = s + at;
    *wlen = plen;
    return question ? -1 : told;
}

/* Where the sentence that starts at text ends: at '.', '!', '?', ';', U+2026 or U+3002. */
static size_t sentence_end(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == ';')
            return i;
        if (i + 2 < len && (memcmp(text + i, "\xE2\x80\xA6", 3) == 0 ||
                            memcmp(text + i, "\xE3\x80\x82", 3) == 0))
            return i;
    }
    return len;
}

int ex_sentence_line(struct ex_collector *c, const char *text, size_t len, size_t lineno)
{
    const char *v;
    size_t vl;
    if (ex_label_find_row(ALL_FORMATS, text, len, &v, &vl) || ex_may_hold_code(text, len))
        return 0; /* a tool's own line, or a code's */
    for (size_t at = 0; at < len;) {
        size_t n = sentence_end(text + at, len - at);
        const char *s = text + at;
        const char *word = NULL;
        size_t wlen = 0;
        if (ex_label_named_in(EXL_LICENSE_STATUS, s, n) && !negated(s, n) &&
            told_state(s, n, &word, &wlen) >= 0) {
            ex_collector_start(c, lineno);
            ex_collector_field(c, EXL_LICENSE_STATUS, word, wlen, text, len, true);
            return ex_collector_emit(c, "sentence", false, EX_RECOGNISED);
        }
        int told = prose_told(s, n, at + n < len && text[at + n] == '?', &word, &wlen);
        if (told >= 0) {
            ex_collector_start(c, lineno);
            ex_collector_field(c, EXL_LICENSE_STATUS, word, wlen, text, len, true);
            c->facts.told = told;
            return ex_collector_emit(c, "sentence", false, EX_RECOGNISED);
        }
        at += n + 1;
    }
    return 0;
}
