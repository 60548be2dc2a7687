/* SPDX-License-Identifier: MIT */
/* collect.c: one record of labelled text at a time, from its fields to its findings. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"

#define CONSOLE_WIDTH 80

_Static_assert(offsetof(struct ex_collector, findings) +
                       EX_MAX_FINDINGS * sizeof(struct ex_finding) ==
                   sizeof(struct ex_collector),
               "findings is the last member");

struct ex_collector *ex_collector_new(ex_sink_fn sink, void *ctx)
{
    /* Not calloc: the facts are set by ex_facts_clear, and findings[] (the last member) is
     * written by ex_judge before a record reads it; zeroing 28 KiB cost every reader pages and
     * time it may never use. */
    struct ex_collector *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    memset(c, 0, offsetof(struct ex_collector, facts));
    c->sink = sink;
    c->ctx = ctx;
    ex_facts_clear(&c->facts);
    return c;
}

void ex_collector_start(struct ex_collector *c, size_t lineno)
{
    ex_facts_clear(&c->facts);
    c->open = true;
    c->line = lineno;
    c->last = EXL_NONE;
    c->own = false;
}

/* Whether a line fills the console's width, its columns counted as a console does: one per
 * character (UTF-8 continuation bytes take none). A shorter line is told by its length alone:
 * every field line of every record comes here. */
static bool fills_console(const char *text, size_t len)
{
    if (len < CONSOLE_WIDTH)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < len && n <= CONSOLE_WIDTH; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n == CONSOLE_WIDTH;
}

/* Whether text is one word: not empty, no blank inside. */
static bool one_word(const char *text, size_t len)
{
    return len > 0 && !memchr(text, ' ', len) && !memchr(text, '\t', len);
}

/* A word that goes on an unjudged one-word value: not a code ("0xC004F074", "80070005"), not
 * a prompt ("C:\Windows\system32>") and not a heading or a product name ("Office16:"). */
static bool wrapped_word(const char *text, size_t len)
{
    uint32_t code;
    return one_word(text, len) && text[len - 1] != ':' && text[len - 1] != '>' &&
           !ex_code_parse(text, len, false, &code);
}

void ex_collector_field(struct ex_collector *c, enum ex_label label, const char *value,
                        size_t vlen, const char *line, size_t len, bool own)
{
    if (!c->open)
        return;
    c->own |= own;
    ex_facts_set(&c->facts, label, value, vlen);
    c->last = label;
    c->last_full = fills_console(line, len);
    c->last_token = one_word(value, vlen);
}

bool ex_collector_rejoin(struct ex_collector *c, const char *text, size_t len)
{
    if (!c->open || c->last == EXL_NONE || len == 0 || text[0] == ' ' || text[0] == '\t')
        return false;
    if (!c->last_full &&
        !(c->last == EXL_OTHER && c->last_token && wrapped_word(text, len)))
        return false;
    ex_facts_append(&c->facts, c->last, text, len);
    c->last_full = fills_console(text, len);
    return true;
}

bool ex_collector_repeats(const struct ex_collector *c, enum ex_label label)
{
    return c->open && label > EXL_OTHER && label < EXL_LABEL_COUNT && c->facts.seen[label];
}

static int hand_on(struct ex_collector *c, const char *kind, size_t lineno, bool cim,
                   int recognised)
{
    /* A record that is handed on nowhere is not judged: none of its lines is one only this
     * reader's tool prints (ospp's reader sees a /dlv's "License Status:", a label of both
     * tools), or the reader does not recognise it. */
    if (!c->own || recognised == EX_NOT_RECOGNISED)
        return 0;
    ex_facts_derive(&c->facts, cim);
    size_t n = ex_judge(&c->facts, c->findings, EX_MAX_FINDINGS);
    if (recognised == EX_IF_FINDINGS && n == 0)
        return 0;
    const char *name = c->facts.text[EXL_NAME];
    struct ex_record record = { kind, lineno, c->findings, n, name[0] ? name : NULL };
    return c->sink(c->ctx, &record) ? EX_STATUS_STOPPED : 0;
}

int ex_collector_emit(struct ex_collector *c, const char *kind, bool cim, int recognised)
{
    if (!c->open)
        return 0;
    c->open = false;
    c->last = EXL_NONE;
    return hand_on(c, kind, c->line, cim, recognised);
}

int ex_collector_emit_facts(struct ex_collector *c, const char *kind, size_t lineno, bool cim)
{
    return hand_on(c, kind, lineno, cim, EX_RECOGNISED);
}
