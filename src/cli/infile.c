/* SPDX-License-Identifier: MIT */
/* infile.c: chunked reading of one input with read() into one fixed buffer, for files, pipes
 * and terminals alike: a file that shrinks or grows while it is read is an ordinary short read. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "infile.h"
#include "interrupt.h"

/* Big enough that the system calls cost little, small enough to stay in the L2 cache
 * while the scanner and the writer go over it. */
#define READ_SIZE (256 * 1024)

int infile_open(struct infile *in, const char *path)
{
    memset(in, 0, sizeof *in);
    if (strcmp(path, "-") == 0) {
        in->fd = STDIN_FILENO;
        /* A terminal is read through a description of its own that does not block: Ctrl-C
         * flushes the terminal's queue, and a read() begun after poll() saw a line would then
         * wait for the next one, the Ctrl-C already spent. (The shell's description of the
         * terminal stays as it is.) */
        const char *tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) : NULL;
        int fd = tty ? open(tty, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) : -1;
        if (fd >= 0)
            in->fd = fd, in->close_fd = true;
        return 0;
    }
    in->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (in->fd < 0)
        return -1;
    in->close_fd = true;
#ifdef POSIX_FADV_SEQUENTIAL
    (void)posix_fadvise(in->fd, 0, 0, POSIX_FADV_SEQUENTIAL); /* a hint: larger read-ahead */
#endif
    return 0;
}

/* With the REPL's Ctrl-C handler installed, waits until the input is readable or Ctrl-C was
 * pressed (true). Polling the handler's pipe along with the input cannot miss a Ctrl-C that
 * comes just before a read() would have blocked, as EINTR alone can. */
static bool interrupted_while_waiting(int fd)
{
    struct pollfd fds[2] = { { fd, POLLIN, 0 }, { interrupt_fd(), POLLIN, 0 } };
    nfds_t n = fds[1].fd < 0 ? 1 : 2; /* without the handler, Ctrl-C ends the program */
    while (n == 1 || !interrupt_requested()) {
        int ready = poll(fds, n, -1);
        if (ready > 0 && fds[1].revents)
            return true;
        if (ready > 0)
            return false;
        if (ready < 0 && errno != EINTR)
            return false; /* let read() report the problem */
    }
    return true;
}

long infile_next(struct infile *in, const unsigned char **chunk)
{
    static unsigned char buffer[READ_SIZE];
    *chunk = buffer;
    for (;;) {
        if (interrupted_while_waiting(in->fd))
            return 0; /* Ctrl-C in the REPL ends input from the terminal, as Ctrl-D does */
        ssize_t got = read(in->fd, buffer, sizeof buffer);
        if (got < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
            continue; /* a signal, or what poll() saw is gone (flushed): wait again */
        return (long)got;
    }
}

void infile_discard_paste(struct infile *in)
{
    static unsigned char sink[READ_SIZE];
    struct pollfd fds[2] = { { in->fd, POLLIN, 0 }, { interrupt_fd(), POLLIN, 0 } };
    for (;;) {
        int ready = poll(fds, fds[1].fd >= 0 ? 2 : 1, PASTE_QUIET_MS);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0 || (fds[1].fd >= 0 && fds[1].revents))
            break; /* quiet for a while: the paste has ended (or Ctrl-C, or an error) */
        ssize_t got = read(in->fd, sink, sizeof sink);
        if (got < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (got <= 0)
            break;
    }
    if (isatty(in->fd))
        (void)tcflush(in->fd, TCIFLUSH); /* what the terminal holds but did not hand over yet */
}

void infile_close(struct infile *in)
{
    if (in->close_fd)
        close(in->fd);
    in->fd = -1;
}
