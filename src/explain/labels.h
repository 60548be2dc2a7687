/* SPDX-License-Identifier: MIT */
/* labels.h: the words of the tools' outputs, as data: one table of rows (field, language, text
 * as Windows prints it) for labels and whole-line phrases, one for licence states. English is
 * complete; another language is a block of rows in labels.c, or rows added at run time. */
#ifndef SLERR_EXPLAIN_LABELS_H
#define SLERR_EXPLAIN_LABELS_H

#include <stdbool.h>
#include <stddef.h>

/* Which tool's output a row belongs to (bits; a row may serve several). */
enum ex_format {
    EX_FMT_SLMGR = 1u << 0,
    EX_FMT_OSPP = 1u << 1,
    EX_FMT_CIM = 1u << 2,
    EX_FMT_OSLICENSE = 1u << 3, /* the OSLicense module's own properties (its results) */
    EX_FMT_SLMGR_ERROR = 1u << 4, /* the text slmgr.vbs prints after its "Error: " label, looked
                                     up only there (ex_label_find_row on that value) */
};

enum ex_label {
    EXL_NONE = 0,
    EXL_OTHER, /* a label the reader knows and ignores: it does not end the record */
    /* records and their identity */
    EXL_SERVICE_VERSION, EXL_NAME, EXL_DESCRIPTION, EXL_ACTIVATION_ID, EXL_EXTENDED_PID,
    EXL_KEY_CHANNEL, EXL_PARTIAL_KEY, EXL_TRUSTED_TIME, EXL_SKU_ID,
    /* licence state */
    EXL_LICENSE_STATUS, EXL_STATUS_REASON, EXL_VOLUME_EXPIRATION, EXL_TIME_REMAINING,
    EXL_TIMEBASED_EXPIRATION, EXL_REMAINING_GRACE, EXL_WINDOWS_REARM, EXL_SKU_REARM,
    EXL_APP_REARM,
    /* KMS client */
    EXL_KMS_CLIENT_HEADER, EXL_CMID, EXL_DNS_DISCOVERY, EXL_REGISTERED_KMS, EXL_REGISTERED_PORT,
    EXL_KMS_FROM_DNS, EXL_KMS_IP, EXL_KMS_PID, EXL_ACTIVATION_INTERVAL, EXL_RENEWAL_INTERVAL,
    EXL_HOST_CACHING,
    /* KMS host */
    EXL_KMS_ENABLED, EXL_CURRENT_COUNT, EXL_LISTENING_PORT, EXL_DNS_PUBLISHING, EXL_KMS_PRIORITY,
    EXL_IS_KMS_HOST, EXL_REQUIRED_COUNT,
    /* one-line results */
    EXL_ERROR, EXL_ERROR_DESCRIPTION, EXL_ACTIVATING, EXL_ACTIVATED_OK, EXL_SKMS_SET,
    EXL_XPR_VOLUME, EXL_XPR_PERMANENT, EXL_XPR_TIMEBASED, EXL_XPR_GRACE, EXL_XPR_NOTIFICATION,
    /* ospp.vbs /dhistorykms */
    EXL_TIME_WRITTEN, EXL_ERROR_HOST,
    /* more one-line results (slmgr /ipk /upk /rearm, ospp /act /inpkey /inslic) and noise */
    EXL_BANNER, EXL_KEY_INSTALLED, EXL_KEY_UNINSTALLED, EXL_COMMAND_OK, EXL_LICENSE_INSTALLED,
    EXL_ACT_ATTEMPT, EXL_NO_KEYS,
    /* Windows subscription activation (OSLicense's Get-SubscriptionLicenseInfo) */
    EXL_SUBSCRIPTION_TYPE, EXL_SUBSCRIPTION_TYPE_VALUE, EXL_SUBSCRIPTION_STATUS,
    EXL_SUBSCRIPTION_STATUS_VALUE,
    /* ... and the Subscription line of Settings > Activation */
    EXL_SUBSCRIPTION_ACTIVE, EXL_SUBSCRIPTION_INVALID,
    /* Active Directory-based activation: the activation object a product activated from */
    EXL_AD_OBJECT_NAME, EXL_AD_OBJECT_DN, EXL_AD_CSVLK_PID, EXL_AD_CSVLK_SKU_ID,
    /* results without a code: slmgr /ato's failures told in words (the state after activating),
     * settings applied (slmgr /ckms /sprt /sai ..., ospp /sethst ...), ospp finding no KMS
     * licence to set, ospp finding its licensing service not installed or not running */
    EXL_ACT_FAILED, EXL_NON_GENUINE, EXL_NON_GENUINE_NOTIFICATION, EXL_SETTING_APPLIED,
    EXL_NO_KMS_LICENSES, EXL_SERVICE_DOWN,
    EXL_LABEL_COUNT
};

/* The canonical name of a field ("license-status"); readers and findings speak of fields by
 * these, never by the words a tool prints. */
const char *ex_label_name(enum ex_label label);
/* The field of a canonical name; EXL_NONE when there is none. */
enum ex_label ex_label_named(const char *name);

/* How a row's text opens a line: a label is followed by blanks and ':' (full-width colons are
 * ASCII by then, see normalize.h), then the value; a phrase opens the line and the rest of the
 * line is its value. */
enum ex_shape { EX_LABEL, EX_PHRASE };

/* One row of the label table: a field, a language and the text as Windows prints it there.
 * The texts are arrays, not pointers: a table of pointers in the explain module is rewritten by
 * the loader at every start (a relocation per pointer) and the pages that hold it are copied.
 * A text longer than EX_LABEL_TEXT_MAX - 1 bytes is an error of the build ("initializer-string
 * for array of 'char' is too long") and of a unit test: raise the bound then. A row added at
 * run time (ex_labels_add) keeps its texts apart: its lang and text here are empty. */
#define EX_LABEL_LANG_MAX 8    /* "zh-CN", "pt-BR" and the terminating NUL */
#define EX_LABEL_TEXT_MAX 128
struct ex_label_row {
    enum ex_label id;
    char lang[EX_LABEL_LANG_MAX];  /* "en", "de", "zh-CN" ... */
    char text[EX_LABEL_TEXT_MAX];
    unsigned formats;              /* enum ex_format bits */
    enum ex_shape shape;
};

/* The built-in rows, in table order, for tests (index < ex_label_row_count()). */
size_t ex_label_row_count(void);
const struct ex_label_row *ex_label_row_at(size_t index);

/* A row to add at run time: the same fields, its texts of any length (copied). */
struct ex_label_text {
    enum ex_label id;
    const char *lang;
    const char *text;
    unsigned formats;
    enum ex_shape shape;
};

/* The label (or phrase) `line` starts with among the rows of `formats`, in any language the
 * table holds; *value and *vlen give the rest, trimmed. EXL_NONE when none matches. */
enum ex_label ex_label_find(unsigned formats, const char *line, size_t len, const char **value,
                            size_t *vlen);

/* The same, giving the row that matched (its formats tell whether the line is one only this
 * tool prints); NULL when none. */
const struct ex_label_row *ex_label_find_row(unsigned formats, const char *line, size_t len,
                                             const char **value, size_t *vlen);

/* Whether the rows of language `lang` ("en") name every field and phrase; when not, *missing
 * is the first one without a row. English must be complete; other languages may grow to it. */
bool ex_labels_complete(const char *lang, enum ex_label *missing);
/* How many fields and phrases the rows of `lang` lack; the first `max` of them go to missing.
 * build/tests/unit/label-coverage LANG prints them, for whoever adds a language. */
size_t ex_labels_missing(const char *lang, enum ex_label *missing, size_t max);

/* Licence states as the SoftwareLicensingProduct.LicenseStatus numbers them (0-6), read from
 * a state word in any language the table holds; -1 unknown. */
int ex_license_state(const char *text, size_t len);
/* The canonical name of a state 0-6 ("notification"); NULL for any other number. */
const char *ex_license_state_name(int state);
/* Prose, for a state told in a sentence ("License status is Unlicensed"): whether text names
 * the field `label` by the text of one of its rows (any language or tool, ASCII in any case) as
 * words of their own; and the state whose word (a row of the state table) opens text as a word
 * of its own ("Unlicensed," but not "Licensedness"), -1 when none, its length in *wlen. */
bool ex_label_named_in(enum ex_label label, const char *text, size_t len);
int ex_license_state_word(const char *text, size_t len, size_t *wlen);
/* Whether `word` stands at text[at] as a word of its own, ASCII letters in any case (a word
 * that starts or ends in a script without spaces needs no break on that side). Callers try
 * every row of a table at every byte of a sentence: the first byte (ASCII case folded by
 * setting bit 5, as strncasecmp would match) rules out most places here, without a call. */
bool ex_word_stands_at(const char *text, size_t len, size_t at, const char *word);
static inline bool ex_word_at(const char *text, size_t len, size_t at, const char *word)
{
    return at < len && ((unsigned char)text[at] | 0x20) == ((unsigned char)word[0] | 0x20) &&
           ex_word_stands_at(text, len, at, word);
}

/* One row of the state table: a state (0-6), a language and the word Windows prints. */
struct ex_state_row {
    int state;
    const char *lang;
    const char *text;
};

/* Rows added while running (a `--labels` file read from a Windows machine): copied, kept until
 * ex_labels_reset(); they are searched after the built-in rows. Not for use while another
 * thread reads. Return false when out of memory or the row is not valid. */
bool ex_labels_add(const struct ex_label_text *row);
bool ex_states_add(const struct ex_state_row *row);
void ex_labels_reset(void);

enum ex_channel {
    EX_CH_UNKNOWN, EX_CH_RETAIL, EX_CH_OEM, EX_CH_MAK, EX_CH_KMS_CLIENT, EX_CH_KMS_HOST, EX_CH_EVAL
};
/* The channel named in a description ("..., VOLUME_KMSCLIENT channel") or key channel
 * ("Volume:GVLK"); EX_CH_UNKNOWN when none. */
enum ex_channel ex_channel_find(const char *text, size_t len);
const char *ex_channel_name(enum ex_channel channel);

/* Whether a text holds one of the phrases for `what`, in any language (ASCII letters in any
 * case): "not available"; a server product; "for information only"; words that make a text
 * about activation or licensing (for the code fallback); the licensing service's names; words
 * that ask for a code's documentation or look a code up ("troubleshooting for", 查询错误代码);
 * words that say a warning is harmless ("can be safely ignored"); words that say a service
 * does not start ("won't start", 无法启动); words that speak of a start at all ("to start");
 * words that give what follows as an example ("e.g.", 例如); the names of a licensing of
 * Microsoft's that is no product's activation (Remote Desktop licensing: its licence server
 * and client access licences); words that announce the texts a screen shows, as a guide
 * writes them before quoting them ("you will see", zobaczysz, 下記のような). */
enum ex_phrase { EX_PH_NOT_AVAILABLE, EX_PH_SERVER_PRODUCT, EX_PH_INFORMATION_ONLY,
                 EX_PH_ACTIVATION_CONTEXT, EX_PH_EXAMPLE_IF, EX_PH_LICENSING_SERVICE,
                 EX_PH_CODE_LOOKUP, EX_PH_HARMLESS, EX_PH_NOT_STARTING, EX_PH_START,
                 EX_PH_EXAMPLE, EX_PH_OTHER_LICENSING, EX_PH_SHOWN, EX_PH_KIND_COUNT };
bool ex_phrase_in(enum ex_phrase what, const char *text, size_t len);
/* The phrase table's rows, in table order, for tests (index < ex_phrase_row_count()): a row's
 * kind, and its text in *text. */
size_t ex_phrase_row_count(void);
enum ex_phrase ex_phrase_row_at(size_t index, const char **text);
/* Whether a phrase for `what` ends at text[end] (it starts a word). */
bool ex_phrase_ends_at(enum ex_phrase what, const char *text, size_t end);

#endif
