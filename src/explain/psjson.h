/* SPDX-License-Identifier: MIT */
/* psjson.h: one member line of the JSON that PowerShell's ConvertTo-Json prints (one member a
 * line: `"Name":  "value",` in 5.1, `"Name": value` in 7), read line by line, so that a paste
 * cut at 80 columns or quoted is read as well as a whole file. */
#ifndef SLERR_EXPLAIN_PSJSON_H
#define SLERR_EXPLAIN_PSJSON_H

#include <stdbool.h>
#include <stddef.h>

/* The member's name and value (string unquoted and unescaped; null as ""), each cut to its
 * buffer; false when the line is no `"name": value` member. */
bool ex_psjson_member(const char *text, size_t len, char *name, size_t nsize, char *value,
                      size_t vsize);

/* The rest of a string value cut at the console's width: the text without its closing `",`. */
size_t ex_psjson_continuation(const char *text, size_t len);

#endif
