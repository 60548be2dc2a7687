/* SPDX-License-Identifier: MIT */
/* repl_paste.c: a block pasted at the REPL prompt. libedit knows no bracketed paste, so a paste
 * is told from typing by its lines arriving at once: more input already waits when a line ends.
 * The rest of the paste is then read straight from the terminal, bounded as every paste is. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "infile.h"
#include "repl.h"

static bool more_waiting; /* input was waiting when the line being edited ended */

static bool input_waiting(void)
{
    struct pollfd fd = { STDIN_FILENO, POLLIN, 0 };
    return poll(&fd, 1, 0) > 0 && (fd.revents & POLLIN);
}

void repl_paste_key(wint_t key)
{
    if (key == L'\r' || key == L'\n')
        more_waiting = input_waiting();
}

bool repl_paste_started(void)
{
    bool started = more_waiting;
    more_waiting = false;
    return started;
}

/* Writes what the terminal sends until it stays quiet (PASTE_QUIET_MS, infile.h's measure of
 * the end of a paste: a terminal delivers one in quick pieces), CR made LF, to block (when not NULL);
 * over PASTE_MAX the rest is still read (so that none of it runs as commands) but not kept. */
static int read_rest(FILE *block, size_t *total)
{
    char piece[8192];
    struct pollfd fd = { STDIN_FILENO, POLLIN, 0 };
    for (;;) {
        int ready = poll(&fd, 1, PASTE_QUIET_MS);
        if (ready < 0 && errno == EINTR)
            return EXIT_USAGE; /* Ctrl-C abandons the paste, as it does an explain block */
        if (ready <= 0 || !(fd.revents & POLLIN))
            return EXIT_OK;
        ssize_t n = read(STDIN_FILENO, piece, sizeof piece);
        if (n <= 0)
            return n < 0 && errno != EINTR ? EXIT_IO : EXIT_OK;
        for (ssize_t i = 0; i < n; i++)
            if (piece[i] == '\r')
                piece[i] = '\n';
        *total += (size_t)n;
        if (block && *total <= PASTE_MAX && fwrite(piece, 1, (size_t)n, block) != (size_t)n)
            return EXIT_IO;
    }
}

int repl_paste_take(const char *first, FILE **out)
{
    FILE *block = tmpfile();
    size_t total = strlen(first) + 1;
    struct termios cooked, raw;
    bool terminal = tcgetattr(STDIN_FILENO, &cooked) == 0;
    *out = NULL;
    /* The line editor has given the terminal back in line mode: read the rest byte-wise. */
    raw = cooked;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_cc[VMIN] = 1; /* in line mode these slots may hold other characters */
    raw.c_cc[VTIME] = 0;
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    int status = block ? EXIT_OK : EXIT_IO;
    if (block && fprintf(block, "%s\n", first) < 0)
        status = EXIT_IO;
    int rest = read_rest(block, &total); /* read to its end even when it cannot be kept */
    if (status == EXIT_OK)
        status = rest;
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSANOW, &cooked);
    if (status == EXIT_OK && total > PASTE_MAX) {
        cli_error("the pasted text is larger than %zu MiB: it was discarded", PASTE_MAX >> 20);
        status = EXIT_USAGE;
    } else if (status == EXIT_USAGE) {
        cli_error("paste abandoned");
    } else if (status == EXIT_OK && (fflush(block) != 0 || fseek(block, 0, SEEK_SET) != 0)) {
        status = EXIT_IO;
    }
    if (status == EXIT_IO)
        cli_error("cannot keep the pasted text: %s", strerror(errno));
    if (status != EXIT_OK) {
        if (block)
            fclose(block);
        return status;
    }
    *out = block;
    return EXIT_OK;
}
