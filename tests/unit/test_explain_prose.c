/* SPDX-License-Identifier: MIT */
/* test_explain_prose.c: states and failures told in prose (prose_words.c, prose_read.c), per
 * language: each outcome class read from a subject word and an outcome word, and judged by the
 * condition row of its name at that row's severity; negation, supposition, question, how-to,
 * instruction, heading and two states read as nothing. Sentences written for the test, in the
 * words of each language (the corpus's real pastes are tests/cli/test_explain.py's). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "prose.h"
#include "slerr.h"

struct told_case {
    const char *lang;
    const char *text;
    int told;
};

#define FAILED EX_TOLD_ACTIVATION_FAILED
#define EXPIRED EX_TOLD_NOTIFICATION
#define EXPIRING EX_TOLD_EXPIRING
#define OK EX_TOLD_LICENSED
#define NOT_ACT EX_TOLD_NOT_ACTIVATED
#define NONE EX_TOLD_NONE

/* What a sentence tells, as the sentence reader asks: a trailing '?' makes it a question. */
static int told(const char *text, bool strong, size_t *at, size_t *plen)
{
    size_t len = strlen(text);
    bool question = len > 0 && text[len - 1] == '?';
    unsigned before = 0;
    return ex_prose_told(text, question ? len - 1 : len, question, strong, &before, at, plen);
}

static const struct told_case positives[] = {
    { "en", "Activation failed on the new laptop", FAILED },
    { "en", "I am unable to activate Windows Server 2022", FAILED },
    { "en", "Microsoft Office cannot verify the license for this product", FAILED },
    { "en", "The Windows license has expired", EXPIRED },
    { "en", "The evaluation period has expired", EXPIRED },
    { "en", "Our KMS activation will expire soon", EXPIRING },
    { "en", "Windows activated successfully", OK },
    { "en", "Windows is not activated", NOT_ACT },
    { "en", "The Activate Windows watermark is back", NOT_ACT },
    { "en", "Windows is almost activated successfully", NOT_ACT },
    { "de", "Die Aktivierung ist fehlgeschlagen", FAILED },
    { "de", "Die Lizenz ist abgelaufen", EXPIRED },
    { "de", "Ihre Lizenz läuft bald ab", EXPIRING },
    { "de", "Windows wurde erfolgreich aktiviert", OK },
    { "de", "Windows ist nicht aktiviert", NOT_ACT },
    { "fr", "L'activation a échoué", FAILED },
    { "fr", "La licence a expiré", EXPIRED },
    { "fr", "Les utilisateurs se plaignent de l'impossibilité d'activer Windows", FAILED },
    { "es", "Imposibilidad de activar Windows", FAILED },
    { "fr", "Votre licence Windows expire bientôt", EXPIRING },
    { "fr", "Windows a été activé avec succès", OK },
    { "fr", "Windows n'est pas activé", NOT_ACT },
    { "es", "No se puede activar Windows", FAILED },
    { "es", "La licencia ha caducado", EXPIRED },
    { "es", "La licencia de Windows expirará pronto", EXPIRING },
    { "es", "Windows fue activado correctamente", OK },
    { "es", "Windows no está activado", NOT_ACT },
    { "it", "L'attivazione di Windows non è riuscita", FAILED },
    { "it", "La licenza è scaduta", EXPIRED },
    { "it", "La licenza di Windows scadrà presto", EXPIRING },
    { "it", "Windows è stato attivato correttamente", OK },
    { "it", "Windows non è attivato", NOT_ACT },
    { "pt", "A ativação do Windows falhou", FAILED },
    { "pt", "A licença expirou", EXPIRED },
    { "pt", "A licença do Windows vai expirar em breve", EXPIRING },
    { "pt", "O Windows foi ativado com sucesso", OK },
    { "pt", "O Windows não está ativado", NOT_ACT },
    { "ru", "Активация Windows не удалась", FAILED },
    { "ru", "Срок действия лицензии истек", EXPIRED },
    { "ru", "Срок действия лицензии скоро истечёт", EXPIRING },
    { "ru", "Windows успешно активирована", OK },
    { "ru", "Windows не активирована", NOT_ACT },
    { "pl", "Aktywacja systemu Windows nie powiodła się", FAILED },
    { "pl", "Licencja wygasła", EXPIRED },
    { "pl", "Licencja systemu Windows wkrótce wygaśnie", EXPIRING },
    { "pl", "System Windows został pomyślnie aktywowany", OK },
    { "pl", "System Windows nie jest aktywowany", NOT_ACT },
    { "nl", "De activering van Windows is mislukt", FAILED },
    { "nl", "De licentie is verlopen", EXPIRED },
    { "nl", "De licentie verloopt binnenkort", EXPIRING },
    { "nl", "Windows is succesvol geactiveerd", OK },
    { "nl", "Windows is niet geactiveerd", NOT_ACT },
    { "ja", "Windows のライセンス認証に失敗しました", FAILED },
    { "ja", "ライセンスが期限切れです", EXPIRED },
    { "ja", "ライセンスはまもなく期限切れになります", EXPIRING },
    { "ja", "Windows はライセンス認証されています", OK },
    { "ja", "Windows はライセンス認証されていません", NOT_ACT },
    { "zh-CN", "Windows 激活失败", FAILED },
    { "zh-CN", "Windows 许可证已过期", EXPIRED },
    { "zh-CN", "您的 Windows 许可证即将过期", EXPIRING },
    { "zh-CN", "Windows 激活成功", OK },
    { "zh-CN", "Windows 未激活", NOT_ACT },
    { "ko", "Windows 정품 인증에 실패했습니다", FAILED },
    { "ko", "라이선스가 만료되었습니다", EXPIRED },
    { "ko", "라이선스가 곧 만료됩니다", EXPIRING },
    { "ko", "정품 인증에 성공했습니다", OK },
    { "ko", "Windows 정품 인증되지 않았습니다", NOT_ACT },
    { "zh-TW", "Windows 無法啟用", FAILED },
    { "zh-TW", "您的 Windows 許可證即將過期", EXPIRING },
    { "zh-TW", "Windows 未啟用", NOT_ACT },
    { "en", "After the update Windows is no longer activated", NOT_ACT }, /* "after": no clause */
};

/* The sentence tells `want`, and the condition row of that name judges it at the severity an
 * activation engineer gives the class (what the sentence reader hands on: the span's words as
 * the status field, the class told). */
static void expect_judged(const char *label, const char *text, int want)
{
    static struct ex_facts f;
    static struct ex_finding out[EX_MAX_FINDINGS];
    size_t at = 0, plen = 0;
    int t = told(text, true, &at, &plen);
    cr_expect_eq(t, want, "%s: \"%s\" told %s, not %s", label, text,
                 t < 0 ? "nothing" : ex_told_name(t), ex_told_name(want));
    if (t != want)
        return;
    cr_expect(plen > 0 && at + plen <= strlen(text), "%s: span", text);
    ex_facts_clear(&f);
    ex_facts_set(&f, EXL_LICENSE_STATUS, text + at, plen);
    f.told = t;
    ex_facts_derive(&f, false);
    size_t found = ex_judge(&f, out, EX_MAX_FINDINGS);
    cr_assert_gt(found, 0, "%s judged nothing", text);
    cr_expect_str_eq(out[0].rule, ex_told_name(want), "%s", text);
    enum ex_severity severity = want == OK ? EX_OK : want == EXPIRING ? EX_WARNING : EX_CRITICAL;
    cr_expect_eq(out[0].severity, severity, "%s: %s", text, out[0].rule);
}

/* Each sentence tells its class, judged by the row of its name: swapping two classes' words,
 * or two rows' names, fails here. */
Test(prose, each_language_tells_each_outcome)
{
    for (size_t i = 0; i < sizeof positives / sizeof positives[0]; i++)
        expect_judged(positives[i].lang, positives[i].text, positives[i].told);
}

/* Sentences about activation that tell no state of this machine, per language: turned round,
 * supposed, asked, a how-to, an instruction or heading, two states, a "when" clause. */
static const struct told_case negatives[] = {
    { "en", "The activation did not fail", NONE },               /* negated */
    { "en", "The license has not expired", NONE },
    { "en", "If activation fails, run slmgr /ato", NONE },      /* supposition */
    { "en", "Activation should succeed within a minute", NONE }, /* modal */
    { "en", "Has the license expired?", NONE },                  /* question */
    { "en", "Why did activation fail", NONE },
    { "en", "How to fix activation failed", NONE },              /* how-to, heading */
    { "en", "Make sure activation succeeded", NONE },            /* instruction */
    { "en", "Fix: activation failed after upgrade", NONE },      /* heading */
    { "en", "Activation succeeded, then the license expired", NONE }, /* two states */
    { "en", "When activation fails, check the DNS records", NONE },  /* a "when" clause */
    { "en", "It doesn't change the activation status", NONE },  /* a status named */
    { "en", "It does not let you activate once", NONE },         /* another verb's failure */
    { "de", "Die Lizenz ist nicht abgelaufen", NONE },
    { "de", "Falls die Aktivierung fehlgeschlagen ist, hilft slmgr", NONE },
    { "de", "Warum ist die Aktivierung fehlgeschlagen?", NONE },
    { "de", "Anleitung: Aktivierung fehlgeschlagen beheben", NONE },
    { "de", "Prüfen Sie, ob die Aktivierung erfolgreich war", NONE },
    { "de", "Die Aktivierung war erfolgreich, aber die Lizenz ist abgelaufen", NONE },
    { "fr", "La licence n'a pas expiré", NONE },
    { "fr", "Si l'activation échoue, exécutez slmgr", NONE },
    { "fr", "Pourquoi l'activation a échoué ?", NONE },
    { "fr", "Comment résoudre l'échec de l'activation", NONE },
    { "fr", "Vérifiez que l'activation a réussi", NONE },
    { "fr", "L'activation a réussi, mais la licence a expiré", NONE },
    { "es", "La licencia no ha caducado", NONE },
    { "es", "Si la activación falla, ejecute slmgr", NONE },
    { "es", "¿Por qué falló la activación?", NONE },
    { "es", "Cómo solucionar el error de activación fallida", NONE },
    { "es", "Compruebe que la activación se realizó correctamente", NONE },
    { "es", "La activación se completó con éxito, pero la licencia ha caducado", NONE },
    { "it", "La licenza non è scaduta", NONE },
    { "it", "Se l'attivazione è fallita, usa slmgr", NONE },
    { "it", "Perché l'attivazione è fallita?", NONE },
    { "it", "Come risolvere l'attivazione fallita", NONE },
    { "it", "Verifica che l'attivazione sia riuscita", NONE },
    { "it", "L'attivazione è riuscita, ma la licenza è scaduta", NONE },
    { "pt", "A licença não expirou", NONE },
    { "pt", "Se a ativação falhar, execute slmgr", NONE },
    { "pt", "Por que a ativação falhou?", NONE },
    { "pt", "Como resolver a falha de ativação", NONE },
    { "pt", "Verifique se a ativação foi concluída com sucesso", NONE },
    { "pt", "A ativação foi concluída com sucesso, mas a licença expirou", NONE },
    { "ru", "Лицензия не истекла", NONE },
    { "ru", "Если активация не удалась, запустите slmgr", NONE },
    { "ru", "Почему активация не удалась?", NONE },
    { "ru", "Как исправить неудачную активацию: активация не удалась", NONE },
    { "ru", "Проверьте, что активация прошла успешно", NONE },
    { "ru", "Активация прошла успешно, но лицензия истекла", NONE },
    { "pl", "Licencja nie wygasła", NONE },
    { "pl", "Jeśli aktywacja nie powiodła się, uruchom slmgr", NONE },
    { "pl", "Dlaczego aktywacja nie powiodła się?", NONE },
    { "pl", "Jak naprawić: aktywacja nie powiodła się", NONE },
    { "pl", "Sprawdź, czy aktywacja się powiodła", NONE },
    { "pl", "Aktywacja powiodła się, ale licencja wygasła", NONE },
    { "nl", "De licentie is niet verlopen", NONE },
    { "nl", "Als de activering mislukt, voer slmgr uit", NONE },
    { "nl", "Waarom is de activering mislukt?", NONE },
    { "nl", "Hoe los je een mislukte activering op", NONE },
    { "nl", "Controleer of de activering is gelukt", NONE },
    { "nl", "De activering is gelukt, maar de licentie is verlopen", NONE },
    { "ja", "ライセンスは期限切れではありません", NONE },
    { "ja", "ライセンス認証に失敗した場合は slmgr を実行します", NONE },
    { "ja", "なぜライセンス認証に失敗するのですか", NONE },
    { "ja", "ライセンス認証に失敗する問題の対処方法", NONE },
    { "ja", "ライセンス認証に成功しましたが、ライセンスは期限切れです", NONE },
    { "zh-CN", "许可证没有过期", NONE },
    { "zh-CN", "如果激活失败，请运行 slmgr", NONE },
    { "zh-CN", "为什么激活失败", NONE },
    { "zh-CN", "激活失败的解决方法", NONE },
    { "zh-CN", "激活成功，但是许可证已过期", NONE },
    /* "once activated, you can ...": 一旦 supposes (corpus zh-blog-ourseo-jihuo-windows-watermark
     * was read as a licensed machine, ok, where the explainer speaks of no machine's state) */
    { "zh-CN", "一旦成功激活，您可以继续正常使用系统的所有功能", NONE },
    { "zh-TW", "如果啟用失敗，請執行 slmgr", NONE },
    { "ko", "라이선스가 만료되지 않았습니다", NONE },
    { "ko", "정품 인증에 실패한 경우 slmgr를 실행하십시오", NONE },
    { "ko", "왜 정품 인증에 실패합니까", NONE },
    { "ko", "정품 인증 실패 해결 방법", NONE },
    { "ko", "정품 인증에 성공했지만, 라이선스가 만료되었습니다", NONE },
};

Test(prose, what_tells_no_state_of_this_machine_is_not_read)
{
    for (size_t i = 0; i < sizeof negatives / sizeof negatives[0]; i++) {
        const struct told_case *c = &negatives[i];
        size_t at = 0, plen = 0;
        int t = told(c->text, true, &at, &plen);
        cr_expect_eq(t, NONE, "%s: \"%s\" told %s", c->lang, c->text, ex_told_name(t));
    }
}

/* Each sentence above, with its negation or supposition taken out, does tell: the negatives
 * fail for the reason they name, not because their words are missing from the table. */
Test(prose, negatives_tell_without_their_guard)
{
    static const struct told_case bare[] = {
        { "en", "The activation did fail", FAILED },
        { "en", "The license has expired", EXPIRED },
        { "en", "activation fails, run slmgr /ato", FAILED },
        { "de", "Die Lizenz ist abgelaufen", EXPIRED },
        { "fr", "La licence a expiré", EXPIRED },
    { "fr", "Les utilisateurs se plaignent de l'impossibilité d'activer Windows", FAILED },
    { "es", "Imposibilidad de activar Windows", FAILED },
        { "ja", "ライセンスは期限切れです", EXPIRED },
        { "zh-CN", "许可证过期", EXPIRED },
        { "ko", "라이선스가 만료되었습니다", EXPIRED },
    };
    for (size_t i = 0; i < sizeof bare / sizeof bare[0]; i++) {
        size_t at = 0, plen = 0;
        cr_expect_eq(told(bare[i].text, true, &at, &plen), bare[i].told, "%s", bare[i].text);
    }
}

/* A word of one language's negation or supposition does not turn another's subject round:
 * Spanish "se" is no Italian "if", English "no" no Spanish "not". */
Test(prose, function_words_count_beside_subjects_of_their_language)
{
    size_t at, plen;
    cr_expect_eq(told("No se puede activar Windows", true, &at, &plen), FAILED);
    cr_expect_eq(told("Se l'attivazione è fallita, usa slmgr", true, &at, &plen), NONE);
    cr_expect_eq(told("Windows se activó correctamente", true, &at, &plen), OK);
    cr_expect_eq(told("No doubt Windows activated successfully", true, &at, &plen), OK);
}

/* Chinese 激活 also activates game keys (neg-zh-steam-key-2): it counts only with a product
 * word or a stronger subject in the line. */
Test(prose, a_weak_subject_needs_a_product_word)
{
    size_t at, plen;
    const char *s = "然后激活失败"; /* "then activation fails" */
    cr_expect_eq(told(s, false, &at, &plen), NONE);
    cr_expect_eq(told(s, true, &at, &plen), FAILED);
    cr_expect_eq(ex_prose_scan(s, strlen(s)), EX_PROSE_SUBJECT, "weak, nothing named");
    s = "windows 激活失败";
    cr_expect_eq(ex_prose_scan(s, strlen(s)),
                 EX_PROSE_SUBJECT | EX_PROSE_STRONG | EX_PROSE_NAMED);
    s = "许可证过期"; /* Windows' own word for its licence names the product */
    cr_expect_eq(ex_prose_scan(s, strlen(s)) & EX_PROSE_NAMED, EX_PROSE_NAMED);
    s = "Crunch 2 could not be activated"; /* another program's: nothing named */
    cr_expect_eq(ex_prose_scan(s, strlen(s)), EX_PROSE_SUBJECT | EX_PROSE_STRONG);
    s = "The disk is full.";
    cr_expect_eq(ex_prose_scan(s, strlen(s)), 0, "no subject: one cheap pass");
}

/* A weak word of state counts only beside its product: "Windows Defender 已啟用" says
 * Defender is enabled, though the line names Windows; "Windows 10 已啟用" (a version between),
 * "系统仍然未激活" (an adverb) tell the product's state. */
Test(prose, a_weak_word_counts_only_next_to_its_product)
{
    size_t at, plen;
    cr_expect_eq(told("Windows Defender 已啟用", true, &at, &plen), NONE,
                 "已啟用 told of Defender: enabled, no licence state");
    cr_expect_eq(told("Windows 防火牆已啟用", true, &at, &plen), NONE);
    cr_expect_eq(told("Windows 已啟用", true, &at, &plen), OK);
    cr_expect_eq(told("Windows 10 已啟用", true, &at, &plen), OK);
    cr_expect_eq(told("系统已激活", true, &at, &plen), OK);
    cr_expect_eq(told("系统仍然未激活", true, &at, &plen), NOT_ACT);
    cr_expect_eq(told("激活 Windows 失败", true, &at, &plen), FAILED);
    cr_expect_eq(told("许可证过期无法激活", true, &at, &plen), EXPIRED,
                 "a strong subject in the clause lets 激活 count");
}

/* Words are words: a stem starts a word and takes its rest, a whole word ends at a word's end,
 * CJK stands anywhere; case folds in Latin and Cyrillic letters; an apostrophe may be ’ or
 * missing. */
Test(prose, words_are_matched_as_words)
{
    size_t n = 0;
    const struct ex_prose_word *w;
    const char *s = "deactivated";
    cr_expect_null(ex_prose_word_at(s, strlen(s), 2, false, &n), "not inside a word");
    s = "Activation";
    w = ex_prose_word_at(s, strlen(s), 0, false, &n);
    cr_assert_not_null(w);
    cr_expect_eq(w->kind, EXW_ACT);
    cr_expect_eq(n, strlen(s), "a stem takes the rest of its word");
    s = "АКТИВАЦИЯ";
    w = ex_prose_word_at(s, strlen(s), 0, false, &n);
    cr_assert_not_null(w, "Cyrillic capitals fold");
    cr_expect_eq(w->kind, EXW_ACT);
    s = "doesn\xE2\x80\x99t";
    w = ex_prose_word_at(s, strlen(s), 0, false, &n);
    cr_assert_not_null(w);
    cr_expect_eq(w->kind, EXW_FAILED);
    cr_expect_eq(n, strlen(s));
    s = "doesnt";
    w = ex_prose_word_at(s, strlen(s), 0, false, &n);
    cr_assert_not_null(w, "an apostrophe left out (the normalizer drops a backtick)");
    cr_expect_eq(w->kind, EXW_FAILED);
    s = "nothing";
    w = ex_prose_word_at(s, strlen(s), 0, false, &n);
    cr_expect(w == NULL || w->kind != EXW_NOT, "\"not\" is no part of \"nothing\"");
    s = "系统激活";
    w = ex_prose_word_at(s, strlen(s), 6, false, &n);
    cr_assert_not_null(w, "CJK needs no blank");
    cr_expect_eq(w->kind, EXW_ACT);
}

/* The table itself: lower case, lengths right, a language each, one entry per text (two
 * entries with one text would hide the second), subjects first (the cheap pass stops at the
 * first word that is none). */
Test(prose, the_word_table_is_well_formed)
{
    size_t count = 0;
    const struct ex_prose_word *words = ex_prose_words(&count);
    cr_assert_gt(count, 300);
    unsigned long letters = 0;
    for (size_t i = 0; i < count && (words[i].kind <= EXW_PRODUCT ||
                                     (words[i].flags & (EXW_SELF | EXW_OF_PRODUCT)));
         i++)
        if (words[i].text[0] >= 'a' && words[i].text[0] <= 'z')
            letters |= 1ul << (words[i].text[0] - 'a');
    cr_expect_eq(ex_prose_subject_letters(), letters, "the first pass's letters are the table's");
    bool subjects = true;
    for (size_t i = 0; i < count; i++) {
        const struct ex_prose_word *w = &words[i];
        cr_expect_eq(w->len, strnlen(w->text, sizeof w->text), "%.31s", w->text);
        cr_expect_neq(w->langs, 0, "%.31s", w->text);
        for (size_t k = 0; k < w->len; k++)
            cr_expect(!(w->text[k] >= 'A' && w->text[k] <= 'Z'), "%.31s: lower case", w->text);
        bool subject = w->kind <= EXW_PRODUCT || (w->flags & (EXW_SELF | EXW_OF_PRODUCT));
        if (!subject)
            subjects = false;
        cr_expect(!subject || subjects || w->kind > EXW_PRODUCT, "%.31s after the subjects",
                  w->text);
        for (size_t j = i + 1; j < count; j++)
            cr_expect(w->len != words[j].len || memcmp(w->text, words[j].text, w->len) != 0,
                      "%.31s twice", w->text);
    }
}

/* Every word of the table is found where its own text stands, in any case: the lookup goes
 * through an index by first and second byte, which must lose no word (a CJK or Cyrillic word's
 * second byte is no ASCII one; a blank or apostrophe second matches more than itself). */
Test(prose, every_word_is_found_at_its_own_text)
{
    size_t count = 0;
    const struct ex_prose_word *words = ex_prose_words(&count);
    for (size_t i = 0; i < count; i++) {
        char text[64];
        size_t len = words[i].len;
        memcpy(text, words[i].text, len);
        for (size_t k = 0; k < len; k++)
            if (text[k] == '#')
                text[k] = '3'; /* a number: "in 3 days" */
        if (text[0] >= 'a' && text[0] <= 'z')
            text[0] = (char)(text[0] - 32); /* "Activation" as a sentence opens */
        size_t n = 0;
        const struct ex_prose_word *w = ex_prose_word_at(text, len, 0, false, &n);
        cr_expect_not_null(w, "%.31s not found", words[i].text);
        cr_expect_eq(n, len, "%.31s: %zu bytes taken", words[i].text, n);
    }
}

/* Each case tells its class (NONE: nothing), the sentence read as the sentence reader asks. */
static void expect_each(const struct told_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t at = 0, plen = 0;
        int t = told(cases[i].text, true, &at, &plen);
        cr_expect_eq(t, cases[i].told, "%s: \"%s\" told %s, not %s", cases[i].lang,
                     cases[i].text, t < 0 ? "nothing" : ex_told_name(t),
                     cases[i].told < 0 ? "nothing" : ex_told_name(cases[i].told));
    }
}

/* Words added from batches 8-11's pastes (each names its paste in prose_words.c), each class
 * with a sentence that tells it and one that must not. */
static const struct told_case more_positives[] = {
    /* words that are themselves "not activated" */
    { "en", "In Office it still shows as unactivated", NOT_ACT },
    { "en", "Windows deactivates after running a container", NOT_ACT },
    { "en", "Windows states it needs to be activated", NOT_ACT },
    { "fr", "La clé de licence a été désactivée", NOT_ACT },
    /* lost, told of a subject */
    { "en", "Windows activation on the host is lost", NOT_ACT },
    /* failures: a key or product that cannot be used to activate; a failure told with "would" */
    { "en", "The products cannot be used to activate Office", FAILED },
    { "en", "Activation would fail with a message", FAILED },
    /* a concessive clause is no supposition */
    { "en", "Activation is unsuccessful whether or not you enter a password", FAILED },
    /* the watermark displayed */
    { "en", "Windows displays the Activation watermark", NOT_ACT },
    /* pt-BR: a licence that ran out */
    { "pt", "Instalei o Windows, mas a licença venceu", EXPIRED },
    /* ko: 인증 alone beside a product word, and its failure */
    { "ko", "윈도우 인증이 안되는 현상이 발생했습니다", FAILED },
    { "ko", "오피스 인증이 성공적으로 이루어졌습니다", OK },
};

Test(prose, words_of_batches_8_to_11_tell_their_class)
{
    expect_each(more_positives, sizeof more_positives / sizeof more_positives[0]);
}

Test(prose, words_of_batches_8_to_11_keep_their_guards)
{
    static const struct told_case cases[] = {
        { "en", "Set interval (minutes) for unactivated clients to attempt KMS connection",
          NONE },                                                 /* an instruction */
        { "en", "If Windows needs to be activated, run slmgr /ato", NONE }, /* supposition */
        { "en", "Windows activation was never lost", NONE },           /* negated */
        { "en", "This activation would not fail", NONE },              /* negated */
        { "en", "Deactivate the key before you reinstall", NONE },     /* no state: imperative */
        { "fr", "Pourquoi la licence a été désactivée ?", NONE },      /* question */
        { "pt", "A licença não venceu", NONE },                        /* negated */
        { "ko", "인증이 안되는 경우 slmgr를 실행하십시오", NONE },     /* supposition */
    };
    expect_each(cases, sizeof cases / sizeof cases[0]);
    /* 인증 (also a certificate's, a login's) counts only beside a product word */
    size_t at, plen;
    cr_expect_eq(told("로그인 인증이 안되는 현상", false, &at, &plen), NONE);
}

/* An English negation turns round the verb after it, not a noun before it: a FlexLM licence
 * server's "License Servers NOT running" (neg-en-monitoringplugins-687-flexlm) tells no
 * Windows state; German and Japanese negations still follow their verb. */
Test(prose, an_english_negation_turns_round_what_follows_it)
{
    size_t at, plen;
    cr_expect_eq(told("License Servers NOT running", true, &at, &plen), NONE);
    cr_expect_eq(told("Windows is still NOT licensed", true, &at, &plen), NOT_ACT);
    cr_expect_eq(told("Windows aktiviert sich nicht", true, &at, &plen), NOT_ACT);
    cr_expect_eq(told("Windows はライセンス認証されていません", true, &at, &plen), NOT_ACT);
}

/* Two bad outcomes in one clause or sentence tell the worse (zh-ticket-heu-188-ltsc-expired:
 * 许可证过期无法激活, "licence expired, cannot be activated"); a success beside a failure still
 * tells nothing (two states, the writer's to untangle). */
Test(prose, two_bad_outcomes_tell_the_worse)
{
    size_t at, plen;
    cr_expect_eq(told("win10 显示许可证过期无法激活", true, &at, &plen), EXPIRED);
    cr_expect_eq(told("许可证过期，并且激活码无法激活", true, &at, &plen), EXPIRED);
    cr_expect_eq(told("The license will expire soon, activation failed", true, &at, &plen),
                 FAILED);
    cr_expect_eq(told("Activation failed, then it activated successfully", true, &at, &plen),
                 NONE);
}

/* Traditional Chinese (zh-TW, zh-HK): 啟用 (Windows), 啟動 (Office) and 授權, each outcome class,
 * its guards, and 啟用's weakness (it also enables a feature). */
Test(prose, traditional_chinese_tells_each_outcome)
{
    static const struct told_case cases[] = {
        { "zh-TW", "Windows 啟用失敗", FAILED },
        { "zh-TW", "Office 標題會顯示(產品啟動失敗)", FAILED },
        { "zh-TW", "Windows 授權已過期", EXPIRED },
        { "zh-TW", "您的 Windows 授權即將到期", EXPIRING },
        { "zh-TW", "Windows 已成功啟用", OK },
        { "zh-TW", "Windows 未啟用", NOT_ACT },
        { "zh-TW", "Windows 啟用浮水印又出現了", NOT_ACT },
        { "zh-TW", "Windows 授權沒有過期", NONE },         /* negated */
        { "zh-TW", "如果啟用失敗，請執行 slmgr", NONE },    /* supposition */
        { "zh-TW", "為什麼 Windows 啟用失敗", NONE },       /* question */
        { "zh-TW", "Windows 啟用失敗的解決方法", NONE },    /* how-to */
    };
    expect_each(cases, sizeof cases / sizeof cases[0]);
    size_t at, plen;
    const char *s = "啟用 BitLocker 失敗";
    cr_expect_eq(ex_prose_scan(s, strlen(s)), EX_PROSE_SUBJECT, "啟用 is weak, nothing named");
    cr_expect_eq(told(s, false, &at, &plen), NONE);
}

/* The languages added for batches 8-11's pastes (hu, id, cs and sk, vi, tr, ro, uk, da, nb, sv):
 * each outcome class told in the language's plain words, and the guards of negation,
 * supposition and how-to in the same words. */
static const struct told_case new_languages[] = {
    { "id", "Windows belum diaktifkan", NOT_ACT }, /* id-blog-panduanpc-minta-aktivasi-ulang */
    { "id", "Aktivasi Windows gagal", FAILED },
    { "id", "Lisensi Windows sudah kedaluwarsa", EXPIRED },
    { "id", "Windows berhasil diaktifkan", OK },
    { "id", "Jika aktivasi gagal, jalankan slmgr", NONE },
    { "id", "Cara mengatasi aktivasi gagal", NONE },
    { "hu", "A Windows aktiválása sikertelen", FAILED },
    { "hu", "A licenc lejárt", EXPIRED },
    { "hu", "A licenc hamarosan lejár", EXPIRING },
    { "hu", "A termék aktiválása sikeres", OK },
    { "hu", "A Windows nincs aktiválva", NOT_ACT },
    { "hu", "Ha az aktiválás sikertelen, futtassa az slmgr parancsot", NONE },
    { "hu", "A licenc nem lejárt", NONE },
    { "cs", "Aktivace systému Windows selhala", FAILED },
    { "cs", "Systém Windows není aktivován", NOT_ACT },
    { "cs", "Licence vypršela", EXPIRED },
    { "cs", "Windows byl úspěšně aktivován", OK },
    { "sk", "Aktivácia zlyhala", FAILED },
    { "sk", "Kód Product Key je neplatný", FAILED },
    { "sk", "Ak aktivácia zlyhala, spustite slmgr", NONE },
    { "vi", "Kích hoạt Windows thất bại", FAILED },
    { "vi", "Windows chưa kích hoạt", NOT_ACT },
    { "vi", "Giấy phép đã hết hạn", EXPIRED },
    { "vi", "Kích hoạt thành công", OK },
    { "vi", "Nếu kích hoạt thất bại, hãy chạy slmgr", NONE },
    { "tr", "Windows etkinleştirilemedi", FAILED },
    { "tr", "Windows etkinleştirilmedi", NOT_ACT },
    { "tr", "Lisans süresi doldu", EXPIRED },
    { "tr", "Windows başarıyla etkinleştirildi", OK },
    { "tr", "Etkinleştirme nasıl yapılır", NONE },
    { "ro", "Activarea Windows a eșuat", FAILED },
    { "ro", "Windows nu este activat", NOT_ACT },
    { "ro", "Licența a expirat", EXPIRED },
    { "ro", "Dacă activarea a eșuat, rulați slmgr", NONE },
    { "uk", "Активація Windows не вдалася", FAILED },
    { "uk", "Windows не активовано", NOT_ACT },
    { "uk", "Windows успішно активовано", OK },
    { "uk", "Якщо Windows не активовано, запустіть slmgr", NONE },
    { "da", "Windows kunne ikke aktiveres", FAILED }, /* da-kb-929826-0x8007232b */
    { "nb", "Aktiveringen mislyktes", FAILED },
    { "sv", "Aktiveringen misslyckades", FAILED },
    { "sv", "Windows är inte aktiverat", NOT_ACT },
    { "nb", "Lisensen har utløpt", EXPIRED },
    { "sv", "Aktiveringen lyckades", OK },
    { "sv", "Hur aktiverar man Windows om aktiveringen misslyckades", NONE },
};

Test(prose, new_languages_tell_each_outcome_and_keep_their_guards)
{
    expect_each(new_languages, sizeof new_languages / sizeof new_languages[0]);
}

/* A language's function words count beside its own subjects only: Romanian "se" (reflexive)
 * is no Italian "if", Indonesian "tak" no Polish "yes" (a Polish subject stays unread by it). */
Test(prose, new_languages_function_words_keep_to_their_language)
{
    size_t at, plen;
    cr_expect_eq(told("Windows nu se activează, activarea a eșuat", true, &at, &plen), FAILED);
    cr_expect_eq(told("Aktywacja tak nie powiodła się", true, &at, &plen), FAILED);
}

/* A mechanism of round 7, each with a sentence it reads (the told class, judged by the
 * condition row of that name at its severity) and one beside it that it must not read. */
struct paired_case {
    const char *what;
    const char *reads;    /* tells `told` */
    int told;
    const char *not_read; /* tells nothing */
};

static const struct paired_case round7[] = {
    /* "it" stands for the product or activation named before it in the sentence... */
    { "pronoun after a product", "The Windows 10 box says it is expired", EXPIRED,
      "The Windows 10 box says the certificate is expired, it is expired" },
    { "pronoun, nothing named before it", "Windows: the box says it is expired", EXPIRED,
      "It is expired" },
    /* ...and fails only as activation's: a product fails in many ways */
    { "pronoun for a key", "I used the v1803 key, but it doesn't work", FAILED,
      "I installed Windows, but it doesn't work" },
    { "a phrase for the product", "but this product is still unlicensed", NOT_ACT,
      "| 0 | Unlicensed |" },
    /* a key told without "product" (weak: the line names the product) */
    { "a key", "After setting up win2k8 it says the key is expired", EXPIRED,
      "After setting up win2k8 it says the key is not expired" },
    /* asks to be activated: before an activation word, not a product key */
    { "asks for activation", "Windows XP keeps asking for activation", NOT_ACT,
      "Setup asks for a product key" },
    { "asks for activation (id)", "laptop yang baru upgrade RAM malah minta aktivasi ulang",
      NOT_ACT, "Jika Windows minta aktivasi ulang, jalankan slmgr" },
    /* a hedged negation is a negation */
    { "hedged not activated", "Office does not appear to be activated either", NOT_ACT,
      "It does not appear to be an activation problem" },
    /* an auxiliary after its subject fails the verb after it, which may be another's */
    { "auxiliary, activation's verb", "Windows does not activate", FAILED,
      "The KMS current count does not increase" },
    { "a problem with", "There's a problem with your Office license", FAILED,
      "Fix problems with Office activation" },
    { "broken", "Version 2004 is breaking our Office activation", FAILED,
      "Version 2004 is not breaking our Office activation" },
    { "invalid", "The product key is invalid", FAILED, "The product key is not invalid" },
    { "blocked", "Windows says the key has been blocked", FAILED,
      "How to unblock a key that has been blocked" },
    { "lost (pt)", "os sistemas do Windows perdiam a ativação", NOT_ACT,
      "mudar o hardware do Windows sem perder a ativação" },
    { "not genuine (en)", "This copy of Windows is not genuine", NOT_ACT,
      "If this copy of Windows is not genuine, run the tool" },
    { "not genuine (ja)", "このWindowsのコピーは正規品ではありません", NOT_ACT,
      "正規品の Windows 7 を使用しています" },
    { "cannot any more (ja)", "ライセンス認証が出来なくなってしまった", FAILED,
      "ライセンス認証が出来ない場合の対処方法" },
    /* a bracket's inside is a clause of its own; the clause around it goes on after it */
    { "around a bracket", "ライセンス認証(slui.exe)が失敗しました", FAILED,
      "ライセンス認証(失敗した場合)を実行します" },
    { "emphatic success", "It does activate, but should say the edition", OK,
      "If it does activate, check the edition" },
    /* a copy of the product fails as the product; a machine fails in many ways */
    { "a copy of the product", "your copy of Office doesn't work in a shared computer scenario",
      FAILED, "the machine doesn't work in a shared computer scenario" },
    /* a failure before an activation noun reaches past one more word (its modifier), before a
     * verb it does not */
    { "failure before a noun", "Each plan I tried says it doesn't support shared activation", FAILED,
      "It cannot let you activate twice" },
    { "asks me", "Office keeps asking me to activate", NOT_ACT,
      "Office keeps asking me to sign in" },
    { "Office's title bar (zh-TW)", "當前使用者帳戶仍然提示未經授權的產品", NOT_ACT,
      "如果提示未經授權的產品，請重新登入" },
    /* Korean: a particle is part of its word, so words are counted at blanks */
    { "Korean words", "정품 인증을 다시 시도했지만 결국 실패했습니다", FAILED,
      "정품 인증 후에 새 프로그램을 설치하고 여러 번 재부팅했는데 설치가 실패했습니다" },
    { "watermark on the screen (ko)", "워터마크가 선명하게 떠 있었습니다", NOT_ACT,
      "워터마크가 떠 있지 않습니다" },
    /* a negated failure cancels a failure next to it ("did not fail"), not one far off */
    { "two failures far apart", "Version 2004 is breaking our Office activation and you cannot fix it",
      FAILED, "The Office activation did not fail" },
    /* a question's last clause asks alone; a how-to word elsewhere still sets the sentence aside */
    { "a question's last clause", "Windows needs to be activated in 30 days, anyone knows how to activate it?",
      EXPIRING, "How do I activate it, Windows needs to be activated in 30 days?" },
    /* a product word is the subject of "unlicensed" and "expired", not past another thing */
    { "a product unlicensed", "Office is unlicensed", NOT_ACT, "The Office font I bought is unlicensed" },
    { "a product expired", "My Windows 10 has expired", EXPIRED, "The Windows password expired" },
    { "a product expired, another thing in the clause", "Windows 10 Pro has expired", EXPIRED,
      "The certificate in the Windows store has expired" },
    { "a product expired (de)", "Windows ist abgelaufen", EXPIRED,
      "Das Windows-Passwort ist abgelaufen" },
    { "the watermark's own line", "Activate Windows. Go to Settings to activate Windows", NOT_ACT,
      "Open Settings to activate Windows" },
    { "keeps deactivating", "Windows keeps deactivating after a reboot", NOT_ACT,
      "Deactivate the key before you reinstall" },
    /* Japanese and Korean put the verb last */
    { "asks, verb last (ja)", "Windows のライセンス認証を求められる", NOT_ACT,
      "Windows のライセンス認証を求められる場合の対処方法" },
    { "needs activation (zh)", "系统需要激活", NOT_ACT, "系统不需要激活" },
    { "activation came off (ko)", "윈도우 정품 인증이 풀렸어요", NOT_ACT,
      "윈도우 정품 인증이 풀렸을 때 해결 방법" },
    { "the writer needs to activate", "I need to activate the evaluation edition of Windows",
      NOT_ACT, "To use it you need to activate the evaluation edition of Windows" },
    { "a MAK", "The MAK key has run out of activations", EXPIRED,
      "A MAK can be used for a limited number of activations" },
    { "the watermark's text quoted", "It suddenly shows \"Activate Windows\" in the corner",
      NOT_ACT, "To remove \"Activate Windows\" from the corner, activate Windows" },
    { "unreachable", "The KMS host is unreachable", FAILED,
      "If the KMS host is unreachable, clients retry every two hours" },
    { "reduced functionality", "Office is in reduced functionality mode", EXPIRED,
      "Office is no longer in reduced functionality mode" },
    /* an elision is no word of its own: "de l'activer" is as close as "activer" */
    { "an elision (fr)", "Windows me demande de l'activer à nouveau", NOT_ACT,
      "Si Windows demande de l'activer, exécutez slmgr" },
    { "a separable verb (de)", "Die Aktivierung von Office schlägt immer wieder fehl", FAILED,
      "Die Aktivierung von Office schlägt nicht fehl" },
    { "unreachable (de)", "Der KMS-Server ist nicht erreichbar", FAILED,
      "Wenn der KMS-Server nicht erreichbar ist, wiederholt der Client" },
    { "came off (ja)", "Windows のライセンス認証が外れました", NOT_ACT,
      "ライセンス認証が外れた場合の対処方法" },
    { "released (ko)", "윈도우 정품 인증이 해제되었습니다", NOT_ACT,
      "윈도우 정품 인증이 해제되는 이유와 해결 방법" },
    { "not active (id)", "Windows tiba-tiba tidak aktif lagi", NOT_ACT,
      "Cara membuat Windows aktif lagi" },
    /* a fix told is no state: an update's notes */
    { "a fix told", "There is an issue with activation of Office on ARM devices", FAILED,
      "This update fixes an issue with activation of Office on ARM devices" },
    { "activated fine", "Windows 10 Pro activated fine after the reboot", OK,
      "Windows 10 Pro activated fine until the update, then it failed" },
    /* zh 提示 is "says", no request: the expiry it shows stays a warning */
    { "a notice shown (zh)", "系统提示许可证即将过期", EXPIRING,
      "如果系统提示许可证即将过期，请联系管理员" },
    { "cannot, contracted (ko)", "오피스 정품 인증이 안 돼요", FAILED,
      "오피스 정품 인증이 안 돼요 해결 방법" },
    { "a message telling to activate (ko)", "Windows 정품 인증을 받으라는 메시지가 뜹니다",
      NOT_ACT, "Windows 정품 인증을 받으라는 메시지가 뜨는 경우" },
    { "a possibility (ja)", "Windows 10 のライセンス認証を求められました", NOT_ACT,
      "Windows 10 のライセンス認証を求められることがあります" },
    { "gone", "After the update the Windows activation is gone", NOT_ACT,
      "After the update the Activate Windows watermark is gone" },
    { "no longer genuine", "Windows is no longer genuine after the upgrade", NOT_ACT,
      "If Windows is no longer genuine after the upgrade, run the tool" },
    { "unavailable", "The activation server is unavailable", FAILED,
      "This feature is unavailable until Windows is activated" },
    /* a how-to word written as a name inside the writer's sentence is a name; in a heading
     * in Title Case it is still a how-to */
    { "a name, no how-to", "I rely on the Troubleshoot Function, but I am unable to activate Windows",
      FAILED, "Windows 10 Activation Failed How To Fix" },
    { "not original", "Your Office license is not original", NOT_ACT,
      "If your Office license is not original, buy one" },
    { "desactivada (es)", "tu copia de Windows está desactivada", NOT_ACT,
      "Cómo saber si tu copia de Windows está desactivada" },
    { "quoted in single quotes", "System Settings still shows 'Activate Windows'", NOT_ACT,
      "To remove 'Activate Windows', activate Windows" },
    /* "si bien que" (so that) supposes nothing, "si" alone does */
    { "si bien que (fr)", "Si bien que, après le SP1, leur clé d'activation est invalide",
      FAILED, "Si votre clé d'activation est invalide, contactez Microsoft" },
};

/* Each pair: its first sentence tells its class, judged by the row of that name; its second
 * tells nothing. */
static void expect_pairs(const struct paired_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct paired_case *c = &cases[i];
        expect_judged(c->what, c->reads, c->told);
        size_t at = 0, plen = 0;
        int t = told(c->not_read, true, &at, &plen);
        cr_expect_eq(t, NONE, "%s: \"%s\" told %s", c->what, c->not_read,
                     t < 0 ? "nothing" : ex_told_name(t));
    }
}

Test(prose, round7_mechanisms_read_their_sentence_and_not_its_neighbour)
{
    expect_pairs(round7, sizeof round7 / sizeof round7[0]);
}

/* A weak key counts beside a product word only; "it" alone opens no reading of a line (the
 * first pass asks for a subject or product word beside it). */
Test(prose, a_key_and_a_pronoun_need_the_product)
{
    size_t at, plen;
    cr_expect_eq(told("the key is expired", false, &at, &plen), NONE, "weak key, nothing strong");
    const char *s = "it is expired";
    cr_expect_eq(ex_prose_scan(s, strlen(s)) & EX_PROSE_SUBJECT, 0u);
    s = "Windows says it is expired";
    cr_expect_eq(ex_prose_scan(s, strlen(s)) & EX_PROSE_SUBJECT, (unsigned)EX_PROSE_SUBJECT);
}

/* Office's title bar "Unlicensed Product" tells not activated; its words hold the label table's
 * state word, so the status row of that state judges it (critical), as a status line would. */
Test(prose, office_title_bar_unlicensed_product)
{
    static struct ex_facts f;
    static struct ex_finding out[EX_MAX_FINDINGS];
    size_t at = 0, plen = 0;
    const char *s = "Word shows Unlicensed Product in its title bar";
    cr_assert_eq(told(s, true, &at, &plen), NOT_ACT);
    ex_facts_clear(&f);
    ex_facts_set(&f, EXL_LICENSE_STATUS, s + at, plen);
    f.told = NOT_ACT;
    ex_facts_derive(&f, false);
    cr_assert_gt(ex_judge(&f, out, EX_MAX_FINDINGS), 0);
    cr_expect_str_eq(out[0].rule, "unlicensed");
    cr_expect_eq(out[0].severity, EX_CRITICAL);
    cr_expect_eq(told("If Word shows Unlicensed Product, sign in again", true, &at, &plen), NONE);
}

/* Time left after "not activated" is the grace period's (a warning): "in 30 days", "within";
 * before it, or with no such word, the machine is not activated (critical). */
Test(prose, time_left_to_activate_is_a_grace_period)
{
    static const struct told_case cases[] = {
        { "en", "Windows needs to be activated within 3 days", EXPIRING },
        { "en", "the windowns need to be activate in 30 days", EXPIRING },
        { "en", "Windows needs to be activated", NOT_ACT },
        { "en", "Within a week of the upgrade Windows was deactivated", NOT_ACT },
    };
    expect_each(cases, sizeof cases / sizeof cases[0]);
}

/* "it" with no subject before it in its sentence stands for what the sentences before left:
 * the product for a bad state, activation for a failure too; another thing named after them
 * takes "it" away. */
static int told_after(const char *text, unsigned before, unsigned *left)
{
    size_t at, plen;
    *left = before;
    return ex_prose_told(text, strlen(text), false, true, left, &at, &plen);
}

Test(prose, it_stands_for_what_the_sentence_before_named)
{
    unsigned left;
    cr_expect_eq(told_after("It says it has expired", EX_PROSE_BEFORE_PRODUCT, &left), EXPIRED);
    cr_expect_eq(told_after("It says it has expired", 0, &left), NONE);
    cr_expect_eq(told_after("It failed again", EX_PROSE_BEFORE_ACTIVATION, &left), FAILED);
    cr_expect_eq(told_after("It failed again", EX_PROSE_BEFORE_PRODUCT, &left), NONE,
                 "a product fails in many ways");
    cr_expect_eq(told_after("It also wouldn't make any sense", EX_PROSE_BEFORE_ACTIVATION, &left),
                 NONE, "the failure is another verb's");
    told_after("I tried to activate Windows", 0, &left);
    cr_expect_eq(left, (unsigned)(EX_PROSE_BEFORE_ACTIVATION | EX_PROSE_BEFORE_PRODUCT));
    told_after("I tried to activate Windows with the script", 0, &left);
    cr_expect_eq(left, 0u, "the script comes last");
    told_after("Thanks", EX_PROSE_BEFORE_PRODUCT, &left);
    cr_expect_eq(left, (unsigned)EX_PROSE_BEFORE_PRODUCT, "nothing named: what was before stays");
}

/* How far a guard reaches (prose_read.c: set_aside, reaches). A modal is its own verb's: "and"
 * ends its reach, while a "when" clause goes on past it. A how-to or an instruction sets aside
 * its own part and every clause where the writer does not speak of their own machine; one that
 * opens the sentence is its title, and sets the whole sentence aside. Each pair: the sentence
 * read (judged by the condition row of its class, at that row's severity) and the sentence of
 * the same shape whose guard reaches its outcome. */
static const struct paired_case guard_reach[] = {
    { "modal in the next part", "Windows failed to activate and I should try again later", FAILED,
      "Activation may fail and the watermark may appear" },
    { "modal in the part after", "Activation failed and should be retried", FAILED,
      "Activation may fail, and should be retried" },
    { "modal in the next part (de)",
      "Die Aktivierung ist fehlgeschlagen und ich sollte es später erneut versuchen", FAILED,
      "Die Aktivierung könnte fehlschlagen und Windows startet neu" },
    { "modal in the next part (fr)", "L'activation a échoué et je devrais réessayer plus tard",
      FAILED, "L'activation pourrait échouer et Windows redémarre" },
    { "modal in the next part (es)", "La activación falló y debería intentarlo más tarde", FAILED,
      "La activación podría fallar y Windows se reinicia" },
    { "modal in the next part (ru)", "Активация не удалась и я должен попробовать позже", FAILED,
      "Активация может не удаться и Windows перезагрузится" },
    { "a when clause goes on past and", "The KMS host is down and activation fails", FAILED,
      "When the KMS host is down and activation fails, the clients retry" },
    { "how-to in another clause, the writer's machine",
      "I rely on activating windows through the Troubleshoot Function, after the deployment, "
      "Im always unable to activate windows",
      FAILED, "Rely on the Troubleshoot Function: after the deployment, Windows is always unable "
              "to activate" },
    { "the troubleshooter the writer ran",
      "I ran the activation troubleshooter and it says Windows cannot be activated", FAILED,
      "Troubleshoot: activation failed" },
    { "how-to after the report", "Windows failed to activate and I don't know how to fix it",
      FAILED, "Windows failed to activate and here is how to fix it" },
    { "how-to that opens the sentence", "My Windows failed to activate and I don't know how to fix it",
      FAILED, "How do I fix it, my Windows failed to activate" },
    { "instruction that opens the sentence", "To activate Windows, I ran slmgr /ato and it failed",
      FAILED, "To activate Windows, run slmgr /ato: activation failed on old builds" },
    { "instruction that opens the sentence (de)",
      "Um Windows zu aktivieren, habe ich slmgr /ato ausgeführt und die Aktivierung ist "
      "fehlgeschlagen",
      FAILED, "Um Windows zu aktivieren, führen Sie slmgr /ato aus, die Aktivierung ist "
              "fehlgeschlagen" },
    { "how-to in another clause (de)", "Ich habe die Anleitung befolgt, meine Lizenz ist abgelaufen",
      EXPIRED, "Anleitung: die Lizenz ist abgelaufen" },
    { "how-to in another clause (fr)",
      "Je suis le guide pour résoudre le problème, mon activation a échoué", FAILED,
      "Comment résoudre le problème, l'activation a échoué" },
    { "how-to in another clause (zh)", "我按照教程操作,我的 Windows 激活失败", FAILED,
      "按照教程操作,Windows 激活失败" },
    /* "we're" is no first-person word: without its apostrophe it is "were" */
    { "we, not were", "We allowed the KMS IP addresses and we were able to activate Windows successfully",
      OK, "Rules allow the KMS IP addresses and who were able to activate Windows successfully" },
    { "success, then a modal of thanks", "Windows activated successfully and I would like to thank you",
      OK, "Windows would activate successfully and I thank you" },
};

Test(prose, a_guard_reaches_its_part_or_clause_and_no_report_of_the_writer)
{
    expect_pairs(guard_reach, sizeof guard_reach / sizeof guard_reach[0]);
}

/* The trouble frame (prose_read.c): a trouble word (error, problem, 报错, エラー, ошибка) beside
 * an activation word tells a failed activation when the writer tells their own attempt (a
 * first-person word in its part, or an attempt clause before it) or names it as one noun in
 * the ticket's voice, with the product named; each rule with a sentence it must not read. */
static const struct paired_case trouble_frame[] = {
    { "own trouble, one part", "I am having trouble activating my Windows", FAILED,
      "You may have trouble activating Windows" },
    { "an attempt clause before the trouble",
      "I tried Activating but there is an error with my sppsvc", FAILED,
      "I activated Windows but there is an error with the printer" },
    { "the writer's own when clause",
      "When I want to activate the windows 2019 Datacenter, the attached error will appear", FAILED,
      "When you activate Windows Server 2019, an error appears" },
    { "bound as one noun, the product named (ru)", "Проблема с активацией office", FAILED,
      "Проблема с активацией" },
    { "bound, but a plural is a guide's topic", "Windows activation error after the upgrade",
      FAILED, "Windows activation errors after the upgrade" },
    { "an error code is a reference's topic", "Windows activation error on the new laptop",
      FAILED, "Resolve Windows activation error codes" },
    { "a why of the writer's own (zh)", "Windows 10 ltsc 版本可以激活吗,为什么我激活报错", FAILED,
      "为什么 Windows 激活报错" },
    { "a compound with an event (ja)", "Windowsライセンス認証エラーが発生してしまいました", FAILED,
      "Windowsライセンス認証エラーの対策方法" },
    { "a negation in the trouble's clause", "I had a problem activating Windows", FAILED,
      "I had no problem activating Windows" },
    { "a supposition after the trouble's clause, or before it",
      "I check activation still the same problem, it looks like if Win11 is not connected",
      FAILED, "If I get an activation error, I reinstall Windows" },
    { "a check whether there is none (ko)", "Windows 정품 인증 오류가 발생했습니다", FAILED,
      "Windows 정품 인증에 문제가 없는지 확인하기 위해 상태를 봅니다" },
    { "the product named, not any program's activation",
      "I enter the Windows key and I get the error of maximum activations", FAILED,
      "I enter the key and I get the error of maximum activations" },
    { "an attempt part before the trouble's", "I tried activating Windows and got an error",
      FAILED, "I activated Windows and got an error in Edge" },
    { "a how-to that opens the sentence", "After the update I get a Windows activation error",
      FAILED, "How I fixed my Windows activation error" },
    { "an issue, not a tracker's", "I am facing an issue while activating windows", FAILED,
      "I opened an issue about Windows activation" },
    { "a trouble told over", "I tried to fix the Windows activation error but it is still there",
      FAILED, "I fixed my Windows activation error" },
    { "a trouble told over (zh)", "Windows 激活问题", FAILED, "Windows 激活问题已解决" },
    { "a repair that opens the sentence is a heading", "Windows activation failed after the update",
      FAILED, "Fixed: Windows activation failed after the update" },
    { "a guide's topic (zh)", "Windows 10 激活报错", FAILED, "常见的Windows激活问题" },
    { "a guide's topic (ja)", "Windowsライセンス認証エラーが発生しました", FAILED,
      "Windows ライセンス認証のエラーについて" },
    { "a guide's topic (ru)", "Ошибка активации Windows", FAILED,
      "Ошибка активации Windows - причины и решение" },
    { "a plural, not the writer's own (fr)", "Erreur d'activation de Windows", FAILED,
      "Les erreurs d'activation de Windows" },
    { "a clause-closing when, the I left out (zh)", "激活Windows时出错", FAILED,
      "激活Windows时出错怎么办" },
    { "a clause-closing when, the I left out (ja)",
      "Windowsのライセンス認証をするときにエラーが出ます", FAILED,
      "Windowsのライセンス認証をするときにエラーが出た場合" },
    { "a clause-closing when, the I left out (ko)", "Windows 정품 인증할 때 오류가 발생합니다",
      FAILED, "Windows 정품 인증할 때 오류가 발생하는 경우" },
};

Test(prose, the_trouble_frame_reads_the_writers_own_attempt)
{
    expect_pairs(trouble_frame, sizeof trouble_frame / sizeof trouble_frame[0]);
}

/* The trouble frame's product may be named in the sentence before ("I installed Windows 11
 * Pro. When I try to activate, I get an error."): what that sentence leaves (*before); an
 * activation word alone names no product. */
Test(prose, the_trouble_frame_takes_the_product_from_the_sentence_before)
{
    const char *s = "When I try to activate, I get an error";
    size_t at = 0, plen = 0;
    unsigned before = EX_PROSE_BEFORE_PRODUCT;
    cr_expect_eq(ex_prose_told(s, strlen(s), false, true, &before, &at, &plen), FAILED);
    cr_expect_eq(plen > 0 && memcmp(s + at, "activate", 8) == 0, true, "the words told: %.*s",
                 (int)plen, s + at);
    before = 0;
    cr_expect_eq(ex_prose_told(s, strlen(s), false, true, &before, &at, &plen), NONE,
                 "no product named before");
}

/* Round 8's readings beside the frame, each with a sentence it must not read: a key "not
 * valid", an activation the writer had to redo, a failure before a success close by (the
 * success is what failed), a success denied after "but" (the denial holds). */
static const struct paired_case round8[] = {
    { "not valid", "The installed Windows product key is not valid", FAILED,
      "If the product key is not valid, Windows asks for another one" },
    { "had to reactivate", "I had to reactivate Windows after restoring the image", NOT_ACT,
      "I never had to reactivate Windows after restoring the image" },
    { "a failure before a success (zh)", "Windows 并且无法激活成功", FAILED,
      "Windows 激活成功 无法打开" },
    { "a failure before a success", "Windows was unable to activate successfully", FAILED,
      "Windows activated successfully and was unable to print" },
    { "a success denied after but", "The tool showed activation succeeded, but Windows is not activated",
      NOT_ACT, "Windows is not activated, but activation succeeded after a restart" },
    { "a success denied after but (zh)", "等待后显示激活成功,但是windows没有被激活", NOT_ACT,
      "等待后显示激活成功,windows没有被激活" },
};

Test(prose, round8_readings_read_their_sentence_and_not_its_neighbour)
{
    expect_pairs(round8, sizeof round8 / sizeof round8[0]);
}

/* The writer's own attempt names the product on its line (an activator's tracker names none:
 * "试了好多遍都没法激活,求助"): the first pass finds it named and strong, so the weak 激活 counts;
 * without the attempt, "都没法激活" may be a game key's. */
Test(prose, the_writers_attempt_names_the_product_on_its_line)
{
    const char *s = "试了好多遍都没法激活,求助";
    unsigned found = ex_prose_scan(s, strlen(s));
    cr_expect_eq(found & (EX_PROSE_NAMED | EX_PROSE_STRONG), EX_PROSE_NAMED | EX_PROSE_STRONG);
    size_t at = 0, plen = 0;
    cr_expect_eq(told(s, (found & EX_PROSE_STRONG) != 0, &at, &plen), FAILED);
    s = "好多遍都没法激活,求助";
    found = ex_prose_scan(s, strlen(s));
    cr_expect_eq(found & (EX_PROSE_NAMED | EX_PROSE_STRONG), 0u, "no attempt, no product");
    cr_expect_eq(told(s, (found & EX_PROSE_STRONG) != 0, &at, &plen), NONE);
    s = "I tried activating but it failed";
    cr_expect_eq(ex_prose_scan(s, strlen(s)) & EX_PROSE_NAMED, (unsigned)EX_PROSE_NAMED);
    s = "Activation failed on the new laptop";
    cr_expect_eq(ex_prose_scan(s, strlen(s)) & EX_PROSE_NAMED, 0u, "no attempt told");
}

/* "Whether it is already" in Chinese and Japanese, as "whether" and "ob" (row EXW_IF): a
 * monitor's description names the state it watches (neg-zh-TW-scom-windows-activation-monitor
 * read "licensed" from "監視 Windows 是否已啟用"); 是否 before another verb, and the state told
 * plainly, are still read. */
static const struct paired_case whether_already[] = {
    { "the state told, not asked (zh-TW)", "Windows 已啟用", OK, "監視 Windows 是否已啟用" },
    { "whether before another verb (zh-TW)",
      "我想知道Office-Tool-Plus是否可以修復 \"Microsoft Office 無法驗證此產品的授權\" 這個錯誤",
      FAILED,
      "我想知道 Office 是否已啟用" },
    { "whether it is activated (ja)", "Windows はライセンス認証されています", OK,
      "Windows がライセンス認証されているかどうか確認します" },
};

Test(prose, whether_it_is_already_asks_of_a_state_and_tells_none)
{
    expect_pairs(whether_already, sizeof whether_already / sizeof whether_already[0]);
}

/* "Even if" grants, it supposes nothing (row EXW_WHEN, as "whether or not"): the failure after
 * its clause is told (id-news-pcmax-deaktivasi-upgrade-win7 was nothing recognisable: "Bahkan
 * jika" read as "jika", if); "if" alone still makes the sentence a supposition. */
static const struct paired_case even_if[] = {
    { "even if (en)", "Even if I enter the original key, Windows activation fails", FAILED,
      "If I enter the original key, Windows activation fails" },
    { "even if (id)",
      "Bahkan jika pengguna masih memiliki kunci aktivasi asli, pengguna tidak dapat lagi "
      "mengaktifkan kembali komputer Windows 10", FAILED,
      "Jika pengguna masih memiliki kunci aktivasi asli, pengguna tidak dapat lagi "
      "mengaktifkan kembali komputer Windows 10" },
};

Test(prose, even_if_grants_and_the_failure_after_it_is_told)
{
    expect_pairs(even_if, sizeof even_if / sizeof even_if[0]);
}
