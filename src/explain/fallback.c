/* SPDX-License-Identifier: MIT */
/* fallback.c: the code fallback. A code that concerns activation (slerror.h's, SL_*) is
 * reported wherever it stands; a general Windows code (access denied, RPC unavailable ...)
 * only when the input is about activation (a reader recognised something, an activation code
 * stands in it, or a line speaks of activation or licensing in a language the label table
 * holds), so a backup tool's log with
 * 0x80070005 is not taken for activation evidence. Codes a writer cites rather than a machine
 * reports are left out: a line naming LIST_MIN or more distinct codes is a list (a changelog,
 * a documentation table; a success code "0x0" beside failures counts, a run of codes joined
 * by slashes is one error's), a code after "e.g." or "for example" is an illustration, and a
 * code in a unified diff's hunk is a file's text, claimed with its mentions elsewhere, and a
 * code standing only inside a URL is a link's address unless
 * the line names the same code outside it (a link whose text spells the code), and a line that
 * supposes a code as an example ("for example, if the event holds 0x8007267C") illustrates it,
 * there and further on.
 * A failure code
 * the catalog does not hold (another component's HRESULT an activation surfaced: 0x87E107F9,
 * 0x8A010001) is reported only when its own line speaks of activation or licensing in a
 * language of the prose table: the line ties it to activation, no other line can.
 * A text that names an event of the licensing service by its ID and source and says it can be
 * safely ignored, with no code, is a note of its own.
 * Memory is bounded: the first PENDING_MAX distinct codes and CLAIMED_MAX claimed ones are
 * kept. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <slerr.h>

#include "bytes.h"
#include "code.h"
#include "event.h"
#include "facts.h"
#include "fallback.h"
#include "finding.h"
#include "hex.h"
#include "labels.h"
#include "message.h"
#include "prose.h"

#define PENDING_MAX 32
#define CLAIMED_MAX 128
#define AROUND 72 /* bytes of context kept on each side of a code */
#define LIST_MIN 3 /* distinct codes on one line that make it a list, not a report */
#define LINE_FOUND 8 /* codes of one line kept while deciding; more is a list anyway */

struct pending {
    uint32_t code;
    size_t line;
    bool information; /* the line says the code is for information only */
    bool activation;  /* a code of the licensing service itself */
    bool message;     /* named by its official message, not its number */
    char written[12]; /* a code written with a digit too many or too few, as written, or a
                         Win32 error's decimal digits; or "" */
    bool decimal;     /* written is a Win32 error in decimal, as a tool printed it */
    bool uncatalogued; /* not in the catalog, tied to activation by its own line */
    uint32_t shared[EX_MESSAGE_CODES]; /* a message's codes, when it is several codes' */
    size_t nshared;
    char around[EX_VALUE_MAX];
};

struct found {
    uint32_t code;
    size_t at, n; /* where it stands in the line */
};

struct ex_fallback {
    size_t nfound, ndistinct;
    struct found unknown[LINE_FOUND]; /* its failure codes the catalog does not hold */
    size_t nunknown;
    struct slerr_scanner *scanner; /* made at the first line that may hold a code */
    struct ex_messages *messages;  /* codes named by their message text */
    bool failed;                   /* making it failed */
    uint64_t line_start;           /* stream offset of the line being scanned */
    const char *text;    /* that line */
    size_t len, lineno;
    bool context;        /* the input is about activation */
    bool harmless;       /* it says the warning it tells of can be ignored */
    bool diff;           /* inside a unified diff's hunk: a file's lines being changed */
    size_t event_line;   /* the first line naming an event of the licensing service by its
                            ID and source ("Warning ID 1058 (Security-SPP)"), or 0 */
    size_t service_line; /* the first line telling the licensing service does not start,
                            with no number, or 0 */
    size_t npending, nclaimed;
    /* From here on, arrays written before they are read (up to their counts above) and the
     * finding being handed on: ex_fallback_new leaves them unzeroed. */
    struct found found[LINE_FOUND]; /* the codes of the line being scanned */
    char event_around[EX_VALUE_MAX]; /* event_line's text, once it is set */
    char service_around[EX_VALUE_MAX]; /* service_line's text, once it is set */
    struct pending pending[PENDING_MAX];
    uint32_t claimed[CLAIMED_MAX];
    struct ex_finding finding;
};

const struct ex_row ex_fallback_failure_row = {
    "code-in-text", "code", EX_CRITICAL,
    "The text names {code} ({symbol}), a failure.",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};
const struct ex_row ex_fallback_message_row = {
    "message-in-text", "code", EX_CRITICAL,
    "The text quotes the official message of {code} ({symbol}), a failure.",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};
const struct ex_row ex_fallback_message_shared_row = {
    "message-in-text-shared", "code", EX_CRITICAL,
    "The text quotes the official message of several codes ({codes}), a failure; the number "
    "the machine reported tells which one.",
    { 0 }, { NULL }, NULL,
};
const struct ex_row ex_fallback_message_information_row = {
    "message-in-text-information", "code", EX_NOTE,
    "The text quotes the official message of {code} ({symbol}), which reports no failure.",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};
const struct ex_row ex_fallback_mistyped_row = {
    "code-mistyped-in-text", "code", EX_CRITICAL,
    "The text names {written}, a code with a digit too many or too few: read as {code} "
    "({symbol}), a failure, the one catalog code that slip explains.",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};
const struct ex_row ex_fallback_win32_decimal_row = {
    "win32-decimal-in-text", "code", EX_CRITICAL,
    "The text gives Win32 error {written} in decimal, as the tool that printed it does: the "
    "HRESULT {code} ({symbol}), a failure.",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};
const struct ex_row ex_fallback_uncatalogued_row = {
    "uncatalogued-code-in-text", "code", EX_CRITICAL,
    "The text names {code} where it speaks of activation or licensing: a failure code slerr's "
    "catalog does not hold (another component's, reported through activation), so what it "
    "means is not known here.",
    { 0 }, { NULL }, "`slerr {code}` decodes its fields (facility, code).",
};
const struct ex_row ex_fallback_grace_row = {
    "grace-code-in-text", "code", EX_WARNING,
    "The text names {code} ({symbol}): not activated yet, the product runs on a grace period "
    "(the licence status that code stands for is a warning too).",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};
const struct ex_row ex_fallback_harmless_row = {
    "code-in-text-harmless", "code", EX_NOTE,
    "The text names {code} ({symbol}), a failure, and says the warning that holds it can be "
    "safely ignored here.",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};
const struct ex_row ex_fallback_event_harmless_row = {
    "event-in-text-harmless", "event", EX_NOTE,
    "The text names an event the licensing service logs and says it can be safely ignored "
    "here: a known, harmless warning, no failure of activation.",
    { 0 }, { NULL }, NULL,
};
const struct ex_row ex_fallback_service_down_row = {
    "licensing-service-not-starting", "service", EX_CRITICAL,
    "The text says the licensing service (sppsvc, Software Protection) does not start: "
    "nothing activates, and no tool reports the licence state, until it runs.",
    { 0 }, { NULL },
    "`sc start sppsvc` (as an administrator) prints the Win32 error that tells why.",
};
const struct ex_row ex_fallback_information_row = {
    "code-in-text-information", "code", EX_NOTE,
    "The text names {code} ({symbol}), which reports no failure: it is for information.",
    { 0 }, { NULL }, "`slerr {code}` explains it.",
};

struct ex_fallback *ex_fallback_new(void)
{
    /* Not calloc: zeroing the arrays (11 KiB, most of the size) cost every explain run three
     * pages it may never use. */
    struct ex_fallback *fb = malloc(sizeof(struct ex_fallback));
    if (fb)
        memset(fb, 0, offsetof(struct ex_fallback, found));
    if (fb && !(fb->messages = ex_messages_new())) {
        free(fb);
        return NULL;
    }
    return fb;
}

static bool is_hex(char c)
{
    return ex_hex_value(c) >= 0;
}

void ex_fallback_free(struct ex_fallback *fb)
{
    if (!fb)
        return;
    slerr_scanner_free(fb->scanner);
    ex_messages_free(fb->messages);
    free(fb);
}

static bool claimed(const struct ex_fallback *fb, uint32_t code)
{
    for (size_t i = 0; i < fb->nclaimed; i++)
        if (fb->claimed[i] == code)
            return true;
    return false;
}

/* Steps back (or on) to the start of a UTF-8 character. */
static size_t char_start(const char *text, size_t len, size_t at)
{
    while (at > 0 && at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
        at--;
    return at;
}

static void keep_around(struct pending *p, const char *text, size_t len, size_t at, size_t n)
{
    size_t from = at > AROUND ? char_start(text, len, at - AROUND) : 0;
    size_t to = at + n + AROUND < len ? char_start(text, len, at + n + AROUND) : len;
    while (from < to && (text[from] == ' ' || text[from] == '\t'))
        from++;
    snprintf(p->around, sizeof p->around, "%s%.*s%s", from > 0 ? "..." : "", (int)(to - from),
             text + from, to < len ? "..." : "");
}

/* A code found at `at` (n bytes) in the line being read, kept unless already pending; the
 * pending entry, or NULL. */
static struct pending *add_pending(struct ex_fallback *fb, uint32_t code, size_t at, size_t n,
                                   bool message)
{
    for (size_t i = 0; i < fb->npending; i++)
        if (fb->pending[i].code == code)
            return NULL; /* the first place it stands is the one reported */
    if (fb->npending == PENDING_MAX || at > fb->len)
        return NULL;
    struct pending *p = &fb->pending[fb->npending++];
    p->code = code;
    p->line = fb->lineno;
    p->message = message;
    p->written[0] = '\0';
    p->decimal = false;
    p->uncatalogued = false;
    p->nshared = 0;
    p->activation = ex_activation_code(code);
    p->information = ex_phrase_in(EX_PH_INFORMATION_ONLY, fb->text, fb->len);
    keep_around(p, fb->text, fb->len, at, n);
    if (p->activation)
        fb->context = true; /* a text that names the licensing service's codes is about it */
    return p;
}

static int on_match(const struct slerr_match *m, void *ctx)
{
    struct ex_fallback *fb = ctx;
    if (!m->entry && (m->code & 0x80000000u) && m->offset >= fb->line_start &&
        fb->nunknown < LINE_FOUND) {
        fb->unknown[fb->nunknown++] = (struct found){ m->code, (size_t)(m->offset - fb->line_start),
                                                      m->length };
        return 0;
    }
    if (!m->entry || !slerr_notable(m->code) || m->offset < fb->line_start)
        return 0;
    bool seen = false;
    for (size_t i = 0; i < fb->nfound; i++)
        seen |= fb->found[i].code == m->code;
    if (seen)
        return 0;
    fb->ndistinct++;
    if (fb->nfound < LINE_FOUND)
        fb->found[fb->nfound++] = (struct found){ m->code, (size_t)(m->offset - fb->line_start),
                                                  m->length };
    return 0;
}

static bool in_url_char(char c)
{
    return c != ' ' && c != '\t' && c != '<' && c != '>' && c != '"' && c != '\'' &&
           c != '`' && c != ')' && c != ']';
}

/* The end of the URL that covers byte `at` of the line, or 0 when none does. A URL is a
 * scheme, "://" and what follows up to a space or the bracket or quote that closes it. */
static size_t url_end_at(const char *text, size_t len, size_t at)
{
    for (size_t i = 0; i + 3 <= len; i++) {
        if (memcmp(text + i, "://", 3) != 0)
            continue;
        size_t from = i;
        while (from > 0 && ((text[from - 1] | 0x20) >= 'a' && (text[from - 1] | 0x20) <= 'z'))
            from--;
        size_t to = i + 3;
        while (to < len && in_url_char(text[to]))
            to++;
        if (from < i && at >= from && at < to)
            return to;
        i = to > i ? to - 1 : i;
    }
    return 0;
}

/* Whether the line spells `code` (its eight hex digits, any case, any prefix such as "Ox")
 * somewhere no URL covers. */
static bool named_outside_urls(const char *text, size_t len, uint32_t code)
{
    char hex[9];
    snprintf(hex, sizeof hex, "%08X", (unsigned)code);
    for (size_t i = 0; i + 8 <= len; i++) {
        size_t k = 0;
        while (k < 8 && (text[i + k] & ~0x20) == (hex[k] & ~0x20) &&
               ((hex[k] >= '0' && hex[k] <= '9') == (text[i + k] >= '0' && text[i + k] <= '9')))
            k++;
        bool whole = k == 8 && (i == 0 || !is_hex(text[i - 1])) &&
                     (i + 8 == len || !is_hex(text[i + 8]));
        if (whole && !url_end_at(text, len, i))
            return true;
    }
    return false;
}

static bool claimed_or_pending(const struct ex_fallback *fb, uint32_t code);

/* Whether the code at text[at] is one someone looks up or asks documentation for: a phrase of
 * EX_PH_CODE_LOOKUP before it with only blanks, quotes, a colon and the words "error", "code"
 * and "the" between ("missing the troubleshooting for error '0xc004e015'", "查询错误代码
 * 0xC004C004"). A failure told between them ("lookup failed with 0x...") is a report. */
static bool looked_up(const char *text, size_t at)
{
    static const char *const between[] = {
        "error", "code", "the", "\xE9\x94\x99\xE8\xAF\xAF\xE4\xBB\xA3\xE7\xA0\x81" /* 错误代码 */
    };
    for (;;) {
        while (at > 0 && strchr(" \t'\"`:", text[at - 1]))
            at--;
        if (at >= 3 && (memcmp(text + at - 3, "\xE2\x80\x98", 3) == 0 ||  /* ‘ */
                        memcmp(text + at - 3, "\xE2\x80\x9C", 3) == 0)) { /* “ */
            at -= 3;
            continue;
        }
        size_t w = 0;
        for (; w < sizeof between / sizeof between[0]; w++) {
            size_t n = strlen(between[w]);
            if (at >= n && strncasecmp(text + at - n, between[w], n) == 0 &&
                (at == n || !ex_word_byte((unsigned char)text[at - n - 1]) ||
                 (unsigned char)between[w][0] >= 0x80))
                break;
        }
        if (ex_phrase_ends_at(EX_PH_CODE_LOOKUP, text, at))
            return true;
        if (w == sizeof between / sizeof between[0])
            return false;
        at -= strlen(between[w]);
    }
}

/* Whether the word before text[at] (blanks before it skipped) is one of `words`, in any case;
 * where it starts in *start. */
static bool word_before(const char *text, size_t at, const char *const *words, size_t nwords,
                        size_t *start)
{
    while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t'))
        at--;
    for (size_t w = 0; w < nwords; w++) {
        size_t n = strlen(words[w]);
        if (at >= n && strncasecmp(text + at - n, words[w], n) == 0 &&
            (at == n || !ex_word_byte((unsigned char)text[at - n - 1]) ||
             (unsigned char)words[w][0] >= 0x80)) {
            *start = at - n;
            return true;
        }
    }
    return false;
}

/* Where the code written before text[at] starts ("0x" and hex digits, blanks between), or
 * `at` when none stands there. */
static size_t code_before(const char *text, size_t at)
{
    size_t end = at;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        end--;
    size_t from = end;
    while (from > 0 && is_hex(text[from - 1]))
        from--;
    if (from < end && from >= 2 && (text[from - 1] | 0x20) == 'x' && text[from - 2] == '0' &&
        (from == 2 || !ex_word_byte((unsigned char)text[from - 3])))
        return from - 2;
    return at;
}

/* Whether the code at text[at] is given as an example: a phrase of EX_PH_EXAMPLE before it,
 * with only blanks, quotes, a colon, an opening bracket and other codes joined by commas,
 * slashes or "or" between ("Note the error code shown (for example: 0xC004C003, 0xC004F034)",
 * "(e.g. 0xC004C003 or 0xC004F034)"). A guide shows what a reader may meet; a ticket that
 * gives its own error names it without one. */
static bool given_as_example(const char *text, size_t at)
{
    static const char *const joins[] = { "or", "and", "oder", "ou", "o",
                                         "\xD0\xB8\xD0\xBB\xD0\xB8" /* или */,
                                         "\xE6\x88\x96" /* 或 */ };
    for (;;) {
        while (at > 0 && text[at - 1] != '\0' && strchr(" \t'\"`:(,/", text[at - 1]))
            at--;
        if (ex_phrase_ends_at(EX_PH_EXAMPLE, text, at))
            return true;
        size_t start = at;
        if (word_before(text, at, joins, sizeof joins / sizeof joins[0], &start))
            at = start;
        size_t code = code_before(text, at);
        if (code == at)
            return false;
        at = code;
    }
}

/* Codes written with a digit too many or too few after "0x" ("0x800070002", "0x803F701"): the
 * failure meant, when libslerr finds the one code that slip explains. */
static void scan_mistyped(struct ex_fallback *fb, const char *text, size_t len)
{
    for (size_t i = 0; i + 2 < len; i++) {
        if (text[i] != '0' || (text[i + 1] | 0x20) != 'x' ||
            (i > 0 && ex_word_byte((unsigned char)text[i - 1])))
            continue;
        size_t end = i + 2;
        while (end < len && is_hex(text[end]))
            end++;
        size_t digits = end - i - 2;
        const struct slerr_entry *meant = NULL;
        if ((digits == 7 || digits == 9) && (end == len || !ex_word_byte((unsigned char)text[end])))
            meant = slerr_suggest_code(text + i, end - i);
        uint32_t code = meant ? slerr_entry_code(meant) : 0;
        struct pending *p = (code & 0x80000000u) && slerr_notable(code) &&
                                    !claimed_or_pending(fb, code)
                                ? add_pending(fb, code, i, end - i, false)
                                : NULL;
        if (p)
            snprintf(p->written, sizeof p->written, "%.*s", (int)(end - i), text + i);
        i = end;
    }
}

/* A URL whose fragment is a failure code, behind at most a word or '_'
 * ("...help/activation.html#_0x8007000d", "kb/2870357#Error0x8007000D"): the link points at
 * that code's own entry, as a maintainer answers "do as it says" with it, and is the code's
 * mention (the scanner reads no code glued to a word). A heading's anchor that goes on in words
 * ("#0xc004c008-the-activation-server-...") names a page's section, not a code. */
static void scan_url_fragments(struct ex_fallback *fb, const char *text, size_t len)
{
    for (size_t hash = 0; hash < len; hash++) {
        if (text[hash] != '#')
            continue;
        size_t at = hash + 1;
        while (at < len && at - hash <= 8 &&
               (((text[at] | 0x20) >= 'a' && (text[at] | 0x20) <= 'z') || text[at] == '_'))
            at++;
        unsigned long code;
        if (at + 10 > len || text[at] != '0' || (text[at + 1] | 0x20) != 'x' ||
            !ex_hex_digits(text + at + 2, 8, &code) || url_end_at(text, len, at) != at + 10)
            continue;
        if (!(code & 0x80000000u) || !slerr_lookup((uint32_t)code) ||
            !slerr_notable((uint32_t)code) || claimed_or_pending(fb, (uint32_t)code))
            continue;
        (void)add_pending(fb, (uint32_t)code, at, 10, false);
    }
}

/* Lines in which Windows' own tools print a Win32 error in decimal, each at the line's start:
 * sc.exe's "[SC] StartService FAILED 577:" (any of its calls; `before` NULL: sc writes its
 * failure word in the display language, "ERROR 577:", "falha 1060:", "失败 5:", so the number is
 * the first one standing alone before the colon, " :" as French sets it) and its query's
 * "WIN32_EXIT_CODE    : 1067  (0x42b)", net.exe's "System error 5 has occurred.", and a line
 * that ran sc and gives its exit code as activation scripts print it ("sc start sppsvc
 * [ Error Code: 577]"). The number follows `before` and ends where `after` starts ("": at any
 * byte that is no word's); `routine` is a code that line gives with no failure (a stopped
 * service that has not run since boot: ERROR_SERVICE_NEVER_STARTED), 0 for none. */
static const struct win32_line {
    const char *opens, *before, *after;
    unsigned routine;
} win32_lines[] = {
    { "[SC] ", NULL, ":", 0 },
    { "System error ", "System error ", " has occurred", 0 },
    { "sc ", "Error Code:", "", 0 },
    { "WIN32_EXIT_CODE ", ":", "", 1077 },
};

/* Where `word` first stands in text, or NULL (run on the few lines that open as above). */
static const char *find_in(const char *text, size_t len, const char *word, size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, word, n) == 0)
            return text + i;
    return NULL;
}

/* A Win32 error a tool or a sentence gave in decimal, the n digits at `at` as written. */
static void add_decimal(struct ex_fallback *fb, uint32_t code, size_t at, const char *digits,
                        size_t n)
{
    struct pending *p = add_pending(fb, code, at, n, false);
    if (p) {
        snprintf(p->written, sizeof p->written, "%.*s", (int)n, digits);
        p->decimal = true;
    }
}

/* Where the first number standing alone after a blank starts, from `from` on, or len. */
static size_t number_after_blank(const char *text, size_t len, size_t from)
{
    for (size_t i = from; i < len; i++)
        if (text[i] >= '0' && text[i] <= '9' && i > 0 && text[i - 1] == ' ')
            return i;
    return len;
}

static void scan_win32_decimal(struct ex_fallback *fb, const char *text, size_t len)
{
    size_t lead = 0;
    while (lead < len && (text[lead] == ' ' || text[lead] == '\t'))
        lead++;
    text += lead, len -= lead; /* sc query indents its fields */
    if (len < 8 || (text[0] != '[' && (text[0] | 0x20) != 's' && text[0] != 'W'))
        return; /* most lines: no look further */
    for (size_t k = 0; k < sizeof win32_lines / sizeof win32_lines[0]; k++) {
        const struct win32_line *w = &win32_lines[k];
        size_t open = strlen(w->opens), na = strlen(w->after);
        if (len < open || strncasecmp(text, w->opens, open) != 0)
            continue;
        size_t at;
        if (w->before) {
            const char *b = find_in(text, len, w->before, strlen(w->before));
            if (!b)
                continue;
            at = (size_t)(b - text) + strlen(w->before);
        } else {
            at = number_after_blank(text, len, open);
        }
        while (at < len && text[at] == ' ')
            at++;
        size_t end = at;
        while (end < len && text[end] >= '0' && text[end] <= '9')
            end++;
        size_t close = end + (w->before ? 0 : end < len && text[end] == ' '); /* "577 :" */
        bool closed = na ? len - close >= na && memcmp(text + close, w->after, na) == 0
                         : end == len || !ex_word_byte((unsigned char)text[end]);
        uint32_t code;
        if (!closed || !ex_win32_decimal(text + at, end - at, &code) || !slerr_lookup(code) ||
            !slerr_notable(code) || claimed_or_pending(fb, code) ||
            (w->routine && code == (0x80070000u | w->routine)))
            return;
        add_decimal(fb, code, lead + at, text + at, end - at);
        return;
    }
}

/* The words before a Win32 error's decimal number in a sentence ("it gives error 5"), the
 * label "error code" in the languages Windows and its users write it before the plain word
 * (zh-ticket-officetool-34-sppsvc-error-5: "服务无法启动，错误代码5（拒绝访问）"). A label that
 * ends in a CJK character may be glued to its number. */
static const char *const error_words[] = {
    "error code", "\xE9\x94\x99\xE8\xAF\xAF\xE4\xBB\xA3\xE7\xA0\x81" /* 错误代码 */,
    "\xE9\x8C\xAF\xE8\xAA\xA4\xE4\xBB\xA3\xE7\xA2\xBC" /* 錯誤代碼 */,
    "\xE3\x82\xA8\xE3\x83\xA9\xE3\x83\xBC \xE3\x82\xB3\xE3\x83\xBC\xE3\x83\x89" /* エラー コード */,
    "\xE3\x82\xA8\xE3\x83\xA9\xE3\x83\xBC\xE3\x82\xB3\xE3\x83\xBC\xE3\x83\x89" /* エラーコード */,
    "\xEC\x98\xA4\xEB\xA5\x98 \xEC\xBD\x94\xEB\x93\x9C" /* 오류 코드 */, "fehlercode",
    "\xD0\xBA\xD0\xBE\xD0\xB4 \xD0\xBE\xD1\x88\xD0\xB8\xD0\xB1\xD0\xBA\xD0\xB8" /* код ошибки */,
    "\xD0\x9A\xD0\xBE\xD0\xB4 \xD0\xBE\xD1\x88\xD0\xB8\xD0\xB1\xD0\xBA\xD0\xB8" /* Код ошибки */,
    "code d'erreur", "c\xC3\xB3\x64igo de error" /* código de error */,
    "c\xC3\xB3\x64igo de erro" /* código de erro */, "codice di errore", "codice errore",
    "kod b\xC5\x82\xC4\x99\x64u" /* kod błędu */, "foutcode", "hata kodu", "error", "fehler",
    "erreur", "\xE9\x94\x99\xE8\xAF\xAF" /* 错误 */,
};

/* The Win32 error a sentence gives in decimal when the licensing service it names does not
 * start ("the software protection service won't start (sppsvc) it gives error 5"): an error
 * word, blanks or a colon, then the number alone. A number told otherwise ("sppsvc listens,
 * Error Code: 577 says the log") is no tool's error. Asked of a line that names the
 * service. */
static void scan_service_error(struct ex_fallback *fb, const char *text, size_t len)
{
    if (!ex_phrase_in(EX_PH_NOT_STARTING, text, len) && !ex_phrase_in(EX_PH_START, text, len))
        return;
    fb->context = true; /* the licensing service named: the text is about it */
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && ex_word_byte((unsigned char)text[i - 1]))
            continue;
        for (size_t w = 0; w < sizeof error_words / sizeof error_words[0]; w++) {
            size_t n = strlen(error_words[w]);
            if (len - i < n || strncasecmp(text + i, error_words[w], n) != 0)
                continue;
            size_t at = i + n;
            while (at < len && (text[at] == ' ' || text[at] == ':'))
                at++;
            size_t end = at;
            while (end < len && text[end] >= '0' && text[end] <= '9')
                end++;
            uint32_t code;
            bool alone = end == len || (!ex_word_byte((unsigned char)text[end]) &&
                                        !(text[end] == '.' && end + 1 < len &&
                                          text[end + 1] >= '0' && text[end + 1] <= '9'));
            bool apart = at > i + n || (unsigned char)error_words[w][n - 1] >= 0x80;
            if (end > at && apart && alone && ex_win32_decimal(text + at, end - at, &code) &&
                slerr_lookup(code) && slerr_notable(code) && !claimed_or_pending(fb, code)) {
                add_decimal(fb, code, at, text + at, end - at);
                return;
            }
            break; /* "error code" tried before "error" */
        }
    }
}

/* The licensing service's name joined by a hyphen to the Win32 error its start gave, as an
 * activation script prints it ("Starting Services [Failed] [sppsvc-577]") and a ticket quotes
 * it ("sppsvc-577" <-- it broke): the number alone, no version ("sppsvc-10.0") nor word after. */
static void scan_service_joined(struct ex_fallback *fb, const char *text, size_t len)
{
    static const char joined[] = "sppsvc-";
    const size_t n = sizeof joined - 1;
    for (const char *hit = find_in(text, len, joined, n); hit;
         hit = find_in(hit + n, len - (size_t)(hit + n - text), joined, n)) {
        size_t i = (size_t)(hit - text);
        if (i > 0 && text[i - 1] == 'o') /* osppsvc, Office's service */
            i--;
        if (i > 0 && ex_word_byte((unsigned char)text[i - 1]))
            continue;
        size_t at = (size_t)(hit - text) + n, end = at;
        while (end < len && text[end] >= '0' && text[end] <= '9')
            end++;
        bool alone = end == len || (!ex_word_byte((unsigned char)text[end]) &&
                                    text[end] != '.' && text[end] != '-');
        uint32_t code;
        if (end == at || !alone || !ex_win32_decimal(text + at, end - at, &code) ||
            !slerr_lookup(code) || !slerr_notable(code))
            continue;
        fb->context = true; /* the licensing service named: the text is about it */
        if (claimed_or_pending(fb, code))
            continue;
        add_decimal(fb, code, at, text + at, end - at);
    }
}

/* Whether a line that names the licensing service tells it failing to start, with or without
 * its error ("Failed to start [sppsvc] service" as an activation script prints it, "the
 * Software Protection service could not be started"): a failed start (EX_PH_NOT_STARTING, in
 * each language the phrase table holds), in no supposition ("if sppsvc fails to start, ..."),
 * nor a line naming an event provider (an event catalogue's row,
 * "Microsoft-Windows-Security-SPP/...1002HighFailed to start sppsvc",
 * neg-en-motadata-vas-event-catalogue). A start told loosely (EX_PH_START: "sppsvc needs to
 * start") is no failure. */
static bool service_not_starting(const char *text, size_t len)
{
    static const char provider[] = "Microsoft-Windows-";
    if (find_in(text, len, provider, sizeof provider - 1) ||
        !ex_phrase_in(EX_PH_NOT_STARTING, text, len))
        return false;
    /* a supposition, a how-to, a repair told ("[Solved]") or a heading's instruction ("Fix:
     * sppsvc won't start") tells no failure of this machine */
    for (size_t at = 0, words = 0; at < len; words++) {
        const struct ex_prose_word *w = ex_prose_next(text, len, &at);
        if (w && (w->kind == EXW_IF || w->kind == EXW_HOWTO || w->kind == EXW_SOLVED ||
                  (w->kind == EXW_LEAD && words == 0)))
            return false;
    }
    return true;
}

/* The line's failure codes the catalog does not hold, when the line speaks of activation or
 * licensing (a subject word of the prose table, or a word of the activation context: 正版) and
 * each is not a link's address alone. */
static void scan_uncatalogued(struct ex_fallback *fb, const char *text, size_t len)
{
    if (fb->nunknown == 0 || (!(ex_prose_scan(text, len) & EX_PROSE_SUBJECT) &&
                              !ex_phrase_in(EX_PH_ACTIVATION_CONTEXT, text, len)))
        return;
    for (size_t i = 0; i < fb->nunknown; i++) {
        const struct found *f = &fb->unknown[i];
        if ((url_end_at(text, len, f->at) && !named_outside_urls(text, len, f->code)) ||
            claimed_or_pending(fb, f->code))
            continue;
        struct pending *p = add_pending(fb, f->code, f->at, f->n, false);
        if (p)
            p->uncatalogued = true;
    }
}

/* Whether the line gives success as a code ("0x0 (Success)", "0x00000000") as one outcome
 * beside failures: a description of what a step may answer, whose codes count as a list's. */
static bool success_code_in(const char *text, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++) {
        if (text[i] != '0' || (text[i + 1] | 0x20) != 'x' ||
            (i > 0 && ex_word_byte((unsigned char)text[i - 1])))
            continue;
        size_t end = i + 2;
        while (end < len && text[end] == '0')
            end++;
        if (end > i + 2 && end - i - 2 <= 8 &&
            (end == len || !ex_word_byte((unsigned char)text[end])))
            return true;
    }
    return false;
}

/* Whether the line's codes stand in one run joined by slashes alone ("エラー コード:
 * 0xC004E015 / 0xC004D301 / 0xC004E002"): the codes one error was shown with, which a page
 * gives as one problem, not a list of problems. */
static bool one_slashed_run(const struct ex_fallback *fb, const char *text)
{
    if (fb->nfound != fb->ndistinct || fb->nunknown)
        return false;
    for (size_t i = 1; i < fb->nfound; i++) {
        const struct found *a = &fb->found[i - 1], *b = &fb->found[i];
        size_t slashes = 0;
        if (b->at < a->at + a->n)
            return false;
        for (size_t k = a->at + a->n; k < b->at; k++) {
            if (text[k] == '/')
                slashes++;
            else if (text[k] != ' ')
                return false;
        }
        if (slashes != 1)
            return false;
    }
    return true;
}

/* Whether the line is a unified diff's hunk header ("@@ -84,9 +84,9 @@"). */
static bool hunk_header(const char *text, size_t len)
{
    return len >= 8 && memcmp(text, "@@ -", 4) == 0 && memchr(text + 4, '+', len - 4) &&
           find_in(text + 4, len - 4, " @@", 3);
}

/* Whether a line goes on with the diff a hunk header opened: a line added, removed or kept
 * ('+', '-', ' '), or one left empty (a blank kept line, the fence that closes the block). */
static bool diff_line(const char *text, size_t len)
{
    return len == 0 || text[0] == '+' || text[0] == '-' || text[0] == ' ';
}

/* Claims the codes of the line being scanned: cited here, so not reported anywhere. */
static void claim_found(struct ex_fallback *fb)
{
    for (size_t i = 0; i < fb->nfound && fb->nclaimed < CLAIMED_MAX; i++)
        if (!claimed(fb, fb->found[i].code))
            fb->claimed[fb->nclaimed++] = fb->found[i].code;
}

static void scan_codes(struct ex_fallback *fb, const char *text, size_t len)
{
    if (!fb->scanner && (fb->failed || !ex_may_hold_code(text, len)))
        return;
    if (!fb->scanner && !(fb->scanner = slerr_scanner_new(SLERR_SCAN_UNKNOWN))) {
        fb->failed = true; /* out of memory: the readers' records still come */
        return;
    }
    fb->line_start = 0;
    fb->nfound = fb->ndistinct = fb->nunknown = 0;
    if (ex_may_hold_code(text, len)) { /* the scanner finds nothing in the other lines */
        slerr_scan(fb->scanner, text, len, on_match, fb);
        slerr_scan(fb->scanner, "\n", 1, on_match, fb); /* every code of the line is whole now */
        slerr_scan_finish(fb->scanner, NULL, NULL);      /* each line is a stream of its own */
    }
    if (fb->diff) {
        /* a diff's line is a file's text (a documentation table's row being added), and so
         * is the same code where the writer says what the change adds */
        claim_found(fb);
        return;
    }
    size_t listed = fb->ndistinct + (fb->ndistinct && success_code_in(text, len));
    if (listed >= LIST_MIN && !one_slashed_run(fb, text))
        return; /* a list of codes: documentation or a changelog, no machine's state */
    if ((fb->nfound || fb->nunknown) && ex_phrase_in(EX_PH_EXAMPLE_IF, text, len)) {
        /* "for example, if the event holds 0x...": an illustration, and so is the same code
         * further on (the command the example goes on to show) */
        claim_found(fb);
        return;
    }
    for (size_t i = 0; i < fb->nfound; i++) {
        const struct found *f = &fb->found[i];
        if (url_end_at(text, len, f->at) && !named_outside_urls(text, len, f->code))
            continue; /* a link's address names it, the writer does not */
        if (looked_up(text, f->at) || given_as_example(text, f->at))
            continue; /* cited here; a line further on may still report it */
        add_pending(fb, f->code, f->at, f->n, false);
    }
    scan_mistyped(fb, text, len);
    scan_uncatalogued(fb, text, len);
}

static bool claimed_or_pending(const struct ex_fallback *fb, uint32_t code)
{
    for (size_t i = 0; i < fb->npending; i++)
        if (fb->pending[i].code == code)
            return true;
    return claimed(fb, code);
}

/* The sources the licensing service logs its events under, as a text names them beside an
 * event's ID. */
static bool names_licensing_source(const char *text, size_t len)
{
    static const char *const sources[] = { "Security-SPP", "Security-Licensing-SLC",
                                           "Software Protection Platform" };
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
        size_t n = strlen(sources[i]);
        for (size_t at = 0; at + n <= len; at++)
            if ((text[at] | 0x20) == (sources[i][0] | 0x20) &&
                strncasecmp(text + at, sources[i], n) == 0)
                return true;
    }
    return false;
}

/* Whether the line names an event by its ID ("ID 1058", "Event ID: 1058", "event 1058") and
 * the licensing service's source: a support article's or a ticket's event of that service. */
static bool names_licensing_event(const char *text, size_t len)
{
    static const char *const before[] = { "id", "event" };
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && ex_word_byte((unsigned char)text[i - 1]))
            continue;
        for (size_t w = 0; w < sizeof before / sizeof before[0]; w++) {
            size_t n = strlen(before[w]), at = i + n;
            if ((text[i] | 0x20) != before[w][0] || len - i < n ||
                strncasecmp(text + i, before[w], n) != 0)
                continue; /* every word start comes here: most differ at once */
            while (at < len && (text[at] == ' ' || text[at] == ':'))
                at++;
            size_t end = at;
            while (end < len && text[end] >= '0' && text[end] <= '9')
                end++;
            if (at > i + n && end - at >= 3 && end - at <= 5 &&
                (end == len || !ex_word_byte((unsigned char)text[end])))
                return names_licensing_source(text, len);
        }
    }
    return false;
}

/* A line kept whole (cut at a character's end) as the text around a finding. */
static void keep_line(char around[EX_VALUE_MAX], const char *text, size_t len)
{
    snprintf(around, EX_VALUE_MAX, "%.*s",
             (int)ex_utf8_cut(text, len < EX_VALUE_MAX - 1 ? len : EX_VALUE_MAX - 1), text);
}

void ex_fallback_line(struct ex_fallback *fb, const char *text, size_t len, size_t lineno,
                      bool markup)
{
    if (!fb->context && ex_phrase_in(EX_PH_ACTIVATION_CONTEXT, text, len))
        fb->context = true;
    if (!fb->harmless && ex_phrase_in(EX_PH_HARMLESS, text, len))
        fb->harmless = true;
    fb->text = text;
    fb->len = len;
    fb->lineno = lineno;
    fb->diff = hunk_header(text, len) || (fb->diff && diff_line(text, len));
    if (!fb->event_line && names_licensing_event(text, len)) {
        fb->event_line = lineno;
        keep_line(fb->event_around, text, len);
    }
    scan_codes(fb, text, len);
    scan_win32_decimal(fb, text, len);
    /* one pass for the service's name, which both of its scans need: every line comes here */
    if (ex_phrase_in(EX_PH_LICENSING_SERVICE, text, len)) {
        scan_service_error(fb, text, len);
        if (!fb->service_line && service_not_starting(text, len)) {
            fb->service_line = lineno;
            keep_line(fb->service_around, text, len);
        }
    }
    scan_service_joined(fb, text, len);
    if (memchr(text, '#', len))
        scan_url_fragments(fb, text, len);
    if (markup)
        return;
    uint32_t codes[EX_MESSAGE_CODES];
    size_t at; /* after the numbers: a code written beside its message is reported as a code */
    size_t n = ex_messages_find(fb->messages, text, len, codes, &at);
    for (size_t i = 0; i < n; i++)
        if (claimed_or_pending(fb, codes[i]))
            return; /* the number stands beside it: that one is reported */
    struct pending *p = n ? add_pending(fb, codes[0], at, 0, true) : NULL;
    if (p && n > 1) {
        memcpy(p->shared, codes, n * sizeof codes[0]);
        p->nshared = n;
    }
}

void ex_fallback_claim(struct ex_fallback *fb, const struct ex_record *record, size_t last_line)
{
    fb->context = true;
    /* A record that judged nothing leaves its lines' codes to the fallback: a reader that took
     * a line and could not read its code must not hide a failure. */
    size_t kept = 0;
    for (size_t i = 0; i < fb->npending; i++)
        if (record->nfindings == 0 || fb->pending[i].line < record->line ||
            fb->pending[i].line > last_line)
            fb->pending[kept++] = fb->pending[i];
    fb->npending = kept;
    for (size_t i = 0; i < record->nfindings; i++)
        for (size_t j = 0; j < record->findings[i].ncodes && j < EX_MAX_CODES; j++) {
            uint32_t code = record->findings[i].codes[j];
            if (!claimed(fb, code) && fb->nclaimed < CLAIMED_MAX)
                fb->claimed[fb->nclaimed++] = code;
        }
}

/* Whether an informational code is a grace period's, one the condition table's licence-status
 * rows hold as a warning (0x4004F00C initial grace, 0x4004F00D out-of-tolerance grace ...): the
 * same state told by its code is judged as the status line judges it. */
static bool grace_code(uint32_t code)
{
    for (size_t i = 0; i < ex_condition_count(); i++) {
        const struct ex_row *r = &ex_condition_at(i)->row;
        if (r->codes[0] == code && r->severity == EX_WARNING && r->field &&
            strcmp(r->field, "license-status") == 0)
            return true;
    }
    return false;
}

bool ex_fallback_about_activation(const struct ex_fallback *fb)
{
    return fb->context;
}

static const char *fill(const void *subject, const char *key, size_t len, bool command,
                        char *buf, size_t size)
{
    const struct pending *p = subject;
    if (len == 4 && memcmp(key, "code", 4) == 0) {
        ex_code_text(p->code, buf); /* our own spelling: safe in a command */
        return buf;
    }
    if (!command && len == 5 && memcmp(key, "codes", 5) == 0) {
        size_t used = 0;
        for (size_t k = 0; k < p->nshared && used < size; k++) {
            char code[11];
            ex_code_text(p->shared[k], code);
            const char *sep = k == 0 ? "" : k + 1 == p->nshared ? " or " : ", ";
            int w = snprintf(buf + used, size - used, "%s%s", sep, code);
            used += w > 0 ? (size_t)w : 0;
        }
        return buf;
    }
    if (!command && len == 7 && memcmp(key, "written", 7) == 0)
        return p->written; /* "0x" and hex digits only: nothing to escape */
    if (!command && len == 6 && memcmp(key, "symbol", 6) == 0) {
        const struct slerr_entry *e = slerr_lookup(p->code);
        snprintf(buf, size, "%s", e && slerr_entry_symbol(e) ? slerr_entry_symbol(e) : "no symbol");
        return buf;
    }
    return NULL;
}

/* A record of kind "text" at `line` holding one finding of `row`, the text around as its value. */
static int hand_on(struct ex_fallback *fb, const struct ex_row *row, size_t line,
                   const char *around, ex_sink_fn sink, void *ctx)
{
    ex_finding_from_row(&fb->finding, row, around, NULL, NULL);
    struct ex_record record = { "text", line, &fb->finding, 1, NULL };
    return sink(ctx, &record) ? EX_STATUS_STOPPED : 0;
}

/* A text that names an event of the licensing service and says it can be safely ignored, and
 * names no code (a code reads as code-in-text-harmless): the warning is known to be harmless
 * (en-kb-quote-supportarticles-1058-oem-harmless: "Warning ID 1058 (Security-SPP) ... can be
 * safely ignored"). */
static int finish_harmless_event(struct ex_fallback *fb, ex_sink_fn sink, void *ctx)
{
    if (!fb->event_line || !fb->harmless || fb->npending > 0 || fb->nclaimed > 0)
        return 0;
    return hand_on(fb, &ex_fallback_event_harmless_row, fb->event_line, fb->event_around, sink,
                   ctx);
}

/* A text that tells the licensing service does not start and names no code (its code, as
 * sc prints it, reads as win32-decimal-in-text): the failure is the service's. */
static int finish_service_down(struct ex_fallback *fb, ex_sink_fn sink, void *ctx)
{
    if (!fb->service_line || fb->npending > 0 || fb->nclaimed > 0)
        return 0;
    return hand_on(fb, &ex_fallback_service_down_row, fb->service_line, fb->service_around,
                   sink, ctx);
}

int ex_fallback_finish(struct ex_fallback *fb, ex_sink_fn sink, void *ctx)
{
    int status = finish_harmless_event(fb, sink, ctx);
    if (!status)
        status = finish_service_down(fb, sink, ctx);
    if (status)
        return status;
    for (size_t i = 0; i < fb->npending; i++) {
        const struct pending *p = &fb->pending[i];
        if (claimed(fb, p->code) || (!p->activation && !p->uncatalogued && !fb->context))
            continue;
        bool failure = (p->code & 0x80000000u) && !p->information;
        const struct ex_row *row = p->message
                                       ? (failure ? &ex_fallback_message_row
                                                  : &ex_fallback_message_information_row)
                                       : (failure ? &ex_fallback_failure_row
                                                  : &ex_fallback_information_row);
        if (p->nshared > 1 && failure)
            row = &ex_fallback_message_shared_row;
        if (p->uncatalogued)
            row = &ex_fallback_uncatalogued_row;
        else if (!failure && !p->message && !p->information && grace_code(p->code))
            row = &ex_fallback_grace_row;
        else if (p->written[0])
            row = p->decimal ? &ex_fallback_win32_decimal_row
                             : &ex_fallback_mistyped_row; /* only failures are read from a slip */
        if (failure && fb->harmless && row != &ex_fallback_message_shared_row)
            row = &ex_fallback_harmless_row;
        ex_finding_from_row(&fb->finding, row, p->around, fill, p);
        ex_finding_add_code(&fb->finding, p->code);
        for (size_t k = 1; k < p->nshared; k++)
            ex_finding_add_code(&fb->finding, p->shared[k]);
        struct ex_record record = { "text", p->line, &fb->finding, 1, NULL };
        if (sink(ctx, &record))
            return EX_STATUS_STOPPED;
    }
    return 0;
}
