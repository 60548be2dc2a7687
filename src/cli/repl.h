/* SPDX-License-Identifier: MIT */
/* repl.h: the parts of `slerr repl` shared by repl.c (session loop), repl_complete.c (TAB)
 * and repl_history.c (the history file). Private to the REPL. */
#ifndef SLERR_CLI_REPL_H
#define SLERR_CLI_REPL_H

#include <stdbool.h>
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

/* The longest line the REPL runs; longer ones are refused before they are split. */
#define REPL_LINE_MAX 16384

/* Splits `line` into words in place; *words (NULL-terminated, free() it) points into `line`.
 * NULL, or the message of what is wrong with the line (unmatched quote, ...). */
const char *repl_split(char *line, char ***words, int *count);

/* Binds TAB on `el` to completion of command words, symbols and codes. */
void repl_complete_install(EditLine *el);

/* A block pasted at the prompt (repl_paste.c): read_key hands every key to repl_paste_key;
 * repl_paste_started says (once) whether more input was already waiting when the last line
 * ended, which is a paste, not typing. repl_paste_take reads the rest of the paste from the
 * terminal into a temporary file that starts with `first`, rewound, in *block: EXIT_OK, or
 * the status of a reported error (over PASTE_MAX, Ctrl-C, I/O); the paste is read to its end
 * either way. */
void repl_paste_key(wint_t key);
bool repl_paste_started(void);
int repl_paste_take(const char *first, FILE **block);

struct repl_history {
    History *history;
    char *path;        /* NULL: nothing is read or written (--no-history, or no home) */
    bool save_failed;  /* reported once, then silent: history must never stop a session */
};

/* Creates the in-memory history, and when `persist`, loads $XDG_STATE_HOME/slerr/history
 * (creating its directory with mode 0700). 0, or -1 when libedit cannot allocate. */
int repl_history_open(struct repl_history *h, bool persist);
/* Adds a line (without its newline) and rewrites the file, atomically and with mode 0600. */
void repl_history_add(struct repl_history *h, const char *line);
void repl_history_close(struct repl_history *h);

#endif
