#!/usr/bin/env python3
"""Runs data/gen-catalog.py on fixtures: each bad/*.txt must be refused with the `file:line: reason`
named on its first line (`# expect: ...`), and good.txt must produce tables that compile, with
gperf and the project's compiler, into a working libslerr (a small program looks entries up)."""

import glob
import os
import shlex
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


LOOKUPS = r"""
#include <stdio.h>
#include "slerr.h"
int main(void)
{
    const struct slerr_entry *e = slerr_lookup(0xC004F038u);
    const struct slerr_entry *moved = slerr_lookup(0xC014F038u);
    const struct slerr_entry *info = slerr_lookup_symbol("sl_i_nongenuine_grace_period");
    printf("%s %d %s %zu\n", e ? e->symbol : "-", moved == e, info ? info->symbol : "-",
           slerr_count());
    return 0;
}
"""


def compile_library(outdir):
    """Runs gperf on the generated indexes and builds them, the generated C and libslerr's
    sources into a program that looks entries up; returns its output."""
    source, build = os.environ["SLERR_SOURCE_ROOT"], os.environ["SLERR_BUILD_ROOT"]
    sources = [os.path.join(outdir, "catalog-entries.c")]
    for index in sorted(glob.glob(os.path.join(outdir, "*.gperf"))):
        c_file = index[: -len(".gperf")] + ".c"
        subprocess.run([os.environ["SLERR_GPERF"], "--output-file=" + c_file, index], check=True)
        sources.append(c_file)
    sources += sorted(glob.glob(os.path.join(source, "src", "lib", "*.c")))
    main = os.path.join(outdir, "lookups.c")
    with open(main, "w") as f:
        f.write(LOOKUPS)
    exe = os.path.join(outdir, "lookups")
    compiler = shlex.split(os.environ["SLERR_CC"])
    result = subprocess.run(
        [*compiler, "-std=c17", "-D_POSIX_C_SOURCE=200809L", "-Wall", "-Werror",
         "-Wno-implicit-fallthrough", "-Wno-missing-field-initializers", "-Wno-unused-parameter",
         "-I" + os.path.join(source, "include"), "-I" + os.path.join(build, "include"),
         "-I" + os.path.join(source, "src", "lib"), *sources, main, "-o", exe],
        capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError("generated tables do not compile:\n" + result.stderr)
    return subprocess.run([exe], capture_output=True, text=True, check=True).stdout


class GoodFixture(unittest.TestCase):
    def test_tables_compile_into_a_working_library(self):
        with tempfile.TemporaryDirectory() as out:
            result = generate([os.path.join(HERE, "good.txt")], out)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(compile_library(out).split(),
                             ["SL_E_VL_NOT_ENOUGH_COUNT", "1", "SL_I_NONGENUINE_GRACE_PERIOD", "2"])

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
