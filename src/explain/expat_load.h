/* SPDX-License-Identifier: MIT */
/* expat_load.h: expat's functions through a table filled when the first XML appears:
 * libexpat.so.1 is loaded then, by its soname, so that explaining text never maps it. */
#ifndef SLERR_EXPLAIN_EXPAT_LOAD_H
#define SLERR_EXPLAIN_EXPAT_LOAD_H

#include <expat.h>

#ifdef SLERR_HAVE_BYTE_INDEX64
#define EX_EXPAT_BYTE_INDEX(X) X(XML_GetCurrentByteIndex64)
#else
#define EX_EXPAT_BYTE_INDEX(X) X(XML_GetCurrentByteIndex)
#endif
#ifdef SLERR_HAVE_REPARSE_DEFERRAL
#define EX_EXPAT_REPARSE(X) X(XML_SetReparseDeferralEnabled)
#else
#define EX_EXPAT_REPARSE(X)
#endif

/* The functions event_xml.c calls, typed from expat.h. */
#define EX_EXPAT_FUNCTIONS(X)                                                                  \
    X(XML_ParserCreate) X(XML_ParserReset) X(XML_ParserFree) X(XML_SetUserData)                \
    X(XML_SetElementHandler) X(XML_SetCharacterDataHandler) X(XML_StopParser) X(XML_Parse)     \
    X(XML_GetBuffer) X(XML_ParseBuffer) X(XML_GetErrorCode) X(XML_ErrorString)                 \
    EX_EXPAT_BYTE_INDEX(X) EX_EXPAT_REPARSE(X)
#define EX_EXPAT_MEMBER(name) __typeof__(name) *(name);

struct ex_expat {
    EX_EXPAT_FUNCTIONS(EX_EXPAT_MEMBER)
};

/* expat, loaded on the first call (once per process, from any thread); NULL when it cannot
 * be, and then *why says why (the loader's message). */
const struct ex_expat *ex_expat_load(const char **why);

#endif
