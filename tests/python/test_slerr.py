#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The Python module (import slerr) run by the interpreter against the built libslerr, checked
against the slerr program itself: the same parse, entries, one-line description, search
order and scan offsets; its errors; and the Ansible filter of contrib/ansible."""

import json
import os
import subprocess
import unittest

import slerr
import slerr_filters

SLERR = os.environ["SLERR"]
SAMPLE = ["0xC004F038", "0xC004F074", "0x8007232B", "0x80070005", "0xC004C003", "0x00000000",
          "0x4004F040", "0x80041010", "0xC000000D"]


def cli_json(*args):
    out = subprocess.run([SLERR, *args, "--json"], capture_output=True, text=True, timeout=60)
    return [json.loads(line) for line in out.stdout.splitlines()]


class Module(unittest.TestCase):
    def test_loads_the_library_of_this_build_by_its_soname(self):
        self.assertRegex(slerr.SONAME, r"^libslerr\.so\.\d+$")
        version = subprocess.run([SLERR, "--version"], capture_output=True, text=True).stdout
        self.assertIn(f"slerr {slerr.library_version()} ", version)

    def test_parse_reads_every_form_the_program_reads(self):
        for text in ["0xC004F038", "c004f038", "3221549112", "-1073418184",
                     "sl_e_vl_not_enough_count", "1722", 3221549112]:
            with self.subTest(text=text):
                self.assertEqual(slerr.parse(text), cli_json(str(text))[0]["unsigned"])
        self.assertEqual(slerr.parse("1722"), 0x800706BA, "a Win32 error becomes its HRESULT")

    def test_parse_refuses_with_the_library_reason(self):
        for text, reason in [("hello world", "not"), ("SL_E_NO_SUCH_THING", "symbol")]:
            with self.subTest(text=text), self.assertRaises(slerr.SlerrError) as caught:
                slerr.parse(text)
            self.assertIn(reason, str(caught.exception))
            self.assertIsInstance(caught.exception, ValueError)

    def test_lookup_gives_the_programs_entry(self):
        for code in SAMPLE:
            with self.subTest(code=code):
                entry, want = slerr.lookup(code), cli_json(code)[0]
                self.assertEqual((entry.code, entry.kind), (int(want["code"], 16), "code"))
                for field in ("symbol", "message", "cause", "remedy", "source", "applies"):
                    self.assertEqual(getattr(entry, field), want[field], field)
        self.assertIsNone(slerr.lookup(0xC004F999))

    def test_describe_and_message(self):
        entry = slerr.lookup(0xC004F038)
        self.assertEqual(slerr.describe(0xC004F038),
                         f"0xC004F038 {entry.symbol}: {entry.message}")
        self.assertEqual(slerr.describe("-1073418184"), slerr.describe(0xC004F038))
        self.assertEqual(slerr.message(0xC004F038), entry.message)
        self.assertTrue(slerr.describe(0xC004F999).startswith("0xC004F999"), "unknown codes too")

    def test_search_ranks_as_the_program_does(self):
        for query in ["kms count", "dns srv", "rearm"]:
            with self.subTest(query=query):
                want = [h.get("symbol") or h.get("name") for h in cli_json("search", "--limit=8", *query.split())]
                got = [e.symbol or e.name for e in slerr.search(query, 8)]
                self.assertEqual(got, want)
        with self.assertRaises(slerr.SlerrError):
            slerr.search("   ")
        with self.assertRaises(slerr.SlerrError):
            slerr.search(" ".join(["w"] * 40))

    def test_scan_finds_what_annotate_finds(self):
        text = ("é slmgr: Error: 0xC004F074\r\nhr=-1073418124 (3221549112) GUID 51c82175-844e-4750 "
                "0xc004f999 C004F038\n")
        want = [json.loads(line) for line in subprocess.run(
            [SLERR, "annotate", "--json", "--all"], input=text.encode(), capture_output=True).stdout.splitlines()]
        got = slerr.scan(text, unknown=True)
        self.assertEqual([(m.text, "0x%08X" % m.code) for m in got], [(w["text"], w["code"]) for w in want])
        for m in got:
            self.assertEqual(text[m.start:m.end], m.text, "str indices, not byte offsets")
        raw = slerr.scan(text.encode())
        self.assertEqual(raw[0].start, text.encode().index(b"0xC004F074"), "bytes give byte offsets")
        self.assertEqual([m.text for m in slerr.scan(text)], ["0xC004F074", "-1073418124", "3221549112", "C004F038"],
                         "without unknown=True, only codes the catalog holds")
        self.assertIsNone(got[3].entry)


class AnsibleFilter(unittest.TestCase):
    def test_license_status_reason_in_words(self):
        filters = slerr_filters.FilterModule().filters()
        for reason in ["3221549112", -1073418184, "0xC004F038", " 3221549112\r\n"]:
            with self.subTest(reason=reason):
                self.assertEqual(filters["slerr_reason"](reason), slerr.describe(0xC004F038))
        self.assertEqual(filters["slerr_entry"](3221549112)["symbol"], "SL_E_VL_NOT_ENOUGH_COUNT")
        self.assertIsNone(filters["slerr_entry"]("0xC004F999"))
        with self.assertRaises(ValueError):
            filters["slerr_reason"]("Licensed")


if __name__ == "__main__":
    unittest.main()
