/* SPDX-License-Identifier: MIT */
/* explain.c: the driver: one input layer, every reader over every line, records summed up. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <slerr.h>

#include "checkmk.h"
#include "code.h"
#include "event.h"
#include "evtx.h"
#include "explain.h"
#include "fallback.h"
#include "guess.h"
#include "input.h"
#include "readers.h"

#define UNREACHABLE_KMS 0xC004F074u /* the client's "no KMS could be contacted" */
#define HELD_MAX 4 /* lone error lines kept until the input says whether it is about activation */

const char *ex_strerror(enum ex_status status)
{
    switch (status) {
    case EX_STATUS_OK: return "no error";
    case EX_STATUS_NOMEM: return "out of memory";
    case EX_STATUS_MALFORMED: return "malformed input";
    case EX_STATUS_STOPPED: return "stopped by the caller";
    case EX_STATUS_IO: return "input could not be read";
    case EX_STATUS_UNAVAILABLE: return "a library this input needs is not available";
    }
    return "unknown status";
}

static bool has_code(const struct ex_finding *f, uint32_t code)
{
    for (size_t i = 0; i < f->ncodes && i < EX_MAX_CODES; i++)
        if (f->codes[i] == code)
            return true;
    return false;
}

static bool is_inner_result(const struct ex_finding *f)
{
    return f->field && strcmp(f->field, "result") == 0 && f->ncodes > 0 && f->codes[0] != 0 &&
           f->codes[0] != UNREACHABLE_KMS;
}

#define LOW_COUNT 0xC004F038u /* the KMS host's count is too low */

/* A KMS host's own count (its slmgr /dlv, its log's report, a client told it), not a
 * client's refusal. */
static bool is_host_count(const struct ex_finding *f)
{
    return f->field && (strcmp(f->field, "current-count") == 0 ||
                        strcmp(f->field, "kms-count") == 0) && has_code(f, LOW_COUNT);
}

/* A client activated through Active Directory (event 12308, the host report's sum of them, or
 * a product that names its activation object). */
static bool is_adba(const struct ex_finding *f)
{
    return f->rule && (strcmp(f->rule, "12308-adba-activated") == 0 ||
                       strcmp(f->rule, "report-adba") == 0 ||
                       strcmp(f->rule, "adba-activated") == 0);
}

static void keep_worse(struct ex_finding *kept, bool *have, size_t *at, size_t now,
                       const struct ex_finding *f)
{
    if (f->severity > EX_OK && (!*have || f->severity > kept->severity)) {
        *kept = *f;
        *have = true;
        *at = now;
    }
}

/* The worst finding; a low count where clients use Active Directory is a note, and then the
 * Active Directory finding leads in its place, as it says why; a state told in prose counts
 * only where no tool's output in the input gives the licence status. */
static void settle(struct ex_summary *s)
{
    struct ex_finding other = s->other;
    bool have_other = s->have_other;
    size_t other_at = s->other_at;
    if (s->have_prose && !s->have_tool_status &&
        (!have_other || s->prose.severity > other.severity ||
         (s->prose.severity == other.severity && s->prose_at < other_at))) {
        other = s->prose;
        have_other = true;
        other_at = s->prose_at;
    }
    bool soften = s->have_adba && s->have_count && s->count.severity > EX_NOTE;
    enum ex_severity count = soften ? EX_NOTE : s->count.severity;
    s->have_worst = s->have_count || have_other;
    if (have_other && (!s->have_count || other.severity > count ||
                       (other.severity == count && other_at < s->count_at))) {
        s->worst = other.severity;
        s->worst_finding = other;
    } else if (s->have_count) {
        s->worst = count;
        s->worst_finding = soften ? s->adba : s->count;
        s->worst_finding.severity = count;
    }
}

void ex_summary_add(struct ex_summary *s, const struct ex_record *record)
{
    s->records++;
    bool prose = strcmp(record->kind, "sentence") == 0;
    for (size_t i = 0; i < record->nfindings; i++) {
        const struct ex_finding *f = &record->findings[i];
        size_t now = s->findings++;
        if (prose) {
            keep_worse(&s->prose, &s->have_prose, &s->prose_at, now, f);
            continue;
        }
        if (f->field && strcmp(f->field, "license-status") == 0)
            s->have_tool_status = true;
        if (is_host_count(f))
            keep_worse(&s->count, &s->have_count, &s->count_at, now, f);
        else
            keep_worse(&s->other, &s->have_other, &s->other_at, now, f);
        if (is_adba(f) && !s->have_adba) {
            s->adba = *f;
            s->have_adba = true;
        }
        if (is_inner_result(f) && !s->have_inner) {
            s->inner = *f;
            s->have_inner = true;
        } else if (has_code(f, UNREACHABLE_KMS)) {
            s->have_client_unreachable = true;
        }
    }
    settle(s);
}

const struct ex_finding *ex_summary_headline(const struct ex_summary *s)
{
    if (s->have_client_unreachable && s->have_inner)
        return &s->inner;
    return s->have_worst ? &s->worst_finding : NULL;
}

struct ex_driver {
    ex_sink_fn sink;
    void *ctx;
    struct ex_summary *summary;
    size_t nreaders;
    void **states;
    const struct ex_reader_ops *failed; /* the reader that reported EX_STATUS_MALFORMED */
    void *failed_state;
    /* What the input is, told by its first bytes: text of any kind, or an .evtx file. */
    enum { INPUT_UNKNOWN, INPUT_TEXT, INPUT_EVTX } kind;
    unsigned char first[EX_EVTX_SIGNATURE_LEN];
    size_t nfirst;
    struct ex_evtx *evtx;
    char evtx_error[320];
    struct ex_fallback *fallback; /* codes no reader claimed */
    struct ex_guess guess;        /* the last word on a text nothing else could read */
    size_t records_before;        /* the summary's records from the inputs before this one */
    size_t lineno;                /* the line being fed */
    bool finishing;               /* the input has ended */
    struct ex_checkmk checkmk; /* a Checkmk agent's dump: only its win_license section is read */
    bool hidden;               /* the current line is kept from the readers */
    size_t claimed;            /* the current line is for reader claimed - 1 alone (0: all) */
    /* Error lines whose labels other programs print too ("Error: 0x80070426 ...", "Error
     * code: 0x1608"), naming only general Windows codes, met before anything in the input
     * spoke of activation: reported at the end only if something did (held[0 .. nheld), each
     * written whole when held: not zeroed at the start, some 14 KiB). */
    size_t nheld;
    struct held {
        struct ex_record record;
        struct ex_finding findings[EX_MAX_CODES];
    } held[HELD_MAX];
    struct ex_input input;
};

/* A record of a bare error line naming only codes that are not the licensing service's:
 * slmgr's "Error:" label with a general Windows code (another program's "Error: 0x80070426
 * The service has not been started." reads the same), or either error label ("Error code:"
 * of ospp /act too) with a code the catalog does not hold (a Remote Desktop client's
 * "Error code: 0x1608"). "Error code: 0x800705b4" alone, as activation scripts print it,
 * stays a record. */
static bool lone_general_error(const struct ex_record *record)
{
    bool slmgr = strcmp(record->kind, "slmgr-error") == 0;
    if (!slmgr && strcmp(record->kind, "ospp-act") != 0)
        return false;
    size_t ncodes = 0;
    for (size_t i = 0; i < record->nfindings; i++)
        for (size_t j = 0; j < record->findings[i].ncodes && j < EX_MAX_CODES; j++, ncodes++) {
            uint32_t code = record->findings[i].codes[j];
            if (ex_activation_code(code) || (!slmgr && slerr_lookup(code)))
                return false;
        }
    return ncodes > 0 && record->nfindings <= EX_MAX_CODES;
}

static bool hold(struct ex_driver *d, const struct ex_record *record)
{
    if (d->nheld == HELD_MAX || ex_fallback_about_activation(d->fallback) ||
        !lone_general_error(record))
        return false;
    struct held *h = &d->held[d->nheld++];
    memcpy(h->findings, record->findings, record->nfindings * sizeof record->findings[0]);
    h->record = *record;
    h->record.findings = h->findings;
    h->record.title = NULL; /* a reader's buffer; an error line has none */
    return true;
}

static int summing_sink(void *ctx, const struct ex_record *record)
{
    struct ex_driver *d = ctx;
    if (hold(d, record))
        return 0;
    ex_summary_add(d->summary, record);
    /* A record handed on while a line is fed was ended by that line (unless it is the line's
     * own record); at the end of input it reaches the last line. */
    size_t last = d->finishing || d->lineno <= record->line ? d->lineno : d->lineno - 1;
    ex_fallback_claim(d->fallback, record, last > record->line ? last : record->line);
    return d->sink(d->ctx, record);
}

/* The fallback's records go to the sink and the summary, not back to the fallback. */
static int fallback_sink(void *ctx, const struct ex_record *record)
{
    struct ex_driver *d = ctx;
    ex_summary_add(d->summary, record);
    return d->sink(d->ctx, record);
}

/* The reader (its index + 1) whose document this line continues, or 0: every reader. */
static size_t claimed_by(const struct ex_driver *d, const char *text, size_t len)
{
    for (size_t i = 0; i < d->nreaders; i++)
        if (ex_readers[i]->claims && ex_readers[i]->claims(d->states[i], text, len))
            return i + 1;
    return 0;
}

static int on_line(void *ctx, const char *text, size_t len, size_t lineno, bool first, bool last)
{
    struct ex_driver *d = ctx;
    if (first)
        d->hidden = ex_checkmk_hides(&d->checkmk, text, len);
    if (d->hidden)
        return 0;
    d->lineno = lineno;
    if (first) {
        d->claimed = claimed_by(d, text, len);
        ex_fallback_line(d->fallback, text, len, lineno, d->claimed != 0);
        if (!d->claimed)
            ex_guess_line(&d->guess, text, len, lineno);
    }
    for (size_t i = 0; i < d->nreaders; i++) {
        const struct ex_reader_ops *ops = ex_readers[i];
        if (d->claimed && i + 1 != d->claimed)
            continue;
        int status = 0;
        if (ops->piece)
            status = ops->piece(d->states[i], text, len, lineno, last);
        else if (first)
            status = ops->line(d->states[i], text, len, lineno);
        /* Broken input, or a library it needs missing (XML without expat): the reader says. */
        if ((status == EX_STATUS_MALFORMED || status == EX_STATUS_UNAVAILABLE) && !d->failed) {
            d->failed = ops;
            d->failed_state = d->states[i];
        }
        if (status)
            return status;
    }
    return 0;
}

_Static_assert(offsetof(struct ex_driver, input) + sizeof(struct ex_input) ==
                   sizeof(struct ex_driver),
               "input is the last member");

struct ex_driver *ex_driver_new(ex_sink_fn sink, void *ctx, struct ex_summary *summary)
{
    /* Not calloc: the held error lines and the input layer (the last members, most of the
     * size) are written when used; the input layer sets its own fields and leaves its line
     * buffer unzeroed. */
    struct ex_driver *d = malloc(sizeof *d);
    if (!d)
        return NULL;
    memset(d, 0, offsetof(struct ex_driver, held));
    while (ex_readers[d->nreaders])
        d->nreaders++;
    d->states = calloc(d->nreaders + 1, sizeof *d->states);
    d->sink = sink;
    d->ctx = ctx;
    d->summary = summary;
    ex_guess_init(&d->guess);
    d->records_before = summary->records;
    d->fallback = ex_fallback_new();
    if (!d->fallback) {
        free(d->states);
        free(d);
        return NULL;
    }
    for (size_t i = 0; d->states && i < d->nreaders; i++) {
        d->states[i] = ex_readers[i]->create(summing_sink, d);
        if (!d->states[i]) {
            ex_driver_free(d);
            return NULL;
        }
    }
    if (!d->states) {
        ex_fallback_free(d->fallback);
        free(d);
        return NULL;
    }
    ex_input_init(&d->input, on_line, d);
    return d;
}

/* An .evtx record's XML goes to the readers as one line numbered by its EventRecordID, in
 * pieces of at most EX_LINE_MAX bytes as the input layer would give it. */
static int on_evtx_record(void *ctx, const char *xml, size_t len, uint64_t record_id)
{
    size_t lineno = (size_t)record_id;
    size_t done = 0;
    do {
        size_t n = len - done < EX_LINE_MAX ? len - done : EX_LINE_MAX;
        int status = on_line(ctx, xml + done, n, lineno, done == 0, done + n == len);
        if (status)
            return status;
        done += n;
    } while (done < len);
    return 0;
}

/* An .evtx record as an event, to the reader that takes events. The code fallback does not see
 * it: a reader takes an event only when nothing in it is left to explain. */
static int on_evtx_event(void *ctx, struct ex_event *ev, bool complete)
{
    struct ex_driver *d = ctx;
    for (size_t i = 0; i < d->nreaders; i++)
        if (ex_readers[i]->event) {
            d->lineno = ev->line;
            int status = ex_readers[i]->event(d->states[i], ev, complete);
            if (status != EX_WANT_XML)
                return status;
        }
    return EX_WANT_XML;
}

/* libevtx missing: the reason, for ex_driver_error. */
static int note_unavailable(struct ex_driver *d, int status)
{
    if (status == EX_STATUS_UNAVAILABLE)
        snprintf(d->evtx_error, sizeof d->evtx_error, "reading .evtx files is not available: %s",
                 ex_evtx_error(d->evtx, NULL));
    return status;
}

static int feed_kind(struct ex_driver *d, const void *bytes, size_t n)
{
    if (d->kind == INPUT_EVTX)
        return note_unavailable(d, ex_evtx_feed(d->evtx, bytes, n));
    return ex_input_feed(&d->input, bytes, n);
}

/* Decides what the input is once its first bytes are known (or it ended before them). */
static int decide_kind(struct ex_driver *d)
{
    d->kind = ex_evtx_signature(d->first, d->nfirst) ? INPUT_EVTX : INPUT_TEXT;
    if (d->kind == INPUT_EVTX && !(d->evtx = ex_evtx_new(on_evtx_record, on_evtx_event, d)))
        return EX_STATUS_NOMEM;
    return feed_kind(d, d->first, d->nfirst);
}

enum ex_status ex_driver_feed(struct ex_driver *d, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    if (d->kind == INPUT_UNKNOWN) {
        size_t take = sizeof d->first - d->nfirst < n ? sizeof d->first - d->nfirst : n;
        memcpy(d->first + d->nfirst, p, take);
        d->nfirst += take, p += take, n -= take;
        if (d->nfirst < sizeof d->first)
            return EX_STATUS_OK;
        int status = decide_kind(d);
        if (status)
            return (enum ex_status)status;
    }
    return n ? (enum ex_status)feed_kind(d, p, n) : EX_STATUS_OK;
}

/* The end of an .evtx: its damage, if any, is reported after the records read before it. */
static int finish_evtx(struct ex_driver *d)
{
    int status = note_unavailable(d, ex_evtx_finish(d->evtx));
    if (status == EX_STATUS_MALFORMED) {
        size_t records;
        const char *why = ex_evtx_error(d->evtx, &records);
        snprintf(d->evtx_error, sizeof d->evtx_error, "%s (%zu record%s read)", why,
                 records, records == 1 ? "" : "s");
    }
    return status;
}

/* A text about activation that nothing read, whose words sound like a report of activation
 * failing: said as a guess, with the words that weighed most. */
static int finish_guess(struct ex_driver *d)
{
    if (d->summary->records > d->records_before || !ex_fallback_about_activation(d->fallback) ||
        !ex_guess_trouble(&d->guess))
        return 0;
    struct ex_finding finding;
    size_t line = ex_guess_finding(&d->guess, &finding);
    struct ex_record record = { "text", line, &finding, 1, NULL };
    return fallback_sink(d, &record) ? EX_STATUS_STOPPED : 0;
}

enum ex_status ex_driver_finish(struct ex_driver *d)
{
    int status = d->kind == INPUT_UNKNOWN ? decide_kind(d) : 0;
    int evtx_status = 0;
    if (!status && d->kind == INPUT_EVTX) {
        evtx_status = finish_evtx(d);
        status = evtx_status == EX_STATUS_MALFORMED ? 0 : evtx_status;
    } else if (!status) {
        status = ex_input_finish(&d->input);
    }
    d->finishing = true;
    for (size_t i = 0; i < d->nreaders && !status; i++) {
        status = ex_readers[i]->finish(d->states[i]);
        if (status == EX_STATUS_MALFORMED && !d->failed) {
            d->failed = ex_readers[i];
            d->failed_state = d->states[i];
        }
    }
    bool about = ex_fallback_about_activation(d->fallback);
    for (size_t i = 0; i < d->nheld && !status && about; i++) {
        const struct ex_record *r = &d->held[i].record;
        ex_summary_add(d->summary, r);
        ex_fallback_claim(d->fallback, r, r->line);
        status = d->sink(d->ctx, r);
    }
    if (!status)
        status = ex_fallback_finish(d->fallback, fallback_sink, d);
    if (!status)
        status = finish_guess(d);
    return (enum ex_status)(status ? status : evtx_status);
}

const char *ex_driver_error(const struct ex_driver *d, size_t *lineno)
{
    *lineno = 0;
    if (d->evtx_error[0] && !d->failed)
        return d->evtx_error;
    if (!d->failed || !d->failed->error_detail)
        return NULL;
    return d->failed->error_detail(d->failed_state, lineno);
}

void ex_driver_free(struct ex_driver *d)
{
    if (!d)
        return;
    for (size_t i = 0; d->states && i < d->nreaders; i++)
        if (d->states[i])
            ex_readers[i]->destroy(d->states[i]);
    free(d->states);
    ex_evtx_free(d->evtx);
    ex_fallback_free(d->fallback);
    ex_guess_free(&d->guess);
    free(d);
}
