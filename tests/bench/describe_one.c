/* SPDX-License-Identifier: MIT */
/* describe_one.c: a program that embeds libslerr as other tools do, linked with libslerr.so,
 * and prints one code's line: what linked.py times against libc_only.c. */
#include <stdio.h>

#include "slerr.h"

int main(void)
{
    char line[512];
    slerr_describe(0xC004F038u, line, sizeof line);
    return puts(line) < 0;
}
