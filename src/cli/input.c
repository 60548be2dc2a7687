/* input.c: chunked reading of one input, mapped for regular files so that the bytes are never
 * copied, read() into a fixed buffer otherwise. */
#define _DEFAULT_SOURCE /* MAP_POPULATE */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input.h"
#include "interrupt.h"

#define WINDOW_SIZE ((size_t)1 << 20) /* mapped at a time: the resident set stays small */
#define READ_SIZE (256 * 1024)

static struct input *watched; /* the one input a SIGBUS can concern */

static void on_sigbus(int signal_number)
{
    if (watched && watched->mapped)
        siglongjmp(watched->shrunk, 1);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static void watch(struct input *in)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigbus;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, NULL);
    watched = in;
}

int input_open(struct input *in, const char *path)
{
    struct stat st;
    memset(in, 0, sizeof *in);
    if (strcmp(path, "-") == 0) {
        in->fd = STDIN_FILENO;
    } else {
        in->fd = open(path, O_RDONLY);
        if (in->fd < 0)
            return -1;
        in->close_fd = true;
    }
    if (fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        in->mapped = true;
        in->size = (uint64_t)st.st_size;
        in->offset = (uint64_t)lseek(in->fd, 0, SEEK_CUR); /* stdin may be partly read */
        if ((off_t)in->offset < 0 || in->offset % (uint64_t)sysconf(_SC_PAGESIZE) != 0)
            in->mapped = false;
    }
    if (in->mapped)
        watch(in);
    return 0;
}

static void unmap_window(struct input *in)
{
    if (in->window)
        munmap(in->window, in->window_size);
    in->window = NULL;
}

static long next_window(struct input *in, const unsigned char **chunk)
{
    unmap_window(in);
    if (in->offset >= in->size) {
        /* Whatever was appended since the file was opened is read as from a pipe. */
        in->mapped = false;
        if (lseek(in->fd, (off_t)in->offset, SEEK_SET) < 0)
            return -1;
        return input_next(in, chunk);
    }
    size_t size = in->size - in->offset < WINDOW_SIZE ? (size_t)(in->size - in->offset)
                                                      : WINDOW_SIZE;
    void *window = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, in->fd,
                        (off_t)in->offset);
    if (window == MAP_FAILED) {
        in->size = in->offset; /* carry on with read() from here */
        return next_window(in, chunk);
    }
    madvise(window, size, MADV_SEQUENTIAL);
    in->window = window;
    in->window_size = size;
    in->offset += size;
    *chunk = window;
    return (long)size;
}

/* With the REPL's Ctrl-C handler installed, waits until the input is readable or Ctrl-C was
 * pressed (true). Polling the handler's pipe along with the input cannot miss a Ctrl-C that
 * comes just before a read() would have blocked, as EINTR alone can. */
static bool interrupted_while_waiting(int fd)
{
    struct pollfd fds[2] = { { fd, POLLIN, 0 }, { interrupt_fd(), POLLIN, 0 } };
    if (fds[1].fd < 0)
        return false;
    while (!interrupt_requested()) {
        int ready = poll(fds, 2, -1);
        if (ready > 0 && fds[1].revents)
            return true;
        if (ready > 0)
            return false;
        if (ready < 0 && errno != EINTR)
            return false; /* let read() report the problem */
    }
    return true;
}

long input_next(struct input *in, const unsigned char **chunk)
{
    static unsigned char buffer[READ_SIZE];
    if (in->mapped)
        return next_window(in, chunk);
    *chunk = buffer;
    for (;;) {
        if (interrupted_while_waiting(in->fd))
            return 0; /* Ctrl-C in the REPL ends input from the terminal, as Ctrl-D does */
        ssize_t got = read(in->fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        return (long)got;
    }
}

void input_close(struct input *in)
{
    unmap_window(in);
    if (in->close_fd)
        close(in->fd);
    if (watched == in)
        watched = NULL;
    in->fd = -1;
}
