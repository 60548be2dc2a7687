/* SPDX-License-Identifier: MIT */
/* infile.h: reads one input (a file, a pipe, a terminal) a chunk at a time with read() into
 * one fixed buffer: memory stays constant whatever the input. */
#ifndef SLERR_CLI_INFILE_H
#define SLERR_CLI_INFILE_H

#include <stdbool.h>

/* The largest pasted block explain takes, from a terminal or after `explain` in a batch file:
 * a block is kept whole before it is read, so it is bounded. */
#define PASTE_MAX ((size_t)64 << 20)

struct infile {
    int fd;
    bool close_fd;
};

/* Opens `path` ("-": standard input). 0, or -1 with errno set. */
int infile_open(struct infile *in, const char *path);

/* The next chunk: its size, 0 at the end, or -1 with errno set. The chunk stays valid until
 * the next call. */
long infile_next(struct infile *in, const unsigned char **chunk);

/* After a paste was refused (too large): reads and drops the rest of it, up to the point where
 * the input has been quiet for PASTE_QUIET_MS or ends, then the terminal's pending input, so
 * that no line of it runs as a command once we return to a prompt or a shell. */
#define PASTE_QUIET_MS 1000
void infile_discard_paste(struct infile *in);

void infile_close(struct infile *in);

#endif
