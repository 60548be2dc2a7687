/* SPDX-License-Identifier: MIT */
/* prose_rows.c: the phrases in which people tell an activation state or failure in prose, one
 * row each, every row from a paste of the corpus (tests/explain/corpus, named) where a writer
 * used it; and the words that make a sentence hypothetical.
 * A row: { told, severity, "language", "phrase", "where it was seen" }, its texts held in the
 * row (prose.h bounds them: a longer one fails the build). */
#include <string.h>

#include "labels.h"
#include "prose.h"

/* A phrase joins a row only when a real paste uses it, and only when it tells the state by
 * itself: "doesn't work" (en-ticket-serverdocs-1623-key) tells no state; a bare 激活失败 also
 * fails a Steam key (neg-zh-steam-key-2), so it stays out. Severities as an activation engineer
 * reads the phrase; a test holds each equal to the condition table's verdict. */
static const struct ex_prose_row rows[] = {
    /* The evaluation edition's licence ran out and WLM shuts it down: notification mode. */
    { EX_TOLD_NOTIFICATION, EX_CRITICAL, "en", "license is expired",
      "en-ticket-packer-templates-10 (\"WLM.EXE tells License is expired\")" },
    { EX_TOLD_ACTIVATION_FAILED, EX_CRITICAL, "en", "cannot be activated",
      "en-ticket-mas-561 (\"Evaluation editions cannot be activated outside of ...\")" },
    { EX_TOLD_ACTIVATION_FAILED, EX_CRITICAL, "en", "do not license",
      "en-ticket-cloudbase-init-49 (\"they do not license correctly when ...\")" },
    { EX_TOLD_ACTIVATION_FAILED, EX_CRITICAL, "en", "activation failed",
      "en-ticket-mas-1103 (\"Activation Failed [Error Code: ...]\")" },
    /* slmgr /xpr's "The machine is permanently activated." as a writer words it. */
    { EX_TOLD_LICENSED, EX_OK, "en", "permanently activated",
      "en-xpr-windowspp-1 (\"The result was : _This machine is permanently activated_\")" },
    /* Settings > Activation's words: the state is not given, the product does not run. */
    { EX_TOLD_NOT_ACTIVATED, EX_CRITICAL, "en", "not activated",
      "en-ticket-vlmcsd-37-settings (\"Activation: Windows is not activated\")" },
    { EX_TOLD_NOT_ACTIVATED, EX_CRITICAL, "de", "nicht aktiviert",
      "de-blog-silverpc-0x803fa067 (\"dass Ihr Windows nicht aktiviert ist\")" },
    { EX_TOLD_NOT_ACTIVATED, EX_CRITICAL, "fr", "non activ\xC3\xA9", /* non activé */
      "fr-blog-0xC004C003-ittrip-update (Activation indiquant \xC2\xAB Non activ\xC3\xA9 \xC2\xBB)" },
    { EX_TOLD_NOT_ACTIVATED, EX_CRITICAL, "ja",
      "\xE3\x83\xA9\xE3\x82\xA4\xE3\x82\xBB\xE3\x83\xB3\xE3\x82\xB9\xE8\xAA\x8D\xE8\xA8\xBC\xE3\x81"
      "\x95\xE3\x82\x8C\xE3\x81\xA6\xE3\x81\x84\xE3\x81\xBE\xE3\x81\x9B\xE3\x82\x93", /* ライセンス認証されていません */
      "ja-blog-0xC004F213-dot1 (Windows\xE3\x81\x8C...)" },
    { EX_TOLD_NOT_ACTIVATED, EX_CRITICAL, "zh-CN", "\xE6\x9C\xAA\xE6\xBF\x80\xE6\xB4\xBB", /* 未激活 */
      "zh-ticket-cmwtat-54 (\xE8\xAE\xBE\xE7\xBD\xAE...\xE6\x9C\xAA\xE6\xBF\x80\xE6\xB4\xBB"
      "\xE7\x8A\xB6\xE6\x80\x81)" },
    { EX_TOLD_LICENSED, EX_OK, "zh-CN", "\xE5\xB7\xB2\xE7\xBB\x8F\xE6\xBF\x80\xE6\xB4\xBB", /* 已经激活 */
      "zh-ticket-kmsserver-5 (\xE7\xB3\xBB\xE7\xBB\x9F\xE6\x98\xBE\xE7\xA4\xBA\xE6\x98\xAF\xE5\xB7"
      "\xB2\xE7\xBB\x8F\xE6\xBF\x80\xE6\xB4\xBB\xE7\x8A\xB6\xE6\x80\x81)" },
    { EX_TOLD_NOTIFICATION, EX_CRITICAL, "en", "license expired",
      "en-ticket-detectionlab-415-expired (\"still getting Win10 host license expired\")" },
    { EX_TOLD_NOT_ACTIVATED, EX_CRITICAL, "en", "not activating",
      "en-ticket-mas-42-o365 (\"Office 365 is not activating\")" },
    { EX_TOLD_ACTIVATION_FAILED, EX_CRITICAL, "en", "unable to activate",
      "en-ticket-pykms-138-server2022 (\"I was unable to activate Server 2022\")" },
    { EX_TOLD_LICENSED, EX_OK, "en", "activation was successful",
      "en-ticket-mas-622-upk (\"But the activation was successful, what happened?\")" },
    { EX_TOLD_ACTIVATION_FAILED, EX_CRITICAL, "zh-CN", "\xE4\xB8\x8D\xE8\x83\xBD\xE6\xBF\x80\xE6\xB4\xBB", /* 不能激活 */
      "zh-ticket-heu-136 (windows server 2022\xE4\xB8\x8D\xE8\x83\xBD\xE6\xBF\x80\xE6\xB4\xBB)" },
    /* A licence close to its end, not yet ended: a warning, as the sidecar reads it. */
    { EX_TOLD_EXPIRING, EX_WARNING, "it", "scadenza della licenza",
      "it-blog-nexsys-licenza-in-scadenza (\"l'imminente scadenza della licenza di Windows 10\")" },
};

/* Words that make a sentence a supposition or a how-to about some machine, not a report of
 * one: "If Windows is not activated, run ...". */
static const char hypothetical[][8] = {
    "if", "whether", "unless",                   /* en */
    "wenn", "falls", "ob",                       /* de */
    "si",                                        /* fr */
    "se",                                        /* it */
    "\xE5\xA6\x82\xE6\x9E\x9C",                  /* zh-CN 如果 */
    "\xE5\xA0\xB4\xE5\x90\x88",                  /* ja 場合 */
};

#define NROWS (sizeof rows / sizeof rows[0])

const struct ex_prose_row *ex_prose_rows(size_t *count)
{
    *count = NROWS;
    return rows;
}

int ex_prose_told(const char *text, size_t len, size_t *at, size_t *plen)
{
    int told = EX_TOLD_NONE;
    for (size_t i = 0; i < len; i++)
        for (size_t r = 0; r < NROWS; r++) {
            if (!ex_word_at(text, len, i, rows[r].text))
                continue;
            if (told != EX_TOLD_NONE && rows[r].told != told)
                return EX_TOLD_NONE; /* "activated, then not activated": not ours to pick */
            if (told == EX_TOLD_NONE) {
                told = rows[r].told;
                *at = i;
                *plen = strlen(rows[r].text);
            }
        }
    return told;
}

bool ex_prose_hypothetical(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        for (size_t w = 0; w < sizeof hypothetical / sizeof hypothetical[0]; w++)
            if (ex_word_at(text, len, i, hypothetical[w]))
                return true;
    return false;
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
