/* SPDX-License-Identifier: MIT */
/* status.c: the words for the statuses that the library's functions return. */
#include "slerr.h"

const char *slerr_strerror(enum slerr_status status)
{
    switch (status) {
    case SLERR_OK: return "no error";
    case SLERR_E_ARGUMENT: return "invalid argument (a NULL pointer or a size too small)";
    case SLERR_E_NOT_A_CODE: return "not an error code (expected 0xC004F038, C004F038, a decimal or a symbol)";
    case SLERR_E_UNKNOWN_SYMBOL: return "no code of the catalog has this symbol";
    case SLERR_E_UNKNOWN_KIND: return "not a kind of entry (expected code, event, symptom or setting)";
    case SLERR_E_QUERY_EMPTY: return "the query has no word";
    case SLERR_E_QUERY_TOO_MANY_WORDS: return "the query has more than 16 words";
    case SLERR_E_QUERY_WORD_TOO_LONG: return "a word of the query is longer than 64 characters";
    }
    return "unknown status";
}
