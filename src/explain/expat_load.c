/* SPDX-License-Identifier: MIT */
/* expat_load.c: loads libexpat.so.1 once, when the first XML appears (expat_load.h). Binding it
 * when the explain module loaded cost every run, most of which read text only. */
#include <dlfcn.h>
#include <pthread.h>

#include "dl_table.h"
#include "expat_load.h"

/* expat's ABI is its soname (libexpat1 in Debian 12 and 13). */
#define LIBEXPAT_SONAME "libexpat.so.1"

#define EX_EXPAT_SYMBOL(name) EX_DL_SYMBOL(struct ex_expat, name)
static const struct ex_dl_symbol symbols[] = {EX_EXPAT_FUNCTIONS(EX_EXPAT_SYMBOL)};

static struct ex_expat expat;
static void *handle; /* NULL: not loaded (error says why) */
static char error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Kept loaded until the process ends: later inputs find it mapped and bound. */
static void load(void)
{
    handle = ex_dl_table(LIBEXPAT_SONAME, RTLD_LAZY | RTLD_LOCAL | RTLD_NODELETE, symbols,
                         sizeof symbols / sizeof symbols[0], &expat, error, sizeof error);
}

const struct ex_expat *ex_expat_load(const char **why)
{
    pthread_once(&once, load);
    if (!handle && why)
        *why = error;
    return handle ? &expat : NULL;
}
