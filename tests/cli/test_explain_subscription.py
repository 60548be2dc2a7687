#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr explain` on Windows subscription activation (Enterprise E3/E5 stepping up
from Pro): slmgr /dli then names the Pro edition, its retail or OEM channel and key, which users
take for a downgrade. The fixtures are constructed from Microsoft's documented output (the
"Deploy Windows Enterprise licenses" page: its slmgr /dli example and the Settings texts); every
paste form tests/cli/pastes.py knows."""

import os
import unittest

from pastes import FILE_FORMS, PASTED_FORMS
from slerrtest import explain_json

FIXTURES = os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."), "tests", "explain", "fixtures",
                        "subscription")


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def findings(records):
    return [f for o in records for f in o["findings"]]


class StepUp(unittest.TestCase):
    def test_active_subscription_says_the_pro_key_is_expected(self):
        for form, transform in {**FILE_FORMS, **PASTED_FORMS}.items():
            with self.subTest(form=form):
                records, r = explain_json(transform(fixture("dli-pro-enterprise-active.txt")))
                self.assertEqual(r.returncode, 0, r.stderr.decode())
                found = findings(records)
                step_up = [f for f in found if f["rule"] == "subscription-step-up"]
                self.assertEqual(len(step_up), 1, found)
                self.assertEqual(step_up[0]["field"], "subscription-status")
                self.assertEqual(step_up[0]["severity"], "ok")
                self.assertIn("no downgrade", step_up[0]["text"])
                self.assertEqual([f for f in found if f["field"] == "channel"], [],
                                 "the retail channel is not flagged")
                self.assertIn("licensed", [f["rule"] for f in found])

    def test_lapsed_subscription_is_a_warning(self):
        records, r = explain_json(fixture("dli-pro-enterprise-lapsed.txt"))
        self.assertEqual(r.returncode, 1)
        lapsed = [f for f in findings(records) if f["rule"] == "subscription-lapsed"]
        self.assertEqual(len(lapsed), 1)
        self.assertEqual(lapsed[0]["severity"], "warning")
        self.assertNotIn("subscription-step-up", [f["rule"] for f in findings(records)])

    def test_pro_alone_says_nothing_of_a_subscription(self):
        data = fixture("dli-pro-enterprise-active.txt").split(b"Settings >")[0]
        records, r = explain_json(data)
        self.assertEqual(r.returncode, 0)
        self.assertEqual([f for f in findings(records) if f["field"] == "subscription-status"], [])


if __name__ == "__main__":
    unittest.main()
