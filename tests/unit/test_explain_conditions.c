/* SPDX-License-Identifier: MIT */
/* test_explain_conditions.c: the condition table of src/explain (conditions.c) row by row:
 * each row fires on the facts it describes, and every code and entry it points at exists. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "prose.h"
#include "slerr.h"

struct pair {
    enum ex_label label;
    const char *value;
};

struct cases {
    const char *row;
    bool cim;
    struct pair fields[6];
};

/* One case per row: facts on which that row (among others, maybe) must fire. */
static const struct cases cases[] = {
    { "licensed", false, { { EXL_LICENSE_STATUS, "Licensed" } } },
    { "unlicensed", true, { { EXL_LICENSE_STATUS, "0" }, { EXL_STATUS_REASON, "3221549172" } } },
    { "initial-grace", false, { { EXL_LICENSE_STATUS, "Initial grace period" } } },
    { "additional-grace", false,
      { { EXL_LICENSE_STATUS, "Additional grace period (KMS license expired or hardware out of tolerance)" } } },
    { "non-genuine-grace", false, { { EXL_LICENSE_STATUS, "Non-genuine grace period." } } },
    { "notification", false,
      { { EXL_LICENSE_STATUS, "Notification" }, { EXL_STATUS_REASON, "0xC004F009 (grace time expired)." } } },
    { "extended-grace", true, { { EXL_LICENSE_STATUS, "6" } } },
    { "activation-until", false, { { EXL_XPR_VOLUME, "7/12/2025 9:12:40 AM" } } },
    { "time-limited", false, { { EXL_XPR_TIMEBASED, "1/5/2026 10:00:00 AM" } } },
    { "grace-until", false, { { EXL_XPR_GRACE, "1/5/2026 10:00:00 AM" } } },
    { "evaluation", false,
      { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_DESCRIPTION, "Windows(R) Operating System, TIMEBASED_EVAL channel" } } },
    { "kms-host-key", false,
      { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_KEY_CHANNEL, "Volume:CSVLK" } } },
    { "kms-error-without-gvlk", false,
      { { EXL_DESCRIPTION, "Windows(R) Operating System, VOLUME_MAK channel" }, { EXL_ERROR, "0xC004F074" } } },
    { "no-rearm-left", false,
      { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_WINDOWS_REARM, "0" } } },
    { "renewals-missed", false,
      { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_VOLUME_EXPIRATION, "172800 minute(s) (120 day(s))" } } },
    { "expiry-close", false,
      { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_VOLUME_EXPIRATION, "14400 minute(s) (10 day(s))" } } },
    { "grace-ending", false,
      { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_TIME_REMAINING, "1440 minute(s) (1 day(s))" } } },
    { "stale-kms-override", false,
      { { EXL_REGISTERED_KMS, "old.example:1688" }, { EXL_KMS_FROM_DNS, "new.example:1688" } } },
    { "kms-override-unreachable", false,
      { { EXL_REGISTERED_KMS, "old.example:1688" }, { EXL_ERROR, "0xC004F074" } } },
    { "kms-set-by-hand", false, { { EXL_REGISTERED_KMS, "kms.example:1688" } } },
    { "kms-set", false, { { EXL_REGISTERED_KMS, "kms.example:1688" }, { EXL_SKMS_SET, "kms.example:1688" } } },
    { "no-kms-in-dns", false,
      { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_DESCRIPTION, "Office 16, VOLUME_KMSCLIENT channel" },
        { EXL_DNS_DISCOVERY, "KMS name not available" } } },
    { "kms-from-dns", false,
      { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_KMS_FROM_DNS, "kms.example:1688" } } },
    { "history-kms-host", false, { { EXL_ERROR_HOST, "0xC004F074, 0x00000000, kms.example" } } },
    { "host-count-below-servers", false, { { EXL_KMS_ENABLED, "" }, { EXL_CURRENT_COUNT, "4" } } },
    { "host-count-below-clients", true,
      { { EXL_IS_KMS_HOST, "1" }, { EXL_CURRENT_COUNT, "24" } } },
    { "host-count-enough", false, { { EXL_KMS_ENABLED, "" }, { EXL_CURRENT_COUNT, "25" } } },
    { "adba-activated", true,
      { { EXL_LICENSE_STATUS, "1" }, { EXL_AD_OBJECT_NAME, "Contoso Windows CSVLK" } } },
    { "error", false, { { EXL_ERROR, "0xC004F06C The ..." } } },
    { "error-information", false, { { EXL_ERROR, "0x4004F040 (for information purposes only)" } } },
    { "error-described", false,
      { { EXL_ERROR_DESCRIPTION, "An unknown error occurred. (0x1A8)" } } },
    { "activation-succeeded", false, { { EXL_ACTIVATED_OK, "" } } },
    { "key-installed", false, { { EXL_KEY_INSTALLED, "WFG99 successfully." } } },
    { "key-uninstalled", false, { { EXL_KEY_UNINSTALLED, "" } } },
    { "no-key-installed", false, { { EXL_NO_KEYS, "" } } },
    { "rearm-completed", false, { { EXL_COMMAND_OK, "" } } },
    { "license-installed", false, { { EXL_LICENSE_INSTALLED, "" } } },
    { "ato-not-licensed", false, { { EXL_ACT_FAILED, "." } } },
    { "setting-applied", false, { { EXL_SETTING_APPLIED, "." } } },
    { "no-kms-licence", false, { { EXL_NO_KMS_LICENSES, "." } } },
    { "licensing-service-down", false, { { EXL_SERVICE_DOWN, "." } } },
    { "subscription-active", true,
      { { EXL_SUBSCRIPTION_STATUS, "Active" }, { EXL_SUBSCRIPTION_STATUS_VALUE, "1" } } },
    { "subscription-inactive", true,
      { { EXL_SUBSCRIPTION_STATUS, "Active" }, { EXL_SUBSCRIPTION_STATUS_VALUE, "0" } } },
    { "subscription-step-up", false,
      { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_DESCRIPTION, "Windows(R) Operating System, RETAIL channel" },
        { EXL_SUBSCRIPTION_ACTIVE, "" } } },
    { "subscription-lapsed", false,
      { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_SUBSCRIPTION_INVALID, "." } } },
    { "unreadable-number", false, { { EXL_KMS_ENABLED, "" }, { EXL_CURRENT_COUNT, "-1" } } },
    { "missing-status-reason", false, { { EXL_LICENSE_STATUS, "Notification" } } },
    { "missing-kms-machine", false,
      { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_KMSCLIENT channel" } } },
    { "missing-channel", false,
      { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_ERROR, "0xC004F074" } } },
    /* told in prose: the reader sets what is told beside the words (told_by below) */
    { "activation-failed", false, { { EXL_LICENSE_STATUS, "cannot be activated" } } },
    { "not-activated", false, { { EXL_LICENSE_STATUS, "not activated" } } },
    { "license-expiring", false, { { EXL_LICENSE_STATUS, "scadenza della licenza" } } },
};

static const struct ex_condition *row_named(const char *name)
{
    for (size_t i = 0; i < ex_condition_count(); i++)
        if (strcmp(ex_condition_at(i)->row.name, name) == 0)
            return ex_condition_at(i);
    return NULL;
}

/* The failure told in prose (prose.h) whose name is a case's row; EX_TOLD_NONE for others. */
static int told_by(const char *row)
{
    for (int t = EX_TOLD_ACTIVATION_FAILED; ex_told_name(t); t++)
        if (strcmp(ex_told_name(t), row) == 0)
            return t;
    return EX_TOLD_NONE;
}

static size_t judge(const struct cases *c, struct ex_finding *out)
{
    static struct ex_facts f;
    ex_facts_clear(&f);
    for (size_t i = 0; i < 6 && c->fields[i].label; i++)
        ex_facts_set(&f, c->fields[i].label, c->fields[i].value, strlen(c->fields[i].value));
    f.told = told_by(c->row);
    ex_facts_derive(&f, c->cim);
    return ex_judge(&f, out, EX_MAX_FINDINGS);
}

Test(conditions, every_row_has_a_case)
{
    for (size_t i = 0; i < ex_condition_count(); i++) {
        bool found = false;
        for (size_t j = 0; j < sizeof cases / sizeof cases[0]; j++)
            found |= strcmp(cases[j].row, ex_condition_at(i)->row.name) == 0;
        cr_expect(found, "row %s has no test case", ex_condition_at(i)->row.name);
    }
}

Test(conditions, each_row_fires_on_its_facts)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    for (size_t j = 0; j < sizeof cases / sizeof cases[0]; j++) {
        const struct ex_condition *row = row_named(cases[j].row);
        cr_assert(row, "no row %s", cases[j].row);
        size_t n = judge(&cases[j], out);
        bool fired = false;
        for (size_t i = 0; i < n; i++)
            if (strcmp(out[i].rule, row->row.name) == 0) {
                fired = true;
                cr_expect_str_eq(out[i].field, row->row.field, "row %s", row->row.name);
                cr_expect_eq(out[i].severity, row->row.severity, "row %s", row->row.name);
            }
        cr_expect(fired, "row %s did not fire on its facts", row->row.name);
    }
}

/* Rows that must NOT fire on the facts of another row's case. */
Test(conditions, exclusions)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const struct cases healthy = {
        "", false,
        { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_KMSCLIENT channel" },
          { EXL_VOLUME_EXPIRATION, "257000 minute(s) (178 day(s))" }, { EXL_KMS_FROM_DNS, "kms.example:1688" } },
    };
    size_t n = judge(&healthy, out);
    for (size_t i = 0; i < n; i++)
        cr_expect_eq(out[i].severity, EX_OK, "healthy client: %s is %d", out[i].field, out[i].severity);
    cr_expect_eq(n, 2);
}

/* error-described is the failure told by its description alone: ospp's grace-period code
 * with its description is information (error-information), not a failure described. */
Test(conditions, a_description_beside_its_code_is_that_code)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const struct cases informed = {
        "", false,
        { { EXL_ERROR, "0x4004F00C" },
          { EXL_ERROR_DESCRIPTION, "The Software Licensing Service reported that the "
                                   "application is running within the valid grace period." } },
    };
    size_t n = judge(&informed, out);
    for (size_t i = 0; i < n; i++)
        cr_expect_str_neq(out[i].rule, "error-described", "the code's row judges it");
    static const struct cases blank = { "", false, { { EXL_ERROR_DESCRIPTION, "" } } };
    n = judge(&blank, out);
    for (size_t i = 0; i < n; i++)
        cr_expect_str_neq(out[i].rule, "error-described", "an empty description tells nothing");
}

/* An activation object known by its DN alone is still one, and the DN is the row's value. */
/* slmgr /ato's words for the state it left the product in are that state's rows: LicenseStatus
 * 4, and 5 for the non-genuine reason (which is then not "missing"). */
Test(conditions, ato_words_for_a_state_judge_as_that_state)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const struct cases grace = { "", false, { { EXL_NON_GENUINE, ". Run 'slui.exe'" } } };
    size_t n = judge(&grace, out);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(out[0].rule, "non-genuine-grace");
    cr_expect_eq(out[0].severity, EX_CRITICAL);
    static const struct cases notif = {
        "", false, { { EXL_NON_GENUINE_NOTIFICATION, ". Run 'slui.exe'" } } };
    n = judge(&notif, out);
    cr_assert_eq(n, 1, "notification alone, no missing-status-reason: %zu", n);
    cr_expect_str_eq(out[0].rule, "notification");
    cr_expect_eq(out[0].codes[0], 0xC004F200u);
}

Test(conditions, adba_row_takes_the_dn_when_no_name_was_shown)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const struct cases dn_only = {
        "", true, { { EXL_AD_OBJECT_DN, "CN=ao,CN=Activation Objects,CN=Microsoft SPP" } },
    };
    size_t n = judge(&dn_only, out);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(out[0].rule, "adba-activated");
    cr_expect_str_eq(out[0].value, "CN=ao,CN=Activation Objects,CN=Microsoft SPP");
}

Test(conditions, unknown_state_words_give_nothing)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    /* A word no state row holds (invented: German "Lizenziert" is a row since the de block) */
    static const struct cases other_language = { "", false, { { EXL_LICENSE_STATUS, "Frobnicated" } } };
    cr_expect_eq(judge(&other_language, out), 0);
    static const struct cases bad_cim = { "", true, { { EXL_LICENSE_STATUS, "17" } } };
    cr_expect_eq(judge(&bad_cim, out), 0);
}

/* "symptom:NAME" and the like name a catalog entry of that kind. */
static bool see_exists(const char *see)
{
    const char *colon = strchr(see, ':');
    char kind_name[16];
    enum slerr_kind kind;
    if (!colon || (size_t)(colon - see) >= sizeof kind_name)
        return false;
    memcpy(kind_name, see, (size_t)(colon - see));
    kind_name[colon - see] = '\0';
    return slerr_kind_parse(kind_name, &kind) == 0 && slerr_lookup_name(kind, colon + 1) != NULL;
}

Test(conditions, every_code_and_entry_exists)
{
    for (size_t i = 0; i < ex_condition_count(); i++) {
        const struct ex_row *row = &ex_condition_at(i)->row;
        for (size_t c = 0; c < EX_ROW_CODES; c++)
            if (row->codes[c])
                cr_expect(slerr_lookup(row->codes[c]), "row %s: 0x%08X not in the catalog",
                          row->name, row->codes[c]);
        for (size_t s = 0; s < EX_ROW_SEE; s++)
            if (row->see[s])
                cr_expect(see_exists(row->see[s]), "row %s: %s not in the catalog", row->name,
                          row->see[s]);
    }
}

Test(conditions, kms_host_named_with_its_diagnose_command)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const struct cases good = { "", false, { { EXL_REGISTERED_KMS, "kms.example:1688" } } };
    cr_assert_eq(judge(&good, out), 1);
    cr_expect_str_eq(out[0].rule, "kms-set-by-hand");
    cr_expect(strstr(out[0].text, "`slerr diagnose --kms kms.example:1688`"), "%s", out[0].text);
}

/* slmgr /skms's success is what the user asked for: ok (kms-set), not the note a host found set
 * on the machine gets (kms-set-by-hand); both offer the diagnose command (corpus ko-skms-azure
 * read a note). */
Test(conditions, skms_success_is_ok_and_a_host_found_set_is_a_note)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const struct cases skms = {
        "", false, { { EXL_REGISTERED_KMS, "kms.example:1688" }, { EXL_SKMS_SET, "kms.example:1688" } },
    };
    cr_assert_eq(judge(&skms, out), 1);
    cr_expect_str_eq(out[0].rule, "kms-set");
    cr_expect_eq(out[0].severity, EX_OK);
    cr_expect(strstr(out[0].text, "`slerr diagnose --kms kms.example:1688`"), "%s", out[0].text);
    static const struct cases found = { "", false, { { EXL_REGISTERED_KMS, "kms.example:1688" } } };
    cr_assert_eq(judge(&found, out), 1);
    cr_expect_str_eq(out[0].rule, "kms-set-by-hand");
    cr_expect_eq(out[0].severity, EX_NOTE);
}

/* A value that is not a host name or address and port never reaches a suggested command:
 * the command is not offered at all. */
Test(conditions, unchecked_host_gets_no_command)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const char *const hostile[] = { "evil;rm -rf ~", "$(touch x)", "-oProxyCommand=x",
                                           "kms.example:99999", "kms.example:16a8", "`id`" };
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        struct cases bad = { "", false, { { EXL_REGISTERED_KMS, hostile[i] } } };
        cr_assert_eq(judge(&bad, out), 1, "%s", hostile[i]);
        cr_expect_str_eq(out[0].rule, "kms-set-by-hand");
        cr_expect(!strstr(out[0].text, "slerr diagnose"), "%s: %s", hostile[i], out[0].text);
    }
}

/* A Win32 error in decimal, where a tool says it is one: libslerr's reading of a short
 * decimal (HRESULT_FROM_WIN32), 1 to 65535 only, digits alone. */
Test(codes, win32_decimal)
{
    uint32_t code = 0;
    cr_expect(ex_win32_decimal("577", 3, &code) && code == 0x80070241u);
    cr_expect(ex_win32_decimal("5", 1, &code) && code == 0x80070005u);
    cr_expect(ex_win32_decimal("65535", 5, &code) && code == 0x8007FFFFu);
    cr_expect(!ex_win32_decimal("0", 1, &code), "ERROR_SUCCESS is no failure");
    cr_expect(!ex_win32_decimal("65536", 5, &code));
    cr_expect(!ex_win32_decimal("80070005", 8, &code), "eight digits are an HRESULT, not this");
    cr_expect(!ex_win32_decimal("0x5", 3, &code));
    cr_expect(!ex_win32_decimal("", 0, &code));
}

/* One code parser: libslerr's rules everywhere; decimal only in a decimal field. */
Test(codes, parse_forms)
{
    uint32_t code;
    cr_expect(ex_code_parse("0xC004F074 text", 15, false, &code) && code == 0xC004F074u);
    cr_expect(ex_code_parse("3221549172", 10, true, &code) && code == 0xC004F074u);
    cr_expect(ex_code_parse("-1073418124", 11, true, &code) && code == 0xC004F074u);
    cr_expect(ex_code_parse("0xC004F009 (grace time expired).", 32, false, &code) &&
              code == 0xC004F009u);
    cr_expect(ex_code_parse("0xC004F074.", 11, false, &code) && code == 0xC004F074u);
    cr_expect(!ex_code_parse("none", 4, false, &code));
    cr_expect(!ex_code_parse("0x1234567890", 12, false, &code));
    /* Eight digits are hex, as `slerr 80070005` reads them (it was 0x04C5C575 here) ... */
    cr_expect(ex_code_parse("80070005", 8, false, &code) && code == 0x80070005u, "0x%08X", code);
    cr_expect(ex_code_parse("hr=0x80070005", 13, false, &code) && code == 0x80070005u);
    /* ... unless the field is decimal (LicenseStatusReason). */
    cr_expect(ex_code_parse("80070005", 8, true, &code) && code == 80070005u);
    cr_expect(ex_code_parse("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", 35, false, &code) &&
              code == 0xC004F074u);
}

/* An event's result field holds the HRESULT as written, short forms too. */
Test(codes, event_results)
{
    uint32_t code;
    cr_expect(ex_event_code("0x0", &code) && code == 0);
    cr_expect(ex_event_code("0x4", &code) && code == 4);
    cr_expect(ex_event_code("hr=0xC004F074", &code) && code == 0xC004F074u);
    cr_expect(!ex_event_code("C004F074", &code));
    cr_expect(!ex_event_code("0xC004F074 x", &code));
}

Test(labels, english_is_complete)
{
    enum ex_label missing = EXL_NONE;
    cr_expect(ex_labels_complete("en", &missing), "no English row for label %d", (int)missing);
    cr_expect(!ex_labels_complete("xx", &missing));
}

/* What label-coverage prints for whoever adds a language: every field a language's rows lack,
 * in field order, the first being the one ex_labels_complete names. */
Test(labels, missing_lists_every_field_without_a_row)
{
    enum ex_label all[EXL_LABEL_COUNT], first = EXL_NONE;
    const size_t fields = EXL_LABEL_COUNT - 1 - EXL_OTHER;
    cr_expect_eq(ex_labels_missing("en", all, EXL_LABEL_COUNT), 0);
    cr_expect_eq(ex_labels_missing("xx", all, EXL_LABEL_COUNT), fields);
    cr_expect_eq(all[0], EXL_OTHER + 1);
    cr_expect_eq(all[fields - 1], EXL_LABEL_COUNT - 1);
    size_t de = ex_labels_missing("de", all, EXL_LABEL_COUNT);
    cr_expect(de > 0 && de < fields, "German has some rows, not all: %zu", de);
    cr_expect_not(ex_labels_complete("de", &first));
    cr_expect_eq(first, all[0]);
    cr_expect_eq(ex_labels_missing("de", all, 1), de, "the count does not stop at max");
}

Test(labels, find)
{
    const char *v;
    size_t n;
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR, "    License Status: Licensed  ", 30, &v, &n),
                 EXL_LICENSE_STATUS);
    cr_expect(n == 8 && strncmp(v, "Licensed", 8) == 0);
    cr_expect_eq(ex_label_find(EX_FMT_CIM, "LicenseStatus          : 1", 26, &v, &n),
                 EXL_LICENSE_STATUS);
    cr_expect_eq(ex_label_find(EX_FMT_CIM, "License Status: 1", 17, &v, &n), EXL_NONE);
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR, "Name of the game: x", 19, &v, &n), EXL_NONE);
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR, "<Name>x</Name>", 14, &v, &n), EXL_NONE);
    cr_expect_eq(ex_label_find(EX_FMT_OSPP, "LICENSE STATUS:  ---LICENSED--- ", 32, &v, &n),
                 EXL_LICENSE_STATUS);
    cr_expect_eq(ex_license_state(v, n), 1);
    cr_expect_eq(ex_license_state(" ---EXTENDED GRACE--- ", 22), 6);
    cr_expect_eq(ex_license_state(" ---UNKNOWN--- ", 15), -1);
    /* the words after slmgr's "Error: " are looked up there alone: a line that opens with them
     * is no result of slmgr's */
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR_ERROR, "Product activation failed.", 26, &v, &n),
                 EXL_ACT_FAILED);
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR, "Product activation failed.", 26, &v, &n), EXL_NONE);
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR, "Error: Product activation failed.", 33, &v, &n),
                 EXL_ERROR);
}

Test(labels, canonical_names)
{
    cr_expect_str_eq(ex_label_name(EXL_LICENSE_STATUS), "license-status");
    for (int id = EXL_OTHER; id < EXL_LABEL_COUNT; id++)
        cr_expect_eq(ex_label_named(ex_label_name((enum ex_label)id)), (enum ex_label)id,
                     "label %d (%s) has no name of its own", id, ex_label_name((enum ex_label)id));
    cr_expect_eq(ex_label_named("no-such-field"), EXL_NONE);
    cr_expect_str_eq(ex_license_state_name(5), "notification");
    cr_expect_str_eq(ex_license_state_name(ex_license_state("Notification", 12)), "notification");
    cr_expect_null(ex_license_state_name(7));
}

/* Prose: the label and the state words of the table found as words of their own in a sentence
 * (reader_sentence.c builds on these). */
Test(labels, named_in_prose_as_words_of_their_own)
{
    const char *s = "Have some images where License status is Unlicensed.";
    cr_expect(ex_label_named_in(EXL_LICENSE_STATUS, s, strlen(s)));
    s = "a license statuses page"; /* not the label: "statuses" is another word */
    cr_expect(!ex_label_named_in(EXL_LICENSE_STATUS, s, strlen(s)));
    s = "\xE8\xAE\xB8\xE5\x8F\xAF\xE8\xAF\x81\xE7\x8A\xB6\xE6\x80\x81\xE6\x98\xAF"; /* 许可证状态是 */
    cr_expect(ex_label_named_in(EXL_LICENSE_STATUS, s, strlen(s)), "no blank needed around CJK");
    size_t n = 0;
    cr_expect_eq(ex_license_state_word("Unlicensed.", 11, &n), 0);
    cr_expect_eq(n, 10);
    cr_expect_eq(ex_license_state_word("licensed,", 9, &n), 1);
    cr_expect_eq(ex_license_state_word("Licensedness", 12, &n), -1, "a longer word is another");
    cr_expect_eq(ex_license_state_word("Notifications", 13, &n), -1);
    /* The example phrases (EX_PH_EXAMPLE_IF) once landed in the state table too, as rows of
     * state 4 (non-genuine grace): "e.g. if" read as a licence state. */
    cr_expect_eq(ex_license_state_word("e.g. if", 7, &n), -1);
    cr_expect_eq(ex_license_state_word("for example, if", 15, &n), -1);
}

/* Rows taken at run time (as a --labels file gives them) read a language the built-in table
 * lacks; reset forgets them. The texts are a made-up pseudo-language (German has built-in rows
 * since the de block). */
/* The rows hold their texts in arrays (labels.h): a text the compiler had to cut (too long, or
 * filling the array with no room for its NUL) would match a shorter label than Windows prints.
 * Every row's language and text end inside their arrays, and none is empty. */
Test(labels, every_row_fits_its_arrays)
{
    size_t count = ex_label_row_count();
    cr_assert_gt(count, 100);
    for (size_t i = 0; i < count; i++) {
        const struct ex_label_row *row = ex_label_row_at(i);
        cr_expect_lt(strnlen(row->text, sizeof row->text), sizeof row->text, "row %zu is cut", i);
        cr_expect_lt(strnlen(row->lang, sizeof row->lang), sizeof row->lang, "row %zu", i);
        cr_expect_neq(row->text[0], '\0', "row %zu is empty", i);
    }
    cr_expect_null(ex_label_row_at(count));
}

Test(labels, rows_added_at_run_time)
{
    const char *v;
    size_t n;
    const char *line = "Ŀïçéñšé Šţåţüš: Ñöţïƒïçåţïöñ";
    cr_assert_eq(ex_label_find(EX_FMT_SLMGR, line, strlen(line), &v, &n), EXL_NONE);
    struct ex_label_text row = { ex_label_named("license-status"), "xx-QPS", "Ŀïçéñšé Šţåţüš",
                                 EX_FMT_SLMGR, EX_LABEL };
    struct ex_state_row state = { 5, "xx-QPS", "Ñöţïƒïçåţïöñ" };
    cr_assert(ex_labels_add(&row));
    cr_assert(ex_states_add(&state));
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR, line, strlen(line), &v, &n), EXL_LICENSE_STATUS);
    cr_expect_eq(ex_license_state(v, n), 5);
    cr_expect_eq(ex_label_find(EX_FMT_CIM, line, strlen(line), &v, &n), EXL_NONE);
    ex_labels_reset();
    cr_expect_eq(ex_label_find(EX_FMT_SLMGR, line, strlen(line), &v, &n), EXL_NONE);
    struct ex_label_text bad = { EXL_LABEL_COUNT, "xx-QPS", "x", EX_FMT_SLMGR, EX_LABEL };
    cr_expect(!ex_labels_add(&bad));
}

/* A clock whose minutes the poster blanked ("Volume activation expiration:  minute(s) (180
 * day(s))", corpus en-dlv-office-mas-71, read as unreadable) is read from its days; a sign or
 * a word in the days' place stays unreadable. */
Test(conditions, blanked_minutes_are_read_from_the_days)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    struct cases fresh = { "", false, { { EXL_LICENSE_STATUS, "Licensed" },
                                        { EXL_DESCRIPTION, "Office 19, VOLUME_KMSCLIENT channel" },
                                        { EXL_VOLUME_EXPIRATION, "minute(s) (180 day(s))" } } };
    size_t n = judge(&fresh, out);
    cr_assert_eq(n, 1);
    cr_expect_str_eq(out[0].rule, "licensed");
    struct cases short_of = fresh;
    short_of.fields[2].value = "minute(s) (100 day(s))";
    n = judge(&short_of, out);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(out[1].rule, "renewals-missed");
    cr_expect(strstr(out[1].text, "100 days"), "%s", out[1].text);
    static const char *const bad[] = { "minute(s) (-10 day(s))", "minute(s) (lots)",
                                       "(12)", "minute(s) (99999999999 day(s))" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct cases c = fresh;
        c.fields[2].value = bad[i];
        n = judge(&c, out);
        cr_expect_str_eq(out[n - 1].rule, "unreadable-number", "%s", bad[i]);
    }
}

/* A count that is no valid number is reported as unreadable and never judged: "-1" lost its
 * sign, 30 digits saturated and 0xFFFF... read as 0, and each was then judged. */
Test(conditions, unreadable_counts_are_not_judged)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    static const char *const bad[] = { "-1", "999999999999999999999999999999", "0xFFFFFFFF",
                                       "2147483648", "lots" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct cases c = { "", false, { { EXL_KMS_ENABLED, "" }, { EXL_CURRENT_COUNT, bad[i] } } };
        size_t n = judge(&c, out);
        cr_assert_eq(n, 1, "%s: %zu findings", bad[i], n);
        cr_expect_str_eq(out[0].rule, "unreadable-number", "%s", bad[i]);
        cr_expect_str_eq(out[0].value, bad[i]);
        cr_expect(strstr(out[0].text, "current-count"), "%s", out[0].text);
    }
    struct cases rearm = { "", false, { { EXL_LICENSE_STATUS, "Initial grace period" },
                                        { EXL_WINDOWS_REARM, "-1" } } };
    size_t n = judge(&rearm, out);
    for (size_t i = 0; i < n; i++)
        cr_expect_str_neq(out[i].rule, "no-rearm-left");
    cr_expect_str_eq(out[n - 1].rule, "unreadable-number");
    struct cases minutes = { "", false, { { EXL_LICENSE_STATUS, "Licensed" },
                                          { EXL_VOLUME_EXPIRATION, "-14400 minute(s) (-10 day(s))" } } };
    n = judge(&minutes, out);
    for (size_t i = 0; i < n; i++)
        cr_expect(strcmp(out[i].rule, "expiry-close") && strcmp(out[i].rule, "renewals-missed"),
                  "%s judged", out[i].rule);
}

static bool fires(const struct cases *c, const char *rule)
{
    static struct ex_finding out[EX_MAX_FINDINGS];
    size_t n = judge(c, out);
    for (size_t i = 0; i < n; i++)
        if (strcmp(out[i].rule, rule) == 0)
            return true;
    return false;
}

/* A partial record says what is missing only when the missing field would change the verdict:
 * each missing-* row stays silent once its field is in the paste, or where it decides nothing. */
Test(conditions, missing_rows_only_when_it_matters)
{
    static const struct cases with_reason = {
        "", false, { { EXL_LICENSE_STATUS, "Notification" }, { EXL_STATUS_REASON, "0xC004F009" } } };
    static const struct cases ospp_error = {
        "", false, { { EXL_LICENSE_STATUS, "Notification" }, { EXL_ERROR, "0xC004F009" } } };
    static const struct cases grace_only = { "", false, { { EXL_LICENSE_STATUS, "Initial grace period" } } };
    cr_expect(!fires(&with_reason, "missing-status-reason"));
    cr_expect(!fires(&ospp_error, "missing-status-reason"), "ospp's error code is the reason");
    cr_expect(!fires(&grace_only, "missing-status-reason"), "only notification has several causes");

    static const struct cases kms_section = {
        "", false,
        { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_KMSCLIENT channel" },
          { EXL_DNS_DISCOVERY, "KMS name not available" } } };
    static const struct cases kms_licensed = {
        "", false,
        { { EXL_LICENSE_STATUS, "Licensed" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_KMSCLIENT channel" } } };
    static const struct cases mak = {
        "", false,
        { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_MAK channel" } } };
    cr_expect(!fires(&kms_section, "missing-kms-machine"));
    cr_expect(!fires(&kms_licensed, "missing-kms-machine"), "an activated client needs no host");
    cr_expect(!fires(&mak, "missing-kms-machine"), "a MAK product asks no KMS host");
    cr_expect(!fires(&grace_only, "missing-kms-machine"), "an unknown channel is not a KMS client");
    static const struct cases non_genuine = {
        "", true,
        { { EXL_LICENSE_STATUS, "5" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_KMSCLIENT channel" },
          { EXL_STATUS_REASON, "3221549568" } } }; /* 0xC004F200: not genuine */
    static const struct cases unreachable = {
        "", true,
        { { EXL_LICENSE_STATUS, "5" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_KMSCLIENT channel" },
          { EXL_STATUS_REASON, "3221549172" } } }; /* 0xC004F074 */
    cr_expect(!fires(&non_genuine, "missing-kms-machine"), "no KMS host settles a non-genuine verdict");
    cr_expect(fires(&unreachable, "missing-kms-machine"));

    static const struct cases channel_known = {
        "", false,
        { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_DESCRIPTION, "Windows(R), VOLUME_MAK channel" },
          { EXL_ERROR, "0xC004F074" } } };
    static const struct cases other_error = {
        "", false, { { EXL_LICENSE_STATUS, "Initial grace period" }, { EXL_ERROR, "0xC004F050" } } };
    static const struct cases ato_alone = { "", false, { { EXL_ERROR, "0xC004F074" } } };
    cr_expect(!fires(&channel_known, "missing-channel"));
    cr_expect(fires(&channel_known, "kms-error-without-gvlk"), "the row it would settle");
    cr_expect(!fires(&other_error, "missing-channel"), "the channel decides nothing for 0xC004F050");
    cr_expect(!fires(&ato_alone, "missing-channel"), "an /ato result alone is no licence record");
}
