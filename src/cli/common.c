/* SPDX-License-Identifier: MIT */
/* common.c: the options every command takes and the one way errors are reported. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Error messages quote what the user typed or a file held (operands, option values, names):
 * the whole line goes through the one escaping, so none of it reaches the terminal raw. */
void cli_error(const char *format, ...)
{
    char message[1024], safe[4 * sizeof message];
    va_list ap;
    fflush(stdout); /* keep stdout and stderr in order on a shared terminal */
    va_start(ap, format);
    (void)vsnprintf(message, sizeof message, format, ap);
    va_end(ap);
    fprintf(stderr, "slerr: %s\n", output_escape(message, safe, sizeof safe));
}

bool common_option(struct common_options *common, int id, const char *value)
{
    switch (id) {
    case OPT_JSON:
        common->format = FORMAT_JSON;
        return true;
    case OPT_COLOR:
        if (!value) { /* --color alone, as ls and grep take it */
            common->color = COLOR_ALWAYS;
            return true;
        }
        if (output_parse_color(value, &common->color) == 0)
            return true;
        cli_error("--color takes auto, always or never, not '%s'", value);
        return false;
    case OPT_HELP:
        common->help = true;
        return true;
    default:
        return false;
    }
}

int cli_usage_error(const char *command, const char *message)
{
    cli_error("%s", message);
    if (command)
        fprintf(stderr, "Try 'slerr %s --help'.\n", command);
    else
        fputs("Try 'slerr --help'.\n", stderr);
    return EXIT_USAGE;
}

int cli_finish(struct output *out, int status)
{
    if (output_finish(out) != 0) {
        int saved = errno;
        cli_error("cannot write output: %s", strerror(saved));
        return EXIT_IO;
    }
    return status;
}

static bool is_common_option(int id)
{
    return id == OPT_JSON || id == OPT_COLOR || id == OPT_HELP;
}

static int too_many_operands(const struct command_line *spec)
{
    char message[120];
    if (spec->max_operands == 0)
        snprintf(message, sizeof message, "%s takes no operands", spec->command);
    else
        snprintf(message, sizeof message, "%s takes at most %d operand%s", spec->command,
                 spec->max_operands, spec->max_operands == 1 ? "" : "s");
    return cli_usage_error(spec->command, message);
}

/* `slerr COMMAND --list-options`: the command's option table, one word a line ("--kind=" when
 * it takes a value, "-k" for a short form), for shell completion and the tests that hold help,
 * completions and slerr(1) to it. An alias (a later entry with the same id) is not listed. */
static int list_options(const struct cli_option *options)
{
    for (const struct cli_option *o = options; o->long_name; o++) {
        bool alias = false;
        for (const struct cli_option *p = options; p != o; p++)
            alias = alias || p->id == o->id;
        if (alias)
            continue;
        printf("--%s%s\n", o->long_name, o->takes_value ? "=" : "");
        if (o->short_name)
            printf("-%c\n", o->short_name);
    }
    return cli_finish(&(struct output){ .stream = stdout }, EXIT_OK);
}

int command_line_read(const struct command_line *spec, int argc, char **argv,
                      struct common_options *common, int *count)
{
    struct args_iter it;
    enum args_result r;
    const char *value;
    int id;

    *count = 0;
    if (argc == 2 && strcmp(argv[1], "--list-options") == 0)
        return list_options(spec->options);
    args_init(&it, argc - 1, argv + 1);
    while ((r = args_next(&it, spec->options, &id, &value)) != ARGS_END) {
        if (r == ARGS_ERROR)
            return cli_usage_error(spec->command, it.error);
        if (r == ARGS_OPERAND) {
            if (spec->max_operands >= 0 && *count >= spec->max_operands)
                return too_many_operands(spec);
            /* The iterator has read past this slot already: argv[1 + count] is free. */
            argv[1 + (*count)++] = (char *)value;
        } else if (is_common_option(id) ? !common_option(common, id, value)
                                        : !spec->on_option ||
                                              !spec->on_option(spec->state, id, value)) {
            return EXIT_USAGE;
        }
    }
    if (common->help) {
        fputs(spec->usage, stdout);
        return cli_finish(&(struct output){ .stream = stdout }, EXIT_OK);
    }
    return COMMAND_LINE_CONTINUE;
}
