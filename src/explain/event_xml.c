/* SPDX-License-Identifier: MIT */
/* event_xml.c: events in XML (wevtutil qe /f:xml, Event Viewer's "Save as XML", ToXml()) read
 * with expat as a stream: one fixed event is refilled per <Event>, so memory stays flat. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "expat_load.h"

/* A wevtutil stream has no root element: every session is wrapped in one of ours. */
static const char wrap_open[] = "<slerr-events>";
static const char wrap_close[] = "</slerr-events>";

/* Bounds on what a hostile file can make us hold. An event is five elements deep (wrapper,
 * Event, UserData, its element, a value); anything past XML_DEPTH_MAX is not an event log and
 * would grow expat's tag stack without end. One token (a start tag with its attributes, a
 * comment, a name) is held whole by expat until it ends: past XML_TOKEN_MAX it is refused. */
#define XML_DEPTH_MAX 32
#define XML_TOKEN_MAX ((size_t)1 << 20)
/* Once this much of an unfinished token waits in expat, pieces are collected here and handed
 * over when they are as many bytes as wait there: expat rescans the whole token on every
 * parse, so feeding 8 KiB pieces of a 1 MiB token one by one would cost quadratic time. */
#define XML_DEFER_FROM ((size_t)64 << 10)

enum section { SEC_NONE, SEC_SYSTEM, SEC_EVENTDATA, SEC_USERDATA, SEC_RENDERING };
enum capture { CAP_NONE, CAP_ID, CAP_COMPUTER, CAP_DATA, CAP_MESSAGE };

struct ex_event_xml {
    XML_Parser parser;             /* NULL until the first XML */
    const struct ex_expat *expat;  /* loaded with it */
    ex_event_fn fn;
    void *ctx;
    bool active;       /* a session (one XML document or stream) is open */
    int depth;         /* open elements, our wrapper being 1 */
    int event_depth;   /* depth of the open <Event>, 0 when none */
    enum section section;
    enum capture cap;
    size_t blen;       /* bytes in buf */
    int status;        /* what fn asked for, or EX_STATUS_MALFORMED */
    size_t lineno;     /* the input line being fed */
    size_t error_line;
    char error[160];
    uint64_t fed;        /* bytes given to expat in this session */
    size_t waiting;      /* of them, bytes of an unfinished token expat still holds */
    char *defer;         /* pieces held back while a long token is unfinished */
    size_t ndefer;
    /* Last, not zeroed by ex_event_xml_new: */
    char buf[EX_EVENT_LONG_MAX]; /* text of the element being captured, cut when longer (1003's
                                    licence status list is one <Data> of several KiB) */
    struct ex_event ev;
};

/* Windows writes the events namespace as the default one, so names come unprefixed; another
 * writer's "e:Event" is read by its local part. (Not expat's namespace mode: it costs a third
 * of the parse and the URI is not needed to tell these elements apart.) */
static const char *local_name(const XML_Char *name)
{
    const char *colon = strchr(name, ':'); /* libc's, word-wide: every element passes here */
    return colon ? colon + 1 : name;
}

/* strcmp(name, want) == 0 for a literal want of two bytes or more, its first two compared inline:
 * most of the names an event holds differ there. */
static bool is_named(const char *name, const char *want)
{
    return name[0] == want[0] && name[1] == want[1] && strcmp(name, want) == 0;
}

static void copy_cut(char *dst, size_t size, const char *src, size_t len)
{
    if (len >= size)
        len = ex_utf8_cut(src, size - 1);
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static const char *attr(const XML_Char **atts, const char *want)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (is_named(local_name(atts[i]), want))
            return atts[i + 1];
    return NULL;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len);

/* Captures the text of the element just opened. The text handler is only set while capturing:
 * expat then skips the text of the many elements nobody reads. */
static void capture(struct ex_event_xml *x, enum capture cap)
{
    x->cap = cap;
    x->expat->XML_SetCharacterDataHandler(x->parser, on_text);
}

static void system_child(struct ex_event_xml *x, const char *name, const XML_Char **atts)
{
    switch (name[0]) { /* most children of <System> are not read: one byte tells most apart */
    case 'P':
        if (is_named(name, "Provider")) {
            const char *v = attr(atts, "Name");
            if (v)
                copy_cut(x->ev.provider, sizeof x->ev.provider, v, strlen(v));
            v = attr(atts, "EventSourceName");
            if (v)
                copy_cut(x->ev.source, sizeof x->ev.source, v, strlen(v));
        }
        break;
    case 'T':
        if (is_named(name, "TimeCreated")) {
            const char *v = attr(atts, "SystemTime");
            if (v) {
                copy_cut(x->ev.time, sizeof x->ev.time, v, strlen(v));
                x->ev.when = ex_event_parse_time(x->ev.time);
            }
        }
        break;
    case 'E':
        if (is_named(name, "EventID"))
            capture(x, CAP_ID);
        break;
    case 'C':
        if (is_named(name, "Computer"))
            capture(x, CAP_COMPUTER);
        break;
    default:
        break;
    }
}

static void fail(struct ex_event_xml *x, const char *why)
{
    ex_format(x->error, sizeof x->error, "%s", why);
    x->error_line = x->lineno;
    x->status = EX_STATUS_MALFORMED;
}

static void XMLCALL on_start(void *data, const XML_Char *qname, const XML_Char **atts)
{
    struct ex_event_xml *x = data;
    const char *name = local_name(qname);
    if (x->depth >= XML_DEPTH_MAX) {
        fail(x, "elements nested deeper than an event log's");
        x->expat->XML_StopParser(x->parser, XML_FALSE);
        return;
    }
    int rel = ++x->depth - x->event_depth;
    x->blen = 0;
    if (!x->event_depth) {
        if (is_named(name, "Event")) {
            x->event_depth = x->depth;
            ex_event_clear(&x->ev);
            x->ev.line = x->lineno;
        }
        return;
    }
    if (rel == 1) {
        x->section = is_named(name, "System")        ? SEC_SYSTEM
                     : is_named(name, "EventData")     ? SEC_EVENTDATA
                     : is_named(name, "UserData")      ? SEC_USERDATA
                     : is_named(name, "RenderingInfo") ? SEC_RENDERING
                                                          : SEC_NONE;
    } else if (rel == 2 && x->section == SEC_SYSTEM) {
        system_child(x, name, atts);
    } else if ((rel == 2 && x->section == SEC_EVENTDATA && is_named(name, "Data")) ||
               (rel == 3 && x->section == SEC_USERDATA)) {
        /* <EventData><Data>, or UserData/<the event's own element>/<one element per value> */
        capture(x, CAP_DATA);
    } else if (rel == 2 && x->section == SEC_RENDERING && is_named(name, "Message")) {
        capture(x, CAP_MESSAGE);
    }
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
    struct ex_event_xml *x = data;
    if (x->cap == CAP_NONE || len <= 0)
        return;
    size_t room = sizeof x->buf - 1 - x->blen;
    size_t n = (size_t)len < room ? (size_t)len : room;
    memcpy(x->buf + x->blen, s, n);
    x->blen += n;
}

static void end_capture(struct ex_event_xml *x)
{
    if (x->blen == sizeof x->buf - 1) /* cut: between characters */
        x->blen = ex_utf8_cut(x->buf, x->blen);
    x->buf[x->blen] = '\0';
    switch (x->cap) {
    case CAP_ID: {
        unsigned long id;
        if (!ex_event_decimal(x->buf, 65535, &id)) { /* spaces, a sign or text after it */
            char *end;
            id = strtoul(x->buf, &end, 10);
        }
        x->ev.id = id <= 65535 ? (unsigned)id : 0;
        break;
    }
    case CAP_COMPUTER:
        copy_cut(x->ev.computer, sizeof x->ev.computer, x->buf, x->blen);
        break;
    case CAP_DATA:
        (void)ex_event_add_value(&x->ev, x->buf, x->blen); /* past the 16th: not ours */
        break;
    case CAP_MESSAGE: {
        const char *p = x->buf;
        while (*p == '\n' || *p == '\r' || *p == ' ')
            p++;
        copy_cut(x->ev.message, sizeof x->ev.message, p, strcspn(p, "\r\n"));
        break;
    }
    case CAP_NONE:
        break;
    }
    x->cap = CAP_NONE;
    x->expat->XML_SetCharacterDataHandler(x->parser, NULL);
}

static void XMLCALL on_end(void *data, const XML_Char *qname)
{
    struct ex_event_xml *x = data;
    (void)qname;
    if (x->cap != CAP_NONE)
        end_capture(x);
    if (x->event_depth && x->depth == x->event_depth) {
        x->event_depth = 0;
        x->section = SEC_NONE;
        ex_event_split_list(&x->ev);
        int rc = x->fn(x->ctx, &x->ev);
        if (rc) {
            x->status = rc;
            x->expat->XML_StopParser(x->parser, XML_FALSE);
        }
    } else if (x->event_depth && x->depth == x->event_depth + 1) {
        x->section = SEC_NONE;
    }
    x->depth--;
}

static void setup(struct ex_event_xml *x)
{
    x->expat->XML_SetUserData(x->parser, x);
    x->expat->XML_SetElementHandler(x->parser, on_start, on_end);
#ifdef SLERR_HAVE_REPARSE_DEFERRAL
    /* Each line must be parsed when fed: whether the stream goes on is decided per line.
     * Long tokens are deferred here instead (feed_piece), the same way with every expat. */
    x->expat->XML_SetReparseDeferralEnabled(x->parser, XML_FALSE);
#endif
}

struct ex_event_xml *ex_event_xml_new(ex_event_fn fn, void *ctx)
{
    /* Not calloc: buf and ev (most of the size) are written before they are read, at the
     * first <Event>; zeroing them touched pages that a paste without XML never needs. */
    struct ex_event_xml *x = malloc(sizeof *x);
    if (!x)
        return NULL;
    memset(x, 0, offsetof(struct ex_event_xml, buf));
    x->fn = fn;
    x->ctx = ctx;
    return x;
}

void ex_event_xml_free(struct ex_event_xml *x)
{
    if (!x)
        return;
    if (x->parser)
        x->expat->XML_ParserFree(x->parser);
    free(x->defer);
    free(x);
}

/* Feeds bytes; on an XML error remembers expat's message and the line. */
static int feed(struct ex_event_xml *x, const char *s, size_t len, bool final)
{
    while (len > 0 || final) {
        int chunk = len > (1u << 30) ? 1 << 30 : (int)len;
        bool last = final && (size_t)chunk == len;
        x->fed += (uint64_t)chunk;
        if (x->expat->XML_Parse(x->parser, s, chunk, last) == XML_STATUS_ERROR) {
            if (x->status)
                return x->status;
            ex_format(x->error, sizeof x->error, "%s",
                     x->expat->XML_ErrorString(x->expat->XML_GetErrorCode(x->parser)));
            x->error_line = x->lineno;
            return x->status = EX_STATUS_MALFORMED;
        }
        if (x->status)
            return x->status;
        s += chunk;
        len -= (size_t)chunk;
        if (last)
            break;
    }
    return 0;
}

/* Hands `len` bytes (and a line end when `ends_line`) to expat, copied once into its buffer,
 * and notes how much of an unfinished token it holds afterwards. */
static int parse_bytes(struct ex_event_xml *x, const char *s, size_t len, bool ends_line)
{
    int n = (int)len + (ends_line ? 1 : 0);
    char *buf = x->expat->XML_GetBuffer(x->parser, n);
    if (!buf)
        return x->status = EX_STATUS_NOMEM;
    memcpy(buf, s, len);
    if (ends_line)
        buf[len] = '\n';
    x->fed += (uint64_t)n;
    if (x->expat->XML_ParseBuffer(x->parser, n, XML_FALSE) == XML_STATUS_ERROR && !x->status) {
        ex_format(x->error, sizeof x->error, "%s",
                  x->expat->XML_ErrorString(x->expat->XML_GetErrorCode(x->parser)));
        x->error_line = x->lineno;
        x->status = EX_STATUS_MALFORMED;
    }
    if (x->status)
        return x->status;
#ifdef SLERR_HAVE_BYTE_INDEX64
    int64_t done = x->expat->XML_GetCurrentByteIndex64(x->parser);
#else
    int64_t done = x->expat->XML_GetCurrentByteIndex(x->parser);
#endif
    x->waiting = done >= 0 && (uint64_t)done <= x->fed ? (size_t)(x->fed - (uint64_t)done) : 0;
    if (x->waiting > XML_TOKEN_MAX)
        fail(x, "an XML tag, comment or name longer than 1 MiB");
    return x->status;
}

static int flush_deferred(struct ex_event_xml *x)
{
    size_t n = x->ndefer;
    x->ndefer = 0;
    return n ? parse_bytes(x, x->defer, n, false) : x->status;
}

/* Bytes of one line, and its line end when `ends_line`. While a long token is unfinished they
 * are collected, so that expat rescans it a number of times logarithmic in its length. */
static int feed_piece(struct ex_event_xml *x, const char *s, size_t len, bool ends_line)
{
    size_t n = len + (ends_line ? 1 : 0);
    if (len > EX_LINE_MAX) { /* not from ex_input, whose pieces are bounded: in bounded parts */
        for (; len > EX_LINE_MAX && !x->status; s += EX_LINE_MAX, len -= EX_LINE_MAX)
            (void)feed_piece(x, s, EX_LINE_MAX, false);
        return x->status ? x->status : feed_piece(x, s, len, ends_line);
    }
    if (x->waiting < XML_DEFER_FROM && !x->ndefer)
        return parse_bytes(x, s, len, ends_line);
    if (x->waiting + x->ndefer + n > XML_TOKEN_MAX + EX_LINE_MAX) {
        fail(x, "an XML tag, comment or name longer than 1 MiB");
        return x->status;
    }
    if (!x->defer && !(x->defer = malloc(XML_TOKEN_MAX + 2 * (size_t)EX_LINE_MAX)))
        return x->status = EX_STATUS_NOMEM;
    memcpy(x->defer + x->ndefer, s, len);
    if (ends_line)
        x->defer[len + x->ndefer] = '\n';
    x->ndefer += n;
    return x->ndefer >= x->waiting ? flush_deferred(x) : 0;
}

/* Where the first `c` stands in s[from .. len), or len; `*seen` keeps the last answer, so
 * that asking with a `from` that only grows scans each byte once. */
static size_t byte_from(const char *s, size_t len, size_t from, char c, size_t *seen)
{
    if (*seen != SIZE_MAX && *seen >= from)
        return *seen;
    const char *hit = from < len ? memchr(s + from, c, len - from) : NULL;
    return *seen = hit ? (size_t)(hit - s) : len;
}

/* A line as a mail client or a forum left it: a URL in an attribute turned into a Markdown
 * link, its quotes gone (`<Event xmlns=[http://schemas...](https://...safelinks...)>`,
 * nl-event-xml-16384-seb-903, an Outlook reply). Each `=[text](address)` is handed over as
 * `="text"`: the link's text is the value the event held, its address the client's. Text
 * holding a quote or a tag's bracket is no value and is fed as it stands. Linear: the places
 * of the next bytes looked for are kept while `from` moves on. */
static int feed_unlinked(struct ex_event_xml *x, const char *s, size_t len, bool ends_line)
{
    size_t eq_at = SIZE_MAX, close_at = SIZE_MAX, end_at = SIZE_MAX, quote_at = SIZE_MAX,
           lt_at = SIZE_MAX, gt_at = SIZE_MAX, done = 0;
    for (size_t eq = byte_from(s, len, 0, '=', &eq_at); eq + 1 < len;
         eq = byte_from(s, len, eq + 1, '=', &eq_at)) {
        if (s[eq + 1] != '[')
            continue;
        size_t close = byte_from(s, len, eq + 2, ']', &close_at);
        if (close + 1 >= len || s[close + 1] != '(')
            continue;
        size_t end = byte_from(s, len, close + 2, ')', &end_at);
        if (end == len || byte_from(s, len, eq + 2, '"', &quote_at) < close ||
            byte_from(s, len, eq + 2, '<', &lt_at) < close ||
            byte_from(s, len, eq + 2, '>', &gt_at) < close)
            continue;
        int rc = feed_piece(x, s + done, eq + 1 - done, false);
        if (!rc)
            rc = feed_piece(x, "\"", 1, false);
        if (!rc)
            rc = feed_piece(x, s + eq + 2, close - eq - 2, false);
        if (!rc)
            rc = feed_piece(x, "\"", 1, false);
        if (rc)
            return rc;
        done = end + 1;
        eq = end; /* the next '=' after the link */
    }
    return feed_piece(x, s + done, len - done, ends_line);
}

/* The first XML: expat is loaded now; without it, XML is "not available" (as .evtx files are
 * without libevtx), and the reason is the error. */
static int create_parser(struct ex_event_xml *x)
{
    const char *why = "";
    if (!(x->expat = ex_expat_load(&why))) {
        ex_format(x->error, sizeof x->error, "reading XML events is not available: %s", why);
        x->error_line = x->lineno;
        return x->status = EX_STATUS_UNAVAILABLE;
    }
    x->parser = x->expat->XML_ParserCreate("UTF-8");
    return x->parser ? 0 : EX_STATUS_NOMEM;
}

static int open_session(struct ex_event_xml *x)
{
    int rc = x->parser ? 0 : create_parser(x);
    if (rc)
        return rc;
    if (!x->expat->XML_ParserReset(x->parser, "UTF-8"))
        return EX_STATUS_NOMEM;
    setup(x);
    x->active = true;
    x->depth = x->event_depth = 0;
    x->section = SEC_NONE;
    x->cap = CAP_NONE;
    x->fed = 0;
    x->waiting = x->ndefer = 0;
    return feed(x, wrap_open, sizeof wrap_open - 1, false);
}

static int close_session(struct ex_event_xml *x)
{
    x->active = false;
    int rc = flush_deferred(x);
    if (rc)
        return rc;
    return feed(x, wrap_close, sizeof wrap_close - 1, true);
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* "<Event" or "<Events" followed by a space, '>' or '/': where a document or stream starts. */
static bool starts_event(const char *s, size_t len)
{
    if (len < 7 || memcmp(s, "<Event", 6) != 0)
        return false;
    char c = s[6] == 's' && len > 7 ? s[7] : s[6];
    return c == ' ' || c == '>' || c == '/' || c == '\t';
}

bool ex_event_xml_claims(const struct ex_event_xml *x, const char *text, size_t len)
{
    if (x->status || !x->active)
        return false;
    if (x->depth > 1 || x->waiting || x->ndefer)
        return true;
    size_t i = skip_space(text, len, 0);
    return i < len && starts_event(text + i, len - i);
}

int ex_event_xml_piece(struct ex_event_xml *x, const char *text, size_t len, size_t lineno,
                       bool starts_line, bool ends_line)
{
    if (x->status)
        return x->status;
    x->lineno = lineno;
    if (!starts_line) /* the rest of a long line: XML only when a document is open */
        return x->active ? feed_piece(x, text, len, ends_line) : 0;
    size_t i = skip_space(text, len, 0);
    if (x->active && x->depth == 1 && !x->waiting && !x->ndefer && i < len &&
        !starts_event(text + i, len - i)) {
        /* The stream ended with the last element; this line is other text. */
        int rc = close_session(x);
        if (rc)
            return rc;
    }
    if (!x->active) {
        if (len - i >= 5 && memcmp(text + i, "<?xml", 5) == 0) {
            size_t end = i + 5;
            while (end + 1 < len && !(text[end] == '?' && text[end + 1] == '>'))
                end++;
            if (end + 1 >= len)
                return 0; /* a declaration wrapped over lines: not a paste we read */
            i = skip_space(text, len, end + 2);
        }
        if (i == len || !starts_event(text + i, len - i))
            return 0;
        int rc = open_session(x);
        if (rc)
            return rc;
    }
    if (ends_line) /* a whole line (ex_input's lines come whole unless very long) */
        return feed_unlinked(x, text + i, len - i, true);
    return feed_piece(x, text + i, len - i, ends_line);
}

int ex_event_xml_line(struct ex_event_xml *x, const char *text, size_t len, size_t lineno)
{
    return ex_event_xml_piece(x, text, len, lineno, true, true);
}

/* How much of a value the input ended inside is read: a value of several lines (1003's licence
 * list, one licence a line, read whole entries only) up to its end; a value of one line up to
 * its last comma, so that no field of 12290's list is read from a piece of itself ("12" of
 * "129600"); 0 when that leaves nothing. */
static size_t whole_fields(const struct ex_event_xml *x)
{
    size_t n = x->cap == CAP_DATA ? x->blen : 0;
    while (n > 0 && (x->buf[n - 1] == '\n' || x->buf[n - 1] == '\r' || x->buf[n - 1] == ' '))
        n--;
    if (memchr(x->buf, '\n', n))
        return n;
    while (n > 0 && x->buf[n - 1] != ',')
        n--;
    return n ? n - 1 : 0;
}

/* Whether the input ended inside an event whose ID and data were read: a paste its poster cut
 * short (the closing tags, the end of a long licence list). It is then judged on what it holds
 * and says where it was cut; cut anywhere else, the XML is malformed. */
static bool read_before_cut(const struct ex_event_xml *x)
{
    return x->event_depth && x->ev.id && (x->ev.nvalues > 0 || whole_fields(x) > 0);
}

static int judge_cut(struct ex_event_xml *x)
{
    size_t keep = whole_fields(x);
    if (keep) {
        x->blen = keep;
        end_capture(x);
    }
    x->ev.cut = x->lineno ? x->lineno : 1;
    ex_event_split_list(&x->ev);
    return x->status = x->fn(x->ctx, &x->ev);
}

int ex_event_xml_finish(struct ex_event_xml *x)
{
    if (x->status)
        return x->status;
    if (!x->active)
        return 0;
    int rc = flush_deferred(x);
    if (rc)
        return rc;
    if (x->depth > 1) { /* cut off inside an element: let expat name what is missing */
        x->active = false;
        if (read_before_cut(x))
            return judge_cut(x);
        rc = feed(x, "", 0, true);
        if (rc)
            return rc;
        ex_format(x->error, sizeof x->error, "the XML ends inside an element");
        x->error_line = x->lineno;
        return x->status = EX_STATUS_MALFORMED;
    }
    return close_session(x);
}

const char *ex_event_xml_error(const struct ex_event_xml *x, size_t *lineno)
{
    if (x->status != EX_STATUS_MALFORMED && x->status != EX_STATUS_UNAVAILABLE)
        return NULL;
    if (lineno)
        *lineno = x->error_line;
    return x->error;
}
