/* SPDX-License-Identifier: MIT */
/* scan-internal.h: a hook for libslerr's own tests, not part of the API (the shared library
 * does not export it): makes a scanner take one particular block path, so that the tests run
 * the SSE2 and portable paths even on a CPU that would pick AVX2. */
#ifndef SLERR_SCAN_INTERNAL_H
#define SLERR_SCAN_INTERNAL_H

#include "slerr.h"

/* `name`: "avx2", "sse2" or "table". 0, or -1 when this build or CPU lacks that path. */
int slerr__scanner_use_path(struct slerr_scanner *scanner, const char *name);

#endif
