/* SPDX-License-Identifier: MIT */
/* module.h: commands that need a large library (libedit, c-ares, expat) are shared modules
 * loaded on first use, so that a one-shot `slerr CODE` never maps those libraries. */
#ifndef SLERR_CLI_MODULE_H
#define SLERR_CLI_MODULE_H

#include "slerr_version.h" /* SLERR_VERSION_STRING, generated from meson's project version */

/* SLERR_MODULE_ABI: a hash of what the program gives modules (module-exports.txt and the
 * headers declaring it), made at build time by module-interface.py: it changes by itself. */
#include "module_abi.h"

/* What a module exports, as the symbol "slerr_module_<command>". The module calls back into
 * the program through the functions the executable exports (module-exports.txt, and
 * libslerr's public API). */
struct slerr_module {
    unsigned abi;           /* SLERR_MODULE_ABI of the module's build */
    const char *version;    /* SLERR_VERSION_STRING: a module of another build is refused */
    int (*run)(int argc, char **argv); /* the command, as a dispatcher entry: argv[0] its name */
};

#define SLERR_MODULE_EXPORT __attribute__((visibility("default")))

/* Runs `command` (argv[0] is its name) from the module of the same name: next to the program
 * in the build tree, else in LIBDIR/slerr/ of the installation. Returns the command's status,
 * or EXIT_UNAVAILABLE after reporting why the module could not be loaded. */
int module_run(const char *command, int argc, char **argv);

/* Where the module of `command` is (in `path`), and NULL when that file holds a whole module
 * (a regular file, every segment within it); else why not. Nothing is loaded. */
const char *module_check(const char *command, char *path, size_t size);

/* After EXIT_UNAVAILABLE from module_run: the reason it gave ("diagnose is not available:
 * ..."); "" before any. */
const char *module_failure(void);

#endif
