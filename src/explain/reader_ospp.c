/* SPDX-License-Identifier: MIT */
/* reader_ospp.c: ospp.vbs /dstatus: one licence block between dashed lines per Office product,
 * its LICENSE STATUS, ERROR CODE (informational ones too) and KMS client settings. */
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
    if (c->facts.seen[EXL_TIME_WRITTEN]) {
        uint32_t code;
        const char *v = c->facts.text[EXL_ERROR_HOST];
        return ex_collector_emit(c, "ospp-dhistorykms", false,
                                 ex_code_parse(v, strlen(v), false, &code));
    }
    const char *status = c->facts.text[EXL_LICENSE_STATUS];
    bool recognised = c->facts.seen[EXL_NAME] && ex_license_state(status, strlen(status)) >= 0;
    return ex_collector_emit(c, "ospp-dstatus", false, recognised);
}

/* "-------------", also "---Processing----------" and "---Exiting----": ospp's separators. */
static bool dashed(const char *text, size_t len)
{
    return len >= 10 && strncmp(text, "---", 3) == 0 && text[len - 1] == '-';
}

static int ospp_line(void *state, const char *text, size_t len, size_t lineno)
{
    struct ex_collector *c = state;
    const char *v;
    size_t vl;
    enum ex_label label = ex_label_find(EX_FMT_OSPP, text, len, &v, &vl);
    if (label == EXL_NONE) {
        if (strspn(text, " \t") == len || (!dashed(text, len) && ex_collector_rejoin(c, text, len)))
            return 0;
        return close_block(c);
    }
    if (label == EXL_SKU_ID || label == EXL_TIME_WRITTEN ||
        (label == EXL_NAME && !c->facts.seen[EXL_SKU_ID])) {
        int status = close_block(c);
        if (status)
            return status;
        ex_collector_start(c, lineno);
    }
    ex_collector_field(c, label, v, vl, text, len);
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
