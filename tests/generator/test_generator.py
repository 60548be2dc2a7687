#!/usr/bin/env python3
"""Runs data/gen-catalog.py on fixtures: each bad/*.txt must be refused with the `file:line: reason`
named on its first line (`# expect: ...`), and good.txt must produce compilable tables."""

import glob
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.environ.get("SLERR_GENERATOR", os.path.join(HERE, "..", "..", "data", "gen-catalog.py"))
WIN32_NAMES = os.path.join(HERE, "..", "..", "data", "win32-names.txt")


def generate(sources, outdir, names=WIN32_NAMES):
    return subprocess.run([sys.executable, GENERATOR, outdir, names, *sources],
                          capture_output=True, text=True)


class BadFixtures(unittest.TestCase):
    def test_each_rule_is_enforced(self):
        fixtures = sorted(glob.glob(os.path.join(HERE, "bad", "*.txt")))
        self.assertGreaterEqual(len(fixtures), 10)
        for path in fixtures:
            with self.subTest(fixture=os.path.basename(path)):
                with open(path, encoding="utf-8") as f:
                    first = f.readline()
                self.assertTrue(first.startswith("# expect: "), path)
                expected = path + first[len("# expect: "):].rstrip("\n")
                with tempfile.TemporaryDirectory() as out:
                    result = generate([path], out)
                    self.assertEqual(result.returncode, 1, result.stderr)
                    self.assertIn(expected, result.stderr)
                    self.assertEqual(os.listdir(out), [], "outputs written despite errors")

    def test_bad_win32_names(self):
        with tempfile.TemporaryDirectory() as out:
            names = os.path.join(out, "names.txt")
            with open(names, "w") as f:
                f.write("5 ERROR_ACCESS_DENIED\n5 ERROR_AGAIN\n70000 ERROR_TOO_BIG\nnot a line\n")
            result = generate([os.path.join(HERE, "good.txt")], out, names)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"{names}:2: duplicate Win32 code 5", result.stderr)
            self.assertIn(f"{names}:3: 70000 is not a Win32 error code", result.stderr)
            self.assertIn(f"{names}:4: expected 'DECIMAL NAME'", result.stderr)

    def test_all_problems_are_reported_not_only_the_first(self):
        with tempfile.TemporaryDirectory() as out:
            source = os.path.join(out, "two.txt")
            with open(source, "w") as f:
                f.write("code: 0x1\nmessage: a\n\ncode: 0xC004F038\nmessage: b\nsee: 0xC0000000\n")
            result = generate([source], out)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"{source}:1: malformed code", result.stderr)
            self.assertIn(f"{source}:6: see: 0xC0000000 is not in the catalog", result.stderr)
            self.assertIn("2 problem(s)", result.stderr)


class GoodFixture(unittest.TestCase):
    def test_generates_tables(self):
        with tempfile.TemporaryDirectory() as out:
            result = generate([os.path.join(HERE, "good.txt")], out)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(os.path.join(out, "catalog-entries.c"), encoding="utf-8") as f:
                c = f.read()
            self.assertIn('\\"quotes\\"', c)
            self.assertIn("\\\\backslash", c)
            self.assertNotIn("??", c, "trigraph-like sequence left in C source")
            self.assertIn('"Continued over two lines."', c)
            self.assertIn("caf\\303\\251", c)
            self.assertIn("SLERR_KMS_CLIENT", c)
            self.assertIn("SLERR_KIND_EVENT", c)
            self.assertIn("SLERR_KIND_SYMPTOM", c)
            self.assertIn("SLERR_KIND_SETTING", c)
            self.assertIn("{ &catalog_symptoms[0], &catalog_settings[0] }", c)
            self.assertIn("{ &catalog_events[0] }", c)
            self.assertIn('"REG_DWORD"', c)
            with open(os.path.join(out, "code-index.gperf"), encoding="utf-8") as f:
                index = f.read()
            self.assertIn("C004F038, 1", index)
            self.assertIn("C014F038, 1", index, "an also: value finds the same entry")
            with open(os.path.join(out, "symbol-index.gperf"), encoding="utf-8") as f:
                gperf = f.read()
            self.assertIn("%ignore-case", gperf)
            self.assertIn("SL_I_NONGENUINE_GRACE_PERIOD, 0", gperf)


if __name__ == "__main__":
    unittest.main(verbosity=2)
