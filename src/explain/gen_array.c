/* SPDX-License-Identifier: MIT */
/* gen_array.c: the index generator's output, an index as a C array that a table's file
 * includes. */
#include "gen_index.h"

static void array_start(FILE *out, const char *type, const char *name, size_t n)
{
    fprintf(out, "static const %s %s[%zu] = {", type, name, n);
}

void gen_array16(FILE *out, const char *name, const uint16_t *values, size_t n)
{
    array_start(out, "uint16_t", name, n);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%u,", i % 16 == 0 ? "\n    " : " ", values[i]);
    fputs("\n};\n", out);
}

void gen_array8(FILE *out, const char *name, const uint8_t *values, size_t n)
{
    array_start(out, "uint8_t", name, n);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%u,", i % 16 == 0 ? "\n    " : " ", values[i]);
    fputs("\n};\n", out);
}
