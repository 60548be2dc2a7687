/* input.h: reads one input a chunk at a time: a regular file through a small moving memory
 * map (no copy), anything else (pipes, terminals) with read(). Memory stays constant. */
#ifndef SLERR_CLI_INPUT_H
#define SLERR_CLI_INPUT_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct input {
    int fd;
    bool close_fd;
    bool mapped;
    uint64_t size;  /* mapped files: size when opened */
    uint64_t offset; /* mapped files: where the next window starts */
    void *window;
    size_t window_size;
    sigjmp_buf shrunk; /* where input_guard() returns when a mapped file shrinks under us */
};

/* Opens `path` ("-": standard input). 0, or -1 with errno set. */
int input_open(struct input *in, const char *path);

/* The next chunk: its size, 0 at the end, or -1 with errno set. The chunk stays valid until
 * the next call. */
long input_next(struct input *in, const unsigned char **chunk);

void input_close(struct input *in);

/* Use as `if (input_guard(in)) ...` in the function that reads and uses the chunks, before the
 * first input_next(): it gives 0, and gives 1 again if the file is truncated while mapped
 * (touching the vanished pages would otherwise kill the program with SIGBUS). */
#define input_guard(in) sigsetjmp((in)->shrunk, 1)

#endif
