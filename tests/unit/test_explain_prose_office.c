/* SPDX-License-Identifier: MIT */
/* test_explain_prose_office.c: the fix18 rows of prose_words.c: Office's activation and its
 * licence told in a post's words (a product that nags or requires to be activated, one that
 * has been activated or shows activated), and the words that keep a guide's remark from telling a state (a quantity, the
 * licence agreement, what a message usually does, the key one does not have). Each row is
 * pinned by a sentence it must read, as its state and the words that told it, and one it must
 * not. */
#include <criterion/criterion.h>
#include <string.h>

#include "prose.h"

struct office_case {
    const char *row;      /* the row the pair pins */
    const char *report;   /* a sentence the row makes tell a state */
    int told;             /* what it tells */
    const char *words;    /* the words that tell it */
    const char *silent;   /* a sentence the row must keep from telling anything */
};

static int told(const char *text, size_t *at, size_t *plen)
{
    unsigned before = 0;
    *at = *plen = 0;
    return ex_prose_told(text, strlen(text), false, true, &before, at, plen);
}

static const struct office_case cases[] = {
    /* en-blog-brianary-office-2007-activation */
    { "asks: nagged by office to", "Constantly being nagged by Office to activate your product.",
      EX_TOLD_NOT_ACTIVATED, "nagged by Office to activate",
      "Constantly being nagged by Office to sign in." },
    { "asks: nagging me", "Windows keeps nagging me to activate.", EX_TOLD_NOT_ACTIVATED,
      "nagging me to activate", "My colleague keeps nagging me to install Office." },
    /* en-blog-markrkelly-office-2007-wont-activate: "how many" is a quantity, not a how-to */
    { "filler: how many",
      "Office 2007 wouldn't activate, because MS keeps track of how many computers you've "
      "installed it on.",
      EX_TOLD_ACTIVATION_FAILED, "wouldn't activate",
      "How to find out how many computers Office 2007 wouldn't activate on." },
    /* neg-en-column-montgomery-office-2013-license */
    { "thing: license agreement", "Office 2013's license is gone.", EX_TOLD_NOT_ACTIVATED,
      "license is gone", "That clause is gone from Office 2013's license agreement." },
    /* neg-en-explainer-taourl-not-genuine */
    { "modal: typically", "Windows appears unlicensed on my PC.", EX_TOLD_NOT_ACTIVATED, NULL,
      "Windows typically appears unlicensed after a motherboard swap." },
    { "filler: don't have", "Windows doesn't have a valid licence, activation failed.",
      EX_TOLD_ACTIVATION_FAILED, NULL,
      "Reinstall Windows, selecting \"I don't have a product key\" during setup." },
    /* en-ticket-dockerkmsgui-11-notify */
    { "succeeded: has been activated",
      "It looks like my machine has been registered and everything has been activated in "
      "Windows.", EX_TOLD_LICENSED, "has been activated",
      "Once Windows has been activated, you can remove the key from the registry." },
    /* en-ticket-mas-222-insider-evaluation-copy */
    { "succeeded: shows activated",
      "Windows 11 Enterprise still shows Activated everywhere.", EX_TOLD_LICENSED,
      "shows Activated", "If Windows shows activated, close the window." },
    /* en-letter-infopackets-xp-reactivate-exceeded: Windows XP's message */
    { "asks: required to",
      "Your hardware configuration has changed considerably, so you are now required to "
      "reactivate this copy of Windows.", EX_TOLD_NOT_ACTIVATED, "required to reactivate",
      "If you are required to reactivate Windows, call the number on the screen." },
};

Test(office_rows, each_row_reads_its_report_and_keeps_its_pair_silent)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct office_case *c = &cases[i];
        size_t at, plen;
        int t = told(c->report, &at, &plen);
        cr_expect_eq(t, c->told, "%s: \"%s\" told %s, not %s", c->row, c->report,
                     t < 0 ? "nothing" : ex_told_name(t), ex_told_name(c->told));
        if (t == c->told && c->words)
            cr_expect(plen == strlen(c->words) && memcmp(c->report + at, c->words, plen) == 0,
                      "%s: told by \"%.*s\", not \"%s\"", c->row, (int)plen, c->report + at,
                      c->words);
        t = told(c->silent, &at, &plen);
        cr_expect_eq(t, EX_TOLD_NONE, "%s: \"%s\" told %s (\"%.*s\")", c->row, c->silent,
                     t < 0 ? "nothing" : ex_told_name(t), (int)plen, c->silent + at);
    }
}
