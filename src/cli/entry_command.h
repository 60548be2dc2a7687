/* SPDX-License-Identifier: MIT */
/* entry_command.h: the shared body of `slerr event`, `slerr symptom` and `slerr setting`:
 * show the named entries of one kind, or list the kind when no name is given. */
#ifndef SLERR_CLI_ENTRY_COMMAND_H
#define SLERR_CLI_ENTRY_COMMAND_H

#include "slerr.h"

/* argv[0] is the command name; `usage` is its --help text. */
int entry_command_run(enum slerr_kind kind, const char *usage, int argc, char **argv);

#endif
