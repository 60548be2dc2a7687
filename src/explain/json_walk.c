/* SPDX-License-Identifier: MIT */
/* json_walk.c: the checking JSON walk of json_walk.h: a loop over one stack of open
 * containers, no recursion, every byte looked at a bounded number of times. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "hex.h"
#include "input.h"
#include "json_walk.h"
#include "record.h"

struct frame {
    char kind;                     /* '{' or '[' */
    char name[EX_JSON_NAME_MAX];   /* the member being read ('{' only) */
};

struct walk {
    const char *s;
    size_t n, i;
    const char *why;
    struct frame stack[EX_JSON_DEPTH_MAX];
    size_t depth;
};

static bool fail(struct walk *w, const char *why)
{
    if (!w->why)
        w->why = why;
    return false;
}

static void skip_blanks(struct walk *w)
{
    while (w->i < w->n && strchr(" \t\r\n", w->s[w->i]) && w->s[w->i])
        w->i++;
}

static void put_utf8(char *out, size_t size, size_t *o, unsigned long cp)
{
    char b[4];
    size_t k = ex_utf8_encode(cp, b);
    if (*o + k < size) {
        memcpy(out + *o, b, k);
        *o += k;
    }
}

/* A string at w->i (its opening quote), unescaped into out; surrogates become U+FFFD. */
static bool string(struct walk *w, char *out, size_t size)
{
    size_t o = 0;
    for (w->i++; w->i < w->n; w->i++) {
        unsigned char c = (unsigned char)w->s[w->i];
        if (c == '"') {
            w->i++;
            out[o] = '\0';
            return true;
        }
        if (c < 0x20)
            return fail(w, "a control character inside a string");
        if (c != '\\') {
            if (o + 1 < size)
                out[o++] = (char)c;
            continue;
        }
        if (++w->i >= w->n)
            break;
        char e = w->s[w->i];
        const char *plain = strchr("\"\\/bfnrt", e);
        if (plain && e) {
            const char *as = "\"\\/\b\f\n\r\t";
            if (o + 1 < size)
                out[o++] = as[plain - "\"\\/bfnrt"];
        } else if (e == 'u' && w->i + 4 < w->n) {
            unsigned long cp;
            if (!ex_hex_digits(w->s + w->i + 1, 4, &cp))
                return fail(w, "a \\u escape without four hex digits");
            w->i += 4;
            put_utf8(out, size, &o, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
        } else {
            return fail(w, "an unknown escape inside a string");
        }
    }
    return fail(w, "a string without its closing quote");
}

/* A number, true, false or null, copied as written (null as ""). */
static bool literal(struct walk *w, char *out, size_t size)
{
    static const char *const words[] = { "true", "false", "null" };
    for (size_t k = 0; k < 3; k++) {
        size_t l = strlen(words[k]);
        if (w->n - w->i >= l && memcmp(w->s + w->i, words[k], l) == 0) {
            w->i += l;
            snprintf(out, size, "%s", k == 2 ? "" : words[k]);
            return true;
        }
    }
    size_t start = w->i, digits = 0;
    while (w->i < w->n && w->s[w->i] && strchr("-+.eE0123456789", w->s[w->i]))
        digits += w->s[w->i++] >= '0' && w->s[w->i - 1] <= '9';
    if (digits == 0)
        return fail(w, "a value that is not JSON");
    size_t l = w->i - start < size - 1 ? w->i - start : size - 1;
    memcpy(out, w->s + start, l);
    out[l] = '\0';
    return true;
}

/* The names the value at the top of the stack sits in: the nearest two members. */
static void names(const struct walk *w, const char **outer, const char **name)
{
    const char *found[2] = { "", "" };
    size_t nfound = 0;
    for (size_t d = w->depth; d-- > 0 && nfound < 2;)
        if (w->stack[d].kind == '{')
            found[nfound++] = w->stack[d].name;
    *name = found[0];
    *outer = found[1];
}

/* After a value: a comma, the container's end, or (at the top) the end of the text. */
static bool after_value(struct walk *w, bool *expect_name)
{
    for (;;) {
        skip_blanks(w);
        if (w->depth == 0)
            return w->i == w->n || fail(w, "text after the JSON value");
        if (w->i >= w->n)
            return fail(w, "the JSON ends inside an object or array");
        char c = w->s[w->i++], kind = w->stack[w->depth - 1].kind;
        if (c == ',') {
            *expect_name = kind == '{';
            return true;
        }
        if (c != (kind == '{' ? '}' : ']'))
            return fail(w, "a missing comma or closing bracket");
        w->depth--;
    }
}

int ex_json_walk(const char *text, size_t len, ex_json_fn fn, void *ctx, const char **why,
                 size_t *at)
{
    struct walk w = { .s = text, .n = len };
    char value[EX_VALUE_MAX];
    bool expect_name = false, ok = true;
    while (ok) {
        skip_blanks(&w);
        if (w.i >= w.n) {
            ok = fail(&w, "the JSON ends where a value should be");
            break;
        }
        char c = w.s[w.i];
        if (expect_name) {
            struct frame *f = &w.stack[w.depth - 1];
            ok = (c == '"' || fail(&w, "a member name that is not a string")) &&
                 string(&w, f->name, sizeof f->name);
            skip_blanks(&w);
            ok = ok && ((w.i < w.n && w.s[w.i] == ':') || fail(&w, "a member without ':'"));
            w.i++;
            expect_name = false;
            continue;
        }
        if (c == '{' || c == '[') {
            if (w.depth == EX_JSON_DEPTH_MAX) {
                ok = fail(&w, "JSON nested too deeply");
                break;
            }
            w.stack[w.depth].kind = c;
            w.stack[w.depth++].name[0] = '\0';
            w.i++;
            skip_blanks(&w);
            if (w.i < w.n && w.s[w.i] == (c == '{' ? '}' : ']')) { /* empty */
                w.depth--;
                w.i++;
                ok = after_value(&w, &expect_name);
                if (ok && w.depth == 0)
                    break;
            } else {
                expect_name = c == '{';
            }
            continue;
        }
        ok = c == '"' ? string(&w, value, sizeof value) : literal(&w, value, sizeof value);
        if (ok && fn) {
            const char *outer, *name;
            names(&w, &outer, &name);
            fn(ctx, outer, name, value);
        }
        ok = ok && after_value(&w, &expect_name);
        if (ok && w.depth == 0)
            break;
    }
    *why = w.why;
    *at = w.i;
    return ok ? 0 : -1;
}
