/* SPDX-License-Identifier: MIT */
/* entry_command.c: shows events, symptoms or settings by name, through render_entry(). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "entry_command.h"
#include "render.h"

static const struct cli_option entry_options[] = {
    COMMON_OPTIONS,
    { NULL, 0, false, 0 },
};

static void list_kind(struct output *out, enum slerr_kind kind)
{
    for (size_t i = 0; i < slerr_kind_count(kind); i++)
        render_entry(out, slerr_kind_at(kind, i), RENDER_LINE);
}

#define MAX_NAME 64

/* Could `text` be a name of this kind at all? Events are decimal IDs; other names are
 * letters, digits and '-'. Anything else is a usage error, not a missing entry. */
static bool well_formed(enum slerr_kind kind, const char *text)
{
    size_t n = strlen(text);
    if (n == 0 || n > MAX_NAME)
        return false;
    for (const char *p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (kind == SLERR_KIND_EVENT ? !isdigit(c) : !isalnum(c) && c != '-')
            return false;
    }
    return true;
}

static void report_bad_name(enum slerr_kind kind, const char *text)
{
    const char *form = kind == SLERR_KIND_EVENT ? "an event ID such as 12290" : "a name";
    if (strlen(text) > MAX_NAME)
        cli_error("'%.*s...' is not %s", MAX_NAME, text, form);
    else
        cli_error("'%s' is not %s", text, form);
}

static int show_names(struct output *out, enum slerr_kind kind, const char *const *names,
                      int count)
{
    int status = EXIT_OK;
    for (int i = 0; i < count; i++) {
        if (!well_formed(kind, names[i])) {
            report_bad_name(kind, names[i]);
            status = EXIT_USAGE;
            continue;
        }
        const struct slerr_entry *e = slerr_lookup_name(kind, names[i]);
        if (!e) {
            cli_error("no %s '%s' in the catalog (slerr %s lists them)", slerr_kind_name(kind),
                      names[i], slerr_kind_name(kind));
            if (status == EXIT_OK)
                status = EXIT_NOT_FOUND;
            continue;
        }
        if (i > 0 && out->format == FORMAT_TEXT)
            output_text(out, "\n");
        render_entry(out, e, RENDER_FULL);
    }
    return status;
}

int entry_command_run(enum slerr_kind kind, const char *usage, int argc, char **argv)
{
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    const struct command_line spec = { argv[0], usage, entry_options, NULL, NULL, -1 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    const char *const *names = (const char *const *)(argv + 1);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    struct output out;
    output_init(&out, stdout, common.format, common.color);
    if (count == 0) {
        list_kind(&out, kind);
        return cli_finish(&out, EXIT_OK);
    }
    return cli_finish(&out, show_names(&out, kind, names, count));
}
