#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The shape of the tree: every part keeps its arrows (scripts/check-layering: lib includes no
other part, diag and explain no cli, the CLI no private header of src/explain: it is a client of
include/slerr-explain.h), and no files of one part depend on each other in a circle
(scripts/check-loops). Each check is also shown to fail on a planted offence."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ["SLERR_SOURCE_ROOT"]
SCRIPTS = os.path.join(SOURCE, "scripts")
PARTS = ("lib", "diag", "explain", "cli")
# Which parts each part must not include.
FORBIDDEN = {"lib": ["diag", "explain", "cli"], "diag": ["explain", "cli"],
             "explain": ["diag", "cli"], "cli": ["explain"]}


def run(*args):
    return subprocess.run([sys.executable, *args], capture_output=True, text=True)


def copy_tree(tmp):
    src = os.path.join(tmp, "src")
    for part in PARTS:
        shutil.copytree(os.path.join(SOURCE, "src", part), os.path.join(src, part))
    return src


class Layering(unittest.TestCase):
    def test_every_part_keeps_its_arrows(self):
        for part, forbidden in FORBIDDEN.items():
            with self.subTest(part=part):
                result = run(os.path.join(SCRIPTS, "check-layering"),
                             os.path.join(SOURCE, "src", part), *forbidden)
                self.assertEqual(result.returncode, 0, result.stdout)

    def test_the_cli_including_a_private_explain_header_fails(self):
        for header in ("explain.h", "readers.h", "record.h"):
            with self.subTest(header=header), tempfile.TemporaryDirectory() as tmp:
                src = copy_tree(tmp)
                path = os.path.join(src, "cli", "cmd_explain.c")
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text.replace('#include "cli.h"\n', f'#include "cli.h"\n#include "{header}"\n', 1))
                result = run(os.path.join(SCRIPTS, "check-layering"), os.path.join(src, "cli"),
                             "explain")
                self.assertEqual(result.returncode, 1, header)
                self.assertIn(f"cmd_explain.c", result.stdout)
                self.assertIn(f"includes {header} from src/explain", result.stdout)


class Loops(unittest.TestCase):
    def test_no_part_has_a_loop(self):
        result = run(os.path.join(SCRIPTS, "check-loops"),
                     *[os.path.join(SOURCE, "src", part) for part in PARTS])
        self.assertEqual(result.returncode, 0, result.stdout)

    def test_a_call_loop_between_two_files_fails(self):
        """probe_dns.c calling into probe_clock.c, which already asks probe_ntp.c and probe_smb.c:
        the loop the diag part had before its probes reported to run.c."""
        with tempfile.TemporaryDirectory() as tmp:
            src = copy_tree(tmp)
            with open(os.path.join(src, "diag", "probe_smb.c"), "a", encoding="utf-8") as f:
                f.write("\nvoid smb_planted(struct run *run)\n{\n    clock_relay(run);\n}\n")
            result = run(os.path.join(SCRIPTS, "check-loops"), os.path.join(src, "diag"))
            self.assertEqual(result.returncode, 1)
            self.assertIn("probe_clock.c", result.stdout)
            self.assertIn("probe_smb.c -> probe_clock.c", result.stdout)

    def test_headers_including_each_other_fail(self):
        with tempfile.TemporaryDirectory() as tmp:
            src = copy_tree(tmp)
            for name, other in (("a.h", "b.h"), ("b.h", "a.h")):
                with open(os.path.join(src, "lib", name), "w", encoding="utf-8") as f:
                    f.write(f'/* {name} */\n#include "{other}"\n')
            result = run(os.path.join(SCRIPTS, "check-loops"), os.path.join(src, "lib"))
            self.assertEqual(result.returncode, 1)
            self.assertIn("a loop between a.h, b.h", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
