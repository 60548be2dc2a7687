/* SPDX-License-Identifier: MIT */
/* normalize.c: one pass over a line in place; text only ever gets shorter. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "bytes.h"
#include "normalize.h"

/* Bytes that may start something to remove or rewrite: most lines hold none of them and
 * leave after one scan. */
static bool special(unsigned char c)
{
    return c == '`' || c == '*' || c == '_' || c == 0xEF || c == 0xE3 || c == 0xC2 ||
           c == 0xE2;
}

/* Where the first special byte is (len when none): sixteen bytes at a time while they are
 * ASCII and none is '`', '*' or '_', byte by byte from there. Every line of an input passes
 * here, a million lines of event XML among them. */
static size_t first_special(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    size_t i = 0;
    while (i + 16 <= len && ex_bytes16_plain(p + i, '`', '*', '_'))
        i += 16;
    while (i < len && !special(p[i]))
        i++;
    return i;
}

static size_t skip_quotes(const char *text, size_t len)
{
    size_t i = 0;
    for (;;) {
        size_t j = i;
        while (j < len && (text[j] == ' ' || text[j] == '\t') && j - i < 3)
            j++;
        if (j < len && text[j] == '>') {
            i = j + 1;
            if (i < len && text[i] == ' ')
                i++;
            continue;
        }
        return i;
    }
}

static bool is_fence(const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '\t'))
        text++, len--;
    return len >= 3 && (memcmp(text, "```", 3) == 0 || memcmp(text, "~~~", 3) == 0);
}

static bool blank_at(const char *text, size_t len, size_t i)
{
    return i < len && (text[i] == ' ' || text[i] == '\t');
}

/* The length of a bullet or list number opening the text (with its space or tab: a list
 * copied from a word processor keeps a tab after "•"), else 0. */
static size_t list_marker(const char *text, size_t len)
{
    if (len >= 2 && (text[0] == '-' || text[0] == '*' || text[0] == '+') && blank_at(text, len, 1))
        return 2;
    if (len >= 4 && memcmp(text, "\xE2\x80\xA2", 3) == 0 && blank_at(text, len, 3)) /* • */
        return 4;
    if (len >= 3 && memcmp(text, "\xC2\xB7", 2) == 0 && blank_at(text, len, 2)) /* · */
        return 3;
    size_t d = 0;
    while (d < len && d < 3 && text[d] >= '0' && text[d] <= '9')
        d++;
    if (d > 0 && d + 1 < len && (text[d] == '.' || text[d] == ')') && text[d + 1] == ' ')
        return d + 2;
    return 0;
}

/* `**` or `__` at text[i] marks bold only at a word's edge: between two word characters it is
 * part of a name (a host PC__01, a share \\srv\a**b) and must reach the readers unchanged.
 * `before` is the byte the input held before i (rewriting may already have overwritten it). */
static bool is_bold_marker(const char *text, size_t i, size_t len, unsigned char before)
{
    unsigned char c = (unsigned char)text[i];
    if ((c != '*' && c != '_') || i + 1 >= len || text[i + 1] != (char)c)
        return false;
    bool inside_word = i > 0 && ex_word_byte(before) && i + 2 < len &&
                       ex_word_byte((unsigned char)text[i + 2]);
    return !inside_word;
}

/* Rewrites the characters from `from` on; returns the new length. */
static size_t rewrite(char *text, size_t from, size_t len)
{
    size_t out = from;
    unsigned char before = from > 0 ? (unsigned char)text[from - 1] : 0;
    for (size_t i = from; i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c == '`') {
            i++;
        } else if (is_bold_marker(text, i, len, before)) {
            i += 2; /* **bold** or __bold__ */
        } else if (c == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBC &&
                   (unsigned char)text[i + 2] >= 0x81 && (unsigned char)text[i + 2] <= 0xBF) {
            text[out++] = (char)((unsigned char)text[i + 2] - 0x60); /* U+FF01-FF3F */
            i += 3;
        } else if (c == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBD &&
                   (unsigned char)text[i + 2] >= 0x80 && (unsigned char)text[i + 2] <= 0x9E) {
            text[out++] = (char)((unsigned char)text[i + 2] - 0x20); /* U+FF40-FF5E */
            i += 3;
        } else if ((c == 0xEF && i + 2 < len && (unsigned char)text[i + 1] == 0xBB &&
                    (unsigned char)text[i + 2] == 0xBF) ||
                   (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
                    (unsigned char)text[i + 2] == 0x8B)) {
            i += 3; /* a byte-order mark inside the text, or a zero-width space: dropped */
        } else if (c == 0xE3 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
                   (unsigned char)text[i + 2] == 0x80) {
            text[out++] = ' '; /* ideographic space */
            i += 3;
        } else if (c == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] == 0xA0) {
            text[out++] = ' '; /* no-break space */
            i += 2;
        } else {
            text[out++] = text[i++];
        }
        before = (unsigned char)text[i - 1]; /* writes land at or before the consumed run's start */
    }
    return out;
}

size_t ex_normalize(char *text, size_t len)
{
    if (len == 0)
        return 0;
    size_t start = text[0] == '>' || text[0] == ' ' ? skip_quotes(text, len) : 0;
    if (is_fence(text + start, len - start))
        return 0;
    size_t indent = start;
    while (indent < len && (text[indent] == ' ' || text[indent] == '\t'))
        indent++;
    size_t marker = list_marker(text + indent, len - indent);
    if (start > 0 || marker > 0) {
        /* Keep the indentation, drop the quote markers and the bullet. */
        size_t kept = indent - start;
        memmove(text, text + start, kept);
        memmove(text + kept, text + indent + marker, len - indent - marker);
        len = kept + len - indent - marker;
    }
    size_t i = first_special(text, len);
    if (i < len)
        len = rewrite(text, i, len);
    size_t blanks = 0;
    while (blanks < len && (text[len - 1 - blanks] == ' ' || text[len - 1 - blanks] == '\t'))
        blanks++;
    if (blanks >= 2 || blanks == len)
        len -= blanks;
    return len;
}
