/* SPDX-License-Identifier: MIT */
/* module.c: finds, loads and checks the command modules (module.h). A module is loaded once
 * and stays loaded; a missing, broken or mismatched one is reported, never a crash. */
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
    if (dir[0] && (access(path, F_OK) == 0 || errno != ENOENT))
        return; /* there, or there but broken (a symbolic link loop ...): report that one */
    snprintf(path, size, "%s/%s.so", SLERR_MODULE_DIR, command);
}

static char failure[PATH_MAX + 256];

const char *module_failure(void)
{
    return failure;
}

/* Reports why `command` is not available, and keeps it for module_failure(). */
__attribute__((format(printf, 2, 3))) static void fail(const char *command, const char *format,
                                                       ...)
{
    va_list ap;
    int n = snprintf(failure, sizeof failure, "%s is not available: ", command);
    va_start(ap, format);
    vsnprintf(failure + n, sizeof failure - (size_t)n, format, ap);
    va_end(ap);
    cli_error("%s", failure);
}

/* Why the file at `fd` (`size` bytes) cannot be a whole module of this machine; NULL when
 * every segment the loader maps lies within it. dlopen maps what the program headers say: a
 * file cut short (a full disk, an interrupted upgrade) would give SIGBUS at the first touch of
 * a page past its end. */
static const char *incomplete(int fd, off_t size)
{
    ElfW(Ehdr) header;
    if (pread(fd, &header, sizeof header, 0) != (ssize_t)sizeof header ||
        memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
        return "not a shared object (no ELF header)";
    if (header.e_phentsize != sizeof(ElfW(Phdr)) || header.e_phnum == 0 ||
        header.e_phoff > (uint64_t)size ||
        (uint64_t)header.e_phnum * sizeof(ElfW(Phdr)) > (uint64_t)size - header.e_phoff)
        return "its program headers are missing: the file is cut short";
    /* Read sixteen at a time: a module has about ten, and a read each was ten system calls
     * at every start of a module command. */
    ElfW(Phdr) segments[16];
    for (unsigned i = 0, n; i < header.e_phnum; i += n) {
        n = header.e_phnum - i < 16 ? header.e_phnum - i : 16;
        size_t bytes = n * sizeof segments[0];
        off_t at = (off_t)(header.e_phoff + i * sizeof segments[0]);
        if (pread(fd, segments, bytes, at) != (ssize_t)bytes)
            return "its program headers cannot be read";
        for (unsigned k = 0; k < n; k++)
            if (segments[k].p_type == PT_LOAD &&
                (segments[k].p_offset > (uint64_t)size ||
                 segments[k].p_filesz > (uint64_t)size - segments[k].p_offset))
                return "a segment lies beyond the end of the file: the file is cut short";
    }
    return NULL;
}

/* NULL when `path` is a regular file that holds a whole module; else why not. Opened without
 * blocking, so that a FIFO in its place cannot hang the program. */
static const char *unusable(const char *path)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return strerror(errno);
    const char *why = fstat(fd, &st) != 0   ? strerror(errno)
                      : !S_ISREG(st.st_mode) ? "not a regular file"
                                             : incomplete(fd, st.st_size);
    close(fd);
    return why;
}

const char *module_check(const char *command, char *path, size_t size)
{
    module_path(command, path, size);
    return unusable(path);
}

/* The module's descriptor after every check; NULL after reporting what is wrong. */
static const struct slerr_module *load(const char *command)
{
    char path[PATH_MAX + 64], symbol[64];
    const char *why = module_check(command, path, sizeof path);
    if (why) {
        fail(command, "%s: %s", path, why);
        return NULL;
    }
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        fail(command, "%s", dlerror());
        return NULL;
    }
    snprintf(symbol, sizeof symbol, "slerr_module_%s", command);
    const struct slerr_module *m = dlsym(handle, symbol);
    if (!m) {
        fail(command, "%s is not a slerr module", path);
    } else if (m->abi != SLERR_MODULE_ABI || !m->version ||
               strcmp(m->version, SLERR_VERSION_STRING) != 0 || !m->run) {
        fail(command, "%s belongs to another slerr (%s, not %s)", path,
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
