/* SPDX-License-Identifier: MIT */
/* reader_vnext.c: Microsoft 365 Apps' licences as `vNextDiag.ps1 -action list` prints them
 * ("========== vNext licenses found ==========" and its siblings, one ConvertTo-Json object per
 * licence): its state, entitlement and validity window, and, over the whole paste, a volume
 * product whose licence competes with a subscription licence. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "finding.h"
#include "psjson.h"
#include "readers.h"

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
    bool volume_mode;              /* a volume ProductReleaseId is listed */
    char volume_id[EX_VALUE_MAX];
    size_t modes_line;
    struct ex_finding findings[6];
};

static const struct ex_row row_licensed = { "vnext-licensed", "license-state", EX_OK,
    "Office holds a valid licence of this kind.", { 0 }, { NULL }, NULL };
static const struct ex_row row_not_licensed = { "vnext-not-licensed", "license-state",
    EX_CRITICAL, "Office holds no valid licence here: an expired, cancelled or removed "
    "subscription leaves the apps in reduced functionality until an account with the "
    "subscription signs in.", { 0 }, { NULL }, NULL };
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
    struct vnext *v = calloc(1, sizeof *v);
    if (v) {
        v->sink = sink;
        v->ctx = ctx;
    }
    return v;
}

static void destroy(void *state)
{
    free(state);
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

static int emit(struct vnext *v)
{
    size_t n = 0;
    v->in_object = false;
    if (!v->product[0] && !v->state[0])
        return 0;
    if (v->state[0])
        add(v, &n, strcasecmp(v->state, "Licensed") == 0 ? &row_licensed : &row_not_licensed,
            v->state);
    if (v->entitlement[0] && strcasecmp(v->entitlement, "Provisioned") != 0)
        add(v, &n, &row_entitlement, v->entitlement);
    if (v->not_after[0])
        add(v, &n, &row_window, v->not_after);
    if (v->expires[0])
        add(v, &n, &row_expires, v->expires);
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

static int line(void *state, const char *text, size_t len, size_t lineno)
{
    struct vnext *v = state;
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

static int finish(void *state)
{
    struct vnext *v = state;
    int rc = v->in_object ? emit(v) : 0;
    if (rc || !v->volume_mode || !v->subscription)
        return rc;
    size_t n = 0;
    add(v, &n, &row_competes, v->volume_id);
    struct ex_record rec = { "vnext-modes", v->modes_line, v->findings, n, NULL };
    return v->sink(v->ctx, &rec) ? EX_STATUS_STOPPED : 0;
}

static const char *error_detail(void *state, size_t *lineno)
{
    (void)state;
    *lineno = 0;
    return NULL;
}

const struct ex_reader_ops ex_reader_vnext = {
    .name = "vnext",
    .create = create,
    .line = line,
    .finish = finish,
    .destroy = destroy,
    .error_detail = error_detail,
};
