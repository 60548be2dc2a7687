/* SPDX-License-Identifier: MIT */
/* args.c: long and short options, clusters, "--opt=value", "--" and negative-number operands. */
#include <stdio.h>
#include <string.h>

#include "args.h"

void args_init(struct args_iter *it, int argc, char **argv)
{
    memset(it, 0, sizeof *it);
    it->argc = argc;
    it->argv = argv;
}

static bool is_negative_number(const char *arg)
{
    return arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9';
}

static enum args_result parse_long(struct args_iter *it, const struct cli_option *options,
                                   const char *arg, int *id, const char **value)
{
    const char *equals = strchr(arg, '=');
    size_t length = equals ? (size_t)(equals - arg) : strlen(arg);
    for (const struct cli_option *o = options; o->long_name; o++) {
        if (strlen(o->long_name) != length || strncmp(o->long_name, arg, length) != 0)
            continue;
        *id = o->id;
        *value = NULL;
        if (!o->takes_value) {
            if (equals) {
                snprintf(it->error, sizeof it->error, "option --%s takes no value", o->long_name);
                return ARGS_ERROR;
            }
            return ARGS_OPTION;
        }
        if (equals) {
            *value = equals + 1;
        } else if (o->takes_value == ARGS_OPTIONAL) {
            return ARGS_OPTION; /* the next word is not its value */
        } else if (it->index < it->argc) {
            *value = it->argv[it->index++];
        } else {
            snprintf(it->error, sizeof it->error, "option --%s needs a value", o->long_name);
            return ARGS_ERROR;
        }
        return ARGS_OPTION;
    }
    snprintf(it->error, sizeof it->error, "unknown option --%.*s", (int)(length > 60 ? 60 : length), arg);
    return ARGS_ERROR;
}

static enum args_result parse_short(struct args_iter *it, const struct cli_option *options, int *id,
                                    const char **value)
{
    char letter = *it->short_rest++;
    for (const struct cli_option *o = options; o->long_name; o++) {
        if (o->short_name != letter)
            continue;
        *id = o->id;
        *value = NULL;
        if (o->takes_value) {
            if (*it->short_rest) {
                *value = it->short_rest;
            } else if (it->index < it->argc) {
                *value = it->argv[it->index++];
            } else {
                snprintf(it->error, sizeof it->error, "option -%c needs a value", letter);
                return ARGS_ERROR;
            }
            it->short_rest = NULL;
        } else if (*it->short_rest == '\0') {
            it->short_rest = NULL;
        }
        return ARGS_OPTION;
    }
    if ((unsigned char)letter >= 0x20 && (unsigned char)letter < 0x7F)
        snprintf(it->error, sizeof it->error, "unknown option -%c", letter);
    else
        snprintf(it->error, sizeof it->error, "unknown option byte 0x%02X", (unsigned char)letter);
    return ARGS_ERROR;
}

enum args_result args_next(struct args_iter *it, const struct cli_option *options, int *id,
                           const char **value)
{
    if (it->short_rest)
        return parse_short(it, options, id, value);
    if (it->index >= it->argc)
        return ARGS_END;
    const char *arg = it->argv[it->index++];
    if (it->only_operands || arg[0] != '-' || arg[1] == '\0' || is_negative_number(arg)) {
        *value = arg;
        return ARGS_OPERAND;
    }
    if (strcmp(arg, "--") == 0) {
        it->only_operands = true;
        return args_next(it, options, id, value);
    }
    if (arg[1] == '-')
        return parse_long(it, options, arg + 2, id, value);
    it->short_rest = arg + 1;
    return parse_short(it, options, id, value);
}
