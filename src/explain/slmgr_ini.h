/* SPDX-License-Identifier: MIT */
/* slmgr_ini.h: reads a Windows slmgr.ini (the strings slmgr.vbs prints in one display
 * language) into rows of the label and state tables, so any language Windows ships reads. */
#ifndef SLERR_EXPLAIN_SLMGR_INI_H
#define SLERR_EXPLAIN_SLMGR_INI_H

#include <stddef.h>

#include "record.h"

/* Reads the whole file `bytes` (UTF-16LE as Windows ships it, or UTF-8; BOM or not): each
 * `L_MsgName = "text"` line whose name the table in slmgr_ini.c knows becomes label, phrase
 * or state rows of language `lang`. *added (when not NULL) is the number of rows added.
 * EX_OK; EX_MALFORMED when no known string was found (not an slmgr.ini); EX_NOMEM. */
enum ex_status ex_slmgr_ini_load(const void *bytes, size_t size, const char *lang, size_t *added);

#endif
