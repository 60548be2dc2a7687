/* SPDX-License-Identifier: MIT */
/* dl_table.c: loads a library by its soname and fills a table of its functions (dl_table.h). */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "dl_table.h"

void *ex_dl_table(const char *soname, int flags, const struct ex_dl_symbol *symbols, size_t n,
                  void *table, char *error, size_t size)
{
    void *handle = dlopen(soname, flags);
    if (!handle) {
        const char *why = dlerror(); /* it names the file */
        if (why)
            snprintf(error, size, "%s", why);
        else
            snprintf(error, size, "%s cannot be loaded", soname);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        void *symbol = dlsym(handle, symbols[i].name);
        if (!symbol) {
            snprintf(error, size, "%s has no %s", soname, symbols[i].name);
            dlclose(handle);
            return NULL;
        }
        /* memcpy: ISO C has no conversion from dlsym's object pointer to a function pointer. */
        memcpy((char *)table + symbols[i].offset, &symbol, sizeof symbol);
    }
    return handle;
}
