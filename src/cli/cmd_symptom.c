/* SPDX-License-Identifier: MIT */
/* cmd_symptom.c: `slerr symptom NAME...`: a problem without an error code, its cause and steps. */
#include "cli.h"
#include "entry_command.h"

const char symptom_usage[] =
    "Usage: slerr symptom [--json] [--color=WHEN] [NAME...]\n"
    "\n"
    "Shows problems that come without an error code (\"clients are not adding to the KMS\n"
    "count\", ...): what is seen, why, and the steps. Without a NAME, lists them all;\n"
    "`slerr search WORDS` finds one by its words.\n"
    "\n"
    "Options:\n"
    "  -j, --json          JSON Lines: one object per entry\n"
    "      --color=WHEN    auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 all names known, 1 a name is not in the catalog, 2 usage error,\n"
    "3 output not written (every status: slerr --help).\n";

int cmd_symptom(int argc, char **argv)
{
    return entry_command_run(SLERR_KIND_SYMPTOM, symptom_usage, argc, argv);
}
