/* labels.c: what slmgr.vbs, ospp.vbs and PowerShell print, as one table of words per language.
 * Readers never compare against literal text of their own: a new language is new rows here. */
#include <string.h>
#include <strings.h>

#include "labels.h"

#define SL EX_FMT_SLMGR
#define OS EX_FMT_OSPP
#define CI EX_FMT_CIM

/* A label is followed by optional blanks and ':'; a phrase opens a line, the rest is its value. */
enum { LABEL, PHRASE };

struct label_row {
    unsigned formats;
    const char *lang;
    unsigned char shape;
    const char *text;
    enum ex_label id;
};

static const struct label_row rows[] = {
    /* slmgr.vbs /dli, /dlv: Windows 7 to 11, Server 2008 R2 to 2025 */
    { SL, "en", LABEL, "Software licensing service version", EXL_SERVICE_VERSION },
    { SL | CI, "en", LABEL, "Name", EXL_NAME },
    { SL | CI, "en", LABEL, "Description", EXL_DESCRIPTION },
    { SL, "en", LABEL, "Activation ID", EXL_ACTIVATION_ID },
    { SL, "en", LABEL, "Application ID", EXL_OTHER },
    { SL, "en", LABEL, "Extended PID", EXL_EXTENDED_PID },
    { SL, "en", LABEL, "Product Key Channel", EXL_KEY_CHANNEL },
    { SL, "en", LABEL, "Installation ID", EXL_OTHER },
    { SL, "en", LABEL, "Processor Certificate URL", EXL_OTHER },
    { SL, "en", LABEL, "Machine Certificate URL", EXL_OTHER },
    { SL, "en", LABEL, "Use License URL", EXL_OTHER },
    { SL, "en", LABEL, "Product Key Certificate URL", EXL_OTHER },
    { SL, "en", LABEL, "Validation URL", EXL_OTHER },
    { SL, "en", LABEL, "Partial Product Key", EXL_PARTIAL_KEY },
    { SL | OS, "en", LABEL, "License Status", EXL_LICENSE_STATUS },
    { SL, "en", LABEL, "Notification Reason", EXL_STATUS_REASON },
    { SL, "en", LABEL, "Volume activation expiration", EXL_VOLUME_EXPIRATION },
    { SL, "en", LABEL, "Time remaining", EXL_TIME_REMAINING },
    { SL, "en", LABEL, "Timebased activation expiration", EXL_TIMEBASED_EXPIRATION },
    { SL, "en", LABEL, "Remaining Windows rearm count", EXL_WINDOWS_REARM },
    { SL, "en", LABEL, "Remaining SKU rearm count", EXL_SKU_REARM },
    { SL, "en", LABEL, "Remaining App rearm count", EXL_APP_REARM },
    { SL, "en", LABEL, "Trusted time", EXL_TRUSTED_TIME },
    { SL, "en", PHRASE, "Key Management Service client information", EXL_KMS_CLIENT_HEADER },
    { SL, "en", LABEL, "Client Machine ID (CMID)", EXL_CMID },
    { SL | OS, "en", LABEL, "DNS auto-discovery", EXL_DNS_DISCOVERY },
    { SL, "en", LABEL, "Registered KMS machine name", EXL_REGISTERED_KMS },
    { SL | OS, "en", LABEL, "KMS machine name from DNS", EXL_KMS_FROM_DNS },
    { SL, "en", LABEL, "KMS machine IP address", EXL_KMS_IP },
    { SL, "en", LABEL, "KMS machine extended PID", EXL_KMS_PID },
    { SL | OS, "en", LABEL, "Activation interval", EXL_ACTIVATION_INTERVAL },
    { SL | OS, "en", LABEL, "Renewal interval", EXL_RENEWAL_INTERVAL },
    { SL, "en", PHRASE, "KMS host caching is", EXL_HOST_CACHING },
    { SL, "en", PHRASE, "Key Management Service is enabled on this machine", EXL_KMS_ENABLED },
    { SL, "en", LABEL, "Current count", EXL_CURRENT_COUNT },
    { SL, "en", LABEL, "Listening on Port", EXL_LISTENING_PORT },
    { SL, "en", PHRASE, "DNS publishing", EXL_DNS_PUBLISHING },
    { SL, "en", LABEL, "KMS priority", EXL_KMS_PRIORITY },
    { SL, "en", PHRASE, "Key Management Service cumulative requests received", EXL_OTHER },
    { SL, "en", LABEL, "Total requests received", EXL_OTHER },
    { SL, "en", LABEL, "Failed requests received", EXL_OTHER },
    { SL, "en", PHRASE, "Requests with License Status", EXL_OTHER },
    { SL, "en", PHRASE, "Automatic VM Activation client information", EXL_OTHER },
    { SL, "en", LABEL, "Guest IAID", EXL_OTHER },
    { SL, "en", LABEL, "Host machine name", EXL_OTHER },
    { SL, "en", LABEL, "Activation time", EXL_OTHER },
    { SL, "en", LABEL, "Host Digital PID2", EXL_OTHER },
    /* slmgr.vbs /ato, /ipk, /skms and /xpr: one-line results */
    { SL, "en", LABEL, "Error", EXL_ERROR },
    { SL, "en", PHRASE, "Activating", EXL_ACTIVATING },
    { SL, "en", PHRASE, "Product activated successfully", EXL_ACTIVATED_OK },
    { SL, "en", PHRASE, "Key Management Service machine name set to", EXL_SKMS_SET },
    { SL, "en", PHRASE, "Volume activation will expire", EXL_XPR_VOLUME },
    { SL, "en", PHRASE, "The machine is permanently activated", EXL_XPR_PERMANENT },
    { SL, "en", PHRASE, "Timebased activation will expire", EXL_XPR_TIMEBASED },
    { SL, "en", PHRASE, "Initial grace period ends", EXL_XPR_GRACE },
    { SL, "en", PHRASE, "Additional grace period ends", EXL_XPR_GRACE },
    { SL, "en", PHRASE, "Extended grace period ends", EXL_XPR_GRACE },
    { SL, "en", PHRASE, "Non-genuine grace period ends", EXL_XPR_GRACE },
    { SL, "en", PHRASE, "Windows is in Notification mode", EXL_XPR_NOTIFICATION },
    /* ospp.vbs /dstatus (Office 2010 to 2024) */
    { OS, "en", LABEL, "SKU ID", EXL_SKU_ID },
    { OS, "en", LABEL, "LICENSE NAME", EXL_NAME },
    { OS, "en", LABEL, "LICENSE DESCRIPTION", EXL_DESCRIPTION },
    { OS, "en", LABEL, "BETA EXPIRATION", EXL_OTHER },
    { OS, "en", LABEL, "ERROR CODE", EXL_ERROR },
    { OS, "en", LABEL, "ERROR DESCRIPTION", EXL_ERROR_DESCRIPTION },
    { OS, "en", LABEL, "REMAINING GRACE", EXL_REMAINING_GRACE },
    { OS, "en", LABEL, "Last 5 characters of installed product key", EXL_PARTIAL_KEY },
    { OS, "en", LABEL, "Activation Type Configuration", EXL_OTHER },
    { OS, "en", LABEL, "KMS machine registry override defined", EXL_REGISTERED_KMS },
    { OS, "en", LABEL, "KMS host caching", EXL_HOST_CACHING },
    { OS, "en", LABEL, "PRODUCT ID", EXL_OTHER },
    /* PowerShell: SoftwareLicensingProduct and SoftwareLicensingService property names */
    { CI, "en", LABEL, "ID", EXL_ACTIVATION_ID },
    { CI, "en", LABEL, "ProductKeyChannel", EXL_KEY_CHANNEL },
    { CI, "en", LABEL, "PartialProductKey", EXL_PARTIAL_KEY },
    { CI, "en", LABEL, "LicenseStatus", EXL_LICENSE_STATUS },
    { CI, "en", LABEL, "LicenseStatusReason", EXL_STATUS_REASON },
    { CI, "en", LABEL, "GracePeriodRemaining", EXL_REMAINING_GRACE },
    { CI, "en", LABEL, "KeyManagementServiceMachine", EXL_REGISTERED_KMS },
    { CI, "en", LABEL, "KeyManagementServicePort", EXL_REGISTERED_PORT },
    { CI, "en", LABEL, "DiscoveredKeyManagementServiceMachineName", EXL_KMS_FROM_DNS },
    { CI, "en", LABEL, "DiscoveredKeyManagementServiceMachineIpAddress", EXL_KMS_IP },
    { CI, "en", LABEL, "VLActivationInterval", EXL_ACTIVATION_INTERVAL },
    { CI, "en", LABEL, "VLRenewalInterval", EXL_RENEWAL_INTERVAL },
    { CI, "en", LABEL, "RemainingAppReArmCount", EXL_APP_REARM },
    { CI, "en", LABEL, "RemainingSkuReArmCount", EXL_SKU_REARM },
    { CI, "en", LABEL, "RemainingWindowsReArmCount", EXL_WINDOWS_REARM },
    { CI, "en", LABEL, "IsKeyManagementServiceMachine", EXL_IS_KMS_HOST },
    { CI, "en", LABEL, "KeyManagementServiceCurrentCount", EXL_CURRENT_COUNT },
    { CI, "en", LABEL, "RequiredClientCount", EXL_REQUIRED_COUNT },
    { CI, "en", LABEL, "KeyManagementServiceListeningPort", EXL_LISTENING_PORT },
    { CI, "en", LABEL, "ClientMachineID", EXL_CMID },
    { CI, "en", LABEL, "Version", EXL_SERVICE_VERSION },
};

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static void trim(const char **text, size_t *len)
{
    while (*len > 0 && blank(**text))
        (*text)++, (*len)--;
    while (*len > 0 && (blank((*text)[*len - 1]) || (*text)[*len - 1] == '\r'))
        (*len)--;
}

/* Whether `line` opens with row's text and, for a label, blanks and ':'; sets the value. */
static bool row_matches(const struct label_row *row, const char *line, size_t len,
                        const char **value, size_t *vlen)
{
    size_t n = strlen(row->text);
    if (len < n || strncasecmp(line, row->text, n) != 0)
        return false;
    size_t i = n;
    if (row->shape == LABEL) {
        while (i < len && blank(line[i]))
            i++;
        if (i == len || line[i] != ':')
            return false;
        i++;
    } else if (i < len && line[i] != ' ' && line[i] != '.' && line[i] != ':' && line[i] != ',') {
        return false; /* the phrase must end at a word's end */
    }
    *value = line + i;
    *vlen = len - i;
    trim(value, vlen);
    return true;
}

enum ex_label ex_label_find(unsigned formats, const char *line, size_t len, const char **value,
                            size_t *vlen)
{
    trim(&line, &len);
    if (len == 0 || line[0] == '<')
        return EXL_NONE; /* XML is never ours: a fast way out for event exports */
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if ((rows[i].formats & formats) && row_matches(&rows[i], line, len, value, vlen))
            return rows[i].id;
    return EXL_NONE;
}

bool ex_labels_complete(const char *lang, enum ex_label *missing)
{
    for (int id = EXL_OTHER + 1; id < EXL_LABEL_COUNT; id++) {
        bool found = false;
        for (size_t i = 0; i < sizeof rows / sizeof rows[0] && !found; i++)
            found = rows[i].id == (enum ex_label)id && strcmp(rows[i].lang, lang) == 0;
        if (!found) {
            *missing = (enum ex_label)id;
            return false;
        }
    }
    return true;
}

/* Licence states as each tool words them; compared at the start of the value, any case,
 * after ospp's "---" decoration. */
static const struct {
    const char *text;
    int state;
} states[] = {
    { "Unlicensed", 0 },
    { "Licensed", 1 },
    { "Initial grace period", 2 },
    { "OOB_GRACE", 2 },
    { "Additional grace period", 3 },
    { "OOT_GRACE", 3 },
    { "Non-genuine grace period", 4 },
    { "NON_GENUINE_GRACE", 4 },
    { "Notification", 5 },
    { "Extended grace period", 6 },
    { "EXTENDED_GRACE", 6 },
};

int ex_license_state(const char *text, size_t len)
{
    while (len > 0 && (*text == '-' || blank(*text)))
        text++, len--;
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
        size_t n = strlen(states[i].text);
        if (len >= n && strncasecmp(text, states[i].text, n) == 0)
            return states[i].state;
    }
    return -1;
}

/* Channel tokens, most specific first: they are Windows' own identifiers, in every language. */
static const struct {
    const char *token;
    enum ex_channel channel;
} channels[] = {
    { "VOLUME_KMSCLIENT", EX_CH_KMS_CLIENT },
    { "Volume:GVLK", EX_CH_KMS_CLIENT },
    { "TIMEBASED_EVAL", EX_CH_EVAL },
    { "Retail:TB:Eval", EX_CH_EVAL },
    { "VOLUME_MAK", EX_CH_MAK },
    { "Volume:MAK", EX_CH_MAK },
    { "Volume:CSVLK", EX_CH_KMS_HOST },
    { "VOLUME_KMS", EX_CH_KMS_HOST },
    { "OEM", EX_CH_OEM },
    { "RETAIL", EX_CH_RETAIL },
    { "Retail", EX_CH_RETAIL },
};

static const char *find_in(const char *text, size_t len, const char *token)
{
    size_t n = strlen(token);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, token, n) == 0)
            return text + i;
    return NULL;
}

enum ex_channel ex_channel_find(const char *text, size_t len)
{
    for (size_t i = 0; i < sizeof channels / sizeof channels[0]; i++)
        if (find_in(text, len, channels[i].token))
            return channels[i].channel;
    return EX_CH_UNKNOWN;
}

const char *ex_channel_name(enum ex_channel channel)
{
    static const char *const names[] = { "unknown", "retail", "OEM", "MAK", "KMS client",
                                         "KMS host", "evaluation" };
    return (unsigned)channel < sizeof names / sizeof names[0] ? names[channel] : "unknown";
}

/* Values that say the same thing in different words. */
static const struct {
    enum ex_phrase what;
    const char *text;
} phrases[] = {
    { EX_PH_NOT_AVAILABLE, "KMS name not available" },
    { EX_PH_NOT_AVAILABLE, "not available" },
    { EX_PH_SERVER_PRODUCT, "Server" },
};

bool ex_phrase_in(enum ex_phrase what, const char *text, size_t len)
{
    for (size_t i = 0; i < sizeof phrases / sizeof phrases[0]; i++)
        if (phrases[i].what == what && find_in(text, len, phrases[i].text))
            return true;
    return false;
}
