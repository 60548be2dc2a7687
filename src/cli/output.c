/* SPDX-License-Identifier: MIT */
/* output.c: colour decisions, word wrapping and JSON escaping for everything slerr prints. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "output.h"

#define DEFAULT_WIDTH 80
#define MIN_WIDTH 40
#define MAX_WIDTH 120

static const char *const style_on[] = {
    [STYLE_CODE] = "\033[1m",   [STYLE_SYMBOL] = "\033[36m", [STYLE_LABEL] = "\033[2m",
    [STYLE_GOOD] = "\033[32m",  [STYLE_WARN] = "\033[33m",   [STYLE_BAD] = "\033[1;31m",
    [STYLE_DIM] = "\033[2m",
};

int output_parse_color(const char *text, enum color_mode *mode)
{
    static const struct { const char *word; enum color_mode mode; } words[] = {
        { "auto", COLOR_AUTO }, { "tty", COLOR_AUTO }, { "if-tty", COLOR_AUTO },
        { "always", COLOR_ALWAYS }, { "yes", COLOR_ALWAYS }, { "force", COLOR_ALWAYS },
        { "never", COLOR_NEVER }, { "no", COLOR_NEVER }, { "none", COLOR_NEVER },
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcasecmp(text, words[i].word) == 0) {
            *mode = words[i].mode;
            return 0;
        }
    }
    return -1;
}

bool output_color_enabled(FILE *stream, enum color_mode mode)
{
    if (mode != COLOR_AUTO)
        return mode == COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (no_color && *no_color)
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(fileno(stream));
}

static unsigned detect_width(FILE *stream)
{
    struct winsize size;
    unsigned width = DEFAULT_WIDTH;
    const char *columns = getenv("COLUMNS");
    long from_env = columns ? strtol(columns, NULL, 10) : 0;
    if (from_env > 0 && from_env < 10000)
        width = (unsigned)from_env;
    else if (ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        width = size.ws_col;
    if (width < MIN_WIDTH)
        width = MIN_WIDTH;
    return width > MAX_WIDTH ? MAX_WIDTH : width;
}

void output_init(struct output *o, FILE *stream, enum output_format format, enum color_mode mode)
{
    memset(o, 0, sizeof *o);
    o->stream = stream;
    o->format = format;
    o->color = format == FORMAT_TEXT && output_color_enabled(stream, mode);
    o->width = detect_width(stream);
}

void output_text(struct output *o, const char *text)
{
    fputs(text, o->stream);
}

void output_printf(struct output *o, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    vfprintf(o->stream, format, ap);
    va_end(ap);
}

void output_styled(struct output *o, enum style style, const char *format, ...)
{
    va_list ap;
    if (o->color)
        fputs(style_on[style], o->stream);
    va_start(ap, format);
    vfprintf(o->stream, format, ap);
    va_end(ap);
    if (o->color)
        fputs("\033[0m", o->stream);
}

/* The length of the unit that starts at p and that a line break must not split: a word, or
 * a span in backticks (a command to copy) up to the word that closes it, or a registry key or
 * Windows path whose words are joined by spaces ("HKLM\SOFTWARE\Microsoft\Windows NT\...":
 * each word holds a backslash). Longer than a line, it gets a line of its own. */
static size_t unit_length(const char *p)
{
    size_t word = strcspn(p, " ");
    const char *tick = memchr(p, '`', word);
    if (tick && !memchr(tick + 1, '`', word - (size_t)(tick + 1 - p))) {
        const char *close = strchr(tick + 1, '`');
        if (close)
            return (size_t)(close - p) + strcspn(close, " ");
    }
    size_t length = word;
    while (memchr(p, '\\', length) && p[length] == ' ') {
        size_t next = strcspn(p + length + 1, " ");
        if (next == 0 || !memchr(p + length + 1, '\\', next))
            break;
        length += 1 + next;
    }
    return length;
}

/* Prints the words of `text` in lines no wider than the output, each after `margin` spaces,
 * never breaking a command in backticks, a registry key or a path (unit_length). */
static void write_wrapped(struct output *o, const char *text, unsigned margin, unsigned column)
{
    const char *p = text;
    bool first = true;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t word = unit_length(p);
        if (word == 0)
            break;
        if (!first && column + 1 + word > o->width) {
            fprintf(o->stream, "\n%*s", (int)margin, "");
            column = margin;
        } else if (!first) {
            fputc(' ', o->stream);
            column++;
        }
        fwrite(p, 1, word, o->stream);
        column += (unsigned)word;
        p += word;
        first = false;
    }
    fputc('\n', o->stream);
}

void output_wrapped(struct output *o, unsigned column, unsigned margin, const char *text)
{
    fputc(' ', o->stream);
    write_wrapped(o, text, margin, column + 1);
}

void output_field(struct output *o, unsigned indent, const char *label, const char *text)
{
    unsigned margin = indent;
    fprintf(o->stream, "%*s", (int)indent, "");
    if (label) {
        output_styled(o, STYLE_LABEL, "%s", label);
        margin += (unsigned)strlen(label);
    }
    write_wrapped(o, text, margin, margin);
}

/* ---- JSON ---- */

/* Length of the valid UTF-8 sequence at p (at most `left` bytes), or 0 when invalid. */
static size_t utf8_sequence(const unsigned char *p, size_t left)
{
    size_t n;
    uint32_t min;
    if (p[0] < 0x80)
        return 1;
    if ((p[0] & 0xE0) == 0xC0) {
        n = 2, min = 0x80;
    } else if ((p[0] & 0xF0) == 0xE0) {
        n = 3, min = 0x800;
    } else if ((p[0] & 0xF8) == 0xF0) {
        n = 4, min = 0x10000;
    } else {
        return 0;
    }
    if (n > left)
        return 0;
    uint32_t cp = p[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Code points that reorder or hide the text around them: bidirectional controls, the Arabic
 * letter mark, and the line and paragraph separators some terminals break lines at. */
static bool hides_text(const unsigned char *p, size_t n)
{
    uint32_t cp = n == 3   ? (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F)
                  : n == 2 ? (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F)
                           : 0;
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* The one escaping of text we did not write (pastes, files, the network, the command line):
 * the next character of p, as it may reach a terminal, into piece (room for 16 bytes).
 * Returns the bytes of p it covers. */
static size_t escape_next(const unsigned char *p, size_t left, unsigned flags, char *piece,
                          size_t *used)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = utf8_sequence(p, left);
    /* C1 controls (U+0080..U+009F, encoded C2 80..C2 9F) act like ESC on some terminals */
    bool c1 = n == 2 && p[0] == 0xC2 && p[1] < 0xA0;
    bool control = n == 1 && (*p < 0x20 || *p == 0x7F || (*p == '|' && (flags & OUTPUT_PLUGIN)));
    *used = 0;
    if (n == 0 || c1 || control || hides_text(p, n)) {
        n = n ? n : 1;
        for (size_t i = 0; i < n; i++) {
            piece[(*used)++] = '\\';
            piece[(*used)++] = 'x';
            piece[(*used)++] = hex[p[i] >> 4];
            piece[(*used)++] = hex[p[i] & 15];
        }
        return n;
    }
    memcpy(piece, p, n);
    *used = n;
    return n;
}

/* How many bytes at p are printable ASCII that escape_next() would pass through as they are:
 * most of any text, copied as one run rather than character by character. */
static size_t plain_run(const unsigned char *p, size_t left, unsigned flags)
{
    size_t n = 0;
    while (n < left && p[n] >= 0x20 && p[n] < 0x7F && !(p[n] == '|' && (flags & OUTPUT_PLUGIN)))
        n++;
    return n;
}

void output_untrusted(struct output *o, const char *text, unsigned flags)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t left = strlen(text);
    while (left > 0) {
        size_t run = plain_run(p, left, flags);
        if (run) {
            fwrite(p, 1, run, o->stream);
            p += run;
            left -= run;
            continue;
        }
        char piece[16];
        size_t used, n = escape_next(p, left, flags, piece, &used);
        fwrite(piece, 1, used, o->stream);
        p += n;
        left -= n;
    }
}

char *output_escape(const char *text, char *out, size_t size)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t left = strlen(text), done = 0;
    if (size == 0)
        return out;
    while (left > 0) {
        size_t run = plain_run(p, left, 0);
        if (run) {
            if (run > size - 1 - done)
                run = size - 1 - done; /* cut: between characters, as they are ASCII */
            memcpy(out + done, p, run);
            done += run;
            p += run;
            left -= run;
            if (done + 1 >= size)
                break;
            continue;
        }
        char piece[16];
        size_t used, n = escape_next(p, left, 0, piece, &used);
        if (done + used >= size)
            break; /* cut between characters */
        memcpy(out + done, piece, used);
        done += used;
        p += n;
        left -= n;
    }
    out[done] = '\0';
    return out;
}

void json_text(struct output *o, const char *value)
{
    const unsigned char *p = (const unsigned char *)value;
    size_t left = strlen(value);
    while (left > 0) {
        size_t n = utf8_sequence(p, left);
        if (n == 0) {
            fputs("\\ufffd", o->stream); /* invalid UTF-8 cannot appear in JSON text */
            n = 1;
        } else if (*p == '"' || *p == '\\') {
            fputc('\\', o->stream);
            fputc(*p, o->stream);
        } else if (*p == '\n') {
            fputs("\\n", o->stream);
        } else if (*p == '\t') {
            fputs("\\t", o->stream);
        } else if (*p == '\r') {
            fputs("\\r", o->stream);
        } else if (*p < 0x20 || *p == 0x7F) {
            fprintf(o->stream, "\\u%04x", *p);
        } else {
            fwrite(p, 1, n, o->stream);
        }
        p += n;
        left -= n;
    }
}

static void json_escaped(struct output *o, const char *value)
{
    fputc('"', o->stream);
    json_text(o, value);
    fputc('"', o->stream);
}

/* Writes the comma that separates this value from the previous one, then "key": if any. */
static void json_key(struct output *o, const char *key)
{
    if (o->depth > 0 && o->depth <= JSON_MAX_DEPTH) {
        if (o->need_comma[o->depth - 1])
            fputc(',', o->stream);
        o->need_comma[o->depth - 1] = true;
    }
    if (key) {
        json_escaped(o, key);
        fputc(':', o->stream);
    }
}

static void json_open(struct output *o, const char *key, char bracket)
{
    json_key(o, key);
    fputc(bracket, o->stream);
    if (o->depth < JSON_MAX_DEPTH)
        o->need_comma[o->depth] = false;
    o->depth++;
}

static void json_close(struct output *o, char bracket)
{
    if (o->depth > 0)
        o->depth--;
    fputc(bracket, o->stream);
}

void json_object_begin(struct output *o, const char *key) { json_open(o, key, '{'); }
void json_object_end(struct output *o) { json_close(o, '}'); }
void json_array_begin(struct output *o, const char *key) { json_open(o, key, '['); }
void json_array_end(struct output *o) { json_close(o, ']'); }

void json_string(struct output *o, const char *key, const char *value)
{
    json_key(o, key);
    if (value)
        json_escaped(o, value);
    else
        fputs("null", o->stream);
}

void json_uint(struct output *o, const char *key, uint64_t value)
{
    json_key(o, key);
    fprintf(o->stream, "%llu", (unsigned long long)value);
}

void json_int(struct output *o, const char *key, int64_t value)
{
    json_key(o, key);
    fprintf(o->stream, "%lld", (long long)value);
}

void json_bool(struct output *o, const char *key, bool value)
{
    json_key(o, key);
    fputs(value ? "true" : "false", o->stream);
}

void json_double(struct output *o, const char *key, double value)
{
    json_key(o, key);
    if (isfinite(value))
        fprintf(o->stream, "%.6f", value);
    else
        fputs("null", o->stream); /* JSON has no NaN or infinity */
}

void json_line_end(struct output *o)
{
    fputc('\n', o->stream);
    o->depth = 0;
}

int output_finish(struct output *o)
{
    if (fflush(o->stream) != 0)
        return -1;
    if (ferror(o->stream)) {
        if (errno == 0)
            errno = EIO;
        return -1;
    }
    return 0;
}
