#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`slerr explain` on a Checkmk agent's output (tests/explain/fixtures/checkmk): the slmgr /dli
of each <<<win_license>>> section (the monitored host's and a piggybacked one's) is read with
its Notification Reason, which Checkmk's own check ignores; no other section yields a record,
not even one holding an "Error: 0x..." line or an SPP event that the readers would take
elsewhere. In every form a paste arrives in (tests/cli/pastes.py)."""

import os
import unittest

from pastes import COMBINED_FORMS, FILE_FORMS, PASTED_FORMS
from slerrtest import explain_json

AGENT = os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."), "tests", "explain", "fixtures",
                     "checkmk", "agent-output.txt")


def worse_than_ok(record):
    return [(f["rule"], f["severity"], f["codes"][:1]) for f in record["findings"]
            if f["severity"] != "ok"]


class Checkmk(unittest.TestCase):
    def setUp(self):
        with open(AGENT, "rb") as f:
            self.data = f.read()

    def test_only_win_license_sections_in_every_form(self):
        plain, _ = explain_json(self.data)
        for form, convert in {**FILE_FORMS, **PASTED_FORMS, **COMBINED_FORMS}.items():
            with self.subTest(form=form):
                records, r = explain_json(convert(self.data))
                self.assertEqual([[(f["rule"], f["value"]) for f in x["findings"]] for x in records],
                                 [[(f["rule"], f["value"]) for f in x["findings"]] for x in plain])
                self.assertEqual([(x["kind"], x["title"]) for x in records],
                                 [("slmgr-dli", "Windows(R), Enterprise edition"),
                                  ("slmgr-dli", "Windows(R), ServerStandard edition")])
                self.assertEqual(worse_than_ok(records[0]),
                                 [("notification", "critical", ["0xC004F074"]),
                                  ("missing-kms-machine", "note", [])])  # /dli has no KMS lines
                self.assertEqual(r.returncode, 1)

    def test_the_other_sections_would_be_read_without_their_headers(self):
        # Proves the filter bites: the same lines without the section headers give records.
        lines = [x for x in self.data.split(b"\n") if not x.startswith(b"<<<")]
        records, _ = explain_json(b"\n".join(lines))
        rules = [f["rule"] for r in records for f in r["findings"]]
        self.assertIn("error", rules)  # the <<<kms_check>>> section's Error: 0xC004F038

    def test_lines_before_the_first_header_are_read(self):
        records, _ = explain_json(b"Error: 0xC004F074\n<<<uptime>>>\nError: 0xC004F038\n")
        codes = [f["codes"] for r in records for f in r["findings"] if f["codes"]]
        self.assertEqual(codes, [["0xC004F074"]])


if __name__ == "__main__":
    unittest.main()
