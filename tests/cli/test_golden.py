#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Golden `--json` output: every explain fixture (tests/explain/fixtures) has its whole expected
output and exit status in tests/explain/golden, so any change in wording, fields, rules or
severities shows here and in the diff of the change. After a change meant to alter them:
`scripts/update-golden build`, then review `git diff tests/explain/golden`."""

import importlib.machinery
import importlib.util
import os
import unittest

from slerrtest import SLERR

SOURCE = os.environ["SLERR_SOURCE_ROOT"]
loader = importlib.machinery.SourceFileLoader("update_golden",
                                              os.path.join(SOURCE, "scripts", "update-golden"))
golden = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
loader.exec_module(golden)


class Golden(unittest.TestCase):
    def test_every_fixture_prints_its_golden_output(self):
        fixtures = golden.fixtures()
        self.assertGreater(len(fixtures), 20)
        for fixture in fixtures:
            with self.subTest(fixture=fixture):
                path = golden.golden_path(fixture)
                self.assertTrue(os.path.exists(path),
                                f"no golden file for {fixture}: run scripts/update-golden build")
                with open(path, "rb") as f:
                    expected = f.read()
                actual = golden.explain_json(SLERR, fixture)
                self.assertEqual(actual.decode(), expected.decode(),
                                 f"{fixture}: if the change is meant, run scripts/update-golden "
                                 "build and review git diff tests/explain/golden")

    def test_no_golden_file_without_its_fixture(self):
        wanted = {golden.golden_path(f) for f in golden.fixtures()}
        for directory, _, names in os.walk(golden.GOLDEN):
            for name in names:
                path = os.path.join(directory, name)
                self.assertIn(path, wanted, "a stale golden file: run scripts/update-golden build")

    def test_a_changed_finding_fails(self):
        """Swapping two findings of a record, or changing one word, no longer matches."""
        fixture = "dlv-kms-client.txt"
        with open(golden.golden_path(fixture), "rb") as f:
            expected = f.read().decode()
        actual = golden.explain_json(SLERR, fixture).decode()
        self.assertEqual(actual, expected)
        self.assertNotEqual(actual.replace('"warning"', '"note"', 1), expected)
        self.assertNotEqual(actual.replace("Activated.", "Activated!", 1), expected)


if __name__ == "__main__":
    unittest.main(verbosity=2)
