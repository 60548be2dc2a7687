/* SPDX-License-Identifier: MIT */
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
    const char *lang;
    const char *text;
    unsigned formats;
    enum ex_label id;
    unsigned char shape;
};

static const struct label_row rows[] = {
    /* slmgr.vbs /dli, /dlv: Windows 7 to 11, Server 2008 R2 to 2025 */
    { "en", "Software licensing service version", SL, EXL_SERVICE_VERSION, LABEL },
    { "en", "Name", SL | CI, EXL_NAME, LABEL },
    { "en", "Description", SL | CI, EXL_DESCRIPTION, LABEL },
    { "en", "Activation ID", SL, EXL_ACTIVATION_ID, LABEL },
    { "en", "Application ID", SL, EXL_OTHER, LABEL },
    { "en", "Extended PID", SL, EXL_EXTENDED_PID, LABEL },
    { "en", "Product Key Channel", SL, EXL_KEY_CHANNEL, LABEL },
    { "en", "Installation ID", SL, EXL_OTHER, LABEL },
    { "en", "Processor Certificate URL", SL, EXL_OTHER, LABEL },
    { "en", "Machine Certificate URL", SL, EXL_OTHER, LABEL },
    { "en", "Use License URL", SL, EXL_OTHER, LABEL },
    { "en", "Product Key Certificate URL", SL, EXL_OTHER, LABEL },
    { "en", "Validation URL", SL, EXL_OTHER, LABEL },
    { "en", "Partial Product Key", SL, EXL_PARTIAL_KEY, LABEL },
    { "en", "License Status", SL | OS, EXL_LICENSE_STATUS, LABEL },
    { "en", "Notification Reason", SL, EXL_STATUS_REASON, LABEL },
    { "en", "Volume activation expiration", SL, EXL_VOLUME_EXPIRATION, LABEL },
    { "en", "Time remaining", SL, EXL_TIME_REMAINING, LABEL },
    { "en", "Timebased activation expiration", SL, EXL_TIMEBASED_EXPIRATION, LABEL },
    { "en", "Remaining Windows rearm count", SL, EXL_WINDOWS_REARM, LABEL },
    { "en", "Remaining SKU rearm count", SL, EXL_SKU_REARM, LABEL },
    { "en", "Remaining App rearm count", SL, EXL_APP_REARM, LABEL },
    { "en", "Trusted time", SL, EXL_TRUSTED_TIME, LABEL },
    { "en", "Key Management Service client information", SL, EXL_KMS_CLIENT_HEADER, PHRASE },
    { "en", "Client Machine ID (CMID)", SL, EXL_CMID, LABEL },
    { "en", "DNS auto-discovery", SL | OS, EXL_DNS_DISCOVERY, LABEL },
    { "en", "Registered KMS machine name", SL, EXL_REGISTERED_KMS, LABEL },
    { "en", "KMS machine name from DNS", SL | OS, EXL_KMS_FROM_DNS, LABEL },
    { "en", "KMS machine IP address", SL, EXL_KMS_IP, LABEL },
    { "en", "KMS machine extended PID", SL, EXL_KMS_PID, LABEL },
    { "en", "Activation interval", SL | OS, EXL_ACTIVATION_INTERVAL, LABEL },
    { "en", "Renewal interval", SL | OS, EXL_RENEWAL_INTERVAL, LABEL },
    { "en", "KMS host caching is", SL, EXL_HOST_CACHING, PHRASE },
    { "en", "Key Management Service is enabled on this machine", SL, EXL_KMS_ENABLED, PHRASE },
    { "en", "Current count", SL, EXL_CURRENT_COUNT, LABEL },
    { "en", "Listening on Port", SL, EXL_LISTENING_PORT, LABEL },
    { "en", "DNS publishing", SL, EXL_DNS_PUBLISHING, PHRASE },
    { "en", "KMS priority", SL, EXL_KMS_PRIORITY, LABEL },
    { "en", "Key Management Service cumulative requests received", SL, EXL_OTHER, PHRASE },
    { "en", "Total requests received", SL, EXL_OTHER, LABEL },
    { "en", "Failed requests received", SL, EXL_OTHER, LABEL },
    { "en", "Requests with License Status", SL, EXL_OTHER, PHRASE },
    { "en", "Automatic VM Activation client information", SL, EXL_OTHER, PHRASE },
    { "en", "Guest IAID", SL, EXL_OTHER, LABEL },
    { "en", "Host machine name", SL, EXL_OTHER, LABEL },
    { "en", "Activation time", SL, EXL_OTHER, LABEL },
    { "en", "Host Digital PID2", SL, EXL_OTHER, LABEL },
    /* slmgr.vbs /ato, /ipk, /skms and /xpr: one-line results */
    { "en", "Error", SL, EXL_ERROR, LABEL },
    { "en", "Activating", SL, EXL_ACTIVATING, PHRASE },
    { "en", "Product activated successfully", SL, EXL_ACTIVATED_OK, PHRASE },
    { "en", "Key Management Service machine name set to", SL, EXL_SKMS_SET, PHRASE },
    { "en", "Volume activation will expire", SL, EXL_XPR_VOLUME, PHRASE },
    { "en", "The machine is permanently activated", SL, EXL_XPR_PERMANENT, PHRASE },
    { "en", "Timebased activation will expire", SL, EXL_XPR_TIMEBASED, PHRASE },
    { "en", "Initial grace period ends", SL, EXL_XPR_GRACE, PHRASE },
    { "en", "Additional grace period ends", SL, EXL_XPR_GRACE, PHRASE },
    { "en", "Extended grace period ends", SL, EXL_XPR_GRACE, PHRASE },
    { "en", "Non-genuine grace period ends", SL, EXL_XPR_GRACE, PHRASE },
    { "en", "Windows is in Notification mode", SL, EXL_XPR_NOTIFICATION, PHRASE },
    /* ospp.vbs /dstatus (Office 2010 to 2024) */
    { "en", "SKU ID", OS, EXL_SKU_ID, LABEL },
    { "en", "LICENSE NAME", OS, EXL_NAME, LABEL },
    { "en", "LICENSE DESCRIPTION", OS, EXL_DESCRIPTION, LABEL },
    { "en", "BETA EXPIRATION", OS, EXL_OTHER, LABEL },
    { "en", "ERROR CODE", OS, EXL_ERROR, LABEL },
    { "en", "ERROR DESCRIPTION", OS, EXL_ERROR_DESCRIPTION, LABEL },
    { "en", "REMAINING GRACE", OS, EXL_REMAINING_GRACE, LABEL },
    { "en", "Last 5 characters of installed product key", OS, EXL_PARTIAL_KEY, LABEL },
    { "en", "Activation Type Configuration", OS, EXL_OTHER, LABEL },
    { "en", "KMS machine registry override defined", OS, EXL_REGISTERED_KMS, LABEL },
    { "en", "KMS host caching", OS, EXL_HOST_CACHING, LABEL },
    { "en", "PRODUCT ID", OS, EXL_OTHER, LABEL },
    { "en", "KMS Lookup Domain", OS, EXL_OTHER, LABEL },
    { "en", "Most recent successful activation client information", OS, EXL_OTHER, LABEL },
    { "en", "Activation Object name", OS, EXL_OTHER, LABEL },
    { "en", "AO DN", OS, EXL_OTHER, LABEL },
    { "en", "AO extended PID", OS, EXL_OTHER, LABEL },
    { "en", "AO activation ID", OS, EXL_OTHER, LABEL },
    /* ospp.vbs /dhistorykms: one block per client event 12288 */
    { "en", "Searching for KMS activation events on machine", OS, EXL_OTHER, LABEL },
    { "en", "Event ID", OS, EXL_OTHER, LABEL },
    { "en", "Coordinated Universal Time Written", OS, EXL_TIME_WRITTEN, LABEL },
    { "en", "ERROR/HOST", OS, EXL_ERROR_HOST, LABEL },
    /* PowerShell: SoftwareLicensingProduct and SoftwareLicensingService property names */
    { "en", "ID", CI, EXL_ACTIVATION_ID, LABEL },
    { "en", "ProductKeyChannel", CI, EXL_KEY_CHANNEL, LABEL },
    { "en", "PartialProductKey", CI, EXL_PARTIAL_KEY, LABEL },
    { "en", "LicenseStatus", CI, EXL_LICENSE_STATUS, LABEL },
    { "en", "LicenseStatusReason", CI, EXL_STATUS_REASON, LABEL },
    { "en", "GracePeriodRemaining", CI, EXL_REMAINING_GRACE, LABEL },
    { "en", "KeyManagementServiceMachine", CI, EXL_REGISTERED_KMS, LABEL },
    { "en", "KeyManagementServicePort", CI, EXL_REGISTERED_PORT, LABEL },
    { "en", "DiscoveredKeyManagementServiceMachineName", CI, EXL_KMS_FROM_DNS, LABEL },
    { "en", "DiscoveredKeyManagementServiceMachineIpAddress", CI, EXL_KMS_IP, LABEL },
    { "en", "VLActivationInterval", CI, EXL_ACTIVATION_INTERVAL, LABEL },
    { "en", "VLRenewalInterval", CI, EXL_RENEWAL_INTERVAL, LABEL },
    { "en", "RemainingAppReArmCount", CI, EXL_APP_REARM, LABEL },
    { "en", "RemainingSkuReArmCount", CI, EXL_SKU_REARM, LABEL },
    { "en", "RemainingWindowsReArmCount", CI, EXL_WINDOWS_REARM, LABEL },
    { "en", "IsKeyManagementServiceMachine", CI, EXL_IS_KMS_HOST, LABEL },
    { "en", "KeyManagementServiceCurrentCount", CI, EXL_CURRENT_COUNT, LABEL },
    { "en", "RequiredClientCount", CI, EXL_REQUIRED_COUNT, LABEL },
    { "en", "KeyManagementServiceListeningPort", CI, EXL_LISTENING_PORT, LABEL },
    { "en", "ClientMachineID", CI, EXL_CMID, LABEL },
    { "en", "Version", CI, EXL_SERVICE_VERSION, LABEL },
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
    { "EXTENDED GRACE", 6 },
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
