/* SPDX-License-Identifier: MIT */
/* reader_ospp.c: ospp.vbs /dstatus, /dstatusall, /act, /inpkey, /inslic and /dhistorykms: one
 * block per Office product (between dashed lines, or from the field that opens the next), its
 * LICENSE STATUS, ERROR CODE (informational ones too), results and KMS client settings. */
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "readers.h"

static void *ospp_create(ex_sink_fn sink, void *ctx)
{
    return ex_collector_new(sink, ctx);
}

static void ospp_destroy(void *state)
{
    free(state);
}

static int close_block(struct ex_collector *c)
{
    if (!c->open)
        return 0; /* most lines of most inputs: nothing to hand on, no state to read */
    if (c->facts.seen[EXL_TIME_WRITTEN]) {
        uint32_t code;
        const char *v = c->facts.text[EXL_ERROR_HOST];
        return ex_collector_emit(c, "ospp-dhistorykms", false,
                                 ex_code_parse(v, strlen(v), false, &code));
    }
    const struct ex_facts *f = &c->facts;
    const char *status = f->text[EXL_LICENSE_STATUS];
    bool recognised = ex_license_state(status, strlen(status)) >= 0;
    const char *kind = f->seen[EXL_KEY_INSTALLED] ? "ospp-inpkey"
                       : f->seen[EXL_LICENSE_INSTALLED] ? "ospp-inslic"
                       : f->seen[EXL_SETTING_APPLIED] || f->seen[EXL_NO_KMS_LICENSES]
                           ? "ospp-setting"
                       : f->seen[EXL_SERVICE_DOWN] ? "ospp-service"
                       : f->seen[EXL_ACT_ATTEMPT] || f->seen[EXL_ACTIVATED_OK] ||
                               f->seen[EXL_NO_KEYS] || (!f->seen[EXL_LICENSE_STATUS] && f->seen[EXL_ERROR])
                           ? "ospp-act"
                           : "ospp-dstatus";
    return ex_collector_emit(c, kind, false, recognised ? EX_RECOGNISED : EX_IF_FINDINGS);
}

/* "-------------", also "---Processing----------" and "---Exiting----": ospp's separators;
 * retyped by hand, their dashes become dots ("......Processing......"). */
static bool dashed(const char *text, size_t len)
{
    return len >= 10 && (strncmp(text, "---", 3) == 0 || strncmp(text, "...", 3) == 0) &&
           (text[len - 1] == '-' || text[len - 1] == '.');
}

/* Whether the open block holds any field but the /act line that announces a product. */
static bool has_fields(const struct ex_collector *c)
{
    for (int i = EXL_OTHER + 1; i < EXL_LABEL_COUNT; i++)
        if (c->facts.seen[i] && i != EXL_ACT_ATTEMPT)
            return true;
    return false;
}

/* A product's block opens with /act's announcement, its SKU ID, or its LICENSE NAME when no
 * SKU ID came; a /dhistorykms entry with its time. The block before ends there. */
static bool starts_block(const struct ex_collector *c, enum ex_label label)
{
    if (!c->open)
        return false;
    switch (label) {
    case EXL_ACT_ATTEMPT:
    case EXL_TIME_WRITTEN:
        return true;
    case EXL_SKU_ID:
        return has_fields(c);
    case EXL_NAME:
        return !c->facts.seen[EXL_SKU_ID] && has_fields(c);
    default:
        return false;
    }
}

static int ospp_line(void *state, const char *text, size_t len, size_t lineno)
{
    struct ex_collector *c = state;
    const char *v;
    size_t vl;
    const struct ex_label_row *row = ex_label_find_row(EX_FMT_OSPP, text, len, &v, &vl);
    enum ex_label label = row ? row->id : EXL_NONE;
    bool own = row && row->formats == EX_FMT_OSPP; /* a line no other tool prints */
    if (label == EXL_NONE) {
        if (strspn(text, " \t") == len || (!dashed(text, len) && ex_collector_rejoin(c, text, len)))
            return 0;
        return close_block(c);
    }
    if (label == EXL_BANNER)
        return close_block(c);
    if (label == EXL_OTHER && !c->open)
        return 0;
    if (starts_block(c, label) || ex_collector_repeats(c, label) || !c->open) {
        int status = close_block(c);
        if (status)
            return status;
        ex_collector_start(c, lineno);
    }
    ex_collector_field(c, label, v, vl, text, len, own);
    return 0;
}

static int ospp_finish(void *state)
{
    return close_block(state);
}

static const char *ospp_error_detail(void *state, size_t *lineno)
{
    (void)state;
    *lineno = 0;
    return NULL;
}

const struct ex_reader_ops ex_reader_ospp = {
    .name = "ospp",
    .create = ospp_create,
    .line = ospp_line,
    .finish = ospp_finish,
    .destroy = ospp_destroy,
    .error_detail = ospp_error_detail,
};
