#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The program links none of the large libraries: libedit (repl), c-ares (diagnose) and expat
(explain) are in modules loaded on first use. A program without its modules says which one is
missing and exits 5 instead of crashing; the lookups still work."""

import os
import shutil
import subprocess
import tempfile
import unittest

from slerrtest import SLERR, run

HEAVY = ("libedit", "libcares", "libexpat")
BUILD_DIR = os.path.dirname(os.path.abspath(SLERR))


def ldd(path):
    return subprocess.run(["ldd", path], capture_output=True, text=True, check=True).stdout


class Linking(unittest.TestCase):
    def test_program_maps_no_large_library(self):
        linked = ldd(SLERR)
        self.assertIn("libc.so", linked)
        for library in HEAVY:
            self.assertNotIn(library, linked)

    def test_each_module_links_its_library_dynamically(self):
        self.assertIn("libedit.so", ldd(os.path.join(BUILD_DIR, "repl.so")))
        self.assertIn("libcares.so", ldd(os.path.join(BUILD_DIR, "diagnose.so")))

    def test_modules_work_from_the_build_tree(self):
        repl = run("repl", stdin="0xC004F074\n")
        self.assertEqual(repl.returncode, 0, repl.stderr)
        self.assertIn("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", repl.stdout)
        diagnose = run("help", "diagnose")
        self.assertEqual(diagnose.returncode, 0, diagnose.stderr)
        self.assertIn("Usage: slerr diagnose", diagnose.stdout)
        explain = run("help", "explain")
        self.assertEqual(explain.returncode, 0, explain.stderr)
        self.assertIn("Usage: slerr explain", explain.stdout)


class MissingModule(unittest.TestCase):
    """A copy of the program in a directory of its own finds no module there."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="slerr-modules-")
        cls.alone = os.path.join(cls.tmp, "slerr")
        shutil.copy(SLERR, cls.alone)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def run_alone(self, *args, stdin=None):
        return subprocess.run([self.alone, *args], input=stdin, capture_output=True, text=True,
                              timeout=60)

    def test_each_module_command_reports_and_exits_5(self):
        for args in (["diagnose", "--kms", "127.0.0.1"], ["repl"], ["help", "diagnose"],
                     ["explain"], ["help", "explain"]):
            result = self.run_alone(*args, stdin="0xC004F074\n")
            self.assertEqual(result.returncode, 5, args)
            self.assertEqual(result.stdout, "")
            self.assertRegex(result.stderr, rf"^slerr: {args[-1] if args[0] == 'help' else args[0]}"
                             r" is not available: .*\.so", args)

    def test_lookups_need_no_module(self):
        result = self.run_alone("0xC004F074")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
