#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Golden `--json` output of `slerr diagnose`: each scenario of golden_scenarios.py (real
dnsmasq, chronyd and Samba on loopback) has its whole expected report and exit status, times,
ports and offsets normalized, in tests/diag/golden/NAME.json, so a change in a finding, a
severity, a detail or a suggested entry shows here and in the diff of the change. After a change
meant to alter them: `scripts/update-golden build`, then review `git diff tests/diag/golden`."""

import os
import unittest

import golden_scenarios as golden
from slerrtest import SLERR, WRAPPER, main


class Golden(unittest.TestCase):
    def test_every_scenario_prints_its_golden_output(self):
        self.assertGreater(len(golden.SCENARIOS), 20)
        for name in golden.SCENARIOS:
            with self.subTest(scenario=name):
                path = golden.golden_path(name)
                self.assertTrue(os.path.exists(path),
                                f"no golden file for {name}: run scripts/update-golden build")
                with open(path, encoding="utf-8") as f:
                    expected = f.read()
                self.assertEqual(golden.golden_text(SLERR, name, WRAPPER), expected,
                                 f"{name}: if the change is meant, run scripts/update-golden build "
                                 "and review git diff tests/diag/golden")

    def test_no_golden_file_without_its_scenario(self):
        wanted = {golden.golden_path(name) for name in golden.SCENARIOS}
        for name in os.listdir(golden.GOLDEN):
            self.assertIn(os.path.join(golden.GOLDEN, name), wanted,
                          "a stale golden file: run scripts/update-golden build")

    def test_normalizing_keeps_what_the_program_says(self):
        """Only times, ports of the lab's servers and durations are made constant: a changed
        result, severity, port the program chose (1688) or offset in hours still shows."""
        probe = {"probe": "ntp", "target": "127.0.0.1:40000", "result": "clock-skew",
                 "severity": "critical", "detail": "offset 18001.250 s, delay 0.001 s; via :1688",
                 "seconds": 0.01, "finished": 0.02, "offset": 18001.25, "delay": 0.001}
        report = golden.normalize({"seconds": 1.5, "probes": [probe]}, {40000: "ntp"})
        self.assertEqual(report["seconds"], "*")
        self.assertEqual(report["probes"][0], {
            "probe": "ntp", "target": "127.0.0.1:{ntp}", "result": "clock-skew", "severity": "critical",
            "detail": "offset N s, delay N s; via :1688", "seconds": "*", "finished": "*",
            "offset": "5 h", "delay": "*"})


if __name__ == "__main__":
    main()
