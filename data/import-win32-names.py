#!/usr/bin/env python3
"""Regenerates data/win32-names.txt, the Win32 error names used to decode FACILITY_WIN32 codes,
from a winerror.h (Debian's mingw-w64-common installs one).

Usage: import-win32-names.py [/usr/share/mingw-w64/include/winerror.h] > data/win32-names.txt
The first name defined for a value wins; aliases defined later are left out.
"""

import re
import sys

DEFINE_RE = re.compile(r"#define\s+([A-Z][A-Z0-9_]*)\s+(?:__MSABI_LONG\()?(\d+)L?\)?\s*$")
FAMILIES = re.compile(r"^(ERROR_|RPC_S_|RPC_X_|EPT_S_|DNS_ERROR_|DNS_INFO_|DNS_REQUEST_|DNS_STATUS_)")


def main(argv):
    path = argv[1] if len(argv) > 1 else "/usr/share/mingw-w64/include/winerror.h"
    names = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            match = DEFINE_RE.match(line)
            if not match or not FAMILIES.match(match.group(1)):
                continue
            value = int(match.group(2))
            if 0 < value <= 0xFFFF and value not in names:
                names[value] = match.group(1)
    print("# Win32 error names by value, imported from winerror.h by data/import-win32-names.py.")
    for value in sorted(names):
        print(value, names[value])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
