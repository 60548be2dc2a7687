/* SPDX-License-Identifier: MIT */
/* period.c: the days left of an evaluation, trial or grace period, told in a sentence
 * ("the evaluation license already down to 177 days", "试用期还剩 10 天"): a period word of the
 * prose table, a number of days and a word that says they are what remains. Few days left is
 * a licence about to end; many, a period still running. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "period.h"
#include "prose.h"

/* Days left at or below which the period is about to end: the status reader's 15 days
 * (conditions.c EXPIRY_CLOSE) for a licence that runs out. */
#define CLOSE_DAYS 15
#define MAX_DAYS 999 /* more is no period's count */

/* Words of a day after the number ("177 days", "9 day(s)", "10 天"). */
static const char *const day_words[] = {
    "days", "day(s)", "day", "tagen", "tage", "tag", "jours", "jour", "d\xC3\xAD\x61s", /* días */
    "dias", "giorni", "giorno", "dni", "dzie\xC5\x84", "dagen", "dagar", "dager",
    "\xD0\xB4\xD0\xBD\xD0\xB5\xD0\xB9", /* дней */
    "\xD0\xB4\xD0\xBD\xD1\x8F",         /* дня */
    "\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x8C", /* день */
    "\xE5\xA4\xA9",                     /* 天 */
    "\xE6\x97\xA5",                     /* 日 */
    "\xEC\x9D\xBC",                     /* 일 */
};

/* Words that say the days are what remains of the period, not its length ("lasts 180 days"). */
static const char *const left_words[] = {
    "left", "remaining", "remain", "down to", "to go", "only", "verbleibend", "noch",
    "restant", "restante", "rimanent", "quedan", "faltam", "pozosta\xC5\x82",
    "\xD0\xBE\xD1\x81\xD1\x82\xD0\xB0\xD0\xBB", /* остал(ось, ся) */
    "\xE5\x89\xA9",                             /* 剩 */
    "\xE8\xBF\x98\xE6\x9C\x89",                 /* 还有 */
    "\xE6\xAE\x8B\xE3\x82\x8A",                 /* 残り */
    "\xE3\x81\x82\xE3\x81\xA8",                 /* あと */
    "\xEB\x82\xA8\xEC\x9D\x80",                 /* 남은 */
};

/* The word of `words` that stands at text[at], as a word of its own for a Latin or Cyrillic
 * one; its length, or 0. */
static size_t word_at(const char *text, size_t len, size_t at, const char *const *words,
                      size_t nwords)
{
    if (at > 0 && (unsigned char)text[at] < 0x80 && ex_word_byte((unsigned char)text[at - 1]))
        return 0;
    for (size_t w = 0; w < nwords; w++) {
        /* the first byte as strncasecmp compares it rules out most words before their length */
        if (tolower((unsigned char)text[at]) != tolower((unsigned char)words[w][0]))
            continue;
        size_t n = strlen(words[w]);
        bool cjk = (unsigned char)words[w][0] >= 0xE0;
        if (n <= len - at && strncasecmp(text + at, words[w], n) == 0 &&
            (cjk || at + n == len || !ex_word_byte((unsigned char)text[at + n]) ||
             words == left_words))
            return n;
    }
    return 0;
}

/* The number of days that stands at text[at] ("177 days", "10天"), its span in *end; -1 when
 * none does. */
static long days_at(const char *text, size_t len, size_t at, size_t *end)
{
    if (text[at] < '0' || text[at] > '9' || (at > 0 && ex_word_byte((unsigned char)text[at - 1])) ||
        (at >= 3 && memcmp(text + at - 3, "\xE6\x9C\x88", 3) == 0)) /* 月: a date's day */
        return -1;
    long days = 0;
    size_t i = at;
    while (i < len && text[i] >= '0' && text[i] <= '9' && days <= MAX_DAYS)
        days = days * 10 + (text[i++] - '0');
    size_t w = i;
    while (w < len && text[w] == ' ')
        w++;
    size_t n = days >= 1 && days <= MAX_DAYS && w < len
                   ? word_at(text, len, w, day_words, sizeof day_words / sizeof day_words[0])
                   : 0;
    if (n == 0)
        return -1;
    *end = w + n;
    return days;
}

int ex_period_told(const char *text, size_t len, size_t *at, size_t *plen)
{
    bool period = false, left = false, supposed = false;
    long days = -1;
    for (size_t i = 0; i < len;) {
        size_t n = 0, end;
        long d = days < 0 && !supposed ? days_at(text, len, i, &end) : -1;
        if (d >= 0) {
            days = d, *at = i, *plen = end - i;
            i = end;
            continue;
        }
        if (!left && word_at(text, len, i, left_words, sizeof left_words / sizeof left_words[0]))
            left = true;
        const struct ex_prose_word *w =
            ex_prose_word_start(text, len, i) ? ex_prose_word_at(text, len, i, false, &n) : NULL;
        if (w && w->kind == EXW_PERIOD)
            period = true;
        /* a supposition or a how-to before the count governs it ("if only 10 days are
         * left"); one after it is the writer's aside ("..., if freshly spun up") */
        if (w && (w->kind == EXW_IF || w->kind == EXW_HOWTO) && days < 0)
            supposed = true;
        if (n == 0) {
            bool counts;
            n = ex_prose_skip(text, len, i, &counts);
        }
        i += n ? n : 1;
    }
    if (!period || !left || days < 0 || supposed)
        return EX_TOLD_NONE;
    return days <= CLOSE_DAYS ? EX_TOLD_EXPIRING : EX_TOLD_LICENSED;
}
