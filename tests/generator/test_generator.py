#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs data/gen-catalog.py on fixtures: each bad/*.txt must be refused with the `file:line: reason`
named on its first line (`# expect: ...`), and good.txt must produce tables that compile, with
the project's compiler, into a working libslerr (a small program looks entries up). The
imported codes come from the small fixture in imported/ (the real ones from data/catalog/imported)."""

import glob
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.environ.get("SLERR_GENERATOR", os.path.join(HERE, "..", "..", "data", "gen-catalog.py"))
IMPORTED = os.path.join(HERE, "imported")


def generate(sources, outdir, imported=IMPORTED):
    return subprocess.run([sys.executable, GENERATOR, outdir, imported, *sources],
                          capture_output=True, text=True)


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


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

    def test_imported_files_must_match_their_manifest(self):
        with tempfile.TemporaryDirectory() as out:
            imported = os.path.join(out, "imported")
            shutil.copytree(IMPORTED, imported)
            with open(os.path.join(imported, "winerror.txt"), "a", encoding="utf-8") as f:
                f.write("0x80070002\twin32\tERROR_FILE_NOT_FOUND\tThe system cannot find the file specified.\n")
            path = os.path.join(imported, "wmi.txt")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            write(imported, "wmi.txt", text.replace("not valid", "invalid"))
            result = generate([os.path.join(HERE, "good.txt")], out, imported)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"{imported}/winerror.txt:0: 4 entries, MANIFEST says 3", result.stderr)
            self.assertIn(f"{imported}/wmi.txt:0: content differs from MANIFEST", result.stderr)

    def test_curated_message_must_be_the_headers_text(self):
        with tempfile.TemporaryDirectory() as out:
            source = write(out, "c.txt", "code: 0x80070005\nsymbol: ERROR_ACCESS_DENIED\n"
                                         "message: Access was refused.\ncause: x\n")
            result = generate([source], out)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"{source}:3: message differs from winerror.h's text for ERROR_ACCESS_DENIED",
                          result.stderr)

    def test_variant_needs_where_and_text(self):
        with tempfile.TemporaryDirectory() as out:
            source = write(out, "v.txt", "code: 0xC004F074\nvariant: no colon here\n")
            result = generate([source], out)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"{source}:2: expected 'variant: WHERE IT IS SHOWN: text'", result.stderr)

    def test_all_problems_are_reported_not_only_the_first(self):
        with tempfile.TemporaryDirectory() as out:
            source = os.path.join(out, "two.txt")
            with open(source, "w") as f:
                f.write("code: 0x1\nmessage: a\n\ncode: 0xC004F038\nmessage: b\nsource: slerr\nsee: 0xC0000000\n")
            result = generate([source], out)
            self.assertEqual(result.returncode, 1)
            self.assertIn(f"{source}:1: malformed code", result.stderr)
            self.assertIn(f"{source}:7: see: 0xC0000000 is not in the catalog", result.stderr)
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
    """Builds the generated C and libslerr's sources into a program that looks entries up;
    returns its output."""
    source, build = os.environ["SLERR_SOURCE_ROOT"], os.environ["SLERR_BUILD_ROOT"]
    sources = [os.path.join(outdir, "catalog-entries.c")]
    sources += sorted(glob.glob(os.path.join(source, "src", "lib", "*.c")))
    main = os.path.join(outdir, "lookups.c")
    with open(main, "w") as f:
        f.write(LOOKUPS)
    exe = os.path.join(outdir, "lookups")
    compiler = shlex.split(os.environ["SLERR_CC"])
    result = subprocess.run(
        [*compiler, "-std=c17", "-D_POSIX_C_SOURCE=200809L", "-Wall", "-Werror",
         "-Wno-missing-field-initializers", "-I" + outdir,
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
                             ["SL_E_VL_NOT_ENOUGH_COUNT", "1", "SL_I_NONGENUINE_GRACE_PERIOD", "7"])

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
            self.assertIn("{ 0xC014F038u, 5 }", c, "an also: value finds the same entry")
            self.assertIn("{ 0xC004F038u, 5 }", c)
            self.assertIn('"ntstatus.h", SLERR_READING_NTSTATUS', c)
            self.assertIn('{ 7u, "WIN32" }', c)
            self.assertIn('"slerr\'s own summary (Microsoft publishes no text for this code)"', c,
                          "source: slerr marks the message as ours")
            self.assertIn('"Microsoft Learn, a page"', c, "source: names where the official text is")
            with open(os.path.join(out, "catalog-params.h"), encoding="utf-8") as f:
                self.assertIn("#define CODE_HASH_BITS", f.read())
            compile_library(out)

    def test_curated_stanza_joins_its_imported_code(self):
        with tempfile.TemporaryDirectory() as out:
            source = write(out, "c.txt", "code: 0x80070005\napplies: kms-client\ncause: ours\n"
                                         "variant: slmgr.vbs: Access denied: the requested action requires elevated privileges\n")
            result = generate([source], out)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(os.path.join(out, "catalog-entries.c"), encoding="utf-8") as f:
                c = f.read()
            entries = c[c.index("catalog_entries[]"):c.index("catalog_entry_count")]
            readings = c[c.index("catalog_readings[]"):c.index("catalog_reading_count")]
            self.assertIn('"ERROR_ACCESS_DENIED",\n      "Access is denied.",\n      "ours"', entries)
            self.assertIn('"winerror.h",\n      SLERR_READING_WIN32', entries)
            self.assertIn('"E_ACCESSDENIED"', readings)
            self.assertIn("{ 0x80070005u, 1, 1 }", c, "E_ACCESSDENIED is the second reading")
            self.assertIn("STATUS_SUCCESS", readings, "ERROR_SUCCESS comes first, STATUS_SUCCESS second")
            compile_library(out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
