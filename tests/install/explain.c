/* SPDX-License-Identifier: MIT */
/* explain.c: the example program of libslerr(3), built by the install test against the
 * installed library through pkg-config; test_install.py checks it matches the man page. */
#include <stdio.h>
#include <slerr.h>

int main(int argc, char **argv)
{
    char line[512];
    uint32_t code;

    if (argc != 2 || slerr_parse(argv[1], &code) != 0) {
        fprintf(stderr, "usage: explain CODE\n");
        return 2;
    }
    if (slerr_describe(code, line, sizeof line) >= (int)sizeof line)
        fprintf(stderr, "(explanation truncated)\n");
    printf("%s\n", line);
    return slerr_lookup(code) ? 0 : 1;
}
