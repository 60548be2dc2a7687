#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`slerr explain` on Microsoft 365 Apps' licences as `vNextDiag.ps1 -action list` prints them
(tests/explain/fixtures/vnext, and a real output from the corpus): each licence's state,
entitlement and validity; a volume release next to a subscription licence is a warning. In
every form a paste arrives in (tests/cli/pastes.py); expectations name the rows."""

import os
import unittest

from pastes import FILE_FORMS, PASTED_FORMS
from slerrtest import explain_json

ROOT = os.environ.get("SLERR_SOURCE_ROOT", ".")
FIXTURES = os.path.join(ROOT, "tests", "explain", "fixtures", "vnext")
REAL = os.path.join(ROOT, "tests", "explain", "corpus",
                    "neg-en-olicense-json-deployoffice-946.txt")

EXPECTED = {
    os.path.join(FIXTURES, "expired-subscription.txt"): [
        ("vnext-licence", "O365ProPlusRetail",
         [("vnext-not-licensed", "critical"), ("vnext-entitlement", "warning"),
          ("vnext-valid-until", "ok"), ("vnext-expires-on", "note")])],
    os.path.join(FIXTURES, "volume-and-subscription.txt"): [
        ("vnext-licence", "O365ProPlusRetail",
         [("vnext-licensed", "ok"), ("vnext-valid-until", "ok")]),
        ("vnext-modes", None, [("vnext-competes-with-volume", "warning")])],
    REAL: [("vnext-licence", "O365ProPlusRetail",
            [("vnext-licensed", "ok"), ("vnext-valid-until", "ok")])],
}


class VNext(unittest.TestCase):
    def test_every_form(self):
        for path, expected in EXPECTED.items():
            with open(path, "rb") as f:
                data = f.read()
            for form, convert in {**FILE_FORMS, **PASTED_FORMS}.items():
                with self.subTest(fixture=os.path.basename(path), form=form):
                    records, r = explain_json(convert(data))
                    got = [(x["kind"], x["title"],
                            [(f["rule"], f["severity"]) for f in x["findings"]])
                           for x in records]
                    self.assertEqual(got, expected, r.stderr.decode())

    def test_values_as_read(self):
        with open(os.path.join(FIXTURES, "expired-subscription.txt"), "rb") as f:
            records, _ = explain_json(f.read())
        values = {f["rule"]: f["value"] for f in records[0]["findings"]}
        self.assertEqual(values["vnext-not-licensed"], "Expired")
        self.assertEqual(values["vnext-expires-on"], "2026-10-31T00:00:00Z")

    def test_a_json_object_outside_its_sections_is_not_a_licence(self):
        records, _ = explain_json(b'{\n    "LicenseState":  "Expired"\n}\n')
        self.assertEqual([r["kind"] for r in records if r["kind"].startswith("vnext")], [])


if __name__ == "__main__":
    unittest.main()
