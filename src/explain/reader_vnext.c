/* SPDX-License-Identifier: MIT */
/* reader_vnext.c: Microsoft 365 Apps' licences as `vNextDiag.ps1 -action list` prints them
 * ("========== vNext licenses found ==========" and its siblings, one ConvertTo-Json object per
 * licence) and as the licence files themselves hold them (vnext_file.h): state, entitlement
 * and validity window, and, over the whole paste, a volume-licensed Office (vNextDiag's modes,
 * ospp.vbs's licences) competing with a subscription licence. */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "event.h"
#include "finding.h"
#include "labels.h"
#include "psjson.h"
#include "readers.h"
#include "vnext_file.h"

/* A subscription ending within this many days is worth a warning. */
#define EXPIRY_WARNING_DAYS 30

enum section { SEC_NONE, SEC_MODES, SEC_LICENSES, SEC_SHARED };

struct vnext {
    ex_sink_fn sink;
    void *ctx;
    enum section section;
    bool in_object;
    size_t line;
    char product[EX_VALUE_MAX], type[EX_VALUE_MAX], state[EX_VALUE_MAX];
    char entitlement[EX_VALUE_MAX], not_after[EX_VALUE_MAX], expires[EX_VALUE_MAX];
    char last[64];                 /* the member the previous line set (wrapped values) */
    bool subscription;             /* a subscription licence was read */
    bool volume_mode;              /* a volume ProductReleaseId is listed, or ospp's volume licence */
    char volume_id[EX_VALUE_MAX];
    size_t modes_line;
    char ospp_name[EX_VALUE_MAX];  /* ospp's LICENSE NAME before its LICENSE DESCRIPTION */
    bool mid_line;                 /* the next piece continues a line */
    struct ex_vnext_file *file;    /* licence files in the input */
    int64_t now;
    struct ex_finding findings[6]; /* last: create() leaves it unzeroed (filled before read) */
};

static const struct ex_row row_licensed = { "vnext-licensed", "license-state", EX_OK,
    "Office holds a valid licence of this kind.", { 0 }, { NULL }, NULL };
static const struct ex_row row_not_licensed = { "vnext-not-licensed", "license-state",
    EX_CRITICAL, "Office holds no valid licence here: an expired, cancelled or removed "
    "subscription leaves the apps in reduced functionality until an account with the "
    "subscription signs in.", { 0 }, { NULL }, NULL };
static const struct ex_row row_grace = { "vnext-subscription-ended", "license-state",
    EX_WARNING, "The subscription behind this licence has ended; Office keeps working only "
    "until the licence's own validity runs out, then drops to reduced functionality unless "
    "the subscription is renewed.", { 0 }, { NULL }, NULL };
static const struct ex_row row_entitlement = { "vnext-entitlement", "entitlement", EX_WARNING,
    "The licensing service found no provisioned subscription for this account: the account "
    "lacks the licence, or it was assigned too recently to have reached the service.", { 0 },
    { NULL }, NULL };
static const struct ex_row row_window = { "vnext-valid-until", "not-after", EX_OK,
    "Office renews this licence online before this time; offline past it, the apps stop "
    "working fully.", { 0 }, { NULL }, NULL };
static const struct ex_row row_expires = { "vnext-expires-on", "expires-on", EX_NOTE,
    "The subscription itself ends at this time; it is not renewed by signing in.", { 0 },
    { NULL }, NULL };
static const struct ex_row row_expires_soon = { "vnext-expires-soon", "expires-on",
    EX_WARNING, "The subscription ends within 30 days: renew it, or plan another licence for "
    "these users before then.", { 0 }, { NULL }, NULL };
static const struct ex_row row_token_expired = { "vnext-token-expired", "not-after",
    EX_WARNING, "This shared computer activation token is past its validity: Office on this "
    "computer needs the user to sign in again to get a new one, and is in reduced "
    "functionality for that user until then.", { 0 }, { NULL }, NULL };
static const struct ex_row row_competes = { "vnext-competes-with-volume", "mode", EX_WARNING,
    "A volume-licensed Office release and a Microsoft 365 subscription licence are both "
    "present: the subscription (vNext) licence takes precedence, so the volume product is not "
    "licensed through KMS or MAK until the vNext licences are removed.", { 0 }, { NULL }, NULL };

/* Whether `word` occurs in `text`, in any case (ASCII). */
static bool contains(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (; *text; text++)
        if (strncasecmp(text, word, n) == 0)
            return true;
    return false;
}

static void *create(ex_sink_fn sink, void *ctx)
{
    /* Not calloc: findings[] is written before a record reads it; zeroing its 5 KiB touched
     * pages at every explain run. */
    struct vnext *v = malloc(sizeof *v);
    if (!v)
        return NULL;
    memset(v, 0, offsetof(struct vnext, findings));
    v->file = ex_vnext_file_new();
    if (!v->file) {
        free(v);
        return NULL;
    }
    v->sink = sink;
    v->ctx = ctx;
    v->now = (int64_t)time(NULL);
    return v;
}

static void destroy(void *state)
{
    struct vnext *v = state;
    if (v)
        ex_vnext_file_free(v->file);
    free(v);
}

/* "========== vNext licenses found ==========": the section it opens, SEC_NONE for another. */
static bool section_header(const char *text, size_t len, enum section *section)
{
    size_t i = strspn(text, " ");
    if (len < i + 12 || strncmp(text + i, "==========", 10) != 0)
        return false;
    char title[128];
    size_t tl = len - i < sizeof title - 1 ? len - i : sizeof title - 1;
    memcpy(title, text + i, tl);
    title[tl] = '\0';
    *section = strstr(title, "Mode per ProductReleaseId")   ? SEC_MODES
               : strstr(title, "Shared Computer Licensing") ? SEC_SHARED
               : strstr(title, "licenses found")            ? SEC_LICENSES
                                                            : SEC_NONE;
    return true;
}

static void add(struct vnext *v, size_t *n, const struct ex_row *row, const char *value)
{
    if (*n < sizeof v->findings / sizeof v->findings[0])
        ex_finding_from_row(&v->findings[(*n)++], row, value, NULL, NULL);
}

/* vNextDiag's LicenseState: "Licensed", "Grace" (the subscription has ended, the licence
 * still runs) or "RFM" (reduced functionality); anything else is not licensed either. */
static const struct ex_row *state_row(const char *state)
{
    return strcasecmp(state, "Licensed") == 0 ? &row_licensed
           : strcasecmp(state, "Grace") == 0  ? &row_grace
                                              : &row_not_licensed;
}

static int64_t when(const char *text)
{
    return text[0] ? ex_event_parse_time(text) : EX_EVENT_TIME_NONE;
}

/* The subscription's end: a note, or a warning when it comes within EXPIRY_WARNING_DAYS. */
static const struct ex_row *expiry_row(const struct vnext *v, const char *expires)
{
    int64_t t = when(expires);
    bool soon = t != EX_EVENT_TIME_NONE && v->now <= t &&
                t - v->now <= EXPIRY_WARNING_DAYS * 86400LL;
    return soon ? &row_expires_soon : &row_expires;
}

static int emit(struct vnext *v)
{
    size_t n = 0;
    v->in_object = false;
    if (!v->product[0] && !v->state[0] && !v->not_after[0])
        return 0;
    if (v->state[0])
        add(v, &n, state_row(v->state), v->state);
    if (v->entitlement[0] && strcasecmp(v->entitlement, "Provisioned") != 0)
        add(v, &n, &row_entitlement, v->entitlement);
    int64_t not_after = when(v->not_after);
    if (v->section == SEC_SHARED && not_after != EX_EVENT_TIME_NONE && v->now > not_after)
        add(v, &n, &row_token_expired, v->not_after);
    else if (v->not_after[0])
        add(v, &n, &row_window, v->not_after);
    if (v->expires[0])
        add(v, &n, expiry_row(v, v->expires), v->expires);
    if (contains(v->type, "Subscription"))
        v->subscription = true;
    struct ex_record rec = { v->section == SEC_SHARED ? "vnext-shared-token" : "vnext-licence",
                             v->line, v->findings, n, v->product[0] ? v->product : NULL };
    return v->sink(v->ctx, &rec) ? EX_STATUS_STOPPED : 0;
}

static void member(struct vnext *v, const char *name, const char *value)
{
    char *to = strcmp(name, "Product") == 0             ? v->product
               : strcmp(name, "Type") == 0              ? v->type
               : strcmp(name, "LicenseState") == 0      ? v->state
               : strcmp(name, "EntitlementStatus") == 0 ? v->entitlement
               : strcmp(name, "NotAfter") == 0          ? v->not_after
               : strcmp(name, "ExpiresOn") == 0         ? v->expires
               : strcmp(name, "EntitlementExpiration") == 0 ? v->expires
               : strcmp(name, "User") == 0              ? v->product /* an SCL token's */
                                                        : NULL;
    snprintf(v->last, sizeof v->last, "%s", to ? name : "");
    if (to)
        snprintf(to, EX_VALUE_MAX, "%s", value);
}

/* "o365proplusretail = vNext", "proplus2021volume = Legacy": a volume release is listed. */
static void mode_line(struct vnext *v, const char *text, size_t len, size_t lineno)
{
    const char *eq = memchr(text, '=', len);
    size_t i = strspn(text, " ");
    if (!eq || eq - text <= (ptrdiff_t)i)
        return;
    size_t idl = (size_t)(eq - text) - i;
    while (idl && text[i + idl - 1] == ' ')
        idl--;
    char id[EX_VALUE_MAX];
    snprintf(id, sizeof id, "%.*s", (int)idl, text + i);
    if (contains(id, "volume") && !v->volume_mode) {
        v->volume_mode = true;
        snprintf(v->volume_id, sizeof v->volume_id, "%s", id);
        v->modes_line = lineno;
    }
}

/* ospp.vbs's "LICENSE NAME: Office 16, ..." then "LICENSE DESCRIPTION: ..., VOLUME_KMSCLIENT
 * channel": a volume-licensed Office. */
static void ospp_line(struct vnext *v, const char *text, size_t len, size_t lineno)
{
    const char *value;
    size_t vlen;
    /* ospp.vbs writes its labels in capitals: other lines skip the label search */
    if (len < 2 || !isupper((unsigned char)text[0]) || !isupper((unsigned char)text[1]))
        return;
    enum ex_label label = ex_label_find(EX_FMT_OSPP, text, len, &value, &vlen);
    if (label == EXL_NAME) {
        snprintf(v->ospp_name, sizeof v->ospp_name, "%.*s", (int)vlen, value);
    } else if (label == EXL_DESCRIPTION && !v->volume_mode) {
        enum ex_channel ch = ex_channel_find(value, vlen);
        if (ch == EX_CH_KMS_CLIENT || ch == EX_CH_MAK) {
            v->volume_mode = true;
            snprintf(v->volume_id, sizeof v->volume_id, "%s", v->ospp_name);
            v->modes_line = lineno;
        }
    }
}

static int vnext_line(struct vnext *v, const char *text, size_t len, size_t lineno)
{
    enum section section;
    char name[64], value[EX_VALUE_MAX];
    if (section_header(text, len, &section)) {
        int rc = v->in_object ? emit(v) : 0;
        v->section = section;
        return rc;
    }
    size_t i = strspn(text, " \t");
    if (v->section == SEC_MODES)
        mode_line(v, text, len, lineno);
    else
        ospp_line(v, text, len, lineno);
    if (v->section != SEC_LICENSES && v->section != SEC_SHARED)
        return 0;
    if (i < len && text[i] == '{') {
        memset(v->product, 0, sizeof v->product);
        v->type[0] = v->state[0] = v->entitlement[0] = v->not_after[0] = v->expires[0] = '\0';
        v->in_object = true;
        v->line = lineno;
        return 0;
    }
    if (!v->in_object)
        return 0;
    if (i < len && text[i] == '}')
        return emit(v);
    if (ex_psjson_member(text, len, name, sizeof name, value, sizeof value)) {
        member(v, name, value);
    } else if (v->last[0] && i < len) { /* a value cut at the console's width */
        char *to = strcmp(v->last, "Product") == 0 ? v->product
                   : strcmp(v->last, "Type") == 0  ? v->type
                                                   : NULL;
        size_t have = to ? strlen(to) : 0, more = ex_psjson_continuation(text + i, len - i);
        if (to && more > EX_VALUE_MAX - 1 - have)
            more = EX_VALUE_MAX - 1 - have;
        if (to) {
            memcpy(to + have, text + i, more);
            to[have + more] = '\0';
        }
    }
    return 0;
}

/* A licence file's licence, judged as vNextDiag.ps1 judges it, against the clock of this
 * run: past Metadata.NotAfter it is in reduced functionality, past ExpiresOn in grace. */
static int licence_file(struct vnext *v)
{
    size_t n = 0, lineno;
    const struct ex_vnext_licence *l = ex_vnext_file_licence(v->file, &lineno);
    int64_t not_after = when(l->not_after), expires = when(l->expires);
    const char *state = not_after != EX_EVENT_TIME_NONE && v->now > not_after ? "RFM"
                        : expires != EX_EVENT_TIME_NONE && v->now > expires  ? "Grace"
                                                                             : "Licensed";
    add(v, &n, state_row(state), state);
    if (l->status[0] && strcasecmp(l->status, "Provisioned") != 0)
        add(v, &n, &row_entitlement, l->status);
    if (l->not_after[0])
        add(v, &n, &row_window, l->not_after);
    if (l->expires[0])
        add(v, &n, expiry_row(v, l->expires), l->expires);
    if (contains(l->type, "Subscription"))
        v->subscription = true;
    struct ex_record rec = { l->device_id[0] ? "vnext-device-licence-file" : "vnext-licence-file",
                             lineno, v->findings, n, l->product[0] ? l->product : NULL };
    return v->sink(v->ctx, &rec) ? EX_STATUS_STOPPED : 0;
}

static int file_event(struct vnext *v, enum ex_vnext_file_event ev)
{
    return ev == EX_VF_LICENCE     ? licence_file(v)
           : ev == EX_VF_MALFORMED ? EX_STATUS_MALFORMED
           : ev == EX_VF_NOMEM     ? EX_STATUS_NOMEM
                                   : 0;
}

static int piece(void *state, const char *text, size_t len, size_t lineno, int ends_line)
{
    struct vnext *v = state;
    int rc = v->mid_line ? 0 : vnext_line(v, text, len, lineno);
    v->mid_line = !ends_line;
    while (!rc && len) {
        size_t used;
        rc = file_event(v, ex_vnext_file_piece(v->file, text, len, lineno, ends_line, &used));
        text += used, len -= used;
    }
    return rc;
}

static int finish(void *state)
{
    struct vnext *v = state;
    int rc = v->in_object ? emit(v) : 0;
    if (!rc)
        rc = file_event(v, ex_vnext_file_finish(v->file));
    if (rc || !v->volume_mode || !v->subscription)
        return rc;
    size_t n = 0;
    add(v, &n, &row_competes, v->volume_id);
    struct ex_record rec = { "vnext-modes", v->modes_line, v->findings, n, NULL };
    return v->sink(v->ctx, &rec) ? EX_STATUS_STOPPED : 0;
}

static const char *error_detail(void *state, size_t *lineno)
{
    struct vnext *v = state;
    return ex_vnext_file_error(v->file, lineno);
}

const struct ex_reader_ops ex_reader_vnext = {
    .name = "vnext",
    .create = create,
    .piece = piece,
    .finish = finish,
    .destroy = destroy,
    .error_detail = error_detail,
};
