/* SPDX-License-Identifier: MIT */
/* cmd_event.c: `slerr event ID...`: what an activation event records and how to read it.
 * Events have a command of their own because `slerr 12290` means Win32 error 12290. */
#include "cli.h"
#include "entry_command.h"

const char event_usage[] =
    "Usage: slerr event [--json] [--color=WHEN] [ID...]\n"
    "\n"
    "Shows what each activation event records (12288, 12289, 12290, 12293, ...), where it\n"
    "is logged and how to read its fields. Without an ID, lists the events the catalog knows.\n"
    "(`slerr 12290` is the Win32 error 12290; events need this command.)\n"
    "\n"
    "Options:\n"
    "  -j, --json          JSON Lines: one object per entry\n"
    "      --color=WHEN    auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 all events known, 1 an event is not in the catalog, 2 usage error,\n"
    "3 output not written (every status: slerr --help).\n";

int cmd_event(int argc, char **argv)
{
    return entry_command_run(SLERR_KIND_EVENT, event_usage, argc, argv);
}
