/* SPDX-License-Identifier: MIT */
/* fuzz_resolvconf.c: the resolv.conf reader on arbitrary text (long lines, NUL bytes, no newline). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "resolvconf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct resolv_facts facts;
    memset(&facts, 0xA5, sizeof facts); /* the parser must set everything it reports */
    resolvconf_parse((const char *)data, size, &facts);
    if (memchr(facts.domain, '\0', sizeof facts.domain) == NULL)
        abort(); /* the domain is used as a C string */
    if (facts.nameservers > size)
        abort();
    return 0;
}
