/* SPDX-License-Identifier: MIT */
/* cmd_setting.c: `slerr setting NAME...`: a KMS registry value, its type, default and effect. */
#include "cli.h"
#include "entry_command.h"

const char setting_usage[] =
    "Usage: slerr setting [--json] [--color=WHEN] [NAME...]\n"
    "\n"
    "Shows the registry values that govern KMS (KeyManagementServiceName, VLRenewalInterval,\n"
    "...): where they live, their type, default and effect. Names in any case. Without a\n"
    "NAME, lists them all.\n"
    "\n"
    "Options:\n"
    "  -j, --json          JSON Lines: one object per entry\n"
    "      --color=WHEN    auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 all names known, 1 a name is not in the catalog, 2 usage error,\n"
    "3 output not written (every status: slerr --help).\n";

int cmd_setting(int argc, char **argv)
{
    return entry_command_run(SLERR_KIND_SETTING, setting_usage, argc, argv);
}
