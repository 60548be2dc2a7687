/* SPDX-License-Identifier: MIT */
/* input.h: reads one input (a file, a pipe, a terminal) a chunk at a time with read() into
 * one fixed buffer: memory stays constant whatever the input. */
#ifndef SLERR_CLI_INPUT_H
#define SLERR_CLI_INPUT_H

#include <stdbool.h>

struct input {
    int fd;
    bool close_fd;
};

/* Opens `path` ("-": standard input). 0, or -1 with errno set. */
int input_open(struct input *in, const char *path);

/* The next chunk: its size, 0 at the end, or -1 with errno set. The chunk stays valid until
 * the next call. */
long input_next(struct input *in, const unsigned char **chunk);

void input_close(struct input *in);

#endif
