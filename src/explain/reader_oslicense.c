/* SPDX-License-Identifier: MIT */
/* reader_oslicense.c: the objects of the OSLicense PowerShell module (Get-OSLicenseInfo,
 * Get-KmsLicenseInfo, Get-ADLicenseInfo, Get-SubscriptionLicenseInfo, and the results of its
 * Set-/Invoke- cmdlets) as ConvertTo-Json, Format-Table and, for the results and the
 * subscription, Format-List prints them. Their property names are the SoftwareLicensingProduct/Service ones (the CIM
 * rows of the label table); Format-List of a Get- object is the CIM reader's. Each form is
 * turned into (property, value) pairs for one collector. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "psjson.h"
#include "readers.h"

#define MAX_COLUMNS 16
#define NAME_MAX_LEN 64

enum form { FORM_NONE, FORM_JSON, FORM_TABLE, FORM_LIST };

struct oslicense {
    struct ex_collector *c;
    enum form form;
    bool result;                 /* the open object has Success or ErrorCode */
    bool product;                /* ... or LicenseStatus: a CIM-like product */
    bool subscription;           /* ... or Get-SubscriptionLicenseInfo's properties */
    /* Format-Table: the columns the dashes mark, and the header line before the dashes */
    size_t ncolumns;
    size_t start[MAX_COLUMNS];
    char names[MAX_COLUMNS][NAME_MAX_LEN];
    size_t header_len;
    char header[EX_LINE_MAX + 1]; /* last: create() leaves it unzeroed (header_len says) */
};

static void *create(ex_sink_fn sink, void *ctx)
{
    /* Not calloc: zeroing the 8 KiB header buffer touched pages at every explain run. */
    struct oslicense *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    memset(s, 0, offsetof(struct oslicense, header));
    s->c = ex_collector_new(sink, ctx);
    if (!s->c) {
        free(s);
        return NULL;
    }
    return s;
}

static void destroy(void *state)
{
    struct oslicense *s = state;
    if (s)
        free(s->c);
    free(s);
}

/* One property of the open object: by its CIM label, or noted when it marks a result. */
static void property(struct oslicense *s, const char *name, size_t nlen, const char *value,
                     size_t vlen)
{
    char labelled[NAME_MAX_LEN + EX_VALUE_MAX + 4];
    const char *v;
    size_t vl;
    if (nlen >= NAME_MAX_LEN)
        return;
    if (vlen > EX_VALUE_MAX)
        vlen = EX_VALUE_MAX;
    int n = snprintf(labelled, sizeof labelled, "%.*s : %.*s", (int)nlen, name, (int)vlen,
                     value);
    if (n < 0)
        return;
    enum ex_label label = ex_label_find(EX_FMT_CIM | EX_FMT_OSLICENSE, labelled, (size_t)n, &v, &vl);
    bool result = (nlen == 7 && memcmp(name, "Success", 7) == 0) || label == EXL_ERROR ||
                  label == EXL_ERROR_DESCRIPTION;
    s->result |= result;
    if (label == EXL_LICENSE_STATUS || label == EXL_CURRENT_COUNT || label == EXL_IS_KMS_HOST)
        s->product = true;
    bool subscription = label >= EXL_SUBSCRIPTION_TYPE && label <= EXL_SUBSCRIPTION_STATUS_VALUE;
    s->subscription |= subscription;
    if (label != EXL_NONE && label != EXL_OTHER)
        /* JSON and table lines are this reader's alone; in Format-List only a result's and
         * a subscription's (the CIM reader knows neither). */
        ex_collector_field(s->c, label, v, vl, labelled, (size_t)n,
                           s->form != FORM_LIST || result || subscription);
}

static void open_object(struct oslicense *s, enum form form, size_t lineno)
{
    ex_collector_start(s->c, lineno);
    s->form = form;
    s->result = s->product = s->subscription = false;
}

/* The object is complete: a product, the KMS service or a cmdlet's result. */
static int close_object(struct oslicense *s, bool list)
{
    const char *kind = s->result                              ? "oslicense-result"
                       : s->c->facts.seen[EXL_LICENSE_STATUS] ? "oslicense-product"
                       : s->subscription                      ? "oslicense-subscription"
                                                              : "oslicense-service";
    /* Format-List of a Get- object is the CIM reader's: only results and subscriptions are
     * read here. */
    bool recognised = list ? (s->result || s->subscription) && !s->product
                           : s->result || s->product || s->subscription;
    return ex_collector_emit(s->c, kind, true, recognised);
}

static size_t trim_end(const char *text, size_t len)
{
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    return len;
}

static int json_line(struct oslicense *s, const char *text, size_t len, size_t lineno)
{
    char name[NAME_MAX_LEN], value[EX_VALUE_MAX + 1];
    size_t i = strspn(text, " \t");
    len = trim_end(text, len);
    if (i < len && text[i] == '{') {
        open_object(s, FORM_JSON, lineno);
        return 0;
    }
    if (s->form != FORM_JSON)
        return 0;
    if (i < len && text[i] == '}')
        return s->form = FORM_NONE, close_object(s, false);
    if (ex_psjson_member(text, len, name, sizeof name, value, sizeof value))
        property(s, name, strlen(name), value, strlen(value));
    else if (i < len) /* a value cut at the console's width goes on here */
        (void)ex_collector_rejoin(s->c, text + i, ex_psjson_continuation(text + i, len - i));
    return 0;
}

/* Format-Table: "Name  LicenseStatus" over "----  -------------": each dash run is a column. */
static bool dashes(const char *text, size_t len)
{
    bool any = false;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '-')
            any = true;
        else if (text[i] != ' ')
            return false;
    }
    return any;
}

static bool table_header(struct oslicense *s, const char *text, size_t len)
{
    s->ncolumns = 0;
    for (size_t i = 0; i < len && s->ncolumns < MAX_COLUMNS;) {
        while (i < len && text[i] == ' ')
            i++;
        if (i == len)
            break;
        size_t start = i;
        while (i < len && text[i] == '-')
            i++;
        /* the header's name for the column: the word over its dashes */
        size_t h = start, hend = i < s->header_len ? i : s->header_len;
        while (h < hend && s->header[h] == ' ')
            h++;
        size_t e = h;
        while (e < hend && s->header[e] != ' ')
            e++;
        if (e == h || e - h >= NAME_MAX_LEN)
            return false;
        memcpy(s->names[s->ncolumns], s->header + h, e - h);
        s->names[s->ncolumns][e - h] = '\0';
        s->start[s->ncolumns++] = start;
    }
    return s->ncolumns >= 2;
}

static int table_row(struct oslicense *s, const char *text, size_t len, size_t lineno)
{
    open_object(s, FORM_TABLE, lineno);
    for (size_t k = 0; k < s->ncolumns; k++) {
        size_t from = s->start[k] < len ? s->start[k] : len;
        size_t to = k + 1 < s->ncolumns && s->start[k + 1] < len ? s->start[k + 1] : len;
        while (from < to && text[from] == ' ')
            from++;
        to = from + trim_end(text + from, to - from);
        property(s, s->names[k], strlen(s->names[k]), text + from, to - from);
    }
    return close_object(s, false);
}

static int table_line(struct oslicense *s, const char *text, size_t len, size_t lineno)
{
    len = trim_end(text, len);
    if (s->form == FORM_TABLE) {
        if (len == 0) {
            s->form = FORM_NONE;
            return 0;
        }
        int rc = table_row(s, text, len, lineno);
        s->form = FORM_TABLE;
        return rc;
    }
    if (dashes(text, len) && s->header_len && table_header(s, text, len)) {
        s->form = FORM_TABLE;
        return 0;
    }
    s->header_len = len <= EX_LINE_MAX ? len : 0;
    memcpy(s->header, text, s->header_len);
    return 0;
}

/* Format-List of a Set-/Invoke- result: "Success : False", "ErrorCode : -1073418124" ... */
static int list_line(struct oslicense *s, const char *text, size_t len, size_t lineno)
{
    len = trim_end(text, len);
    size_t n = 0;
    while (n < len && ((text[n] >= 'A' && text[n] <= 'Z') || (text[n] >= 'a' && text[n] <= 'z')))
        n++;
    size_t colon = n;
    while (colon < len && text[colon] == ' ')
        colon++;
    if (n > 0 && colon < len && text[colon] == ':') {
        if (s->form != FORM_LIST)
            open_object(s, FORM_LIST, lineno);
        size_t v = colon + 1 + strspn(text + colon + 1, " ");
        property(s, text, n, text + v, len - v);
        return 0;
    }
    if (s->form == FORM_LIST && !ex_collector_rejoin(s->c, text, len)) {
        s->form = FORM_NONE;
        return close_object(s, true);
    }
    return 0;
}

static int line(void *state, const char *text, size_t len, size_t lineno)
{
    struct oslicense *s = state;
    size_t i = strspn(text, " \t");
    if (s->form == FORM_JSON || (s->form == FORM_NONE && i < len && text[i] == '{'))
        return json_line(s, text, len, lineno);
    int rc = table_line(s, text, len, lineno);
    if (rc || s->form == FORM_TABLE)
        return rc;
    return list_line(s, text, len, lineno);
}

static int finish(void *state)
{
    struct oslicense *s = state;
    enum form form = s->form;
    s->form = FORM_NONE;
    return form == FORM_LIST ? close_object(s, true) : form == FORM_JSON ? close_object(s, false)
                                                                         : 0;
}

static const char *error_detail(void *state, size_t *lineno)
{
    (void)state;
    *lineno = 0;
    return NULL;
}

const struct ex_reader_ops ex_reader_oslicense = {
    .name = "oslicense",
    .create = create,
    .line = line,
    .finish = finish,
    .destroy = destroy,
    .error_detail = error_detail,
};
