/* SPDX-License-Identifier: MIT */
/* normalize.h: the one pass that turns a pasted line into clean text before any reader sees
 * it: Markdown and forum noise removed, full-width forms made ASCII. Lines are neither joined
 * nor split here, so a line keeps its number in the input. */
#ifndef SLERR_EXPLAIN_NORMALIZE_H
#define SLERR_EXPLAIN_NORMALIZE_H

#include <stddef.h>

/* Normalizes one line (UTF-8, line end removed) in place and returns its new length:
 * - quote markers ("> ", ">> ") and a code fence line (``` or ~~~, with or without a
 *   language) go; so do backticks, "**" and "__" (bold), a bullet ("- ", "* ", "+ ", "• ",
 *   "· ") or list number ("1. ", "12) ") opening the line, and trailing blanks of a Markdown
 *   line break (two or more);
 * - full-width ASCII forms (U+FF01-FF5E: "：", "０"-"９") become ASCII, the ideographic and
 *   no-break spaces a space; zero-width spaces and stray byte-order marks go.
 * Indentation stays (PowerShell continues a long value on an indented line). */
size_t ex_normalize(char *text, size_t len);

#endif
