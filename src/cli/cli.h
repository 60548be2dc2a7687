/* SPDX-License-Identifier: MIT */
/* cli.h: what every command of the slerr program shares: exit statuses, the common options
 * (--json, --color, --help) and the way errors reach the user. */
#ifndef SLERR_CLI_H
#define SLERR_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "args.h"
#include "output.h"
#include "slerr.h"

/* The exit statuses of every command, one meaning each (slerr(1), EXIT STATUS). The REPL's
 * batch mode exits with the highest status of its lines. diagnose --nagios keeps the plugin
 * convention of its own (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN) and is not in this table. */
enum exit_status {
    EXIT_OK = 0,            /* everything known / healthy */
    EXIT_NOT_FOUND = 1,     /* something not in the catalog, nothing matched, a problem found */
    EXIT_USAGE = 2,         /* the command line (or a REPL line) is wrong */
    EXIT_IO = 3,            /* an input could not be read or the output could not be written */
    EXIT_NO_MEMORY = 4,     /* out of memory */
    EXIT_UNAVAILABLE = 5,   /* a part of slerr could not be loaded (module.h) */
    EXIT_INTERRUPTED = 130, /* stopped by Ctrl-C: 128 + SIGINT, as shells report it */
};

enum common_option_id { OPT_JSON = 1000, OPT_COLOR, OPT_HELP };

#define COMMON_OPTIONS                                                                           \
    { "json", 'j', false, OPT_JSON }, { "color", 0, ARGS_OPTIONAL, OPT_COLOR },                   \
        { "colour", 0, ARGS_OPTIONAL, OPT_COLOR }, { "help", 'h', false, OPT_HELP }

struct common_options {
    enum output_format format;
    enum color_mode color;
    bool help;
};

/* Applies a common option; false (after reporting it) when its value is bad or id is not common. */
bool common_option(struct common_options *common, int id, const char *value);

/* How a command reads its command line: its own options go to on_option, the common ones
 * fill `common`, operands are collected in order. One loop for every command. */
struct command_line {
    const char *command;               /* for messages: "search" */
    const char *usage;                 /* printed by --help */
    const struct cli_option *options;  /* the command's table, COMMON_OPTIONS included */
    /* The command's own options (NULL when it has none); false after reporting a bad value. */
    bool (*on_option)(void *state, int id, const char *value);
    void *state;
    int max_operands;                  /* -1: any number */
};

#define COMMAND_LINE_CONTINUE (-1)

/* Reads argv (argv[0] is the command name) into common and count, and moves the operands, in
 * order, to argv[1] .. argv[count] (as GNU getopt permutes argv), so that no command needs an
 * array sized by argc. Returns COMMAND_LINE_CONTINUE, or the status to end with: EXIT_OK after
 * --help was printed, EXIT_USAGE after a reported error. */
int command_line_read(const struct command_line *spec, int argc, char **argv,
                      struct common_options *common, int *count);

/* "slerr: message" on stderr. */
void cli_error(const char *format, ...) __attribute__((format(printf, 1, 2)));

/* Reports an args_next() error with a pointer to --help; returns EXIT_USAGE. */
int cli_usage_error(const char *command, const char *message);

/* Ends a command: flushes the output, reports a write error; returns `status` or EXIT_IO. */
int cli_finish(struct output *out, int status);

/* The --help text of each command in the program (dispatch.c's table). */
extern const char lookup_usage[], search_usage[], list_usage[], event_usage[], symptom_usage[],
    setting_usage[], annotate_usage[];

/* Every command: argv[0] is the command name. */
int cmd_lookup(int argc, char **argv);
/* The code a lookup word holds, with what surrounds it when copied ("(0xC004F074)",
 * "hr=0xc004f074,", a trailing CR), read by libslerr's slerr_parse_word. Returns the text to
 * show for it (the word, or the code's own text, kept in `shown`); NULL when it holds none. */
#define CLI_CODE_WORD_MAX 96 /* slerr_parse_word reads no longer word */
const char *cli_code_in_word(const char *word, uint32_t *code, char shown[CLI_CODE_WORD_MAX]);
int cmd_search(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_event(int argc, char **argv);
int cmd_symptom(int argc, char **argv);
int cmd_setting(int argc, char **argv);
int cmd_annotate(int argc, char **argv);
/* In their own modules (module.h), reached through module_run(): */
int cmd_diagnose(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_repl(int argc, char **argv);

/* Runs one command line; the same dispatcher serves the program and the REPL. */
int dispatch_run(int argc, char **argv);

/* `slerr --version`: the program's version, what its catalog holds, and where each module is
 * (and why one is not available). Returns the exit status. */
int dispatch_version(void);

/* The words dispatch_run() takes as a command ("help" included), by index; NULL past the end. */
const char *dispatch_command_name(size_t index);

#endif
