#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The real-world list (data/real-world-codes.txt: codes people report around activation, with
their sources) against the built catalog, as a new user would try it: `slerr --json CODE` for
each. Every code is known (exit 0); at least 90 % have cause and remedy; every code reported by
two or more sources has cause, remedy, applies and a see-link; codes met when a licensing
service or its store is broken point at the symptom entry that repairs it."""

import json
import os
import re
import subprocess
import sys
import unittest

SLERR = os.environ["SLERR"]
LIST = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "data", "real-world-codes.txt")
LINE_RE = re.compile(r"^(0x[0-9A-F]{8})\t([1-9][0-9]*)\t(https?://\S+)( https?://\S+)?$")
CURATED_SHARE = 0.90

# Codes whose usual cause is a broken licensing service, WMI repository or token store, and
# the symptom entry that repairs it.
REPAIRED_BY = {
    "0x80070422": "symptom:licensing-service-disabled",
    "0x80070426": "symptom:licensing-service-disabled",
    "0xC0000022": "symptom:token-store-permissions",
    "0x8004E108": "symptom:token-store-damaged",
    "0xC004E015": "symptom:token-store-damaged",
    "0xC004F01D": "symptom:token-store-damaged",
    "0x80041002": "symptom:wmi-repository-broken",
    "0xC0020036": "symptom:clipsvc-not-starting",
    "0x87E10BC6": "symptom:clipsvc-not-starting",
}


def read_list():
    """(code, reports, [urls]) for each line; malformed lines fail the test that reads them."""
    rows, problems = [], []
    with open(LIST, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            match = LINE_RE.match(line)
            if not match:
                problems.append(f"{LIST}:{number}: expected CODE<TAB>REPORTS<TAB>URL [URL]: {line!r}")
                continue
            urls = [match.group(3)] + ([match.group(4).strip()] if match.group(4) else [])
            rows.append((match.group(1), int(match.group(2)), urls, number))
    return rows, problems


def lookup(code):
    result = subprocess.run([SLERR, "--json", code], capture_output=True, text=True, timeout=30)
    return result.returncode, (json.loads(result.stdout) if result.stdout.strip() else {})


class RealWorld(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows, cls.problems = read_list()
        cls.entries = {code: lookup(code) for code, _, _, _ in cls.rows}

    def test_list_is_well_formed(self):
        self.assertEqual(self.problems, [])
        codes = [code for code, _, _, _ in self.rows]
        self.assertEqual(len(codes), len(set(codes)), "a code is listed twice")
        for code, reports, urls, number in self.rows:
            self.assertGreaterEqual(reports, len(urls), f"line {number}: {code} names more sources than reports")

    def test_at_least_150_codes(self):
        self.assertGreaterEqual(len(self.rows), 150)

    def test_every_code_is_known(self):
        unknown = [code for code, (status, entry) in self.entries.items()
                   if status != 0 or not entry.get("known")]
        self.assertEqual(unknown, [], "codes on the real-world list that slerr does not know")

    def test_curated_share(self):
        curated = [code for code, (_, entry) in self.entries.items()
                   if entry.get("cause") and entry.get("remedy")]
        share = len(curated) / len(self.rows)
        missing = sorted(set(self.entries) - set(curated))
        self.assertGreaterEqual(share, CURATED_SHARE, f"{share:.1%} curated; without cause or remedy: {missing}")

    def test_codes_reported_twice_are_curated_in_full(self):
        incomplete = []
        for code, reports, _, _ in self.rows:
            entry = self.entries[code][1]
            if reports < 2:
                continue
            lacking = [field for field in ("cause", "remedy", "applies") if not entry.get(field)]
            if not entry.get("see") and not entry.get("related"):
                lacking.append("see")
            if lacking:
                incomplete.append(f"{code} lacks {', '.join(lacking)}")
        self.assertEqual(incomplete, [])

    def test_broken_services_point_at_their_repair(self):
        for code, symptom in REPAIRED_BY.items():
            with self.subTest(code=code):
                status, entry = lookup(code)
                self.assertEqual(status, 0)
                self.assertIn(symptom, entry.get("related", []))
                kind, _, name = symptom.partition(":")
                self.assertEqual(subprocess.run([SLERR, kind, name], capture_output=True).returncode, 0,
                                 f"{symptom} is not an entry")

    def test_official_text_is_apart_from_ours(self):
        """A code whose message no SDK header gives names where the text comes from."""
        for code, (_, entry) in self.entries.items():
            with self.subTest(code=code):
                self.assertTrue(entry.get("source"), f"{code}: message without a source")


if __name__ == "__main__":
    sys.exit(unittest.main())
