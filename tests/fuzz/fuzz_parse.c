/* SPDX-License-Identifier: MIT */
/* fuzz_parse.c: slerr_parse, slerr_parse_word and everything that follows a parse (lookup,
 * decode, describe) on arbitrary bytes; checks the invariants that must hold for any input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "slerr.h"

#define MAX_INPUT 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A code that a newer SDK moved is found under both values (entry->aliases). */
static int is_alias(const struct slerr_entry *entry, uint32_t code)
{
    for (size_t i = 0; i < slerr_entry_alias_count(entry); i++)
        if (slerr_entry_alias(entry, i) == code)
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[MAX_INPUT + 1];
    char line[64];
    uint32_t code = 0xDEADBEEFu;
    size_t n = size < MAX_INPUT ? size : MAX_INPUT;
    memcpy(text, data, n);
    text[n] = '\0';
    for (unsigned flags = 0; flags < 8; flags++) {
        size_t start = n + 1, length = n + 1;
        uint32_t in_word = 0xDEADBEEFu;
        if (slerr_parse_word((const char *)data, size, flags, &in_word, &start, &length) != 0) {
            if (in_word != 0xDEADBEEFu || start != n + 1)
                abort(); /* a refused input must leave the outputs alone */
        } else if (length == 0 || start + length > size) {
            abort(); /* the code's text lies within the input */
        }
    }
    if (slerr_parse(text, &code) != 0) {
        if (code != 0xDEADBEEFu)
            abort(); /* a refused input must leave the output alone */
        return 0;
    }
    const struct slerr_entry *entry = slerr_lookup(code);
    if (entry && slerr_entry_code(entry) != code && !is_alias(entry, code))
        abort();
    if (!slerr_message(code))
        abort();
    struct slerr_decoded decoded = SLERR_DECODED_INIT;
    slerr_decode(code, &decoded);
    if (decoded.code != code || decoded.code_field != (code & 0xFFFFu))
        abort();
    int needed = slerr_describe(code, line, sizeof line);
    if (needed < 0 || line[sizeof line - 1 < (size_t)needed ? sizeof line - 1 : (size_t)needed] != '\0')
        abort();
    return 0;
}
