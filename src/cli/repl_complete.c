/* SPDX-License-Identifier: MIT */
/* repl_complete.c: TAB in the REPL. Completes the word before the cursor from the dispatcher's
 * command words, catalog symbols (any case) and catalog codes; lists the choices when the
 * word cannot grow on its own. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "repl.h"
#include "slerr.h"

#define WORD_MAX 96
#define LIST_MAX 200 /* beyond this a list scrolls away unread: ask for more letters instead */

struct match {
    char text[WORD_MAX];
    const char *note; /* shown next to the text in a list: a code's symbol, an entry's title */
};

struct matches {
    struct match *items;
    size_t count, capacity;
};

static const char *const session_words[] = { "quit", "exit" };

static void add(struct matches *m, const char *text, const char *note)
{
    size_t length = strlen(text);
    if (length >= WORD_MAX)
        return;
    if (m->count == m->capacity) {
        size_t capacity = m->capacity ? m->capacity * 2 : 32;
        struct match *items = realloc(m->items, capacity * sizeof *items);
        if (!items)
            return; /* a shorter list is all completion can offer without memory */
        m->items = items;
        m->capacity = capacity;
    }
    struct match *item = &m->items[m->count++];
    memcpy(item->text, text, length + 1);
    item->note = note;
}

static bool starts_with(const char *text, const char *prefix, size_t length)
{
    return strncasecmp(text, prefix, length) == 0;
}

static void add_commands(struct matches *m, const char *word, size_t length)
{
    const char *name;
    for (size_t i = 0; (name = dispatch_command_name(i)) != NULL; i++)
        if (starts_with(name, word, length))
            add(m, name, NULL);
    for (size_t i = 0; i < sizeof session_words / sizeof session_words[0]; i++)
        if (starts_with(session_words[i], word, length))
            add(m, session_words[i], NULL);
}

static bool all_hex(const char *word, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (!isxdigit((unsigned char)word[i]))
            return false;
    return length > 0;
}

/* Codes complete in the form they are typed in: 0xC004F0 gives 0x..., C004F0 gives bare hex. */
static void add_catalog(struct matches *m, const char *word, size_t length)
{
    bool with_0x = length >= 2 && word[0] == '0' && (word[1] == 'x' || word[1] == 'X');
    bool bare_hex = all_hex(word, length);
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        if (slerr_entry_symbol(e) && starts_with(slerr_entry_symbol(e), word, length))
            add(m, slerr_entry_symbol(e), NULL);
        if (slerr_entry_kind(e) != SLERR_KIND_CODE || !(with_0x || bare_hex))
            continue;
        char code[16];
        snprintf(code, sizeof code, with_0x ? "0x%08X" : "%08X", (unsigned)slerr_entry_code(e));
        if (starts_with(code, word, length))
            add(m, code, slerr_entry_symbol(e));
    }
}

/* After `event`, `symptom` or `setting`: the names of that kind's entries. */
static void add_names(struct matches *m, enum slerr_kind kind, const char *word, size_t length)
{
    const struct slerr_entry *e;
    for (size_t i = 0; (e = slerr_kind_at(kind, i)) != NULL; i++)
        if (slerr_entry_name(e) && starts_with(slerr_entry_name(e), word, length))
            add(m, slerr_entry_name(e), slerr_entry_title(e));
}

/* A word starting with '-': the options of the line's command, as `COMMAND --list-options`
 * prints them (the one option table of each command, modules' included). */
static void add_options(struct matches *m, const char *command, const char *word, size_t length)
{
    FILE *list = tmpfile();
    int saved = list ? dup(STDOUT_FILENO) : -1;
    fflush(stdout);
    if (saved < 0 || dup2(fileno(list), STDOUT_FILENO) < 0) {
        if (saved >= 0)
            close(saved);
        if (list)
            fclose(list);
        return;
    }
    char name[WORD_MAX];
    snprintf(name, sizeof name, "%s", command);
    (void)dispatch_run(3, (char *[]){ "slerr", name, "--list-options", NULL });
    fflush(stdout);
    clearerr(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    rewind(list);
    char line[WORD_MAX];
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '-' && line[1] == '-' && starts_with(line, word, length))
            add(m, line, NULL);
    }
    fclose(list);
}

/* Length of the prefix all matches share, compared without case. */
static size_t common_length(const struct matches *m)
{
    size_t n = strlen(m->items[0].text);
    for (size_t i = 1; i < m->count; i++) {
        size_t k = 0;
        while (k < n && toupper((unsigned char)m->items[i].text[k]) ==
                            toupper((unsigned char)m->items[0].text[k]))
            k++;
        n = k;
    }
    return n;
}

static void print_list(EditLine *el, const struct matches *m)
{
    FILE *stream;
    struct output out;
    if (el_get(el, EL_GETFP, 1, &stream) != 0)
        stream = stdout;
    output_init(&out, stream, FORMAT_TEXT, COLOR_NEVER);
    fputc('\n', stream);
    if (m->count > LIST_MAX) {
        fprintf(stream, "%zu possibilities; type a few more characters\n", m->count);
        return;
    }
    size_t width = 0;
    for (size_t i = 0; i < m->count; i++) {
        size_t w = strlen(m->items[i].text) + (m->items[i].note ? strlen(m->items[i].note) + 1 : 0);
        width = w > width ? w : width;
    }
    size_t columns = out.width / (width + 2);
    columns = columns ? columns : 1;
    for (size_t i = 0; i < m->count; i++) {
        const struct match *item = &m->items[i];
        bool last = (i + 1) % columns == 0 || i + 1 == m->count;
        int used = fprintf(stream, "%s%s%s", item->text, item->note ? " " : "",
                           item->note ? item->note : "");
        if (last)
            fputc('\n', stream);
        else
            fprintf(stream, "%*s", (int)(width + 2) - used, "");
    }
}

/* Replaces the `length` characters before the cursor with `text`. */
static void replace_word(EditLine *el, size_t length, const char *text)
{
    if (length > 0)
        el_deletestr(el, (int)length);
    el_insertstr(el, text);
}

/* The word under completion and whether it is a line's first word or follows `help`. */
struct context {
    char word[WORD_MAX];
    size_t length;
    bool wants_command, only_command;
    bool names_of_kind; /* the line starts with a kind's command (event, symptom, setting) */
    enum slerr_kind kind;
    char command[WORD_MAX]; /* for an option: the line's command ("lookup" for codes) */
};

/* True when the line's first word, of `length` bytes, is the command named `name`. */
static bool first_word_is(const char *first, size_t length, const char *name)
{
    return strlen(name) == length && strncmp(first, name, length) == 0;
}

static bool read_context(EditLine *el, struct context *c)
{
    const LineInfo *line = el_line(el);
    const char *start = line->cursor;
    while (start > line->buffer && !isspace((unsigned char)start[-1]))
        start--;
    c->length = (size_t)(line->cursor - start);
    if (c->length >= WORD_MAX)
        return false;
    memcpy(c->word, start, c->length);
    c->word[c->length] = '\0';
    const char *first = line->buffer;
    while (first < start && isspace((unsigned char)*first))
        first++;
    size_t first_length = strcspn(first, " \t");
    c->wants_command = first == start;
    c->only_command = !c->wants_command && first_word_is(first, first_length, "help");
    bool named = false;
    for (size_t i = 0; dispatch_command_name(i) && !c->wants_command; i++)
        named = named || first_word_is(first, first_length, dispatch_command_name(i));
    if (named && first_length < WORD_MAX) {
        memcpy(c->command, first, first_length);
        c->command[first_length] = '\0';
    } else {
        strcpy(c->command, "lookup");
    }
    c->names_of_kind = false;
    for (int k = SLERR_KIND_EVENT; k < SLERR_KIND_COUNT && !c->wants_command; k++) {
        const char *name = slerr_kind_name((enum slerr_kind)k);
        if (name && first_word_is(first, first_length, name)) {
            c->names_of_kind = true;
            c->kind = (enum slerr_kind)k;
        }
    }
    return true;
}

static unsigned char complete(EditLine *el, int ch)
{
    (void)ch;
    struct context c;
    struct matches m = { NULL, 0, 0 };
    if (!read_context(el, &c))
        return CC_REFRESH_BEEP;
    if (c.word[0] == '-' && !c.only_command && strcmp(c.command, "help") != 0)
        add_options(&m, c.command, c.word, c.length);
    else if (c.wants_command || c.only_command)
        add_commands(&m, c.word, c.length);
    if (c.word[0] == '-')
        ; /* options only */
    else if (c.names_of_kind)
        add_names(&m, c.kind, c.word, c.length);
    else if (!c.only_command && c.length > 0) /* an empty word would list the whole catalog */
        add_catalog(&m, c.word, c.length);

    unsigned char result = CC_REFRESH_BEEP;
    if (m.count == 1) {
        replace_word(el, c.length, m.items[0].text);
        size_t n = strlen(m.items[0].text);
        if (m.items[0].text[n - 1] != '=') /* --color=: the value follows without a space */
            el_insertstr(el, " ");
        result = CC_REFRESH;
    } else if (m.count > 1 && common_length(&m) > c.length) {
        m.items[0].text[common_length(&m)] = '\0';
        replace_word(el, c.length, m.items[0].text);
        result = CC_REFRESH;
    } else if (m.count > 1) {
        print_list(el, &m);
        result = CC_REDISPLAY;
    }
    free(m.items);
    return result;
}

void repl_complete_install(EditLine *el)
{
    /* The wide call keeps these strings; the narrow el_set() copies them and leaks the copies. */
    el_wset(el, EL_ADDFN, L"slerr-complete", L"complete a command, symbol or code", complete);
    el_wset(el, EL_BIND, L"^I", L"slerr-complete", NULL);
}
