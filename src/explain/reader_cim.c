/* SPDX-License-Identifier: MIT */
/* reader_cim.c: PowerShell's Format-List of SoftwareLicensingProduct / SoftwareLicensingService
 * (Get-CimInstance, Get-WmiObject ... | Format-List): "Property : value" blocks between blank
 * lines, long values continued on indented lines. */
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "readers.h"

static void *cim_create(ex_sink_fn sink, void *ctx)
{
    return ex_collector_new(sink, ctx);
}

static void cim_destroy(void *state)
{
    free(state);
}

static int close_block(struct ex_collector *c)
{
    const struct ex_facts *f = &c->facts;
    const char *status = f->text[EXL_LICENSE_STATUS];
    if (f->seen[EXL_LICENSE_STATUS])
        return ex_collector_emit(c, "cim-product", true,
                                 status[0] >= '0' && status[0] <= '6' && status[1] == '\0');
    bool service = f->seen[EXL_CURRENT_COUNT] || f->seen[EXL_IS_KMS_HOST] ||
                   (f->seen[EXL_WINDOWS_REARM] && f->seen[EXL_SERVICE_VERSION]);
    return ex_collector_emit(c, "cim-service", true, service);
}

/* "SomeProperty   : value": a property this reader does not use keeps the block open. */
static bool property_line(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z') ||
                       (text[i] >= '0' && text[i] <= '9') || text[i] == '_'))
        i++;
    if (i == 0)
        return false;
    while (i < len && text[i] == ' ')
        i++;
    return i < len && text[i] == ':';
}

static int cim_line(void *state, const char *text, size_t len, size_t lineno)
{
    struct ex_collector *c = state;
    const char *v;
    size_t vl;
    const struct ex_label_row *row = ex_label_find_row(EX_FMT_CIM, text, len, &v, &vl);
    enum ex_label label = row ? row->id : EXL_NONE;
    bool own = row && row->formats == EX_FMT_CIM; /* a line no other tool prints */
    if (label != EXL_NONE) {
        /* One object's properties come once each: a property seen again is the next object
         * (also when a forum put a blank line after every property). */
        if (ex_collector_repeats(c, label)) {
            int status = close_block(c);
            if (status)
                return status;
        }
        if (!c->open)
            ex_collector_start(c, lineno);
        ex_collector_field(c, label, v, vl, text, len, own);
        return 0;
    }
    size_t indent = strspn(text, " \t");
    if (indent == len) {
        c->last = EXL_NONE; /* no continuation across a blank line; the object goes on */
        return 0;
    }
    if (indent >= 4 && c->open && c->last > EXL_OTHER) {
        ex_facts_append(&c->facts, c->last, text + indent, len - indent);
        return 0;
    }
    if (indent == 0 && property_line(text, len)) {
        if (!c->open)
            ex_collector_start(c, lineno);
        c->last = EXL_NONE;
        return 0;
    }
    if (ex_collector_rejoin(c, text, len)) /* a value the console cut at 80 columns */
        return 0;
    return close_block(c);
}

static int cim_finish(void *state)
{
    return close_block(state);
}

static const char *cim_error_detail(void *state, size_t *lineno)
{
    (void)state;
    *lineno = 0;
    return NULL;
}

const struct ex_reader_ops ex_reader_cim = {
    .name = "cim",
    .create = cim_create,
    .line = cim_line,
    .finish = cim_finish,
    .destroy = cim_destroy,
    .error_detail = cim_error_detail,
};
