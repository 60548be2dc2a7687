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
static void related(const struct slerr_entry *e)
{
    printf("%s:", slerr_entry_name(e) ? slerr_entry_name(e) : slerr_entry_symbol(e));
    for (size_t i = 0; i < slerr_entry_see_count(e); i++)
        printf(" 0x%08X", slerr_entry_see(e, i));
    for (size_t i = 0; i < slerr_entry_related_count(e); i++)
        printf(" %s:%s", slerr_kind_name(slerr_entry_kind(slerr_entry_related(e, i))),
               slerr_entry_name(slerr_entry_related(e, i)));
    printf("\n");
}
int main(int argc, char **argv)
{
    const struct slerr_entry *e = slerr_lookup(0xC004F038u);
    const struct slerr_entry *moved = slerr_lookup(0xC014F038u);
    const struct slerr_entry *info = slerr_lookup_symbol("sl_i_nongenuine_grace_period");
    printf("%s %d %s %zu\n", e ? slerr_entry_symbol(e) : "-", moved == e,
           info ? slerr_entry_symbol(info) : "-", slerr_count());
    if (argc > 1) { /* every field of every entry, one per line */
        for (unsigned k = 0; k < 4; k++) {
            for (size_t i = 0; i < slerr_kind_count((enum slerr_kind)k); i++) {
                const struct slerr_entry *x = slerr_kind_at((enum slerr_kind)k, i);
                printf("entry %s 0x%08X %s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|applies=%u|reading=%d",
                       slerr_kind_name(slerr_entry_kind(x)), slerr_entry_code(x),
                       slerr_entry_symbol(x) ? slerr_entry_symbol(x) : "-",
                       slerr_entry_message(x), slerr_entry_cause(x) ? slerr_entry_cause(x) : "-",
                       slerr_entry_remedy(x) ? slerr_entry_remedy(x) : "-",
                       slerr_entry_name(x) ? slerr_entry_name(x) : "-",
                       slerr_entry_title(x) ? slerr_entry_title(x) : "-",
                       slerr_entry_location(x) ? slerr_entry_location(x) : "-",
                       slerr_entry_details(x) ? slerr_entry_details(x) : "-",
                       slerr_entry_value_type(x) ? slerr_entry_value_type(x) : "-",
                       slerr_entry_default_value(x) ? slerr_entry_default_value(x) : "-",
                       slerr_entry_source(x) ? slerr_entry_source(x) : "-",
                       slerr_entry_applies(x), (int)slerr_entry_reading(x));
                for (size_t j = 0; j < slerr_entry_alias_count(x); j++)
                    printf("|alias=0x%08X", slerr_entry_alias(x, j));
                for (size_t j = 0; j < slerr_entry_variant_count(x); j++)
                    printf("|variant=%s", slerr_entry_variant(x, j));
                printf("\n");
                related(x);
            }
        }
        for (size_t i = 1; slerr_reading_at(0x80070005u, i); i++)
            printf("reading 0x80070005 %zu %s\n", i, slerr_entry_symbol(slerr_reading_at(0x80070005u, i)));
        for (size_t i = 1; slerr_reading_at(0u, i); i++)
            printf("reading 0x00000000 %zu %s\n", i, slerr_entry_symbol(slerr_reading_at(0u, i)));
    }
    return 0;
}
"""


def compile_library(outdir, *args):
    """Builds the generated C and libslerr's sources into a program that looks entries up;
    returns its output (with an argument: every field of every entry)."""
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
    return subprocess.run([exe, *args], capture_output=True, text=True, check=True).stdout


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
            self.assertNotIn("??", c, "trigraph-like sequence left in C source")
            self.assertNotIn("&catalog_", c, "a pointer in the tables costs a relocation at load")
            self.assertNotIn('const char *', c, "a pointer in the tables costs a relocation at load")
            with open(os.path.join(out, "catalog-params.h"), encoding="utf-8") as f:
                self.assertIn("#define CODE_HASH_BITS", f.read())
            lines = compile_library(out, "all").splitlines()
            entries = [l for l in lines if l.startswith("entry ")]
            self.assertIn('entry code 0xC004F038 SL_E_VL_NOT_ENOUGH_COUNT|A message with "quotes", a '
                          '\\backslash, a question mark?? and UTF-8: caf\u00e9.|Continued over two lines.|-|-|-|-|-|-|-|'
                          "slerr's own summary (Microsoft publishes no text for this code)|"
                          'applies=1|reading=0|alias=0xC014F038', entries)
            self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT: 0x4004F065", lines)
            self.assertIn("12290: 0xC004F038 symptom:count-not-rising setting:VLRenewalInterval", lines)
            self.assertIn("count-not-rising: event:12290", lines)
            self.assertIn("entry event 0x00003002 -|One line per request.|-|-|12290|KMS host request log|"
                          "Applications and Services Logs\\Key Management Service|result, count, client name|"
                          "-|-|-|applies=0|reading=0", entries)
            self.assertIn("entry setting 0x00000000 -|minutes between renewals|-|-|VLRenewalInterval|"
                          "renewal interval|HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\"
                          "SoftwareProtectionPlatform|-|REG_DWORD|10080 (7 days)|-|applies=0|reading=0", entries)
            self.assertTrue(any(l.startswith("entry code ") and "|ntstatus.h|" in l and l.endswith("reading=2")
                                for l in entries), "an NTSTATUS reads as one, from ntstatus.h")
            self.assertTrue(any("|slerr's own summary (Microsoft publishes no text for this code)|" in l
                                for l in entries), "source: slerr marks the message as ours")
            self.assertTrue(any("|Microsoft Learn, a page|" in l for l in entries),
                            "source: names where the official text is")

    def test_curated_stanza_joins_its_imported_code(self):
        with tempfile.TemporaryDirectory() as out:
            source = write(out, "c.txt", "code: 0x80070005\napplies: kms-client\ncause: ours\n"
                                         "variant: slmgr.vbs: Access denied: the requested action requires elevated privileges\n")
            result = generate([source], out)
            self.assertEqual(result.returncode, 0, result.stderr)
            lines = compile_library(out, "all").splitlines()
            self.assertIn("entry code 0x80070005 ERROR_ACCESS_DENIED|Access is denied.|ours|-|-|-|-|-|-|-|"
                          "winerror.h|applies=1|reading=1|variant=slmgr.vbs: Access denied: the requested "
                          "action requires elevated privileges", lines)
            self.assertIn("reading 0x80070005 1 E_ACCESSDENIED", lines, "E_ACCESSDENIED is the second reading")
            self.assertIn("reading 0x00000000 1 STATUS_SUCCESS", lines,
                          "ERROR_SUCCESS comes first, STATUS_SUCCESS second")


if __name__ == "__main__":
    unittest.main(verbosity=2)
