/* SPDX-License-Identifier: MIT */
/* cmd_list.c: `slerr list`: the catalog, filtered by kind, activation type and facility;
 * one line per entry, JSON Lines, or names only (for shell completion). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "cli.h"
#include "render.h"
#include "slerr.h"

const char list_usage[] =
    "Usage: slerr list [--kind=KIND] [--applies-to=TYPE] [--facility=F] [--names] [--json]\n"
    "\n"
    "Lists the catalog: every code, event, symptom and setting, one line each.\n"
    "\n"
    "Options:\n"
    "  -k, --kind=KIND         code, event, symptom or setting\n"
    "  -a, --applies-to=TYPE   kms-client, kms-host, mak, retail or oem\n"
    "  -f, --facility=F        codes of one facility: a number (4, 0x7) or a name (ITF, WIN32)\n"
    "      --names             names only, one per line, for shell completion: each code\n"
    "                          (0xC004F038) and its symbol, each event ID, symptom and setting\n"
    "  -j, --json              JSON Lines: one object per entry\n"
    "      --color=WHEN        auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help              this help\n"
    "\n"
    "Exit status: 0 something listed, 1 nothing matches the filters, 2 usage error,\n"
    "3 output not written (every status: slerr --help).\n";

enum { OPT_KIND = 1, OPT_APPLIES, OPT_FACILITY, OPT_NAMES };

static const struct cli_option list_options[] = {
    { "kind", 'k', true, OPT_KIND },
    { "applies-to", 'a', true, OPT_APPLIES },
    { "applies", 0, true, OPT_APPLIES },
    { "facility", 'f', true, OPT_FACILITY },
    { "names", 0, false, OPT_NAMES },
    COMMON_OPTIONS,
    { NULL, 0, false, 0 },
};

struct list_filter {
    int kind;         /* -1: every kind */
    unsigned applies; /* 0: any */
    long facility;    /* -1: any */
    bool names;
};

static bool parse_applies(const char *text, unsigned *applies)
{
    for (unsigned bit = 1; bit && bit <= SLERR_OEM; bit <<= 1) {
        if (strcasecmp(text, slerr_applies_name(bit)) == 0) {
            *applies = bit;
            return true;
        }
    }
    return false;
}

#define FACILITY_MAX 0x7FF /* the 11 bits of an HRESULT's facility field */

/* A facility number (decimal or 0x hex, 0 to 0x7FF) or a name libslerr knows (any case). */
static bool parse_facility(const char *text, struct list_filter *f)
{
    char *end;
    errno = 0;
    bool hex = text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    long value = strtol(text, &end, hex ? 16 : 10); /* "010" is ten, not octal eight */
    if (*text >= '0' && *text <= '9' && *end == '\0' && errno == 0 && value <= FACILITY_MAX) {
        f->facility = value;
        return true;
    }
    for (unsigned number = 0; number <= FACILITY_MAX; number++) {
        struct slerr_decoded d = SLERR_DECODED_INIT;
        slerr_decode(0x80000000u | (uint32_t)number << 16, &d);
        if (d.facility_name && strcasecmp(d.facility_name, text) == 0) {
            f->facility = (long)number;
            return true;
        }
    }
    char message[160];
    snprintf(message, sizeof message, "--facility takes a number from 0 to 2047 (0x7FF) or a "
             "facility name such as ITF or WIN32, not '%.40s'", text);
    cli_usage_error("list", message);
    return false;
}

static bool apply_option(void *state, int id, const char *value)
{
    struct list_filter *f = state;
    enum slerr_kind kind;
    switch (id) {
    case OPT_KIND:
        if (slerr_kind_parse(value, &kind) == 0) {
            f->kind = (int)kind;
            return true;
        }
        cli_usage_error("list", "--kind takes code, event, symptom or setting");
        return false;
    case OPT_APPLIES:
        if (parse_applies(value, &f->applies))
            return true;
        cli_usage_error("list", "--applies-to takes kms-client, kms-host, mak, retail or oem");
        return false;
    case OPT_FACILITY:
        return parse_facility(value, f);
    case OPT_NAMES:
        f->names = true;
        return true;
    default:
        return false;
    }
}

static bool matches(const struct list_filter *f, const struct slerr_entry *e)
{
    if (f->applies && !(slerr_entry_applies(e) & f->applies))
        return false;
    if (f->facility < 0)
        return true;
    if (slerr_entry_kind(e) != SLERR_KIND_CODE)
        return false;
    struct slerr_decoded d = SLERR_DECODED_INIT;
    slerr_decode(slerr_entry_code(e), &d);
    return d.facility == (unsigned long)f->facility;
}

/* What a shell may complete: a code and its symbol (two lines), an event ID, a name. */
static void show_name(struct output *out, const struct slerr_entry *e)
{
    if (slerr_entry_kind(e) != SLERR_KIND_CODE) {
        output_printf(out, "%s\n", slerr_entry_name(e));
        return;
    }
    output_printf(out, "0x%08X\n", slerr_entry_code(e));
    if (slerr_entry_symbol(e))
        output_printf(out, "%s\n", slerr_entry_symbol(e));
}

static size_t list_entries(struct output *out, const struct list_filter *f)
{
    size_t shown = 0;
    for (unsigned kind = 0; kind < SLERR_KIND_COUNT; kind++) {
        if (f->kind >= 0 && (unsigned)f->kind != kind)
            continue;
        for (size_t i = 0; i < slerr_kind_count((enum slerr_kind)kind); i++) {
            const struct slerr_entry *e = slerr_kind_at((enum slerr_kind)kind, i);
            if (!matches(f, e))
                continue;
            shown++;
            if (f->names && out->format == FORMAT_TEXT)
                show_name(out, e);
            else
                render_entry(out, e, out->format == FORMAT_JSON ? RENDER_FULL : RENDER_LINE);
        }
    }
    return shown;
}

int cmd_list(int argc, char **argv)
{
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    struct list_filter filter = { -1, 0, -1, false };
    const struct command_line spec = { "list", list_usage, list_options, apply_option, &filter, 0 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    struct output out;
    output_init(&out, stdout, common.format, common.color);
    size_t shown = list_entries(&out, &filter);
    return cli_finish(&out, shown ? EXIT_OK : EXIT_NOT_FOUND);
}
