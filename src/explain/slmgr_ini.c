/* SPDX-License-Identifier: MIT */
/* slmgr_ini.c: reads a Windows slmgr.ini (slmgr.vbs's strings in one display language, from
 * %SystemRoot%\System32\slmgr\<LANGID>\slmgr.ini) into label, phrase and state rows. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "labels.h"
#include "slmgr_ini.h"

/* How a string of slmgr.vbs turns into rows: what the readers match is the part of the text
 * before the value slmgr.vbs fills in. */
enum ini_kind {
    K_LABEL,       /* "Label: %VALUE%": the text before the colon */
    K_LABEL_STATE, /* "License Status: Licensed": a label row and a state word */
    K_PHRASE,      /* a whole line: the text without its final full stop */
    K_PHRASE_VAR,  /* "Activating %PRODUCTNAME% ...": the text before the first % */
    K_PAIR,        /* "KMS host caching is enabled" / "... disabled": what the pair shares */
    K_STATE,       /* a state word on its own ("Unlicensed", /xpr) */
    K_KEEP,        /* no rows of its own: the other half of a K_PAIR */
    K_AFTER_ERROR, /* the words slmgr prints after its "Error: " (L_MsgErrorText_8) */
    K_ERROR_LINE,  /* "Error: words": the words after the label, as K_AFTER_ERROR */
};

/* slmgr.vbs's L_Msg names (its English defaults are the "en" rows of labels.c). A name is an
 * array, not a pointer, so that the table needs no relocation at load (labels.h); a partner is
 * NULL but in two rows. */
static const struct ini_name {
    char name[40];
    enum ini_kind kind;
    enum ex_label id;
    int state;           /* K_LABEL_STATE, K_STATE */
    const char *partner; /* K_PAIR */
} names[] = {
    { "L_MsgServiceVersion", K_LABEL, EXL_SERVICE_VERSION, 0, NULL },
    { "L_MsgProductName", K_LABEL, EXL_NAME, 0, NULL },
    { "L_MsgProductDesc", K_LABEL, EXL_DESCRIPTION, 0, NULL },
    { "L_MsgActID", K_LABEL, EXL_ACTIVATION_ID, 0, NULL },
    { "L_MsgAppID", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgPID4", K_LABEL, EXL_EXTENDED_PID, 0, NULL },
    { "L_MsgChannel", K_LABEL, EXL_KEY_CHANNEL, 0, NULL },
    { "L_MsgInstallationID", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgProcessorCertUrl", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgMachineCertUrl", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgUseLicenseCertUrl", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgPKeyCertUrl", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgValidationUrl", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgPartialPKey", K_LABEL, EXL_PARTIAL_KEY, 0, NULL },
    { "L_MsgLicenseStatusUnlicensed_1", K_LABEL_STATE, EXL_LICENSE_STATUS, 0, NULL },
    { "L_MsgLicenseStatusLicensed_1", K_LABEL_STATE, EXL_LICENSE_STATUS, 1, NULL },
    { "L_MsgLicenseStatusInitialGrace_1", K_LABEL_STATE, EXL_LICENSE_STATUS, 2, NULL },
    { "L_MsgLicenseStatusAdditionalGrace_1", K_LABEL_STATE, EXL_LICENSE_STATUS, 3, NULL },
    { "L_MsgLicenseStatusNonGenuineGrace_1", K_LABEL_STATE, EXL_LICENSE_STATUS, 4, NULL },
    { "L_MsgLicenseStatusNotification_1", K_LABEL_STATE, EXL_LICENSE_STATUS, 5, NULL },
    { "L_MsgLicenseStatusExtendedGrace_1", K_LABEL_STATE, EXL_LICENSE_STATUS, 6, NULL },
    { "L_MsgNotificationErrorReasonNonGenuine", K_LABEL, EXL_STATUS_REASON, 0, NULL },
    { "L_MsgNotificationErrorReasonExpiration", K_LABEL, EXL_STATUS_REASON, 0, NULL },
    { "L_MsgNotificationErrorReasonOther", K_LABEL, EXL_STATUS_REASON, 0, NULL },
    { "L_MsgLicenseStatusVL_1", K_LABEL, EXL_VOLUME_EXPIRATION, 0, NULL },
    { "L_MsgLicenseStatusTBL_1", K_LABEL, EXL_TIMEBASED_EXPIRATION, 0, NULL },
    { "L_MsgLicenseStatusTimeRemaining", K_LABEL, EXL_TIME_REMAINING, 0, NULL },
    { "L_MsgRemainingWindowsRearmCount", K_LABEL, EXL_WINDOWS_REARM, 0, NULL },
    { "L_MsgRemainingSkuRearmCount", K_LABEL, EXL_SKU_REARM, 0, NULL },
    { "L_MsgRemainingAppRearmCount", K_LABEL, EXL_APP_REARM, 0, NULL },
    { "L_MsgCurrentTrustedTime", K_LABEL, EXL_TRUSTED_TIME, 0, NULL },
    { "L_MsgKmsInfo", K_PHRASE, EXL_KMS_CLIENT_HEADER, 0, NULL },
    { "L_MsgCmid", K_LABEL, EXL_CMID, 0, NULL },
    { "L_MsgRegisteredKmsName", K_LABEL, EXL_REGISTERED_KMS, 0, NULL },
    { "L_MsgKmsFromDnsUnavailable", K_LABEL, EXL_DNS_DISCOVERY, 0, NULL },
    { "L_MsgKmsFromDns", K_LABEL, EXL_KMS_FROM_DNS, 0, NULL },
    { "L_MsgKmsIpAddress", K_LABEL, EXL_KMS_IP, 0, NULL },
    { "L_MsgKmsPID4", K_LABEL, EXL_KMS_PID, 0, NULL },
    { "L_MsgActivationInterval", K_LABEL, EXL_ACTIVATION_INTERVAL, 0, NULL },
    { "L_MsgRenewalInterval", K_LABEL, EXL_RENEWAL_INTERVAL, 0, NULL },
    { "L_MsgKmsHostCachingEnabled", K_PAIR, EXL_HOST_CACHING, 0, "L_MsgKmsHostCachingDisabled" },
    { "L_MsgKmsHostCachingDisabled", K_KEEP, EXL_NONE, 0, NULL },
    { "L_MsgKmsEnabled", K_PHRASE, EXL_KMS_ENABLED, 0, NULL },
    { "L_MsgKmsCurrentCount", K_LABEL, EXL_CURRENT_COUNT, 0, NULL },
    { "L_MsgKmsListeningOnPort", K_LABEL, EXL_LISTENING_PORT, 0, NULL },
    { "L_MsgKmsDnsPublishingEnabled", K_PAIR, EXL_DNS_PUBLISHING, 0,
      "L_MsgKmsDnsPublishingDisabled" },
    { "L_MsgKmsDnsPublishingDisabled", K_KEEP, EXL_NONE, 0, NULL },
    { "L_MsgKmsPriNormal", K_LABEL, EXL_KMS_PRIORITY, 0, NULL },
    { "L_MsgKmsCumulativeRequestsFromClients", K_PHRASE, EXL_OTHER, 0, NULL },
    { "L_MsgKmsTotalRequestsRecieved", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgKmsFailedRequestsReceived", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgVLActivationTypeAll", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgAVMAInfo", K_PHRASE, EXL_OTHER, 0, NULL },
    { "L_MsgErrorText_8", K_LABEL, EXL_ERROR, 0, NULL },
    { "L_MsgActivating", K_PHRASE_VAR, EXL_ACTIVATING, 0, NULL },
    { "L_MsgActivated", K_PHRASE, EXL_ACTIVATED_OK, 0, NULL },
    { "L_MsgKmsNameSet", K_PHRASE_VAR, EXL_SKMS_SET, 0, NULL },
    { "L_MsgLicenseStatusVL", K_PHRASE_VAR, EXL_XPR_VOLUME, 0, NULL },
    { "L_MsgLicenseStatusAVMA", K_PHRASE_VAR, EXL_XPR_VOLUME, 0, NULL },
    { "L_MsgLicenseStatusAVMA_1", K_LABEL, EXL_OTHER, 0, NULL },
    { "L_MsgLicenseStatusLicensed", K_PHRASE, EXL_XPR_PERMANENT, 0, NULL },
    { "L_MsgLicenseStatusTBL", K_PHRASE_VAR, EXL_XPR_TIMEBASED, 0, NULL },
    { "L_MsgLicenseStatusInitialGrace", K_PHRASE_VAR, EXL_XPR_GRACE, 0, NULL },
    { "L_MsgLicenseStatusAdditionalGrace", K_PHRASE_VAR, EXL_XPR_GRACE, 0, NULL },
    { "L_MsgLicenseStatusNonGenuineGrace", K_PHRASE_VAR, EXL_NON_GENUINE, 0, NULL },
    { "L_MsgLicenseStatusExtendedGrace", K_PHRASE_VAR, EXL_XPR_GRACE, 0, NULL },
    { "L_MsgLicenseStatusNotification", K_PHRASE, EXL_XPR_NOTIFICATION, 0, NULL },
    { "L_MsgLicenseStatusUnlicensed", K_STATE, EXL_NONE, 0, NULL },
    { "L_MsgInstalledPKey", K_PHRASE_VAR, EXL_KEY_INSTALLED, 0, NULL },
    { "L_MsgUninstalledPKey", K_PHRASE, EXL_KEY_UNINSTALLED, 0, NULL },
    { "L_MsgRearm_1", K_PHRASE, EXL_COMMAND_OK, 0, NULL },
    { "L_MsgActivated_Failed", K_ERROR_LINE, EXL_ACT_FAILED, 0, NULL },
    { "L_MsgErrorText_11", K_AFTER_ERROR, EXL_NON_GENUINE, 0, NULL },
    { "L_MsgErrorText_12", K_AFTER_ERROR, EXL_NON_GENUINE_NOTIFICATION, 0, NULL },
    { "L_MsgErrorPKey", K_ERROR_LINE, EXL_NO_KEYS, 0, NULL },
    { "L_MsgErrorProductNotFound", K_ERROR_LINE, EXL_NO_KEYS, 0, NULL },
    { "L_MsgKmsNameCleared", K_PHRASE, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgKmsLookupDomainSet", K_PHRASE_VAR, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgKmsLookupDomainCleared", K_PHRASE, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgClearedPKey", K_PHRASE, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgKmsPortSet", K_PHRASE_VAR, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgRenewalSet", K_PHRASE_VAR, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgActivationSet", K_PHRASE_VAR, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgVLActivationTypeSet", K_PHRASE, EXL_SETTING_APPLIED, 0, NULL },
    { "L_MsgKmsPriSetToLow", K_PAIR, EXL_SETTING_APPLIED, 0, "L_MsgKmsPriSetToNormal" },
    { "L_MsgKmsPriSetToNormal", K_KEEP, EXL_NONE, 0, NULL },
    { "L_MsgConfID", K_PHRASE_VAR, EXL_ACTIVATED_OK, 0, NULL },
};
#define NNAMES (sizeof names / sizeof names[0])

/* The longest text kept of one string: slmgr.ini's longest labels are far shorter. */
#define INI_TEXT_MAX 512

struct ini_load {
    char *texts[NNAMES]; /* the file's text for each known name, NULL when absent */
    size_t found;
    bool nomem;
};

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static const struct ini_name *known(const char *name, size_t len)
{
    for (size_t i = 0; i < NNAMES; i++)
        if (strlen(names[i].name) == len && memcmp(names[i].name, name, len) == 0)
            return &names[i];
    return NULL;
}

/* One line of the file: `L_MsgName = "text"`; anything else is skipped. */
static int ini_line(void *ctx, const char *s, size_t len, size_t lineno, bool first, bool last)
{
    struct ini_load *load = ctx;
    (void)lineno;
    if (!first || !last) /* a line longer than the input layer's bound is no string of ours */
        return 0;
    size_t i = 0, name_at;
    while (i < len && blank(s[i]))
        i++;
    name_at = i;
    while (i < len && (s[i] == '_' || (s[i] >= '0' && s[i] <= '9') ||
                       ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')))
        i++;
    const struct ini_name *n = known(s + name_at, i - name_at);
    while (i < len && blank(s[i]))
        i++;
    if (!n || i == len || s[i++] != '=')
        return 0;
    while (i < len && blank(s[i]))
        i++;
    size_t end = len;
    while (end > i && s[end - 1] != '"')
        end--;
    if (i >= len || s[i] != '"' || end <= i + 1)
        return 0;
    char text[INI_TEXT_MAX];
    size_t t = 0;
    for (size_t j = i + 1; j < end - 1 && t < sizeof text - 1; j++) {
        text[t++] = s[j];
        if (s[j] == '"' && j + 1 < end - 1 && s[j + 1] == '"') /* "" is one quote */
            j++;
    }
    text[t] = '\0';
    size_t k = (size_t)(n - names);
    if (load->texts[k])
        return 0; /* the first definition wins, as in VBScript's dictionary */
    load->texts[k] = strdup(text);
    if (!load->texts[k]) {
        load->nomem = true;
        return EX_STATUS_NOMEM;
    }
    load->found++;
    return 0;
}

static void trim_end(char *s, const char *also)
{
    size_t n = strlen(s);
    while (n > 0 && (blank(s[n - 1]) || strchr(also, s[n - 1])))
        s[--n] = '\0';
}

static char *skip_blanks(char *s)
{
    while (blank(*s))
        s++;
    return s;
}

/* The colon that ends a label: ASCII or full-width (U+FF1A), whichever comes first. */
static char *label_colon(char *s, char **after)
{
    char *ascii = strchr(s, ':'), *wide = strstr(s, "\xEF\xBC\x9A");
    if (wide && (!ascii || wide < ascii)) {
        *after = wide + 3;
        return wide;
    }
    if (ascii)
        *after = ascii + 1;
    return ascii;
}

static bool add_row(enum ex_label id, unsigned formats, enum ex_shape shape, const char *text,
                    const char *lang, size_t *added)
{
    if (!text[0])
        return true;
    struct ex_label_text row = { id, lang, text, formats, shape };
    if (!ex_labels_add(&row))
        return false;
    (*added)++;
    return true;
}

static bool add_label(enum ex_label id, enum ex_shape shape, const char *text, const char *lang,
                      size_t *added)
{
    return add_row(id, EX_FMT_SLMGR, shape, text, lang, added);
}

static bool add_state(int state, char *word, const char *lang, size_t *added)
{
    char *cut = strstr(word, " (");
    if (cut)
        *cut = '\0';
    trim_end(word, ".");
    if (!word[0])
        return true;
    struct ex_state_row row = { state, lang, word };
    if (!ex_states_add(&row))
        return false;
    (*added)++;
    return true;
}

/* The text a pair of strings shares, cut back to a word's end ("KMS host caching is"). */
static void shared_prefix(char *a, const char *b)
{
    size_t n = 0;
    while (a[n] && a[n] == b[n])
        n++;
    if (a[n] != '\0') {
        while (n > 0 && !blank(a[n - 1]))
            n--;
    }
    a[n] = '\0';
    trim_end(a, "");
    if (strlen(a) < 4) /* a shared letter or two is no phrase */
        a[0] = '\0';
}

static bool rows_of(const struct ini_name *n, char *text, const struct ini_load *load,
                    const char *lang, size_t *added)
{
    char *after = NULL, *colon;
    switch (n->kind) {
    case K_LABEL:
    case K_LABEL_STATE:
        colon = label_colon(text, &after);
        if (!colon)
            return true;
        *colon = '\0';
        trim_end(text, "");
        if (!add_label(n->id, EX_LABEL, skip_blanks(text), lang, added))
            return false;
        return n->kind != K_LABEL_STATE || add_state(n->state, skip_blanks(after), lang, added);
    case K_PHRASE_VAR:
        if ((colon = strchr(text, '%')))
            *colon = '\0';
        /* fall through */
    case K_PHRASE:
        trim_end(text, ".");
        return add_label(n->id, EX_PHRASE, skip_blanks(text), lang, added);
    case K_PAIR:
        for (size_t i = 0; i < NNAMES; i++)
            if (load->texts[i] && strcmp(names[i].name, n->partner) == 0) {
                shared_prefix(text, load->texts[i]);
                return add_label(n->id, EX_PHRASE, skip_blanks(text), lang, added);
            }
        return true;
    case K_STATE:
        return add_state(n->state, skip_blanks(text), lang, added);
    case K_KEEP:
        return true;
    case K_ERROR_LINE:
        if (!label_colon(text, &after))
            return true;
        text = after;
        /* fall through */
    case K_AFTER_ERROR:
        trim_end(text, ".");
        return add_row(n->id, EX_FMT_SLMGR_ERROR, EX_PHRASE, skip_blanks(text), lang, added);
    }
    return true;
}

enum ex_status ex_slmgr_ini_load(const void *bytes, size_t size, const char *lang, size_t *added)
{
    size_t count = 0;
    struct ini_load load = { 0 };
    struct ex_input *in = malloc(sizeof *in);
    if (!in)
        return EX_STATUS_NOMEM;
    ex_input_init(in, ini_line, &load);
    int status = ex_input_feed(in, bytes, size);
    if (status == 0)
        status = ex_input_finish(in);
    free(in);
    bool ok = !load.nomem && status == 0;
    for (size_t i = 0; ok && i < NNAMES; i++)
        if (load.texts[i]) {
            char copy[INI_TEXT_MAX];
            snprintf(copy, sizeof copy, "%s", load.texts[i]);
            ok = rows_of(&names[i], copy, &load, lang, &count);
        }
    for (size_t i = 0; i < NNAMES; i++)
        free(load.texts[i]);
    if (added)
        *added = count;
    if (!ok)
        return EX_STATUS_NOMEM;
    return load.found ? EX_STATUS_OK : EX_STATUS_MALFORMED;
}
