/* SPDX-License-Identifier: MIT */
/* args.h: the one command-line option parser of the slerr program, shared by every command.
 * Unlike getopt it treats negative decimals ("-1073418184") as operands, not options. */
#ifndef SLERR_CLI_ARGS_H
#define SLERR_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>

/* takes_value: false, true (a value: "--opt=V", "--opt V", "-oV", "-o V"), or ARGS_OPTIONAL:
 * a value only as "--opt=V", so that "--opt WORD" leaves WORD an operand (value NULL). */
#define ARGS_OPTIONAL 2

struct cli_option {
    const char *long_name; /* without the leading "--" */
    char short_name;       /* 0 when there is none */
    unsigned char takes_value;
    int id;
};

enum args_result { ARGS_END, ARGS_OPTION, ARGS_OPERAND, ARGS_ERROR };

struct args_iter {
    int argc;
    char **argv;
    int index;
    const char *short_rest; /* remaining letters of a "-abc" cluster */
    bool only_operands;     /* after "--" */
    char error[160];
};

void args_init(struct args_iter *it, int argc, char **argv);

/* Next option (id and value set) or operand (value set). ARGS_ERROR leaves a message in it->error. */
enum args_result args_next(struct args_iter *it, const struct cli_option *options, int *id,
                           const char **value);

#endif
