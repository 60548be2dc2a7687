/* common.c: the options every command takes and the one way errors are reported. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_error(const char *format, ...)
{
    va_list ap;
    fflush(stdout); /* keep stdout and stderr in order on a shared terminal */
    fputs("slerr: ", stderr);
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputc('\n', stderr);
}

bool common_option(struct common_options *common, int id, const char *value)
{
    switch (id) {
    case OPT_JSON:
        common->format = FORMAT_JSON;
        return true;
    case OPT_COLOR:
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
        return EXIT_NOT_FOUND;
    }
    return status;
}
