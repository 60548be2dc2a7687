/* SPDX-License-Identifier: MIT */
/* labels.h: the words of the tools' outputs, as data: field labels, whole-line phrases and the
 * values that mean something (licence states, channels). English is complete; another
 * language is added by adding rows to labels.c, nothing else. */
#ifndef SLERR_EXPLAIN_LABELS_H
#define SLERR_EXPLAIN_LABELS_H

#include <stdbool.h>
#include <stddef.h>

/* Which tool's output a row belongs to (bits; a row may serve several). */
enum ex_format { EX_FMT_SLMGR = 1u << 0, EX_FMT_OSPP = 1u << 1, EX_FMT_CIM = 1u << 2 };

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
    EXL_LABEL_COUNT
};

/* The label (or phrase) `line` starts with among the rows of `formats`; *value and *vlen give
 * the rest, trimmed. EXL_NONE when none matches. */
enum ex_label ex_label_find(unsigned formats, const char *line, size_t len, const char **value,
                            size_t *vlen);

/* Whether the rows of language `lang` ("en") name every field and phrase; when not, *missing
 * is the first one without a row. English must be complete; other languages may grow to it. */
bool ex_labels_complete(const char *lang, enum ex_label *missing);

/* Licence states as the SoftwareLicensingProduct.LicenseStatus numbers them (0-6); -1 unknown. */
int ex_license_state(const char *text, size_t len);

enum ex_channel {
    EX_CH_UNKNOWN, EX_CH_RETAIL, EX_CH_OEM, EX_CH_MAK, EX_CH_KMS_CLIENT, EX_CH_KMS_HOST, EX_CH_EVAL
};
/* The channel named in a description ("..., VOLUME_KMSCLIENT channel") or key channel
 * ("Volume:GVLK"); EX_CH_UNKNOWN when none. */
enum ex_channel ex_channel_find(const char *text, size_t len);
const char *ex_channel_name(enum ex_channel channel);

/* Whether a value says the same as one of the phrases for `what`. */
enum ex_phrase { EX_PH_NOT_AVAILABLE, EX_PH_SERVER_PRODUCT };
bool ex_phrase_in(enum ex_phrase what, const char *text, size_t len);

#endif
