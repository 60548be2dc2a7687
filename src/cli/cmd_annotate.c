/* SPDX-License-Identifier: MIT */
/* cmd_annotate.c: `slerr annotate [FILE...]`: copies text to stdout byte for byte, with a short
 * explanation after each code libslerr's scanner recognises, or one JSON object per code. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "infile.h"
#include "json_line.h"
#include "render.h"
#include "slerr.h"

const char annotate_usage[] =
    "Usage: slerr annotate [--all] [--json] [--line-buffered] [--color=WHEN] [FILE...]\n"
    "\n"
    "Copies each FILE (standard input when there is none, or for \"-\") to standard output\n"
    "and writes \" [NAME: GLOSS]\" right after every error code it recognises: NAME is the\n"
    "symbol (or the code when the entry has none, \"unknown\" with --all), GLOSS the gist of\n"
    "the official message; neither holds ']' or a line break. Everything else is copied\n"
    "unchanged (CRLF, NUL bytes, invalid UTF-8, lines of any length).\n"
    "\n"
    "Recognised: 0xC004F074 (any case), C004F074 and decimals such as 3221549172 or\n"
    "-1073418124 (as PowerShell prints them), each as a whole word; eight-digit words and\n"
    "decimals only when the catalog holds them. Marked: failures the catalog knows and the\n"
    "informational codes that concern activation, not successes (all of them with --all).\n"
    "\n"
    "To get the input back, drop each \" [NAME: ...]\" group (up to the first ']') that\n"
    "directly follows a marked code; a code inside a URL has its group after the URL.\n"
    "--json gives each code's offset.\n"
    "\n"
    "A line that is a JSON object (JSON Lines logs) stays valid JSON: a code inside a\n"
    "string gets its group inside that string, escaped as JSON; the codes outside strings\n"
    "(numbers) are listed in a member added at the object's end,\n"
    "\"slerr\":[{\"text\",\"code\",\"symbol\",\"gloss\"}...]; drop it too to get the input back.\n"
    "\n"
    "Options:\n"
    "  -a, --all            mark every code: successes too, and 0x codes not in the catalog\n"
    "  -j, --json           JSON Lines: one object per code (file, line, column, offset,\n"
    "                       text, code, known, symbol, message) instead of the text;\n"
    "                       line and column count from 1, column and offset in bytes\n"
    "  -l, --line-buffered  write each piece of input out as soon as it is read (the\n"
    "                       default when standard output is a terminal)\n"
    "      --color=WHEN     auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status: 0 done, 2 usage error, 3 a file could not be read or the output not written.\n";

enum { OPT_ALL = 1, OPT_LINE_BUFFERED };

static const struct cli_option annotate_options[] = {
    { "all", 'a', false, OPT_ALL },
    { "line-buffered", 'l', false, OPT_LINE_BUFFERED },
    COMMON_OPTIONS,
    { NULL, 0, false, 0 },
};

#define GLOSS_MAX 160

/* One input being copied: where its current chunk sits in the stream, and for --json the
 * line that chunk has reached. */
#define PENDING_MAX 8 /* annotations held back until the URL that holds their codes ends */
#define MEMBERS_MAX 32 /* codes outside strings of one JSON line, listed at its end */

struct annotate {
    struct output out;
    const char *name;
    const unsigned char *chunk;
    uint64_t chunk_offset;
    size_t copied;     /* bytes of the chunk already written (text) or counted (--json) */
    uint64_t line;     /* --json: number of the line `copied` is on */
    uint64_t line_start;
    int write_errno;   /* non-zero once the output failed */
    bool all;          /* --all: every recognised code, unknown 0x codes and successes too */
    /* The word (run of bytes up to a URL's end) that earlier chunks ended with: whether it
     * holds "://", and its last two bytes, in case "://" is split across chunks. */
    bool carry_url;
    unsigned char carry[2];
    size_t carry_length;
    struct slerr_match pending[PENDING_MAX];
    size_t pending_count;
    struct json_line json; /* where the copy stands in a line that is a JSON object */
    struct slerr_match members[MEMBERS_MAX];
    size_t member_count;
};

/* Openings of official messages that say nothing a reader needs in a one-line gloss. */
static const char *const lead_ins[] = {
    "The Software Licensing Service reported that ",
    "The Software Licensing Service determined that ",
    "The activation server reported that ",
    "The activation server determined that ",
    "The activation server determined ",
};

static const char *const empty_sentences[] = {
    "the product could not be activated",
    "the computer could not be activated",
};

static size_t skip_lead_in(const char *sentence)
{
    for (size_t i = 0; i < sizeof lead_ins / sizeof lead_ins[0]; i++)
        if (strncmp(sentence, lead_ins[i], strlen(lead_ins[i])) == 0)
            return strlen(lead_ins[i]);
    return 0;
}

static bool says_nothing(const char *sentence, size_t length)
{
    if (strncmp(sentence, "Please ", 7) == 0)
        return true;
    for (size_t i = 0; i < sizeof empty_sentences / sizeof empty_sentences[0]; i++)
        if (length == strlen(empty_sentences[i]) && !strncmp(sentence, empty_sentences[i], length))
            return true;
    return false;
}

/* The first sentence of `message` that says something, without its lead-in and final period;
 * `*length` is its length. */
static const char *pick_sentence(const char *message, size_t *length)
{
    const char *first = NULL;
    size_t first_length = 0;
    for (const char *p = message; *p;) {
        while (*p == ' ')
            p++;
        const char *end = strstr(p, ". ");
        size_t full = end ? (size_t)(end - p) : strlen(p);
        size_t skip = skip_lead_in(p);
        const char *body = p + (skip < full ? skip : 0);
        size_t n = full - (size_t)(body - p);
        if (n > 0 && body[n - 1] == '.')
            n--;
        if (!first)
            first = body, first_length = n;
        if (n > 0 && !says_nothing(body, n)) {
            *length = n;
            return body;
        }
        if (!end)
            break;
        p = end + 1;
    }
    *length = first_length;
    return first ? first : message;
}

/* A one-line gloss for the annotation: no ']' and no control byte, so the group ends at the
 * first ']' whatever the catalog says. */
static void make_gloss(const char *message, char gloss[GLOSS_MAX + 4])
{
    size_t whole, n;
    const char *s = pick_sentence(message, &whole);
    n = whole;
    if (n > GLOSS_MAX) {
        n = GLOSS_MAX;
        while (n > GLOSS_MAX / 2 && s[n] != ' ')
            n--;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        gloss[i] = c == ']' ? ')' : c == '[' ? '(' : c < 0x20 || c == 0x7F ? ' ' : (char)c;
    }
    memcpy(gloss + n, n < whole ? "..." : "", n < whole ? 4 : 1);
    /* One rule for every gloss: it starts with a capital, like the sentence it is taken from
     * (a skipped lead-in leaves "the product could not..." behind). */
    if (gloss[0] >= 'a' && gloss[0] <= 'z')
        gloss[0] = (char)(gloss[0] - 'a' + 'A');
}

/* What an annotation says: NAME (the symbol, else the code, "unknown" outside the catalog)
 * and GLOSS. */
struct annotation {
    char code[11];
    const char *name;
    char gloss[GLOSS_MAX + 4];
};

static void describe_match(const struct slerr_match *m, struct annotation *an)
{
    snprintf(an->code, sizeof an->code, "0x%08X", m->code);
    if (m->entry) {
        make_gloss(slerr_entry_message(m->entry), an->gloss);
        an->name = slerr_entry_symbol(m->entry) ? slerr_entry_symbol(m->entry) : an->code;
    } else {
        char facility[48];
        struct slerr_decoded d = SLERR_DECODED_INIT;
        slerr_decode(m->code, &d);
        render_facility(&d, facility, sizeof facility);
        snprintf(an->gloss, sizeof an->gloss, "not in the catalog; facility %s, code 0x%04X",
                 facility, d.code_field);
        an->name = "unknown";
    }
}

static void write_group(struct output *o, const struct slerr_match *m)
{
    struct annotation an = { 0 };
    describe_match(m, &an);
    /* Colour only ever goes inside the GLOSS, between ": " and "]": the group keeps one form,
     * " [NAME: ...]", so the one stripping rule (and its sed) fits coloured output too. */
    output_text(o, " [");
    output_text(o, an.name);
    output_text(o, ": ");
    output_styled(o, STYLE_DIM, "%s", an.gloss);
    output_text(o, "]");
}

/* The same group inside a JSON string: escaped, never coloured (no raw control byte). */
static void write_group_in_json_string(struct output *o, const struct slerr_match *m)
{
    struct annotation an = { 0 };
    char group[sizeof an.gloss + 80];
    describe_match(m, &an);
    snprintf(group, sizeof group, " [%s: %s]", an.name, an.gloss);
    json_text(o, group);
}

/* The member that lists a JSON line's codes outside strings, written before its last '}'. */
static void write_members(struct annotate *a)
{
    struct output member;
    output_init(&member, a->out.stream, FORMAT_JSON, COLOR_NEVER);
    fputc(',', member.stream);
    json_array_begin(&member, "slerr");
    for (size_t i = 0; i < a->member_count; i++) {
        struct annotation an = { 0 };
        describe_match(&a->members[i], &an);
        json_object_begin(&member, NULL);
        json_string(&member, "text", a->members[i].text);
        json_string(&member, "code", an.code);
        json_string(&member, "symbol", a->members[i].entry ? slerr_entry_symbol(a->members[i].entry) : NULL);
        json_string(&member, "gloss", an.gloss);
        json_object_end(&member);
    }
    json_array_end(&member);
    a->member_count = 0;
}

/* A line that opened like a JSON object but ended before closing it: its codes outside
 * strings get the plain groups, at the end of the line. */
static void write_members_as_groups(struct annotate *a)
{
    for (size_t i = 0; i < a->member_count; i++)
        write_group(&a->out, &a->members[i]);
    a->member_count = 0;
}

/* An annotation goes where the copy stands: inside a JSON string, escaped; elsewhere in a JSON
 * object line, into the member added at its end; in any other text, right there. */
static void write_annotation(struct annotate *a, const struct slerr_match *m)
{
    if (a->json.active && a->json.in_string)
        write_group_in_json_string(&a->out, m);
    else if (a->json.active && a->member_count < MEMBERS_MAX)
        a->members[a->member_count++] = *m;
    else if (!a->json.active)
        write_group(&a->out, m);
    /* else: more codes outside strings than one line's member holds; the input is intact */
}

/* Where a URL ends: white space, control bytes, quotes and angle brackets. */
static bool ends_url(unsigned char c)
{
    return c <= ' ' || c == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
}

static void write_pending(struct annotate *a)
{
    for (size_t i = 0; i < a->pending_count; i++)
        write_annotation(a, &a->pending[i]);
    a->pending_count = 0;
}

static void write_bytes(struct annotate *a, size_t from, size_t to)
{
    size_t n = to - from;
    if (n && fwrite(a->chunk + from, 1, n, a->out.stream) != n && !a->write_errno)
        a->write_errno = errno ? errno : EIO;
}

/* Copies input bytes, following JSON object lines: the member listing their codes outside
 * strings goes in before the '}' that closes the object (or, when the line ends first, as
 * plain groups before its end). */
static void write_raw(struct annotate *a, size_t from, size_t to)
{
    while (from < to) {
        size_t stop = json_line_follow(&a->json, a->chunk, from, to, a->member_count > 0);
        write_bytes(a, from, stop);
        if (stop == to)
            break;
        if (a->chunk[stop] == '\n')
            write_members_as_groups(a);
        else
            write_members(a);
        from = stop; /* the '}' or '\n' is followed and written on the next turn */
    }
}

/* The raw input bytes go straight to the stream: output_text() stops at a NUL byte. Held-back
 * annotations go out where the URL that holds their codes ends. */
static bool copy_bytes(struct annotate *a, size_t upto)
{
    size_t from = a->copied;
    if (a->pending_count) {
        size_t end = from;
        while (end < upto && !ends_url(a->chunk[end]))
            end++;
        if (end < upto) {
            write_raw(a, from, end);
            if (a->json.active && a->json.escape) { /* never between a '\' and what it escapes */
                write_raw(a, end, end + 1);
                end++;
            }
            write_pending(a);
            from = end;
        }
    }
    write_raw(a, from, upto);
    a->copied = upto;
    return a->write_errno == 0;
}

/* Whether the bytes before `start` (in this chunk, then the carried word) are a URL's: the
 * word they end holds "://". */
static bool inside_url(const struct annotate *a, size_t start)
{
    size_t p = start;
    while (p > 0 && !ends_url(a->chunk[p - 1]))
        p--;
    const unsigned char *word = a->chunk + p;
    size_t n = start - p;
    for (size_t i = 0; i + 3 <= n; i++)
        if (word[i] == ':' && word[i + 1] == '/' && word[i + 2] == '/')
            return true;
    if (p > 0)
        return false;
    /* The word began in an earlier chunk: "://" there, or split across the boundary. */
    if (a->carry_url)
        return true;
    unsigned char joined[5];
    size_t k = 0;
    for (size_t i = 0; i < a->carry_length; i++)
        joined[k++] = a->carry[i];
    for (size_t i = 0; i < n && i < 2; i++)
        joined[k++] = word[i];
    for (size_t i = 0; i + 3 <= k; i++)
        if (joined[i] == ':' && joined[i + 1] == '/' && joined[i + 2] == '/')
            return true;
    return false;
}

/* At the end of a chunk: what the word it ends with carries into the next one. */
static void carry_word(struct annotate *a, size_t size)
{
    bool url = inside_url(a, size);
    unsigned char last[4];
    size_t k = 0;
    for (size_t i = 0; i < a->carry_length; i++)
        last[k++] = a->carry[i];
    for (size_t i = size > 2 ? size - 2 : 0; i < size; i++)
        last[k++] = ends_url(a->chunk[i]) ? ' ' : a->chunk[i];
    a->carry_length = k < 2 ? k : 2;
    memcpy(a->carry, last + k - a->carry_length, a->carry_length);
    a->carry_url = url;
}

/* Eight hex digits without 0x, in lower case and with a letter: how hashes and identifiers
 * look (git's "87e10bc6", a digest's slice). Windows writes a bare code in upper case
 * (C004F074, 80070005) and a lower-case one with 0x (hr=0x800f081f). */
static bool hash_like(const struct slerr_match *m)
{
    const char *t = m->text;
    bool letter = false;
    if (strlen(t) != 8)
        return false;
    for (size_t i = 0; i < 8; i++) {
        if (isupper((unsigned char)t[i]))
            return false;
        letter |= t[i] >= 'a' && t[i] <= 'f';
    }
    return letter;
}

/* Which codes are news: failures the catalog knows, and the informational codes that concern
 * activation (curated ones, slerror.h's). A success, zero above all, in a status field is not,
 * nor a hash that happens to spell a code; --all marks every code it recognises. */
static bool worth_marking(const struct annotate *a, const struct slerr_match *m)
{
    return a->all || (m->entry && slerr_notable(m->code) && !hash_like(m));
}

/* True once anything could not be written; keeps the first error's errno. */
static bool output_failed(struct annotate *a)
{
    if (!a->write_errno && ferror(a->out.stream))
        a->write_errno = errno ? errno : EIO;
    return a->write_errno != 0;
}

/* Advances the line count over the chunk up to `upto`. */
static void count_lines(struct annotate *a, size_t upto)
{
    const unsigned char *p = a->chunk + a->copied, *end = a->chunk + upto;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        a->line++;
        a->line_start = a->chunk_offset + (uint64_t)(++p - a->chunk);
    }
    a->copied = upto;
}

static void write_json_match(struct annotate *a, const struct slerr_match *m)
{
    char code[11];
    snprintf(code, sizeof code, "0x%08X", m->code);
    json_object_begin(&a->out, NULL);
    json_string(&a->out, "file", a->name);
    json_uint(&a->out, "line", a->line);
    json_uint(&a->out, "column", m->offset - a->line_start + 1);
    json_uint(&a->out, "offset", m->offset);
    json_string(&a->out, "text", m->text);
    json_string(&a->out, "code", code);
    json_bool(&a->out, "known", m->entry != NULL);
    json_string(&a->out, "symbol", m->entry ? slerr_entry_symbol(m->entry) : NULL);
    json_string(&a->out, "message", slerr_message(m->code));
    json_object_end(&a->out);
    json_line_end(&a->out);
}

static int on_match(const struct slerr_match *m, void *context)
{
    struct annotate *a = context;
    /* A code split across chunks starts before this chunk; it still ends inside it. */
    size_t end = (size_t)(m->offset + m->length - a->chunk_offset);
    size_t start = m->offset >= a->chunk_offset ? (size_t)(m->offset - a->chunk_offset) : 0;
    if (!worth_marking(a, m))
        return 0;
    if (a->out.format == FORMAT_JSON) {
        count_lines(a, start);
        write_json_match(a, m);
        return output_failed(a) ? -1 : 0;
    }
    if (!copy_bytes(a, end))
        return -1;
    if (inside_url(a, start) && a->pending_count < PENDING_MAX)
        a->pending[a->pending_count++] = *m; /* after the URL, not inside it */
    else
        write_annotation(a, m);
    return 0;
}

/* Feeds one chunk to the scanner and writes it out; false once the output has failed. */
static bool process_chunk(struct annotate *a, struct slerr_scanner *scanner,
                          const unsigned char *chunk, size_t size)
{
    a->chunk = chunk;
    a->copied = 0;
    if (slerr_scan(scanner, chunk, size, on_match, a) != 0)
        return false; /* on_match stopped it: the output failed */
    if (a->out.format == FORMAT_JSON) {
        count_lines(a, size);
    } else {
        copy_bytes(a, size);
        carry_word(a, size);
    }
    a->chunk_offset += size;
    return !output_failed(a);
}

static int read_error(const char *name)
{
    cli_error("%s: %s", name, strerror(errno));
    return EXIT_IO;
}

/* Copies one open input; EXIT_OK, EXIT_IO after a read error, -1 after a write error. */
static int annotate_input(struct annotate *a, struct slerr_scanner *scanner, struct infile *in,
                          bool line_buffered)
{
    const unsigned char *chunk = NULL;
    a->chunk_offset = 0;
    a->line = 1;
    a->line_start = 0;
    a->carry_url = false;
    a->carry_length = 0;
    a->pending_count = 0;
    a->member_count = 0;
    json_line_reset(&a->json);
    for (;;) {
        long got = infile_next(in, &chunk);
        if (got < 0) {
            slerr_scan_finish(scanner, NULL, NULL); /* the next file is a new stream */
            return read_error(a->name);
        }
        if (got == 0)
            break;
        if (!process_chunk(a, scanner, chunk, (size_t)got))
            return -1;
        if (line_buffered)
            fflush(a->out.stream);
        if (output_failed(a))
            return -1;
    }
    /* A code at the very end of the input is only known to be whole now. */
    a->chunk = chunk;
    a->copied = 0;
    slerr_scan_finish(scanner, on_match, a);
    write_pending(a); /* a URL that ends the input */
    write_members_as_groups(a); /* a JSON object the input ends inside */
    return output_failed(a) ? -1 : EXIT_OK;
}

static int annotate_path(struct annotate *a, struct slerr_scanner *scanner, const char *path,
                         bool line_buffered)
{
    struct infile in;
    a->name = path;
    if (infile_open(&in, path) != 0)
        return read_error(path);
    int status = annotate_input(a, scanner, &in, line_buffered);
    infile_close(&in);
    return status;
}

struct annotate_settings {
    unsigned flags;
    bool line_buffered;
};

static bool annotate_option(void *state, int id, const char *value)
{
    struct annotate_settings *settings = state;
    (void)value;
    if (id == OPT_ALL)
        settings->flags |= SLERR_SCAN_UNKNOWN;
    else if (id == OPT_LINE_BUFFERED)
        settings->line_buffered = true;
    else
        return false;
    return true;
}

int cmd_annotate(int argc, char **argv)
{
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    struct annotate_settings settings = { 0, false };
    const struct command_line spec = { "annotate", annotate_usage, annotate_options,
                                       annotate_option, &settings, -1 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    char *standard_input[] = { "-" };
    char **paths = count ? argv + 1 : standard_input;
    count = count ? count : 1;

    struct annotate a = { 0 };
    output_init(&a.out, stdout, common.format, common.color);
    a.all = (settings.flags & SLERR_SCAN_UNKNOWN) != 0;
    bool line_buffered = settings.line_buffered || isatty(STDOUT_FILENO);
    /* A closed pipe is reported like any other write error instead of killing us silently;
     * the previous disposition comes back afterwards, for the REPL's sake. */
    void (*previous_sigpipe)(int) = signal(SIGPIPE, SIG_IGN);
    status = EXIT_OK;
    struct slerr_scanner *scanner = slerr_scanner_new(settings.flags);
    if (!scanner) {
        cli_error("cannot start the scanner: %s", strerror(errno));
        status = EXIT_NO_MEMORY;
    }
    for (int i = 0; scanner && i < count; i++) {
        int one = annotate_path(&a, scanner, paths[i], line_buffered);
        if (one < 0)
            break;
        if (one != EXIT_OK)
            status = one;
    }
    slerr_scanner_free(scanner);
    if (a.write_errno)
        errno = a.write_errno;
    status = cli_finish(&a.out, a.write_errno ? EXIT_IO : status);
    if (previous_sigpipe != SIG_ERR)
        signal(SIGPIPE, previous_sigpipe);
    return status;
}
