/* SPDX-License-Identifier: MIT */
/* code.h: the one way explain reads a code from a field: libslerr's slerr_parse_word, the
 * parser the program's lookup words use too, so `Error: 80070005` is 0x80070005 here as in
 * `slerr 80070005`; decimal only in fields that Windows writes in decimal (LicenseStatusReason
 * and the like); an event's result as the HRESULT written. */
#ifndef SLERR_EXPLAIN_CODE_H
#define SLERR_EXPLAIN_CODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The code at the start of text (its first word, with the punctuation and "hr=" around it
 * that slerr_parse_word skips; the rest of the value is ignored). `decimal`: the field is written in decimal (3221549172, or
 * -1073418124), so digits are read as a decimal number. */
bool ex_code_parse(const char *text, size_t len, bool decimal, uint32_t *code);
/* An event value that is a result as Windows writes it there ("0x0", "0xC004F074",
 * "hr=0x80070005"), the whole value, read as the HRESULT written (SLERR_PARSE_HRESULT). */
bool ex_event_code(const char *value, uint32_t *code);
/* A code of the licensing service itself (slerror.h's, an SL_ symbol): activation evidence
 * wherever it stands. */
bool ex_activation_code(uint32_t code);
struct slerr_entry;
/* The same for an entry at hand (NULL: false), without looking its code up again. */
bool ex_activation_entry(const struct slerr_entry *e);
/* Whether a line may hold a code in a form libslerr's scanner knows ("0x", eight hex digits
 * not in a GUID, eight to ten decimal digits): a cheap superset, for the fallback (whose
 * scanner costs milliseconds to make) and for the readers that leave a code's line to it. */
bool ex_may_hold_code(const char *text, size_t len);
/* A Win32 error code written in decimal where the tool that printed it says it is one (sc's
 * "[SC] StartService FAILED 577:", net's "System error 5 has occurred."): 1 to 5 digits
 * filling text, 1 to 65535, read by libslerr's parser as it reads a short decimal
 * (HRESULT_FROM_WIN32: 577 is 0x80070241). */
bool ex_win32_decimal(const char *text, size_t len, uint32_t *code);
/* A code in our spelling, "0xC004F074". */
void ex_code_text(uint32_t code, char out[11]);

#endif
