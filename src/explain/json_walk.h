/* SPDX-License-Identifier: MIT */
/* json_walk.h: checks a whole JSON text (RFC 8259) held in memory and hands each scalar value
 * on with the names of the members it sits in, in one pass and bounded nesting. For JSON
 * that arrives whole and small (a licence decoded from base64); PowerShell's line-by-line
 * ConvertTo-Json output goes through psjson.h instead. */
#ifndef SLERR_EXPLAIN_JSON_WALK_H
#define SLERR_EXPLAIN_JSON_WALK_H

#include <stddef.h>

#define EX_JSON_NAME_MAX 64    /* member names longer than this are cut */
#define EX_JSON_DEPTH_MAX 32

/* A scalar: `name` is the member it is the value of (for an array's element, the array's
 * member), `outer` the member around that ("" at the top); `value` is the string unescaped
 * (UTF-8, cut to `vsize` - 1 bytes), a number or true/false as written, "" for null. */
typedef void (*ex_json_fn)(void *ctx, const char *outer, const char *name, const char *value);

/* 0 when `text` is one valid JSON value (blanks around it allowed); otherwise -1 and *why
 * says what is wrong and *at the byte offset. */
int ex_json_walk(const char *text, size_t len, ex_json_fn fn, void *ctx, const char **why,
                 size_t *at);

#endif
