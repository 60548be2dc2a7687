/* SPDX-License-Identifier: MIT */
/* message.c: a code named only by its official message ("... reported that the product key is
 * invalid."), as tickets quote the dialog slmgr showed: the catalog's activation messages,
 * indexed at first need, found in a line in linear time. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <slerr.h>

#include "code.h"
#include "message.h"

#define MESSAGE_MIN 40 /* shorter messages ("Trusted store tampered") say too little */
#define HEAD 8          /* "the soft": most places a message could start are none */
#define HEAD_BITS 65536

struct message {
    uint32_t codes[EX_MESSAGE_CODES]; /* the codes whose message it is (merge_shared) */
    size_t ncodes;
    const char *text; /* the catalog's, lives as long as the library */
    size_t len;       /* without its final '.' */
};

struct ex_messages {
    bool built;
    size_t count;
    struct message *all;      /* sorted by text, folded */
    unsigned char first[256]; /* a folded byte that starts some message */
    uint8_t heads[HEAD_BITS / 8]; /* the hashes of their first HEAD bytes, folded */
};

static unsigned char fold(char c)
{
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
}

/* How msg compares with the text at hand, read as an endless string: < 0 before it, 0 when
 * msg is a prefix of it (it stands there), > 0 after it. */
static int compare(const struct message *msg, const char *text, size_t avail)
{
    for (size_t k = 0; k < msg->len; k++) {
        if (k == avail)
            return 1;
        int d = (int)fold(msg->text[k]) - (int)fold(text[k]);
        if (d)
            return d;
    }
    return 0;
}

static unsigned head_hash(const char *text)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t k = 0; k < HEAD; k++)
        h = (h ^ fold(text[k])) * 16777619u;
    return (unsigned)(h ^ (h >> 16)) % HEAD_BITS;
}

/* The order compare() searches in: folded text, a prefix before what it starts. strncasecmp
 * folds ASCII as fold() does, and runs a word at a time: sorting with compare() was half of a
 * short explain run. */
static int by_text(const void *a, const void *b)
{
    const struct message *x = a, *y = b;
    int c = strncasecmp(x->text, y->text, x->len < y->len ? x->len : y->len);
    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1; /* a prefix first */
    /* one text, several codes: in code order */
    return x->codes[0] < y->codes[0] ? -1 : x->codes[0] > y->codes[0];
}

struct ex_messages *ex_messages_new(void)
{
    return calloc(1, sizeof(struct ex_messages));
}

void ex_messages_free(struct ex_messages *m)
{
    if (m)
        free(m->all);
    free(m);
}

static bool same_text(const struct message *a, const struct message *b)
{
    return a->len == b->len && compare(a, b->text, b->len) == 0;
}

/* Whether Windows' message for `code` is explained in the catalog (cause and remedy): of the
 * codes that share a message, these are the ones met in practice. */
static bool curated(uint32_t code)
{
    return slerr_entry_cause(slerr_lookup(code)) != NULL;
}

/* A message several codes share becomes one entry naming them, in code order: the curated
 * ones when there are any (the others are not met in practice), else all, up to
 * EX_MESSAGE_CODES. */
static void merge_shared(struct ex_messages *m)
{
    size_t kept = 0;
    for (size_t i = 0; i < m->count;) {
        size_t j = i + 1;
        while (j < m->count && same_text(&m->all[i], &m->all[j]))
            j++;
        struct message merged = m->all[i];
        bool any_curated = false;
        for (size_t k = i; k < j; k++)
            any_curated |= curated(m->all[k].codes[0]);
        merged.ncodes = 0;
        for (size_t k = i; k < j && merged.ncodes < EX_MESSAGE_CODES; k++)
            if (!any_curated || curated(m->all[k].codes[0]))
                merged.codes[merged.ncodes++] = m->all[k].codes[0];
        m->all[kept++] = merged;
        i = j;
    }
    m->count = kept;
}

static void build(struct ex_messages *m)
{
    m->built = true;
    size_t total = slerr_count();
    m->all = calloc(total ? total : 1, sizeof *m->all);
    if (!m->all)
        return; /* out of memory: no message is recognised, everything else still is */
    for (size_t i = 0; i < total; i++) {
        const struct slerr_entry *e = slerr_at(i);
        if (!ex_activation_entry(e)) /* first: most messages are never read then */
            continue;
        uint32_t code = slerr_entry_code(e);
        const char *text = slerr_entry_message(e);
        size_t len = text ? strlen(text) : 0;
        if (len < MESSAGE_MIN)
            continue;
        struct message *msg = &m->all[m->count++];
        msg->codes[0] = code;
        msg->ncodes = 1;
        msg->text = text;
        msg->len = text[len - 1] == '.' ? len - 1 : len;
        m->first[fold(text[0])] = 1;
        unsigned h = head_hash(text);
        m->heads[h / 8] |= (uint8_t)(1u << (h % 8));
    }
    qsort(m->all, m->count, sizeof *m->all, by_text);
    merge_shared(m);
}

/* The message standing at text, or NULL: the last one not after the text, when it is a prefix
 * of it (a message that is itself the start of a longer one is not looked for behind it). */
static const struct message *standing_at(const struct ex_messages *m, const char *text,
                                         size_t avail)
{
    size_t lo = 0, hi = m->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare(&m->all[mid], text, avail) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && compare(&m->all[lo - 1], text, avail) == 0 ? &m->all[lo - 1] : NULL;
}

static bool word_start(const char *text, size_t at)
{
    if (at == 0)
        return true;
    unsigned char c = fold(text[at - 1]);
    return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
}

size_t ex_messages_find(struct ex_messages *m, const char *text, size_t len,
                        uint32_t codes[EX_MESSAGE_CODES], size_t *at)
{
    if (len < MESSAGE_MIN - 1)
        return 0;
    if (!m->built)
        build(m);
    for (size_t i = 0; i + MESSAGE_MIN - 1 <= len; i++) {
        if (!m->first[fold(text[i])] || !word_start(text, i))
            continue;
        unsigned h = head_hash(text + i);
        if (!(m->heads[h / 8] & (1u << (h % 8))))
            continue;
        const struct message *msg = standing_at(m, text + i, len - i);
        if (msg) {
            memcpy(codes, msg->codes, msg->ncodes * sizeof codes[0]);
            *at = i;
            return msg->ncodes;
        }
    }
    return 0;
}
