#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""scripts/check-layering, which meson runs on src/explain at configure time: the real tree
passes, and a copy given an include of src/cli or src/diag (by path or by header name) fails
with the offending line."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ["SLERR_SOURCE_ROOT"]
CHECK = os.path.join(SOURCE, "scripts", "check-layering")


def check(src_dir):
    return subprocess.run([sys.executable, CHECK, os.path.join(src_dir, "explain"), "diag", "cli"],
                          capture_output=True, text=True)


class Layering(unittest.TestCase):
    def test_the_tree_passes(self):
        result = check(os.path.join(SOURCE, "src"))
        self.assertEqual(result.returncode, 0, result.stdout)

    def test_forbidden_includes_fail(self):
        for line in ['#include "output.h"', '#include "../cli/cli.h"', "#include <diag/diag.h>",
                     '#  include "srv.h"']:
            with self.subTest(line=line), tempfile.TemporaryDirectory() as tmp:
                src = os.path.join(tmp, "src")
                for part in ("explain", "diag", "cli"):
                    shutil.copytree(os.path.join(SOURCE, "src", part), os.path.join(src, part))
                with open(os.path.join(src, "explain", "bad.c"), "w") as f:
                    f.write("/* bad.c */\n" + line + "\n")
                result = check(src)
                self.assertEqual(result.returncode, 1, line)
                self.assertIn("bad.c:2: includes", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
