/* SPDX-License-Identifier: MIT */
/* api.c: libslerr-explain's public face (include/slerr-explain.h) over the driver: opaque
 * handles and accessors, so the internal record can change without breaking programs. */
#include <stdbool.h>
#include <stdlib.h>

#include "explain.h"
#include "labels.h"
#include "readers.h"
#include "slmgr_ini.h"
#include "slerr-explain.h"

struct slerr_explainer {
    struct ex_driver *driver;
    struct ex_summary summary;
    slerr_explain_fn callback;
    void *context;
    struct ex_record headline; /* the summary's headline finding as a one-finding record */
    int ended;                 /* the status that ended the input (kept), or 0 while it goes on */
    bool finished;             /* slerr_explainer_finish() was called */
    bool in_callback;          /* a feed or finish is under way: a nested call is refused */
};

_Static_assert((int)EX_STATUS_UNAVAILABLE == SLERR_EXPLAIN_UNAVAILABLE,
               "the driver's status is returned as the public one");

/* The public record is the internal one: only this file knows. */
static const struct ex_record *inner(const slerr_explain_record *r)
{
    return (const struct ex_record *)(const void *)r;
}

static int forward(void *context, const struct ex_record *record)
{
    struct slerr_explainer *e = context;
    return e->callback(e->context, (const slerr_explain_record *)(const void *)record);
}

/* Runs a feed or the finish, keeping the rules of the header: once the input has ended (an
 * error, a stop by the callback, finish) it stays ended and says so; a call from inside the
 * callback is refused and changes nothing. */
static int step(slerr_explainer *e, const void *bytes, size_t size, bool finish)
{
    if (!e || e->in_callback)
        return SLERR_EXPLAIN_MISUSE;
    if (e->finished)
        return finish ? e->ended : SLERR_EXPLAIN_MISUSE;
    if (e->ended) {
        e->finished = finish;
        return e->ended;
    }
    e->in_callback = true;
    enum ex_status status = finish ? ex_driver_finish(e->driver)
                                   : ex_driver_feed(e->driver, bytes, size);
    e->in_callback = false;
    e->ended = (int)status;
    e->finished = finish;
    return (int)status;
}

slerr_explainer *slerr_explainer_new(slerr_explain_fn callback, void *context)
{
    struct slerr_explainer *e = calloc(1, sizeof *e);
    if (!e || !callback) {
        free(e);
        return NULL;
    }
    e->callback = callback;
    e->context = context;
    e->driver = ex_driver_new(forward, e, &e->summary);
    if (!e->driver) {
        free(e);
        return NULL;
    }
    return e;
}

int slerr_explainer_feed(slerr_explainer *e, const void *bytes, size_t size)
{
    if (!bytes && size)
        return SLERR_EXPLAIN_MISUSE;
    return step(e, bytes, size, false);
}

int slerr_explainer_finish(slerr_explainer *e)
{
    return step(e, NULL, 0, true);
}

int slerr_explainer_next_input(slerr_explainer *e)
{
    if (!e || e->in_callback)
        return SLERR_EXPLAIN_MISUSE;
    struct ex_driver *next = ex_driver_new(forward, e, &e->summary);
    if (!next)
        return SLERR_EXPLAIN_NOMEM;
    ex_driver_free(e->driver);
    e->driver = next;
    e->ended = 0;
    e->finished = false;
    return SLERR_EXPLAIN_DONE;
}

void slerr_explainer_free(slerr_explainer *e)
{
    if (!e)
        return;
    ex_driver_free(e->driver);
    free(e);
}

const char *slerr_explainer_error(const slerr_explainer *e, size_t *line)
{
    size_t ignored;
    if (!line)
        line = &ignored;
    *line = 0;
    return e ? ex_driver_error(e->driver, line) : NULL;
}

const char *slerr_explain_strerror(int status)
{
    switch (status) {
    case SLERR_EXPLAIN_DONE:
    case SLERR_EXPLAIN_NOMEM:
    case SLERR_EXPLAIN_MALFORMED:
    case SLERR_EXPLAIN_STOPPED:
        return ex_strerror((enum ex_status)status);
    case SLERR_EXPLAIN_UNAVAILABLE:
        return ex_strerror(EX_STATUS_UNAVAILABLE);
    case SLERR_EXPLAIN_MISUSE:
        return "the explainer takes no input now (finished, stopped, or inside its callback)";
    default:
        return "unknown status";
    }
}

size_t slerr_explainer_records(const slerr_explainer *e)
{
    return e->summary.records;
}

int slerr_explainer_worst(const slerr_explainer *e)
{
    return e->summary.have_worst ? (int)e->summary.worst : SLERR_EXPLAIN_OK;
}

const slerr_explain_record *slerr_explainer_headline(slerr_explainer *e)
{
    const struct ex_finding *head = ex_summary_headline(&e->summary);
    if (!head)
        return NULL;
    e->headline = (struct ex_record){ "headline", 0, head, 1, NULL };
    return (const slerr_explain_record *)(const void *)&e->headline;
}

const char *slerr_explain_record_kind(const slerr_explain_record *r)
{
    return inner(r)->kind;
}

size_t slerr_explain_record_line(const slerr_explain_record *r)
{
    return inner(r)->line;
}

const char *slerr_explain_record_title(const slerr_explain_record *r)
{
    return inner(r)->title;
}

size_t slerr_explain_record_findings(const slerr_explain_record *r)
{
    return inner(r)->nfindings;
}

static const struct ex_finding *finding(const slerr_explain_record *r, size_t i)
{
    return i < inner(r)->nfindings ? &inner(r)->findings[i] : NULL;
}

int slerr_explain_finding_severity(const slerr_explain_record *r, size_t i)
{
    const struct ex_finding *f = finding(r, i);
    return f ? (int)f->severity : -1;
}

const char *slerr_explain_finding_rule(const slerr_explain_record *r, size_t i)
{
    const struct ex_finding *f = finding(r, i);
    return f ? f->rule : NULL;
}

const char *slerr_explain_finding_field(const slerr_explain_record *r, size_t i)
{
    const struct ex_finding *f = finding(r, i);
    return f ? f->field : NULL;
}

const char *slerr_explain_finding_value(const slerr_explain_record *r, size_t i)
{
    const struct ex_finding *f = finding(r, i);
    return f ? f->value : NULL;
}

const char *slerr_explain_finding_text(const slerr_explain_record *r, size_t i)
{
    const struct ex_finding *f = finding(r, i);
    return f ? f->text : NULL;
}

size_t slerr_explain_finding_codes(const slerr_explain_record *r, size_t i)
{
    const struct ex_finding *f = finding(r, i);
    return f ? (f->ncodes < EX_MAX_CODES ? f->ncodes : EX_MAX_CODES) : 0;
}

uint32_t slerr_explain_finding_code(const slerr_explain_record *r, size_t i, size_t j)
{
    return j < slerr_explain_finding_codes(r, i) ? finding(r, i)->codes[j] : 0;
}

size_t slerr_explain_finding_sees(const slerr_explain_record *r, size_t i)
{
    const struct ex_finding *f = finding(r, i);
    return f ? (f->nsee < EX_MAX_SEE ? f->nsee : EX_MAX_SEE) : 0;
}

const char *slerr_explain_finding_see(const slerr_explain_record *r, size_t i, size_t j)
{
    return j < slerr_explain_finding_sees(r, i) ? finding(r, i)->see[j] : NULL;
}

const char *slerr_explain_reads(size_t i)
{
    size_t n = 0;
    while (ex_reader_kinds[n])
        n++;
    return i < n ? ex_reader_kinds[i] : NULL;
}

int slerr_explain_add_labels(const void *bytes, size_t size, const char *lang, size_t *added)
{
    if (added)
        *added = 0;
    if (!bytes || !lang || !lang[0])
        return SLERR_EXPLAIN_MALFORMED;
    switch (ex_slmgr_ini_load(bytes, size, lang, added)) {
    case EX_STATUS_OK:
        return SLERR_EXPLAIN_DONE;
    case EX_STATUS_NOMEM:
        return SLERR_EXPLAIN_NOMEM;
    default:
        return SLERR_EXPLAIN_MALFORMED;
    }
}

void slerr_explain_reset_labels(void)
{
    ex_labels_reset();
}

const char *slerr_explain_severity_name(int severity)
{
    static const char *const names[] = { "ok", "note", "warning", "critical" };
    return severity >= 0 && severity < 4 ? names[severity] : NULL;
}
