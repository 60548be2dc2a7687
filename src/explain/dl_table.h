/* SPDX-License-Identifier: MIT */
/* dl_table.h: a library loaded by its soname when an input first needs it (expat for XML,
 * libevtx for .evtx files), its functions found into a table of typed pointers, so that a run
 * that reads text never maps it. */
#ifndef SLERR_EXPLAIN_DL_TABLE_H
#define SLERR_EXPLAIN_DL_TABLE_H

#include <stddef.h>

/* One function of the table: its name in the library, where its pointer is in the table. */
struct ex_dl_symbol {
    const char *name;
    size_t offset;
};
#define EX_DL_SYMBOL(table_type, name) {#name, offsetof(table_type, name)},

/* Loads `soname` (dlopen `flags`) and fills the pointer of each of the `n` symbols in `table`.
 * Returns the handle; NULL when the library cannot be loaded or lacks one of them, and then
 * `error` says why (the loader's message, or the function it has not). */
void *ex_dl_table(const char *soname, int flags, const struct ex_dl_symbol *symbols, size_t n,
                  void *table, char *error, size_t size);

#endif
