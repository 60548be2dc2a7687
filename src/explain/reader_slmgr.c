/* SPDX-License-Identifier: MIT */
/* reader_slmgr.c: slmgr.vbs output: /dli and /dlv licence records (blank lines inside them,
 * values wrapped at 80 columns rejoined, starting at any field they hold), /xpr, and the
 * one-line results of /ato /ipk /upk /rearm /rilc /skms. */
#include <stdlib.h>
#include <string.h>

#include "collect.h"
#include "readers.h"
#include "sentence.h"

struct slmgr {
    struct ex_collector *rec; /* a /dli or /dlv record */
    struct ex_collector *one; /* a one-line result */
    struct ex_collector *prose; /* a licence state told in a sentence (sentence.h) */
    struct ex_sentence_state sentence; /* what prose may speak of (sentence.h) */
    char product[EX_VALUE_MAX]; /* the product an /ato or /xpr line speaks of */
};

static void *slmgr_create(ex_sink_fn sink, void *ctx)
{
    struct slmgr *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->rec = ex_collector_new(sink, ctx);
    s->one = ex_collector_new(sink, ctx);
    s->prose = ex_collector_new(sink, ctx);
    if (!s->rec || !s->one || !s->prose) {
        free(s->rec);
        free(s->one);
        free(s->prose);
        free(s);
        return NULL;
    }
    return s;
}

static void slmgr_destroy(void *state)
{
    struct slmgr *s = state;
    free(s->rec);
    free(s->one);
    free(s->prose);
    ex_sentence_state_clear(&s->sentence);
    free(s);
}

/* Hands on the licence record if it is one: a licence state we can read, or anything the
 * condition table finds in a trimmed paste without its Name line. */
static int close_record(struct slmgr *s)
{
    if (!s->rec->open)
        return 0; /* most lines of most inputs: nothing to hand on, no state to read */
    const struct ex_facts *f = &s->rec->facts;
    const char *status = f->text[EXL_LICENSE_STATUS];
    bool recognised = ex_license_state(status, strlen(status)) >= 0;
    bool detailed = f->seen[EXL_ACTIVATION_ID] || f->seen[EXL_EXTENDED_PID] ||
                    f->seen[EXL_SERVICE_VERSION];
    return ex_collector_emit(s->rec, detailed ? "slmgr-dlv" : "slmgr-dli", false,
                             recognised ? EX_RECOGNISED : EX_IF_FINDINGS);
}

static bool holds_more_than_version(const struct ex_collector *c)
{
    for (int i = EXL_OTHER + 1; i < EXL_LABEL_COUNT; i++)
        if (c->facts.seen[i] && i != EXL_SERVICE_VERSION)
            return true;
    return false;
}

/* A one-line result: the label's value (under `also` too, unless EXL_NONE), with the product
 * it concerns when known. */
static int one_line_as(struct slmgr *s, const char *kind, enum ex_label label,
                       enum ex_label also, const char *value, size_t vlen, size_t lineno)
{
    ex_collector_start(s->one, lineno);
    s->one->own = true; /* a result line of slmgr's own */
    if (s->product[0])
        ex_facts_set(&s->one->facts, EXL_NAME, s->product, strlen(s->product));
    ex_facts_set(&s->one->facts, label, value, vlen);
    if (also != EXL_NONE)
        ex_facts_set(&s->one->facts, also, value, vlen);
    return ex_collector_emit(s->one, kind, false, true);
}

static int one_line(struct slmgr *s, const char *kind, enum ex_label label, const char *value,
                    size_t vlen, size_t lineno)
{
    return one_line_as(s, kind, label, EXL_NONE, value, vlen, lineno);
}

/* What slmgr's words after "Error: " say when they hold no code ("Error: Product activation
 * failed."): the field of their row, EXL_ERROR when none. */
static enum ex_label error_told(const char *v, size_t vl)
{
    const char *rest;
    size_t rl;
    const struct ex_label_row *row = ex_label_find_row(EX_FMT_SLMGR_ERROR, v, vl, &rest, &rl);
    return row ? row->id : EXL_ERROR;
}

/* An "Error:" line whose words are neither a code nor slmgr's own ("ERROR: Minions returned
 * with non-zero exit code", slmgr's words in a language no row holds): it judges nothing as a
 * result, and was shown as an ok record. Read as any other line instead: a failure told in
 * prose, or a code further on that the fallback finds. */
static bool error_unread(const char *v, size_t vl)
{
    uint32_t code;
    return error_told(v, vl) == EXL_ERROR && !ex_code_parse(v, vl, false, &code);
}

static int result_line(struct slmgr *s, enum ex_label label, const char *v, size_t vl,
                       size_t lineno)
{
    switch (label) {
    case EXL_ERROR:
        return one_line(s, "slmgr-error", error_told(v, vl), v, vl, lineno);
    case EXL_SETTING_APPLIED:
        return one_line(s, "slmgr-setting", label, v, vl, lineno);
    case EXL_ACTIVATED_OK:
        return one_line(s, "slmgr-ato", EXL_ACTIVATED_OK, v, vl, lineno);
    case EXL_KEY_INSTALLED:
        return one_line(s, "slmgr-ipk", label, v, vl, lineno);
    case EXL_KEY_UNINSTALLED:
        return one_line(s, "slmgr-upk", label, v, vl, lineno);
    case EXL_COMMAND_OK:
        return one_line(s, "slmgr-rearm", label, v, vl, lineno);
    case EXL_LICENSE_INSTALLED:
        return one_line(s, "slmgr-rilc", label, v, vl, lineno);
    case EXL_SKMS_SET: {
        /* the host and port; a language may join its grammar to them ("...:1688으로") */
        size_t n = strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:[]");
        /* the host now set, and that it was set by this command (kms-set, not kms-set-by-hand) */
        return one_line_as(s, "slmgr-skms", EXL_REGISTERED_KMS, EXL_SKMS_SET, v, n < vl ? n : vl,
                           lineno);
    }
    default: /* /xpr: the product was named on the line before */
        return one_line(s, "slmgr-xpr", label, v, vl, lineno);
    }
}

/* Remembers a line that may name the product of the next result: "Activating NAME (ID) ..."
 * or /xpr's "NAME:". */
static void remember_product(struct slmgr *s, const char *text, size_t len, bool activating)
{
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == ':' || text[len - 1] == '.'))
        len--;
    if (activating) {
        for (size_t i = 0; i + 1 < len; i++)
            if (text[i] == ' ' && text[i + 1] == '(') {
                len = i; /* " (activation ID) ..." follows the name */
                break;
            }
        while (len > 0 && text[len - 1] == ' ')
            len--;
    }
    if (len >= sizeof s->product)
        len = sizeof s->product - 1;
    memcpy(s->product, text, len);
    s->product[len] = '\0';
}

/* Results a writer quotes inside a sentence of their own: successes (an error's code is found
 * wherever it stands, and its value may be glued to the message: "错误：0xC004F074软件..."). */
_Static_assert(EXL_SKMS_SET == EXL_ACTIVATED_OK + 1 && EXL_XPR_VOLUME == EXL_SKMS_SET + 1 &&
                   EXL_XPR_NOTIFICATION == EXL_XPR_VOLUME + 4,
               "the successes run from EXL_ACTIVATED_OK to EXL_XPR_NOTIFICATION in labels.h");
static bool quoted_result(enum ex_label id)
{
    return id >= EXL_ACTIVATED_OK && id <= EXL_XPR_NOTIFICATION; /* /ato, /skms, /xpr */
}

/* Quotation marks a writer puts round a message they quote (“…”, „…“, «…», 「…」, 『…』,
 * "…"): the length of the opening mark at text, 0 when none, and its closing mark. */
static size_t opening_quote(const char *text, size_t len, const char **close)
{
    static const char *const pairs[][2] = {
        { "\xE2\x80\x9C", "\xE2\x80\x9D" }, /* “ ” */
        { "\xE2\x80\x9E", "\xE2\x80\x9C" }, /* „ “ */
        { "\xC2\xAB", "\xC2\xBB" },           /* « » */
        { "\xE3\x80\x8C", "\xE3\x80\x8D" }, /* 「 」 */
        { "\xE3\x80\x8E", "\xE3\x80\x8F" }, /* 『 』 */
        { "\"", "\"" },
    };
    /* Called at every byte of every line: the marks start with one of four bytes, which most
     * bytes are not (the loop below cost a third of a one-line paste's instructions). */
    unsigned char first = len ? (unsigned char)text[0] : 0;
    if (first != '"' && first != 0xC2 && first != 0xE2 && first != 0xE3)
        return 0;
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        size_t n = strlen(pairs[k][0]);
        if (n <= len && memcmp(text, pairs[k][0], n) == 0) {
            *close = pairs[k][1];
            return n;
        }
    }
    return 0;
}

/* Where a result joined to the text before it starts: forums and articles print /ato's two
 * lines as one ("Activating NAME (ID) ... Product activated successfully."), or quote a result
 * after a sentence of their own ("The command should return the following. Key Management
 * Service machine name set to ...", "The result was : _This machine is permanently
 * activated_.", "弹出窗口提示：“成功地激活了产品”"); 0 when no slmgr result follows an ellipsis
 * ("...", U+2026), or a success follows a full stop, a colon or an opening quotation mark, on
 * the line. Markdown emphasis before it is skipped. A quoted result ends at its closing mark
 * (*end; len when it has none). */
static size_t joined_result(const char *text, size_t len, size_t *end)
{
    for (size_t i = 0; i + 2 <= len; i++) {
        /* Every mark below opens with one of these bytes, which most bytes are not. */
        unsigned char c = (unsigned char)text[i];
        if (c != '.' && c != ':' && c != '"' && c != 0xC2 && c != 0xE2 && c != 0xE3)
            continue;
        size_t stop = 0, quote = 0;
        const char *close = NULL;
        if (i + 3 <= len && (memcmp(text + i, "...", 3) == 0 ||
                             memcmp(text + i, "\xE2\x80\xA6", 3) == 0)) /* U+2026 */
            stop = 3;
        else if ((text[i] == '.' || text[i] == ':') && text[i + 1] == ' ')
            stop = 1;
        else if ((quote = opening_quote(text + i, len - i, &close)) != 0)
            stop = quote;
        if (!stop)
            continue;
        size_t j = i + stop;
        while (j < len && (text[j] == '.' || text[j] == ' ' || text[j] == '\t' ||
                           (stop != 3 && (text[j] == '_' || text[j] == '*'))))
            j++;
        const char *v;
        size_t vl;
        const struct ex_label_row *row = j < len ? ex_label_find_row(EX_FMT_SLMGR, text + j,
                                                                      len - j, &v, &vl) : NULL;
        if (row && (quoted_result(row->id) || (stop == 3 && !quote && row->id == EXL_ERROR))) {
            *end = len;
            size_t cl = quote ? strlen(close) : 0;
            for (size_t k = j; quote && k + cl <= len; k++)
                if (memcmp(text + k, close, cl) == 0) {
                    *end = k;
                    break;
                }
            return j;
        }
        i = j - 1;
    }
    return 0;
}

static int slmgr_one_line(struct slmgr *s, const char *text, size_t len, size_t lineno);

/* Whether a line is one ospp.vbs prints (a row of its own format). */
static bool ospp_line(const char *text, size_t len)
{
    const char *v;
    size_t vl;
    return ex_label_find_row(EX_FMT_OSPP, text, len, &v, &vl) != NULL;
}

static int slmgr_line(void *state, const char *text, size_t len, size_t lineno)
{
    struct slmgr *s = state;
    size_t end = len;
    size_t cut = joined_result(text, len, &end);
    if (cut == 0)
        return slmgr_one_line(s, text, len, lineno);
    int status = slmgr_one_line(s, text, cut, lineno);
    return status ? status : slmgr_one_line(s, text + cut, end - cut, lineno);
}

static int slmgr_one_line(struct slmgr *s, const char *text, size_t len, size_t lineno)
{
    const char *v;
    size_t vl;
    const struct ex_label_row *row = ex_label_find_row(EX_FMT_SLMGR, text, len, &v, &vl);
    enum ex_label label = row ? row->id : EXL_NONE;
    if (label == EXL_ERROR && (ospp_line(text, len) || error_unread(v, vl)))
        label = EXL_NONE, row = NULL; /* no result of slmgr's: read as any other line */
    /* A line no other tool prints: in zh-CN ospp's LICENSE STATUS reads 许可证状态 as
     * slmgr's does, and an ospp block is not slmgr's too. */
    bool own = row && row->formats == EX_FMT_SLMGR && !ospp_line(text, len);
    int status = 0;
    s->sentence.named |= label != EXL_NONE; /* a tool's output speaks of a product */

    switch (label) {
    case EXL_NONE: {
        size_t start = strspn(text, " \t");
        if (start == len)
            s->sentence.before = 0; /* a paragraph ends: "it" stands for nothing before */
        if (start == len || ex_collector_rejoin(s->rec, text, len))
            return 0; /* records hold blank lines; a value may wrap */
        status = close_record(s);
        bool named = text[len - 1] == ':';
        if (named)
            remember_product(s, text + start, len - start, false);
        else
            s->product[0] = '\0';
        return status ? status : ex_sentence_line(s->prose, &s->sentence, text, len, lineno);
    }
    case EXL_SERVICE_VERSION:
    case EXL_NAME:
        /* Name opens a product's block: it ends the one before, unless all that is open is
         * the service version that /dlv prints first. */
        if (s->rec->open && (label == EXL_SERVICE_VERSION || holds_more_than_version(s->rec)))
            status = close_record(s);
        if (!s->rec->open)
            ex_collector_start(s->rec, lineno);
        ex_collector_field(s->rec, label, v, vl, text, len, own);
        return status;
    case EXL_ACTIVATING:
        status = close_record(s);
        remember_product(s, v, vl, true);
        return status;
    case EXL_BANNER:
        return close_record(s); /* cscript's banner opens the output of a new command */
    case EXL_ERROR:
    case EXL_SETTING_APPLIED:
    case EXL_ACTIVATED_OK:
    case EXL_KEY_INSTALLED:
    case EXL_KEY_UNINSTALLED:
    case EXL_COMMAND_OK:
    case EXL_LICENSE_INSTALLED:
    case EXL_SKMS_SET:
    case EXL_XPR_VOLUME:
    case EXL_XPR_PERMANENT:
    case EXL_XPR_TIMEBASED:
    case EXL_XPR_GRACE:
    case EXL_XPR_NOTIFICATION:
    case EXL_NON_GENUINE:
        if ((status = close_record(s)) != 0)
            return status;
        return result_line(s, label, label == EXL_XPR_PERMANENT ? text : v,
                           label == EXL_XPR_PERMANENT ? len : vl, lineno);
    default:
        /* Any field opens a record (a trimmed paste has no Name line); a field the record
         * holds already opens the next product's. */
        if (ex_collector_repeats(s->rec, label) && (status = close_record(s)) != 0)
            return status;
        if (!s->rec->open && label != EXL_OTHER)
            ex_collector_start(s->rec, lineno);
        ex_collector_field(s->rec, label, v, vl, text, len, own);
        return 0;
    }
}

static int slmgr_finish(void *state)
{
    return close_record(state);
}

static const char *slmgr_error_detail(void *state, size_t *lineno)
{
    (void)state;
    *lineno = 0;
    return NULL; /* text is never malformed: what is not recognised is skipped */
}

const struct ex_reader_ops ex_reader_slmgr = {
    .name = "slmgr",
    .create = slmgr_create,
    .line = slmgr_line,
    .finish = slmgr_finish,
    .destroy = slmgr_destroy,
    .error_detail = slmgr_error_detail,
};
