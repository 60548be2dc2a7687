/* SPDX-License-Identifier: MIT */
/* cmd_explain.c: `slerr explain [FILE...]`: reads pasted or exported evidence (slmgr, ospp,
 * PowerShell, events) and prints what each record's fields mean, worst first in the summary. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "infile.h"
#include "interrupt.h"
#include "module.h"
#include "slerr-explain.h"
#include "slerr.h"

const char explain_usage[] =
    "Usage: slerr explain [--brief] [--json] [--color=WHEN] [--labels SLMGR.INI]... [FILE...]\n"
    "\n"
    "Reads each FILE (standard input when there is none, or for \"-\") as administrators\n"
    "paste or export it from Windows, finds the records it knows anywhere in it, and says\n"
    "what their fields mean: a severity, our sentence, the codes and catalog entries to read.\n"
    "\n"
    "Reads: slmgr.vbs /dli, /dlv, /xpr and its \"Error: 0x...\" lines; ospp.vbs /dstatus and\n"
    "/dhistorykms; PowerShell Format-List of SoftwareLicensingProduct and\n"
    "SoftwareLicensingService;\n"
    "activation events (12288-12294, 8198, 8200, 8208, 8209, ...) as text, XML or an\n"
    ".evtx file (told by its signature). Input may be UTF-8 or\n"
    "UTF-16LE (with or without BOM), with CRLF, quoted in Markdown, or wrapped at 80 columns.\n"
    "From a terminal (also in the REPL) it reads a pasted block up to a line holding only\n"
    "\".\" or Ctrl-D; Ctrl-C abandons the block.\n"
    "\n"
    "Options:\n"
    "  -b, --brief          one line per finding worse than OK, then the headline\n"
    "  -j, --json           JSON Lines: one object per record (kind, file, line, title,\n"
    "                       findings: rule, severity, field, value, text, codes, see), then one\n"
    "                       object of kind \"summary\" (records, worst, headline)\n"
    "      --color=WHEN     auto (default; honours NO_COLOR), always or never\n"
    "  -L, --labels FILE    also read the labels of the language of FILE, a slmgr.ini copied\n"
    "                       from %SystemRoot%\\System32\\slmgr\\<LANGID>\\ (may be repeated)\n"
    "  -h, --help           this help\n"
    "\n"
    "Exit status: 0 nothing worse than a note, 1 a warning or critical finding, 2 usage\n"
    "error, malformed input, nothing recognisable, or a pasted block over 64 MiB, 3 an input\n"
    "could not be read, 4 out of memory, 130 interrupted (Ctrl-C).\n";

enum { OPT_BRIEF = 1, OPT_LABELS };

static const struct cli_option explain_options[] = {
    { "brief", 'b', false, OPT_BRIEF },
    { "labels", 'L', true, OPT_LABELS },
    COMMON_OPTIONS,
    { NULL, 0, false, 0 },
};

/* Room for a value or a sentence escaped (a byte can become six); longer ones are cut. */
#define SAFE_MAX 4096

struct explain_run {
    struct output out;
    bool brief;
    slerr_explainer *explainer; /* one for all inputs: the summary spans them */
    const char *file;     /* name shown for the current input */
    char file_name[1024]; /* a FILE operand, escaped like any other text we did not write */
    char error[600];      /* the error that ended the reading, reported after the summary */
};

static const char *severity_name(int severity)
{
    const char *name = slerr_explain_severity_name(severity);
    return name ? name : "unknown";
}

static enum style severity_style(int s)
{
    return s == SLERR_EXPLAIN_CRITICAL ? STYLE_BAD
           : s == SLERR_EXPLAIN_WARNING ? STYLE_WARN
           : s == SLERR_EXPLAIN_NOTE    ? STYLE_DIM
                                        : STYLE_GOOD;
}

static void json_finding(struct output *o, const char *key, const slerr_explain_record *r,
                         size_t i)
{
    char code[11];
    json_object_begin(o, key);
    json_string(o, "rule", slerr_explain_finding_rule(r, i));
    json_string(o, "severity", severity_name(slerr_explain_finding_severity(r, i)));
    json_string(o, "field", slerr_explain_finding_field(r, i));
    json_string(o, "value", slerr_explain_finding_value(r, i));
    json_string(o, "text", slerr_explain_finding_text(r, i));
    json_array_begin(o, "codes");
    for (size_t j = 0; j < slerr_explain_finding_codes(r, i); j++) {
        snprintf(code, sizeof code, "0x%08X", slerr_explain_finding_code(r, i, j));
        json_string(o, NULL, code);
    }
    json_array_end(o);
    json_array_begin(o, "see");
    for (size_t j = 0; j < slerr_explain_finding_sees(r, i); j++)
        json_string(o, NULL, slerr_explain_finding_see(r, i, j));
    json_array_end(o);
    json_object_end(o);
}

static void json_record(struct explain_run *run, const slerr_explain_record *r)
{
    struct output *o = &run->out;
    json_object_begin(o, NULL);
    json_string(o, "kind", slerr_explain_record_kind(r));
    json_string(o, "file", run->file);
    json_uint(o, "line", slerr_explain_record_line(r));
    json_string(o, "title", slerr_explain_record_title(r));
    json_array_begin(o, "findings");
    for (size_t i = 0; i < slerr_explain_record_findings(r); i++)
        json_finding(o, NULL, r, i);
    json_array_end(o);
    json_object_end(o);
    json_line_end(o);
}

/* "0xC004F074 SL_E_VL_BINDING_SERVICE_UNAVAILABLE, 0x..." */
static void text_codes(struct output *o, const slerr_explain_record *r, size_t i)
{
    size_t n = slerr_explain_finding_codes(r, i);
    if (n == 0)
        return;
    output_printf(o, "      ");
    for (size_t j = 0; j < n; j++) {
        uint32_t code = slerr_explain_finding_code(r, i, j);
        const struct slerr_entry *e = slerr_lookup(code);
        output_text(o, j ? ", " : "");
        output_styled(o, STYLE_CODE, "0x%08X", code);
        if (e && slerr_entry_symbol(e)) {
            output_text(o, " ");
            output_styled(o, STYLE_SYMBOL, "%s", slerr_entry_symbol(e));
        }
    }
    output_text(o, "\n");
}

static void text_finding(struct explain_run *run, const slerr_explain_record *r, size_t i)
{
    struct output *o = &run->out;
    char safe[SAFE_MAX];
    int severity = slerr_explain_finding_severity(r, i);
    const char *value = slerr_explain_finding_value(r, i);
    output_text(o, "  ");
    output_styled(o, severity_style(severity), "%-8s", severity_name(severity));
    output_printf(o, " %s", slerr_explain_finding_field(r, i));
    if (value && value[0])
        output_printf(o, ": %s", output_escape(value, safe, sizeof safe));
    output_text(o, "\n");
    output_field(o, 6, NULL, output_escape(slerr_explain_finding_text(r, i), safe, sizeof safe));
    text_codes(o, r, i);
    for (size_t j = 0; j < slerr_explain_finding_sees(r, i); j++) {
        output_text(o, "      ");
        output_styled(o, STYLE_DIM, "see %s", slerr_explain_finding_see(r, i, j));
        output_text(o, "\n");
    }
}

static void text_record(struct explain_run *run, const slerr_explain_record *r)
{
    struct output *o = &run->out;
    const char *title = slerr_explain_record_title(r);
    const char *kind = slerr_explain_record_kind(r);
    size_t kind_length = strlen(kind);
    if (title && strncmp(title, kind, kind_length) == 0 && title[kind_length] == ' ')
        title += kind_length + 1; /* "event 12288 from X" after the kind "event": said once */
    output_styled(o, STYLE_LABEL, "%s:%zu: ", run->file, slerr_explain_record_line(r));
    output_styled(o, STYLE_CODE, "%s", kind);
    if (title) {
        char safe[SAFE_MAX];
        output_printf(o, " %s", output_escape(title, safe, sizeof safe));
    }
    output_text(o, "\n");
    for (size_t i = 0; i < slerr_explain_record_findings(r); i++)
        text_finding(run, r, i);
}

static void brief_record(struct explain_run *run, const slerr_explain_record *r)
{
    struct output *o = &run->out;
    char safe[SAFE_MAX];
    for (size_t i = 0; i < slerr_explain_record_findings(r); i++) {
        int severity = slerr_explain_finding_severity(r, i);
        if (severity == SLERR_EXPLAIN_OK)
            continue;
        output_printf(o, "%s:%zu: ", run->file, slerr_explain_record_line(r));
        output_styled(o, severity_style(severity), "%s", severity_name(severity));
        output_printf(o, " %s %s\n", slerr_explain_finding_field(r, i),
                      output_escape(slerr_explain_finding_text(r, i), safe, sizeof safe));
    }
}

static int on_record(void *ctx, const slerr_explain_record *r)
{
    struct explain_run *run = ctx;
    if (run->out.format == FORMAT_JSON)
        json_record(run, r);
    else if (run->brief)
        brief_record(run, r);
    else
        text_record(run, r);
    return ferror(run->out.stream) ? 1 : 0;
}

static void print_summary(struct explain_run *run)
{
    struct output *o = &run->out;
    size_t records = slerr_explainer_records(run->explainer);
    const slerr_explain_record *head = slerr_explainer_headline(run->explainer);
    char safe[SAFE_MAX];
    if (o->format == FORMAT_JSON) {
        json_object_begin(o, NULL);
        json_string(o, "kind", "summary");
        json_uint(o, "records", records);
        json_string(o, "worst", severity_name(head ? slerr_explainer_worst(run->explainer)
                                                   : SLERR_EXPLAIN_OK));
        if (head)
            json_finding(o, "headline", head, 0);
        else
            json_string(o, "headline", NULL);
        json_object_end(o);
        json_line_end(o);
        return;
    }
    if (!run->brief)
        output_text(o, "\n");
    if (!head) {
        output_printf(o, "%zu record%s, nothing worse than OK.\n", records,
                      records == 1 ? "" : "s");
        return;
    }
    int severity = slerr_explain_finding_severity(head, 0);
    char label[32];
    int width = snprintf(label, sizeof label, "Headline (%s):", severity_name(severity));
    output_styled(o, severity_style(severity), "%s", label);
    output_escape(slerr_explain_finding_text(head, 0), safe, sizeof safe);
    if (run->brief) /* one line, as --brief's findings are */
        output_printf(o, " %s\n", safe);
    else
        output_wrapped(o, (unsigned)width, 2, safe);
    text_codes(o, head, 0);
}

/* A terminal gives a pasted block, ended by a line holding only "." or by Ctrl-D; Ctrl-C in
 * the REPL abandons it. Kept whole before reading, so an abandoned block prints nothing. */
#define BLOCK_MAX PASTE_MAX

struct block {
    unsigned char *bytes;
    size_t len, cap;
    size_t line_start; /* where the line being read starts */
    bool ended;        /* the "." line came */
};

/* Appends a chunk, stopping at a line that holds only "." (CRLF allowed). */
static bool block_add(struct block *b, const unsigned char *chunk, size_t n)
{
    if (b->len + n > BLOCK_MAX)
        return false;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        unsigned char *grown = realloc(b->bytes, cap);
        if (!grown)
            return false;
        b->bytes = grown, b->cap = cap;
    }
    for (size_t i = 0; i < n && !b->ended; i++) {
        b->bytes[b->len++] = chunk[i];
        if (chunk[i] != '\n')
            continue;
        size_t line = b->len - b->line_start;
        const unsigned char *p = b->bytes + b->line_start;
        if ((line == 2 && p[0] == '.') || (line == 3 && p[0] == '.' && p[1] == '\r')) {
            b->len = b->line_start;
            b->ended = true;
        }
        b->line_start = b->len;
    }
    return true;
}

/* Reads the block; EXIT_OK, or the status of a reported error or of Ctrl-C. */
static int read_block(struct infile *in, struct block *b)
{
    const unsigned char *chunk;
    long got;
    fputs("Paste the text, then a line holding only '.' (or Ctrl-D); Ctrl-C abandons it.\n",
          stderr);
    while (!b->ended && (got = infile_next(in, &chunk)) != 0) {
        if (got < 0) {
            cli_error("stdin: %s", strerror(errno));
            return EXIT_IO;
        }
        if (!block_add(b, chunk, (size_t)got)) {
            infile_discard_paste(in); /* none of the rest may run as commands after us */
            cli_error("the pasted text is larger than %zu MiB: it was discarded", BLOCK_MAX >> 20);
            return b->len + (size_t)got > BLOCK_MAX ? EXIT_USAGE : EXIT_NO_MEMORY;
        }
    }
    if (interrupt_requested()) {
        cli_error("explain: abandoned");
        return EXIT_INTERRUPTED;
    }
    return EXIT_OK;
}

/* What feed_all returns when reading the input failed (errno kept); apart from the
 * slerr_explain_status values. */
#define READ_FAILED (-1)
#define READ_INTERRUPTED (-2)

/* Feeds the whole input (the block already read from a terminal, or the file) and ends it. */
static int feed_all(slerr_explainer *e, struct infile *in, const struct block *b)
{
    const unsigned char *chunk;
    long got;
    int status = SLERR_EXPLAIN_DONE;
    if (b)
        status = slerr_explainer_feed(e, b->bytes, b->len);
    while (!b && status == SLERR_EXPLAIN_DONE && (got = infile_next(in, &chunk)) != 0) {
        if (got < 0)
            return READ_FAILED;
        status = slerr_explainer_feed(e, chunk, (size_t)got);
    }
    if (!b && interrupt_requested())
        return READ_INTERRUPTED; /* Ctrl-C in the REPL: not the end of the file */
    return status == SLERR_EXPLAIN_DONE ? slerr_explainer_finish(e) : status;
}

static int reading_error(struct explain_run *run, int status)
{
    if (status == SLERR_EXPLAIN_MALFORMED) {
        size_t line = 0;
        const char *detail = slerr_explainer_error(run->explainer, &line);
        if (line) /* an .evtx file's damage has no line */
            snprintf(run->error, sizeof run->error, "%s:%zu: %s", run->file, line,
                     detail ? detail : slerr_explain_strerror(status));
        else
            snprintf(run->error, sizeof run->error, "%s: %s", run->file,
                     detail ? detail : slerr_explain_strerror(status));
        return EXIT_USAGE;
    }
    if (status == SLERR_EXPLAIN_UNAVAILABLE) { /* .evtx without libevtx: text still works */
        const char *detail = slerr_explainer_error(run->explainer, NULL);
        snprintf(run->error, sizeof run->error, "%s: %s", run->file,
                 detail ? detail : slerr_explain_strerror(status));
        return EXIT_UNAVAILABLE;
    }
    if (status == READ_INTERRUPTED) {
        cli_error("%s: interrupted", run->file); /* no summary follows: the input is not whole */
        return EXIT_INTERRUPTED;
    }
    if (status == READ_FAILED) {
        snprintf(run->error, sizeof run->error, "%s: %s", run->file, strerror(errno));
        return EXIT_IO;
    }
    if (status != SLERR_EXPLAIN_DONE && status != SLERR_EXPLAIN_STOPPED) {
        snprintf(run->error, sizeof run->error, "%s: %s", run->file,
                 slerr_explain_strerror(status));
        return status == SLERR_EXPLAIN_NOMEM ? EXIT_NO_MEMORY : EXIT_USAGE;
    }
    return EXIT_OK;
}

/* Reads one input into the explainer; EXIT_OK, or the status of a reported error. */
static int explain_input(struct explain_run *run, const char *path, bool first)
{
    struct infile in;
    struct block block = { NULL, 0, 0, 0, false };
    bool pasted = strcmp(path, "-") == 0 && isatty(STDIN_FILENO);
    run->file = strcmp(path, "-") == 0 ? "stdin"
                                       : output_escape(path, run->file_name, sizeof run->file_name);
    if (infile_open(&in, path) != 0) {
        cli_error("%s: %s", run->file, strerror(errno)); /* escaped above */
        return EXIT_IO;
    }
    int exit = pasted ? read_block(&in, &block) : EXIT_OK;
    if (exit == EXIT_OK && !first && slerr_explainer_next_input(run->explainer) != 0) {
        cli_error("%s", slerr_explain_strerror(SLERR_EXPLAIN_NOMEM));
        exit = EXIT_NO_MEMORY;
    }
    if (exit == EXIT_OK)
        exit = reading_error(run, feed_all(run->explainer, &in, pasted ? &block : NULL));
    free(block.bytes);
    infile_close(&in);
    return exit;
}

static void nothing_recognised(void)
{
    cli_error("nothing recognisable in the input; explain reads:");
    for (size_t i = 0; slerr_explain_reads(i); i++)
        fprintf(stderr, "  %s\n", slerr_explain_reads(i));
}

/* A slmgr.ini is some 40 KiB; anything far larger is not one. */
#define LABELS_FILE_MAX ((size_t)1024 * 1024)

/* The language a slmgr.ini is for: the name of its folder when that looks like a Windows
 * language folder ("de-DE"), else "labels". */
static void labels_language(const char *path, char *lang, size_t size)
{
    const char *end = strrchr(path, '/'), *start = end;
    while (start && start > path && start[-1] != '/')
        start--;
    size_t n = start ? (size_t)(end - start) : 0;
    bool ok = n >= 2 && n < size;
    for (size_t i = 0; ok && i < n; i++)
        ok = (start[i] >= 'a' && start[i] <= 'z') || (start[i] >= 'A' && start[i] <= 'Z') ||
             start[i] == '-';
    snprintf(lang, size, "%.*s", ok ? (int)n : 6, ok ? start : "labels");
}

/* --labels FILE: teaches the explainer the texts of a Windows slmgr.ini. EXIT_OK, or the
 * status of the error reported. */
static int load_labels(const char *path)
{
    char shown[1024];
    output_escape(path, shown, sizeof shown);
    struct infile in;
    if (infile_open(&in, path) != 0) {
        cli_error("--labels %s: %s", shown, strerror(errno));
        return EXIT_IO;
    }
    unsigned char *bytes = NULL, *more;
    size_t len = 0;
    const unsigned char *chunk;
    long got = 0;
    const char *problem = NULL;
    int exit = EXIT_OK;
    while (!problem && (got = infile_next(&in, &chunk)) > 0) {
        if (len + (size_t)got > LABELS_FILE_MAX)
            problem = "too large for a slmgr.ini", exit = EXIT_USAGE;
        else if (!(more = realloc(bytes, len + (size_t)got)))
            problem = slerr_explain_strerror(SLERR_EXPLAIN_NOMEM), exit = EXIT_NO_MEMORY;
        else
            memcpy(more + len, chunk, (size_t)got), bytes = more, len += (size_t)got;
    }
    if (!problem && got < 0)
        problem = strerror(errno), exit = EXIT_IO;
    infile_close(&in);
    if (!problem) {
        char lang[32];
        labels_language(path, lang, sizeof lang);
        int status = slerr_explain_add_labels(bytes, len, lang, NULL);
        if (status == SLERR_EXPLAIN_MALFORMED)
            problem = "not a slmgr.ini (no L_Msg string of slmgr.vbs in it)", exit = EXIT_USAGE;
        else if (status != SLERR_EXPLAIN_DONE)
            problem = slerr_explain_strerror(status), exit = EXIT_NO_MEMORY;
    }
    if (problem)
        cli_error("--labels %s: %s", shown, problem);
    free(bytes);
    return exit;
}

struct explain_options_state {
    bool brief;
    int labels_exit; /* EXIT_OK, or how the first --labels file failed */
};

static bool explain_option(void *state, int id, const char *value)
{
    struct explain_options_state *st = state;
    if (id == OPT_BRIEF)
        st->brief = true;
    else if (id == OPT_LABELS && st->labels_exit == EXIT_OK)
        st->labels_exit = load_labels(value);
    else if (id != OPT_LABELS)
        return false;
    return true;
}

int cmd_explain(int argc, char **argv)
{
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    static struct explain_run run;
    struct explain_options_state opts = { false, EXIT_OK };
    const struct command_line spec = { "explain", explain_usage, explain_options,
                                       explain_option, &opts, -1 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    if (opts.labels_exit != EXIT_OK)
        return opts.labels_exit;
    bool brief = opts.brief;
    char *standard_input[] = { "-" };
    char **paths = count ? argv + 1 : standard_input;
    count = count ? count : 1;

    memset(&run, 0, sizeof run);
    run.brief = brief;
    run.explainer = slerr_explainer_new(on_record, &run);
    if (!run.explainer) {
        cli_error("%s", slerr_explain_strerror(SLERR_EXPLAIN_NOMEM));
        return EXIT_NO_MEMORY;
    }
    output_init(&run.out, stdout, common.format, common.color);
    status = EXIT_OK;
    for (int i = 0; i < count && status == EXIT_OK; i++)
        status = explain_input(&run, paths[i], i == 0);
    size_t records = slerr_explainer_records(run.explainer);
    if (status == EXIT_INTERRUPTED) {
        slerr_explainer_free(run.explainer);
        return status;
    }
    if (status == EXIT_OK && records == 0 && !run.error[0]) {
        nothing_recognised();
        status = EXIT_USAGE;
    }
    if (records > 0)
        print_summary(&run);
    if (run.error[0]) {
        fflush(stdout);
        fprintf(stderr, "slerr: %s\n", run.error);
    }
    if (status == EXIT_OK && slerr_explainer_worst(run.explainer) >= SLERR_EXPLAIN_WARNING)
        status = EXIT_NOT_FOUND;
    slerr_explainer_free(run.explainer);
    return cli_finish(&run.out, status);
}

SLERR_MODULE_EXPORT const struct slerr_module slerr_module_explain = {
    SLERR_MODULE_ABI, SLERR_VERSION_STRING, cmd_explain,
};
