/* SPDX-License-Identifier: MIT */
/* interrupt.h: Ctrl-C as a request, not a death: a SIGINT handler that only raises a flag,
 * which long-running commands (diagnose) poll to stop cleanly and the REPL uses to clear a line. */
#ifndef SLERR_CLI_INTERRUPT_H
#define SLERR_CLI_INTERRUPT_H

#include <stdbool.h>

/* Catches SIGINT without SA_RESTART, so a blocking read, poll or connect returns EINTR.
 * Calls nest: the handler stays until the last interrupt_uninstall(). 0, or -1 with errno. */
int interrupt_install(void);
void interrupt_uninstall(void);

/* True when Ctrl-C was pressed since the last interrupt_clear(). Safe to poll in a loop. */
bool interrupt_requested(void);
void interrupt_clear(void);

/* A descriptor that becomes readable on Ctrl-C (until interrupt_clear()); -1 when not installed.
 * Put it in a poll() set: unlike EINTR, it cannot be missed when Ctrl-C comes just before
 * the poll starts. */
int interrupt_fd(void);

#endif
