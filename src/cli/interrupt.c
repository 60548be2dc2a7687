/* SPDX-License-Identifier: MIT */
/* interrupt.c: the SIGINT flag behind interrupt.h, plus a self-pipe so that poll() wakes up.
 * The only mutable globals of the program live here because a signal handler can reach
 * nothing else. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <unistd.h>

#include "interrupt.h"

static volatile sig_atomic_t interrupted;
static int wake_pipe[2] = { -1, -1 };
static unsigned install_depth;
static struct sigaction previous;

static void on_sigint(int signo)
{
    int saved = errno;
    (void)signo;
    interrupted = 1;
    if (write(wake_pipe[1], "", 1) < 0) {
        /* full pipe: it is readable already, which is all a poller needs */
    }
    errno = saved;
}

static int open_wake_pipe(void)
{
    if (pipe(wake_pipe) != 0)
        return -1;
    for (int i = 0; i < 2; i++) {
        if (fcntl(wake_pipe[i], F_SETFL, O_NONBLOCK) != 0 ||
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC) != 0) {
            close(wake_pipe[0]);
            close(wake_pipe[1]);
            wake_pipe[0] = wake_pipe[1] = -1;
            return -1;
        }
    }
    return 0;
}

int interrupt_install(void)
{
    if (install_depth > 0) {
        install_depth++;
        return 0;
    }
    if (open_wake_pipe() != 0)
        return -1;
    struct sigaction action = { .sa_handler = on_sigint };
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: Ctrl-C must break a blocking call, not wait for it */
    interrupted = 0;
    if (sigaction(SIGINT, &action, &previous) != 0) {
        int saved = errno;
        close(wake_pipe[0]);
        close(wake_pipe[1]);
        wake_pipe[0] = wake_pipe[1] = -1;
        errno = saved;
        return -1;
    }
    install_depth = 1;
    return 0;
}

void interrupt_uninstall(void)
{
    if (install_depth == 0 || --install_depth > 0)
        return;
    sigaction(SIGINT, &previous, NULL);
    close(wake_pipe[0]);
    close(wake_pipe[1]);
    wake_pipe[0] = wake_pipe[1] = -1;
}

bool interrupt_requested(void)
{
    return interrupted != 0;
}

void interrupt_clear(void)
{
    interrupted = 0;
    if (wake_pipe[0] < 0)
        return;
    char drain[64];
    ssize_t got;
    do /* the pipe is non-blocking: read until it is empty */
        got = read(wake_pipe[0], drain, sizeof drain);
    while (got > 0);
}

int interrupt_fd(void)
{
    return wake_pipe[0];
}
