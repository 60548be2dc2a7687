#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The real-paste corpus (tests/explain/corpus): every paste, as posted publicly, goes through
`slerr explain --json`; its worst severity and the set of codes in its findings must match
what its .expect sidecar says (written by reading the paste, before slerr ever saw it).

Pastes that do not match yet are listed in corpus/KNOWN_FAILING with the reason. The list is a
ratchet: an unlisted paste that fails fails the test, and so does a listed paste that now
passes (delete its line), so the list only shrinks. Set SLERR_CORPUS_REPORT=1 to print every
paste's outcome."""

import json
import os
import re
import subprocess
import sys
import unittest

from slerrtest import SLERR, WRAPPER

SOURCE = os.environ.get("SLERR_SOURCE_ROOT", ".")
CORPUS = os.path.join(SOURCE, "tests", "explain", "corpus")
sys.path.insert(0, CORPUS)
import table  # noqa: E402  (the corpus's own sidecar reader and README table)

VERDICTS = ("nothing", "ok", "note", "warning", "critical")
CODE = re.compile(r"^0x[0-9A-F]{8}$")


def normal_code(text):
    """0xc004f074 -> 0xC004F074: sidecars and findings compare in one spelling."""
    return "0x" + text[2:].upper() if text.lower().startswith("0x") else text.upper()


def expected(fields):
    codes = set() if fields["codes"] in ("-", "") else {normal_code(c) for c in
                                                        fields["codes"].split()}
    return fields["verdict"], codes


def observed(path):
    """(worst severity or 'nothing', set of codes in the findings, exit status)."""
    r = subprocess.run([*WRAPPER, SLERR, "explain", "--json", path], capture_output=True,
                       timeout=600 if WRAPPER else 60)
    worst, codes = "nothing", set()
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        obj = json.loads(line)
        if obj.get("kind") == "summary":
            worst = obj.get("worst") or "nothing"
            continue
        for finding in obj.get("findings", []):
            codes.update(normal_code(c) for c in finding.get("codes", []))
    if r.returncode == 2 and worst == "nothing":
        codes = set()
    return worst, codes, r.returncode


def known_failing():
    """{name: reason} from KNOWN_FAILING ('name  reason' lines, '#' comments)."""
    out = {}
    with open(os.path.join(CORPUS, "KNOWN_FAILING"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, reason = line.partition(" ")
                out[name] = reason.strip()
    return out


def write_known_failing(listed, pastes, failures, now_passing):
    """Rewrites KNOWN_FAILING after a rebase (SLERR_CORPUS_WRITE=1): passing pastes leave it,
    new failures join it with their form and language as the first reason (edit it)."""
    path = os.path.join(CORPUS, "KNOWN_FAILING")
    with open(path, encoding="utf-8") as f:
        head = [line for line in f if line.startswith("#")]
    rows = {n: r for n, r in listed.items() if n not in now_passing}
    for failure in failures:
        name, _, detail = failure.partition(": ")
        fields = pastes[name]
        rows[name] = f"{fields['form']} ({fields['language']}) not read: {detail}"
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(head)
        for name in sorted(rows):
            f.write(f"{name}  {rows[name]}\n")


class Corpus(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pastes = table.pastes(CORPUS)

    def test_sidecars_are_complete(self):
        for name, fields in self.pastes.items():
            with self.subTest(paste=name):
                self.assertTrue(os.path.exists(os.path.join(CORPUS, name + ".txt")))
                self.assertIn(fields["verdict"], VERDICTS)
                self.assertTrue(fields["source"].startswith(("https://", "http://")))
                verdict, codes = expected(fields)
                for code in codes:
                    self.assertRegex(code, CODE)
                if verdict == "nothing":  # a negative control names no code
                    self.assertEqual(codes, set())

    def test_the_corpus_is_big_and_varied_enough(self):
        # What issue 18 asks of the corpus: real pastes, many not in English, and controls.
        languages = {p["language"] for p in self.pastes.values()} - {"en"}
        non_english = [n for n, p in self.pastes.items() if p["language"] != "en"]
        negative = [n for n, p in self.pastes.items() if p["verdict"] == "nothing"]
        self.assertGreaterEqual(len(self.pastes), 120)
        self.assertGreaterEqual(len(non_english), 40)
        self.assertGreaterEqual(len(languages), 8)
        self.assertGreaterEqual(len(negative), 10)

    def test_readme_table_is_generated_from_the_sidecars(self):
        self.assertEqual(table.readme_table(os.path.join(CORPUS, "README.md")),
                         table.table(self.pastes))

    def test_known_failing_names_real_pastes(self):
        for name in known_failing():
            with self.subTest(paste=name):
                self.assertIn(name, self.pastes)

    def test_every_paste_against_the_ratchet(self):
        listed = known_failing()
        passed, unexpected_failures, now_passing = 0, [], []
        report = os.environ.get("SLERR_CORPUS_REPORT")
        for name, fields in self.pastes.items():
            want_verdict, want_codes = expected(fields)
            worst, codes, status = observed(os.path.join(CORPUS, name + ".txt"))
            ok = worst == want_verdict and codes == want_codes
            passed += ok
            if report:
                print(f"{'PASS' if ok else 'FAIL'} {name}: want {want_verdict} "
                      f"{sorted(want_codes)}, got {worst} {sorted(codes)} (exit {status})")
            if not ok and name not in listed:
                unexpected_failures.append(f"{name}: want {want_verdict} {sorted(want_codes)}, "
                                           f"got {worst} {sorted(codes)}")
            if ok and name in listed:
                now_passing.append(name)
        if os.environ.get("SLERR_CORPUS_WRITE"):
            write_known_failing(listed, self.pastes, unexpected_failures, now_passing)
        total = len(self.pastes)
        print(f"corpus: {passed}/{total} pastes pass ({100.0 * passed / total:.1f} %), "
              f"{len(listed)} listed in KNOWN_FAILING")
        self.assertEqual(unexpected_failures, [], "pastes that fail and are not in KNOWN_FAILING")
        self.assertEqual(now_passing, [], "pastes in KNOWN_FAILING that pass now: delete their "
                                          "lines")


if __name__ == "__main__":
    unittest.main()
