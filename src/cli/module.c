/* SPDX-License-Identifier: MIT */
/* module.c: finds, loads and checks the command modules (module.h). A module is loaded once
 * and stays loaded; a missing, broken or mismatched one is reported, never a crash. */
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "module.h"

#ifndef SLERR_MODULE_RELATIVE_DIR
#error "meson defines SLERR_MODULE_RELATIVE_DIR and SLERR_MODULE_DIR"
#endif

/* The directory of the running program, resolved ("" when /proc is missing). */
static void program_dir(char *dir, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", dir, size - 1);
    dir[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir[0] = '\0';
}

/* The module's path: next to a program that runs from its build directory; otherwise where
 * the installation put it relative to the program (so DESTDIR trees work), falling back to
 * the configured absolute directory. */
static void module_path(const char *command, char *path, size_t size)
{
    char dir[PATH_MAX];
    program_dir(dir, sizeof dir);
    /* The build tree, told by a file the build writes next to the program and no
     * installation has (so that no build path is compiled into the program). */
    snprintf(path, size, "%s/module-exports.dynamic", dir);
    if (dir[0] && access(path, F_OK) == 0) {
        snprintf(path, size, "%s/%s.so", dir, command);
        return;
    }
    snprintf(path, size, "%s/%s/%s.so", dir, SLERR_MODULE_RELATIVE_DIR, command);
    if (dir[0] && access(path, F_OK) == 0)
        return;
    snprintf(path, size, "%s/%s.so", SLERR_MODULE_DIR, command);
}

/* The module's descriptor after every check; NULL after reporting what is wrong. */
static const struct slerr_module *load(const char *command)
{
    char path[PATH_MAX + 64], symbol[64];
    module_path(command, path, sizeof path);
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        cli_error("%s is not available: %s", command, dlerror());
        return NULL;
    }
    snprintf(symbol, sizeof symbol, "slerr_module_%s", command);
    const struct slerr_module *m = dlsym(handle, symbol);
    if (!m) {
        cli_error("%s is not available: %s is not a slerr module", command, path);
    } else if (m->abi != SLERR_MODULE_ABI || !m->version ||
               strcmp(m->version, SLERR_VERSION_STRING) != 0 || !m->run) {
        cli_error("%s is not available: %s belongs to another slerr (%s, not %s)", command, path,
                  m->abi == SLERR_MODULE_ABI && m->version ? m->version : "unknown version",
                  SLERR_VERSION_STRING);
        m = NULL;
    }
    if (!m)
        dlclose(handle);
    return m; /* the handle of a good module stays open until the program ends */
}

int module_run(const char *command, int argc, char **argv)
{
    static struct {
        const char *command;
        const struct slerr_module *module;
    } loaded[8];
    size_t i = 0;
    for (; i < sizeof loaded / sizeof loaded[0] && loaded[i].command; i++)
        if (strcmp(loaded[i].command, command) == 0)
            return loaded[i].module->run(argc, argv);
    const struct slerr_module *m = load(command);
    if (!m)
        return EXIT_UNAVAILABLE;
    if (i < sizeof loaded / sizeof loaded[0]) {
        loaded[i].command = command;
        loaded[i].module = m;
    }
    return m->run(argc, argv);
}
