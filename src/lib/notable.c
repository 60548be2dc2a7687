/* SPDX-License-Identifier: MIT */
/* notable.c: which codes found in text are news to a reader (the rule annotate and explain
 * share): failures the catalog knows, and informational codes that concern activation. */
#include <string.h>

#include "slerr.h"

int slerr_notable(uint32_t code)
{
    const struct slerr_entry *e = slerr_lookup(code);
    if (!e)
        return 0;
    if (code & 0x80000000u)
        return 1;
    return code != 0 && (slerr_entry_cause(e) || slerr_entry_remedy(e) || (slerr_entry_source(e) && !strcmp(slerr_entry_source(e), "slerror.h")));
}
