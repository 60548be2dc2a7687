#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr list` (filters, names, JSON) and of the catalog's agreement with the
Win32 headers Debian ships in mingw-w64-common (winerror.h and friends)."""

import json
import os
import re
import unittest

from slerrtest import run

MINGW = "/usr/share/mingw-w64/include"


def list_json(*args):
    result = run("list", "--json", *args)
    return result, [json.loads(line) for line in result.stdout.splitlines()]


class Win32Agreement(unittest.TestCase):
    # The imported codes are checked against the SDK headers they come from by
    # tests/catalog/test_import.py; this compares the activation codes with an independent copy.
    def test_the_mingw_slerror_h_agrees_too(self):
        values = {}
        with open(os.path.join(MINGW, "slerror.h"), encoding="latin-1") as f:
            for line in f:
                match = re.match(r"#define\s+(SL_\w+)\s+(0x[0-9A-Fa-f]+)", line)
                if match:
                    values[match.group(1)] = int(match.group(2), 16)
        self.assertGreaterEqual(len(values), 5)
        _, entries = list_json("--kind", "code")
        by_symbol = {e["symbol"]: int(e["code"], 16) for e in entries if e["symbol"]}
        for symbol, value in values.items():
            self.assertEqual(by_symbol.get(symbol), value, symbol)


class ListCommand(unittest.TestCase):
    def test_json_lines_cover_every_kind(self):
        result, entries = list_json()
        self.assertEqual(result.returncode, 0, result.stderr)
        kinds = {}
        for e in entries:
            kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
        self.assertGreaterEqual(kinds["code"], 414 + 30)
        self.assertGreaterEqual(kinds["event"], 8)
        self.assertGreaterEqual(kinds["symptom"], 10)
        self.assertGreaterEqual(kinds["setting"], 8)
        codes = [e["code"] for e in entries if e["kind"] == "code"]
        self.assertEqual(len(codes), len(set(codes)), "duplicate codes")
        for e in entries:
            self.assertTrue(e["message"], e)

    def test_kind_filter(self):
        result, entries = list_json("--kind=event")
        self.assertEqual({e["kind"] for e in entries}, {"event"})
        ids = [e["id"] for e in entries]
        for wanted in (12288, 12289, 12290, 12293, 12294, 8209):
            self.assertIn(wanted, ids)
        self.assertEqual(ids, sorted(ids))

    def test_applies_filter(self):
        _, everything = list_json()
        _, host = list_json("--applies-to", "kms-host")
        self.assertTrue(host)
        self.assertLess(len(host), len(everything))
        for e in host:
            self.assertIn("kms-host", e["applies"], e)
        expected = [e for e in everything if "kms-host" in e["applies"]]
        self.assertEqual(len(host), len(expected))

    def test_facility_filter_by_number_and_name(self):
        _, by_name = list_json("--facility", "win32")
        _, by_number = list_json("--facility", "7")
        self.assertEqual(by_name, by_number)
        self.assertTrue(by_name)
        for e in by_name:
            self.assertTrue(e["code"].startswith("0x8007"), e["code"])
        _, sl = list_json("-f", "0x4")
        self.assertGreaterEqual(len(sl), 300)
        self.assertTrue(all((int(e["code"], 16) >> 16) & 0x7FF == 4 for e in sl))

    def test_filters_combine_and_empty_result_exits_1(self):
        _, both = list_json("--kind", "setting", "--applies-to", "kms-host")
        self.assertTrue(both)
        self.assertTrue(all(e["kind"] == "setting" and "kms-host" in e["applies"] for e in both))
        result = run("list", "--kind", "event", "--facility", "7")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")

    def test_names_one_per_line(self):
        result = run("list", "--names")
        self.assertEqual(result.returncode, 0)
        names = result.stdout.splitlines()
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", names)
        self.assertIn("0xC004F038", names)
        self.assertIn("0x8004FE21", names)  # a code without a symbol
        self.assertIn("12290", names)
        self.assertIn("KeyManagementServiceName", names)
        self.assertIn("kms-count-not-increasing", names)
        entries = list_json()[1]
        self.assertEqual(len(names), len(entries) + sum(1 for e in entries if e.get("symbol")))
        self.assertEqual(len(names), len(set(names)), "a name listed twice")
        self.assertTrue(all(n and " " not in n for n in names))
        events = run("list", "--names", "--kind", "event").stdout.split()
        self.assertTrue(all(n.isdigit() for n in events))

    def test_text_is_one_line_per_entry(self):
        result = run("list", "--kind", "symptom", "--color=never")
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), len(list_json("--kind", "symptom")[1]))
        self.assertTrue(all(line.startswith("symptom ") for line in lines))

    def test_usage_errors(self):
        for args in (["--kind", "events"], ["--applies-to", "server"], ["extra"], ["--bogus"]):
            with self.subTest(args=args):
                result = run("list", *args)
                self.assertEqual(result.returncode, 2)
                self.assertTrue(result.stderr.startswith("slerr: "), result.stderr)


class EventCommand(unittest.TestCase):
    def test_event_and_win32_code_stay_apart(self):
        event = run("event", "12290", "--color=never")
        self.assertEqual(event.returncode, 0, event.stderr)
        self.assertTrue(event.stdout.startswith("event 12290  "))
        self.assertIn("Key Management Service", event.stdout)
        self.assertIn("CMID", event.stdout)
        code = run("12290")
        self.assertIn("0x80073002", code.stdout)
        self.assertNotIn("event 12290", code.stdout)

    def test_event_json_and_unknown_event(self):
        result = run("event", "12293", "--json")
        obj = json.loads(result.stdout)
        self.assertEqual(obj["id"], 12293)
        self.assertIn("0x8007267C", obj["see"])
        missing = run("event", "4242")
        self.assertEqual(missing.returncode, 1)
        self.assertIn("no event '4242'", missing.stderr)
        for bad in ("0x3002", "twelve", "", "12290x"):
            with self.subTest(bad=bad):
                result = run("event", bad)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertTrue(result.stderr.startswith("slerr: "))
        self.assertEqual(run("symptom", "no such thing").returncode, 2)
        self.assertEqual(run("setting", "NoSuchValue").returncode, 1)

    def test_symptom_and_setting(self):
        symptom = run("symptom", "kms-count-not-increasing", "--color=never")
        self.assertEqual(symptom.returncode, 0)
        self.assertIn("Steps:", symptom.stdout)
        self.assertIn("sysprep /generalize", symptom.stdout)
        setting = run("setting", "vlrenewalinterval", "--json")
        obj = json.loads(setting.stdout)
        self.assertEqual(obj["type"], "REG_DWORD")
        self.assertIn("10080", obj["default"])

    def test_lookup_json_names_links_to_other_kinds(self):
        obj = json.loads(run("0xC004F038", "--json").stdout)
        self.assertEqual(obj["kind"], "code")
        self.assertIn("symptom:kms-count-not-increasing", obj["related"])
        alias = json.loads(run("0xC014C052", "--json").stdout)
        self.assertEqual(alias["symbol"], "SL_E_CHPA_DIGITALMARKER_BINDING_NOT_CONFIGURED")


if __name__ == "__main__":
    unittest.main(verbosity=2)
