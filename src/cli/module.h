/* SPDX-License-Identifier: MIT */
/* module.h: commands that need a large library (libedit, c-ares, expat) are shared modules
 * loaded on first use, so that a one-shot `slerr CODE` never maps those libraries. */
#ifndef SLERR_CLI_MODULE_H
#define SLERR_CLI_MODULE_H

#include "slerr_version.h" /* SLERR_VERSION_STRING, generated from meson's project version */

/* Raised whenever struct slerr_module or what the program exports to modules changes. */
#define SLERR_MODULE_ABI 1

/* What a module exports, as the symbol "slerr_module_<command>". The module calls back into
 * the program through the functions the executable exports (src/cli/exports.dynamic). */
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

#endif
