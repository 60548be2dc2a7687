/* SPDX-License-Identifier: MIT */
/* infile.h: reads one input (a file, a pipe, a terminal) a chunk at a time with read() into
 * one fixed buffer: memory stays constant whatever the input. */
#ifndef SLERR_CLI_INFILE_H
#define SLERR_CLI_INFILE_H

#include <stdbool.h>

struct infile {
    int fd;
    bool close_fd;
};

/* Opens `path` ("-": standard input). 0, or -1 with errno set. */
int infile_open(struct infile *in, const char *path);

/* The next chunk: its size, 0 at the end, or -1 with errno set. The chunk stays valid until
 * the next call. */
long infile_next(struct infile *in, const unsigned char **chunk);

void infile_close(struct infile *in);

#endif
