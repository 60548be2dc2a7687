/* SPDX-License-Identifier: MIT */
/* vnext_file.c: finds `"License": "<base64>"` in the stream, decodes it as it comes (a value
 * wrapped over several lines too) and reads the decoded JSON. A value is taken for a licence
 * once its first bytes decode to '{'; from then on, broken base64 or JSON is an error. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base64.h"
#include "json_walk.h"
#include "vnext_file.h"

static const char member[] = "\"License\"";
#define MEMBER_LEN (sizeof member - 1)

enum state { SEEK, COLON, OPEN, VALUE, ESCAPE };

struct ex_vnext_file {
    enum state state;
    size_t matched;         /* bytes of `member` matched so far */
    bool committed;         /* the value decodes to JSON: it is a licence */
    size_t start_line;      /* the line the member starts on */
    struct ex_b64 b64;
    unsigned char *decoded; /* EX_VNEXT_DECODED_MAX bytes, allocated on first use */
    struct ex_vnext_licence licence;
    size_t licence_line;
    char error[256];
};

struct ex_vnext_file *ex_vnext_file_new(void)
{
    return calloc(1, sizeof(struct ex_vnext_file));
}

void ex_vnext_file_free(struct ex_vnext_file *f)
{
    if (f)
        free(f->decoded);
    free(f);
}

static void seek_char(struct ex_vnext_file *f, char c, size_t lineno)
{
    if (c == member[f->matched]) {
        if (f->matched == 0)
            f->start_line = lineno;
        if (++f->matched == MEMBER_LEN) {
            f->state = COLON;
            f->matched = 0;
        }
    } else {
        f->matched = 0;
        if (c == member[0])
            seek_char(f, c, lineno);
    }
}

/* Whether the bytes decoded so far start a JSON object (after a UTF-8 BOM); -1: too few. */
static int starts_object(const struct ex_b64 *b)
{
    static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };
    size_t skip = b->len && b->out[0] == bom[0] ? 3 : 0;
    if (skip && b->len >= 3 && memcmp(b->out, bom, 3) != 0)
        return 0;
    if (b->len <= skip)
        return -1;
    return b->out[skip] == '{';
}

static void append(char *to, const char *value)
{
    size_t have = strlen(to);
    snprintf(to + have, EX_VALUE_MAX - have, "%s%s", have ? ", " : "", value);
}

static void on_value(void *ctx, const char *outer, const char *name, const char *value)
{
    struct ex_vnext_licence *l = ctx;
    static const struct { const char *outer, *name; size_t at; } fields[] = {
        { "", "LicenseType", offsetof(struct ex_vnext_licence, type) },
        { "", "ProductReleaseId", offsetof(struct ex_vnext_licence, product) },
        { "", "Status", offsetof(struct ex_vnext_licence, status) },
        { "", "ExpiresOn", offsetof(struct ex_vnext_licence, expires) },
        { "", "LicenseId", offsetof(struct ex_vnext_licence, licence_id) },
        { "Metadata", "NotAfter", offsetof(struct ex_vnext_licence, not_after) },
        { "Metadata", "RenewAfter", offsetof(struct ex_vnext_licence, renew_after) },
        { "Metadata", "DeviceId", offsetof(struct ex_vnext_licence, device_id) },
    };
    if (!outer[0] && strcasecmp(name, "ProductReleaseIds") == 0) {
        append(l->product, value);
        return;
    }
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strcasecmp(outer, fields[i].outer) == 0 && strcasecmp(name, fields[i].name) == 0)
            snprintf((char *)l + fields[i].at, EX_VALUE_MAX, "%s", value);
}

static enum ex_vnext_file_event malformed(struct ex_vnext_file *f, const char *what,
                                          const char *why)
{
    snprintf(f->error, sizeof f->error, "%s: %s", what, why);
    f->state = SEEK;
    f->committed = false;
    return EX_VF_MALFORMED;
}

/* The value's closing quote: the decoded licence is read. */
static enum ex_vnext_file_event value_end(struct ex_vnext_file *f)
{
    f->state = SEEK;
    if (!f->committed)
        return EX_VF_NONE;
    f->committed = false;
    enum ex_b64_status st = ex_b64_finish(&f->b64);
    if (st != EX_B64_OK)
        return malformed(f, "a licence's \"License\" value is not base64",
                         ex_b64_strerror(st));
    memset(&f->licence, 0, sizeof f->licence);
    const char *why = NULL;
    size_t at = 0, skip = f->b64.out[0] == '{' ? 0 : 3;
    if (ex_json_walk((const char *)f->b64.out + skip, f->b64.len - skip, on_value,
                     &f->licence, &why, &at) != 0) {
        char where[128];
        snprintf(where, sizeof where, "%s (decoded byte %zu)", why, at + skip);
        return malformed(f, "the licence decoded from \"License\" is not JSON", where);
    }
    if (!f->licence.product[0] && !f->licence.type[0])
        return EX_VF_NONE; /* JSON, but no licence's */
    f->licence_line = f->start_line;
    return EX_VF_LICENCE;
}

/* One character of the value: decoded; the value is a licence once it decodes to '{'. */
static enum ex_vnext_file_event value_char(struct ex_vnext_file *f, char c, size_t lineno)
{
    enum ex_b64_status st = ex_b64_feed(&f->b64, &c, 1);
    if (f->committed)
        return st == EX_B64_OK ? EX_VF_NONE
                               : malformed(f, "a licence's \"License\" value is not base64",
                                           ex_b64_strerror(st));
    int object = st == EX_B64_OK ? starts_object(&f->b64) : 0;
    if (object == 0) {
        f->state = SEEK;
        seek_char(f, c, lineno);
    }
    f->committed = object == 1;
    return EX_VF_NONE;
}

static enum ex_vnext_file_event step(struct ex_vnext_file *f, char c, size_t lineno)
{
    switch (f->state) {
    case SEEK:
        seek_char(f, c, lineno);
        return EX_VF_NONE;
    case COLON:
    case OPEN:
        if (c == ' ' || c == '\t')
            return EX_VF_NONE;
        if (c == (f->state == COLON ? ':' : '"')) {
            if (f->state == OPEN) {
                if (!f->decoded && !(f->decoded = malloc(EX_VNEXT_DECODED_MAX)))
                    return EX_VF_NOMEM;
                ex_b64_init(&f->b64, f->decoded, EX_VNEXT_DECODED_MAX);
            }
            f->state = f->state == COLON ? OPEN : VALUE;
            return EX_VF_NONE;
        }
        f->state = SEEK;
        seek_char(f, c, lineno);
        return EX_VF_NONE;
    case VALUE:
        if (c == '"')
            return value_end(f);
        if (c == '\\') {
            f->state = ESCAPE;
            return EX_VF_NONE;
        }
        return value_char(f, c, lineno);
    case ESCAPE: /* JSON may write '/' as "\/"; no other escape belongs in base64 */
        f->state = VALUE;
        if (c == '/')
            return value_char(f, c, lineno);
        if (f->committed)
            return malformed(f, "a licence's \"License\" value is not base64",
                             "an escape other than \\/");
        f->state = SEEK;
        return EX_VF_NONE;
    }
    return EX_VF_NONE;
}

enum ex_vnext_file_event ex_vnext_file_piece(struct ex_vnext_file *f, const char *text,
                                             size_t len, size_t lineno, int ends_line,
                                             size_t *used)
{
    (void)ends_line; /* a wrapped value goes on on the next line; the member may not */
    for (size_t i = 0; i < len; i++) {
        if (f->state == SEEK && f->matched == 0) { /* most input: on to the next quote */
            const char *quote = memchr(text + i, '"', len - i);
            if (!quote)
                break;
            i = (size_t)(quote - text);
        }
        enum ex_vnext_file_event ev = step(f, text[i], lineno);
        if (ev != EX_VF_NONE) {
            *used = i + 1;
            return ev;
        }
    }
    *used = len;
    return EX_VF_NONE;
}

enum ex_vnext_file_event ex_vnext_file_finish(struct ex_vnext_file *f)
{
    bool open = f->committed && (f->state == VALUE || f->state == ESCAPE);
    f->state = SEEK;
    f->matched = 0;
    if (open)
        return malformed(f, "a licence's \"License\" value", "the input ends inside it");
    return EX_VF_NONE;
}

const struct ex_vnext_licence *ex_vnext_file_licence(const struct ex_vnext_file *f,
                                                     size_t *lineno)
{
    *lineno = f->licence_line;
    return &f->licence;
}

const char *ex_vnext_file_error(const struct ex_vnext_file *f, size_t *lineno)
{
    *lineno = f->start_line;
    return f->error[0] ? f->error : NULL;
}
