/* SPDX-License-Identifier: MIT */
/* main.c: the slerr program's entry point; everything else is in the dispatcher. */
#include "cli.h"

int main(int argc, char **argv)
{
    return dispatch_run(argc, argv);
}
