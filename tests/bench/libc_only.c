/* SPDX-License-Identifier: MIT */
/* libc_only.c: the baseline of linked.py: the same one line of output, from libc alone. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    return printf("0x%08X: %s\n", 2u, strerror(2)) < 0;
}
