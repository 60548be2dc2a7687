/* interrupt.c: the SIGINT flag behind interrupt.h. The only mutable globals of the program live
 * here because a signal handler can reach nothing else. */
#include <signal.h>
#include <stddef.h>

#include "interrupt.h"

static volatile sig_atomic_t interrupted;
static unsigned install_depth;
static struct sigaction previous;

static void on_sigint(int signo)
{
    (void)signo;
    interrupted = 1;
}

int interrupt_install(void)
{
    if (install_depth > 0) {
        install_depth++;
        return 0;
    }
    struct sigaction action = { .sa_handler = on_sigint };
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: Ctrl-C must break a blocking call, not wait for it */
    if (sigaction(SIGINT, &action, &previous) != 0)
        return -1;
    interrupted = 0;
    install_depth = 1;
    return 0;
}

void interrupt_uninstall(void)
{
    if (install_depth == 0 || --install_depth > 0)
        return;
    sigaction(SIGINT, &previous, NULL);
}

bool interrupt_requested(void)
{
    return interrupted != 0;
}

void interrupt_clear(void)
{
    interrupted = 0;
}
