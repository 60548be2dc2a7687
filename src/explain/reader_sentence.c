/* SPDX-License-Identifier: MIT */
/* reader_sentence.c: a licence state told in prose, in a line that no tool's label opens and
 * that holds no code (the code fallback speaks for such a line): the status label and a state
 * word of the label table ("License status is Unlicensed"), or words of the prose table
 * (prose.h: "activation failed", "Aktivierung fehlgeschlagen", 许可证即将过期), or the days
 * left of a period (period.h: "the evaluation is down to 177 days"). The slmgr
 * reader hands it the lines that are none of slmgr's, so a tool's paste costs little. */
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "code.h"
#include "event.h"
#include "period.h"
#include "prose.h"
#include "sentence.h"

#define ALL_FORMATS (EX_FMT_SLMGR | EX_FMT_OSPP | EX_FMT_CIM | EX_FMT_OSLICENSE)

/* Words that turn a state round ("is not Licensed", "isn't licensed any more"): such a sentence
 * is left unread rather than read backwards. English only: a narrow rule for the label route. */
static bool negated(const char *text, size_t len)
{
    static const char *const words[] = { " not ", "n't ", " never ", " no longer " };
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t n = strlen(words[w]);
        for (size_t i = 0; i + n <= len; i++)
            if (strncasecmp(text + i, words[w], n) == 0)
                return true;
    }
    return false;
}

/* The one state a sentence tells beside the status label; -1 when it names no state, or two
 * different ones ("was Licensed, now Unlicensed": which one holds is not for us to guess). */
static int told_state(const char *text, size_t len, const char **word, size_t *wlen)
{
    int state = -1;
    for (size_t i = 0; i < len; i++) {
        size_t n;
        int s = ex_license_state_word(text + i, len - i, &n);
        if (s < 0 || (i > 0 && ex_word_byte((unsigned char)text[i - 1])))
            continue; /* "Licensed" in "Unlicensed" */
        if (state >= 0 && s != state)
            return -1;
        state = s;
        *word = text + i;
        *wlen = n;
        i += n - 1;
    }
    return state;
}

/* Whether text at s[i] stands where a quotation may open: the sentence's start, or after a
 * mark that is no letter, digit or comma ("was : _The machine ...", "says \"Activating"); not
 * inside the writer's own clause ("After activating Office, ..."). */
static bool quote_may_open(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    return i == 0 || (!ex_word_byte((unsigned char)s[i - 1]) && s[i - 1] != ',');
}

/* Whether a phrase a tool prints opens at a word of the sentence up to `at`: a result quoted in
 * prose ("The result was : _The machine is permanently activated_"), which its reader reads. */
static bool quotes_a_tool(const char *s, size_t n, size_t at)
{
    const char *v;
    size_t vl;
    for (size_t i = 0; i <= at && i < n; i++) {
        const struct ex_label_row *row = (i == 0 || !ex_word_byte((unsigned char)s[i - 1])) &&
                                                 quote_may_open(s, i)
                                             ? ex_label_find_row(ALL_FORMATS, s + i, n - i, &v, &vl)
                                             : NULL;
        if (row && row->shape == EX_PHRASE)
            return true;
    }
    return false;
}

/* Whether a sentence asks: it ends with '?', or with a Chinese question particle (吗, 么, 呢). */
static bool asks(const char *text, size_t len, size_t end)
{
    if (end < len && text[end] == '?')
        return true;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        end--;
    return end >= 3 && (memcmp(text + end - 3, "\xE5\x90\x97", 3) == 0 ||
                        memcmp(text + end - 3, "\xE4\xB9\x88", 3) == 0 ||
                        memcmp(text + end - 3, "\xE5\x91\xA2", 3) == 0);
}

/* Where the sentence that starts at text ends: at '!', '?', ';', U+2026, U+3002, or a '.' that
 * no letter or digit follows ("slmgr.vbs" and "1.1.0" go on). */
static size_t sentence_end(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        bool closes = i + 1 < len && text[i + 1] == ')'; /* "(all maybe?)" goes on */
        if (((text[i] == '!' || text[i] == '?') && !closes) || text[i] == ';' ||
            (text[i] == '.' && !closes && (i + 1 == len || !ex_word_byte((unsigned char)text[i + 1]))))
            return i;
        if (i + 2 < len && (memcmp(text + i, "\xE2\x80\xA6", 3) == 0 ||
                            memcmp(text + i, "\xE3\x80\x82", 3) == 0))
            return i;
    }
    return len;
}

static int emit(struct ex_collector *c, size_t lineno, const char *word, size_t wlen,
                const char *text, size_t len, int told)
{
    ex_collector_start(c, lineno);
    ex_collector_field(c, EXL_LICENSE_STATUS, word, wlen, text, len, true);
    c->facts.told = told;
    return ex_collector_emit(c, "sentence", false, EX_RECOGNISED);
}

/* Whether the line is a program's source rather than prose: a batch file's echo or comment, a
 * script's print ("echo :: Could not activate Office" in an activator's source). ('#' also
 * opens a Markdown heading that holds a ticket's text.) */
static bool source_line(const char *text, size_t len)
{
    static const char *const openers[] = { "echo", "rem", "write-host", "write-output",
                                           "print", "printf", "::", "//" };
    while (len > 0 && (*text == ' ' || *text == '\t' || *text == '@'))
        text++, len--;
    for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++) {
        size_t n = strlen(openers[i]);
        if (len >= n && strncasecmp(text, openers[i], n) == 0 &&
            (n == len || !ex_word_byte((unsigned char)text[n]) || !ex_word_byte((unsigned char)text[0])))
            return true;
    }
    return false;
}

/* Whether the line names an event provider ("Microsoft-Windows-Security-SPP"): a log's line or
 * an event catalogue's row ("...8202HighKMS client activation failed"), not a writer's. */
static bool names_a_provider(const char *text, size_t len)
{
    static const char provider[] = "Microsoft-Windows-";
    size_t n = sizeof provider - 1;
    for (const char *p = text; (p = memchr(p, 'M', len - (size_t)(p - text))) != NULL; p++)
        if ((size_t)(p - text) + n <= len && memcmp(p, provider, n) == 0)
            return true;
    return false;
}

/* Whether the line is a documentation page's section title: a Markdown heading that opens
 * with a named anchor ("## <a name=\"...\"></a>Der Computer wird nicht aktiviert."), which
 * names a topic of the page, not the state of a machine. (A ticket's or a support article's
 * heading without one can tell its symptom: "# Windows activation watermark ...".) */
static bool section_title(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    size_t marks = 0;
    while (i < len && text[i] == '#')
        i++, marks++;
    while (i < len && text[i] == ' ')
        i++;
    return marks > 0 && len - i >= 8 &&
           (strncasecmp(text + i, "<a name=", 8) == 0 || strncasecmp(text + i, "<a id=", 6) == 0);
}

/* The line without blanks, Markdown's heading and emphasis marks, and a closing colon at
 * either end. */
static const char *bare(const char *text, size_t len, size_t *out)
{
    while (len > 0 && strchr(" \t#*_", text[0]) && text[0] != '\0')
        text++, len--;
    while (len > 0 && strchr(" \t*_:", text[len - 1]) && text[len - 1] != '\0')
        len--;
    if (len >= 3 && memcmp(text + len - 3, "\xEF\xBC\x9A", 3) == 0) /* ： */
        len -= 3;
    *out = len;
    return text;
}

/* Whether the line is the heading of a page's table of contents, alone on its line, in the
 * languages of the corpus's web pages (neg-de-blog-pcffm-aktivierungsstatus: "Inhalt" and
 * the section titles under it, "„Nicht aktiviert“: fehlende ... Lizenz"). */
static bool contents_heading(const char *text, size_t len)
{
    static const char *const headings[] = {
        "contents", "table of contents", "inhalt", "inhaltsverzeichnis", "sommaire",
        "table des mati\xC3\xA8res", "\xC3\x8Dndice", "indice", "contenido", "contenidos",
        "sommario", "spis tre\xC5\x9B\x63i", "obsah", "inneh\xC3\xA5ll", "inhoud",
        "\xD0\xA1\xD0\xBE\xD0\xB4\xD0\xB5\xD1\x80\xD0\xB6\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB5", /* Содержание */
        "\xE7\x9B\xAE\xE5\xBD\x95", /* 目录 */
        "\xE7\x9B\xAE\xE9\x8C\x84", /* 目錄 */
        "\xE7\x9B\xAE\xE6\xAC\xA1", /* 目次 */
        "\xEB\xAA\xA9\xEC\xB0\xA8", /* 목차 */
        "m\xE1\xBB\xA5\x63 l\xE1\xBB\xA5\x63", /* mục lục */
        "i\xC3\xA7indekiler", /* içindekiler */
    };
    size_t n;
    const char *word = bare(text, len, &n);
    for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
        if (strlen(headings[i]) == n && strncasecmp(word, headings[i], n) == 0)
            return true;
    return false;
}

/* How long a title in a table of contents may be (bytes: a German or CJK title runs long);
 * a longer line, or one that ends a sentence, is the page's text again. */
#define CONTENTS_TITLE 240

/* Whether the line is an entry of a table of contents: a title, which ends no sentence (the
 * input layer has taken a list's bullet or number off already). */
static bool contents_entry(const char *text, size_t len)
{
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    bool ends = len > 0 && strchr(".!?", text[len - 1]) && text[len - 1] != '\0';
    ends |= len >= 3 && memcmp(text + len - 3, "\xE3\x80\x82", 3) == 0; /* 。 */
    return len <= CONTENTS_TITLE && !ends;
}

/* Whether the line quotes Windows' message of a code: the fallback reports that code, which
 * says more than the state the prose tells. */
static bool quotes_a_message(struct ex_messages **messages, const char *text, size_t len)
{
    if (!*messages)
        *messages = ex_messages_new();
    uint32_t codes[EX_MESSAGE_CODES];
    size_t at;
    return *messages && ex_messages_find(*messages, text, len, codes, &at) > 0;
}

void ex_sentence_state_clear(struct ex_sentence_state *st)
{
    ex_messages_free(st->messages);
    st->messages = NULL;
}

/* A line the page or the writer wrapped inside a sentence is at least this long; a shorter one
 * that ends without a full stop is a heading or a list's item ("Lösung:"). */
#define WRAPPED_LINE 40
/* How many lines (blank ones not counted) after a line that announces what a screen shows
 * quote it: a table of Settings' messages, one a line with its separators
 * (neg-ja-blog-takaibiki-activation-settings-explainer). */
#define SHOWN_LINES 6
/* How much of a line's first sentence is read with the sentence the line before left open. */
#define JOINED_HEAD 480

/* Whether a line opens with a small letter (ASCII, Latin-1, Cyrillic): it goes on with the
 * sentence the line before left open ("activate and that I should try again later."), where a
 * new sentence, a heading or a tool's line opens with a capital, a digit or a mark. */
static bool opens_small(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t'))
        i++;
    if (i < len && t[i] >= 'a' && t[i] <= 'z')
        return true;
    if (i + 1 >= len)
        return false;
    unsigned a = t[i], b = t[i + 1];
    return (a == 0xC3 && b >= 0x9F && b <= 0xBF && b != 0xB7) || /* ß-ÿ */
           (a == 0xD0 && b >= 0xB0 && b <= 0xBF) || (a == 0xD1 && b >= 0x80 && b <= 0x8F);
}

/* Whether the words of a line (its first pass found `found`) are read as prose: it holds a
 * subject, or an "it" after a line that tried to activate ("It failed again."), the input
 * named the product, and it is no program's source nor a page's section title, nor speaks of
 * a licensing that is no product's activation (a Remote Desktop licence server's). */
static bool prose_line(const struct ex_sentence_state *st, unsigned found, const char *text,
                       size_t len)
{
    bool refers_back = (found & EX_PROSE_REFERS) && st->before;
    return ((found & EX_PROSE_SUBJECT) || refers_back) && st->named && !source_line(text, len) &&
           !section_title(text, len) && !ex_phrase_in(EX_PH_OTHER_LICENSING, text, len);
}

/* Whether the status label a sentence names is a condition, not a machine's field: the sentence
 * supposes ("If the License Status is Notification, run ..."), or the label follows "with" or
 * "whose" (a documentation page's class of clients: "the count of KMS requests from clients
 * with LicenseStatus set to 5 (Notification)", en-ticket-dockerkmsgui-11-notify). Not "where":
 * "We have images where License status is Unlicensed" is the writer's own. */
static bool status_as_condition(const char *s, size_t n)
{
    static const char *const classes[] = { "with", "whose" };
    enum { LABEL_WITHIN = 20 }; /* "the License Status" after the word */
    for (size_t at = 0; at < n;) {
        size_t here = at;
        const struct ex_prose_word *w = ex_prose_next(s, n, &at);
        if (w && w->kind == EXW_IF)
            return true;
        if (w)
            continue;
        for (size_t k = 0; k < sizeof classes / sizeof classes[0]; k++) {
            size_t cl = strlen(classes[k]);
            if (ex_word_stands_at(s, n, here, classes[k])) {
                size_t from = here + cl, win = n - from < LABEL_WITHIN ? n - from : LABEL_WITHIN;
                if (ex_label_named_in(EXL_LICENSE_STATUS, s + from, win))
                    return true;
            }
        }
    }
    return false;
}

/* Reads one sentence s[0 .. n) of `line` (its words as prose when `prose`): hands on its
 * record when it tells a state, and returns the sink's answer; -1 when it tells none. */
static int read_sentence(struct ex_collector *c, struct ex_sentence_state *st, const char *s,
                         size_t n, bool question, bool prose, bool strong, const char *line,
                         size_t len, size_t lineno)
{
    const char *word = NULL;
    size_t wlen = 0, w = 0;
    if (ex_label_named_in(EXL_LICENSE_STATUS, s, n) && !negated(s, n) &&
        told_state(s, n, &word, &wlen) >= 0 && !status_as_condition(s, n))
        return emit(c, lineno, word, wlen, line, len, EX_TOLD_NONE);
    if (!prose)
        return -1;
    int told = ex_prose_told(s, n, question, strong, &st->before, &w, &wlen);
    if (told == EX_TOLD_NONE && !question)
        told = ex_period_told(s, n, &w, &wlen); /* "the evaluation is down to 177 days" */
    if (told == EX_TOLD_NONE || quotes_a_tool(s, n, w))
        return -1;
    if (quotes_a_message(&st->messages, line, len))
        return 0;
    return emit(c, lineno, s + w, wlen, line, len, told);
}

/* Reads the sentence the line before left open (st->tail) with the start of this line, up to
 * its first sentence's end at text[n]: a supposition or a modal on one line reaches the words
 * on the next ("If the organization" / "has more than one KMS host ... does not support"). */
static int read_joined(struct ex_collector *c, struct ex_sentence_state *st, size_t tail,
                       const char *text, size_t len, size_t n, size_t lineno)
{
    char joined[EX_SENTENCE_TAIL + 1 + JOINED_HEAD];
    memcpy(joined, st->tail, tail);
    joined[tail] = ' ';
    memcpy(joined + tail + 1, text, n);
    size_t jl = tail + 1 + n;
    unsigned found = ex_prose_scan(joined, jl);
    st->named |= (found & EX_PROSE_NAMED) != 0;
    return read_sentence(c, st, joined, jl, asks(text, len, n), prose_line(st, found, joined, jl),
                         (found & EX_PROSE_STRONG) != 0, joined, jl, lineno);
}

/* Keeps a line's last sentence for the next line when the line ends inside it. */
static void keep_tail(struct ex_sentence_state *st, const char *text, size_t len, size_t last,
                      size_t lineno)
{
    while (len > last && (text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len < WRAPPED_LINE || len <= last || len - last > EX_SENTENCE_TAIL)
        return;
    memcpy(st->tail, text + last, len - last);
    st->tail_len = len - last;
    st->tail_line = lineno;
}

int ex_sentence_line(struct ex_collector *c, struct ex_sentence_state *st, const char *text,
                     size_t len, size_t lineno)
{
    bool *named = &st->named;
    const char *v;
    size_t vl;
    /* the sentence the line before left open, when this line goes on with it */
    size_t tail = st->tail_len > 0 && lineno == st->tail_line + 1 && opens_small(text, len)
                      ? st->tail_len
                      : 0;
    st->tail_len = 0;
    if (ex_label_find_row(ALL_FORMATS, text, len, &v, &vl) || ex_may_hold_code(text, len) ||
        ex_event_message_line(text, len)) {
        *named = true; /* a tool's or an event's own line, or a code's: a product in question */
        return 0;
    }
    if (names_a_provider(text, len)) {
        *named = true; /* a log's or an event catalogue's line, not prose */
        return 0;
    }
    if (st->contents && contents_entry(text, len))
        return 0; /* a section's title in a table of contents (blank lines go on with it) */
    st->contents = contents_heading(text, len);
    if (st->contents)
        return 0;
    unsigned found = ex_prose_scan(text, len); /* most lines: no subject, after one pass */
    *named |= (found & EX_PROSE_NAMED) != 0;
    if (st->shown > 0) {
        st->shown--; /* the example a guide announced: Windows' own text, quoted */
        return 0;
    }
    if (ex_phrase_in(EX_PH_SHOWN, text, len))
        st->shown = SHOWN_LINES;
    bool prose = prose_line(st, found, text, len);
    bool strong = (found & EX_PROSE_STRONG) != 0;
    bool own = !source_line(text, len) && !section_title(text, len); /* a writer's line */
    size_t at = 0, last = 0;
    if (tail > 0 && own) {
        size_t n = sentence_end(text, len);
        if (n <= JOINED_HEAD) {
            int status = read_joined(c, st, tail, text, len, n, lineno);
            if (status >= 0)
                return status;
            at = last = n + 1; /* read with the line before, not alone */
        }
    }
    while (at < len) {
        size_t n = sentence_end(text + at, len - at);
        int status = read_sentence(c, st, text + at, n, asks(text, len, at + n), prose, strong,
                                   text, len, lineno);
        if (status >= 0)
            return status;
        last = at;
        at += n + 1;
    }
    if (own && at == len + 1)
        keep_tail(st, text, len, last, lineno);
    /* a line not read word by word leaves what its first pass found (a line without a word of
     * the product or its activation leaves nothing: it may speak of anything) */
    if (!prose)
        st->before = ((found & EX_PROSE_NAMED) ? EX_PROSE_BEFORE_PRODUCT : 0) |
                     ((found & EX_PROSE_SUBJECT) ? EX_PROSE_BEFORE_ACTIVATION : 0);
    return 0;
}
