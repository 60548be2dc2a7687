/* SPDX-License-Identifier: MIT */
/* fuzz_symbol.c: symbol lookup and "did you mean" on arbitrary bytes, including very long
 * inputs and bytes above 0x7F that case folding must not trip over. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "slerr.h"

#define MAX_INPUT 512

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[MAX_INPUT + 1];
    size_t n = size < MAX_INPUT ? size : MAX_INPUT;
    memcpy(text, data, n);
    text[n] = '\0';
    const struct slerr_entry *entry = slerr_lookup_symbol(text);
    if (entry && (!slerr_entry_symbol(entry) || strlen(slerr_entry_symbol(entry)) != strlen(text)))
        abort();
    const struct slerr_entry *guess = slerr_suggest_symbol(text);
    if (guess && !slerr_entry_symbol(guess))
        abort();
    return 0;
}
