#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr explain` on activation events: every event fixture (text and XML) through
the real program, also as Windows hands files over (UTF-16LE with BOM, UTF-8 BOM, CRLF); the
inner result of 12288 as the headline over the client's 0xC004F074; the KMS host report;
truncated XML (records first, then the error with its line, exit 2); hostile bytes in events."""

import json
import os
import subprocess
import unittest

from pastes import FILE_FORMS, PASTED_FORMS
from slerrtest import SLERR, WRAPPER

EVENTS = os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."), "tests", "explain", "fixtures",
                      "events")


def fixture(name):
    with open(os.path.join(EVENTS, name), "rb") as f:
        return f.read()


def explain(*args, stdin=b""):
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    return subprocess.run([*WRAPPER, SLERR, "explain", *args], input=stdin, capture_output=True,
                          env=env, timeout=600 if WRAPPER else 60)


def records(data, *args):
    r = explain("--json", *args, stdin=data)
    objects = [json.loads(x) for x in r.stdout.decode().splitlines() if x.strip()]
    return [o for o in objects if "findings" in o], r


# fixture -> [(kind, rule, field, severity, code that must be among its codes or None)]
EXPECTED = {
    "12288-eventviewer.txt": [("event", "12288-failed", "result", "critical", "0x800706BA"),
                              ("event", "12288-host", "kms-host", "note", None)],
    "12288-formatlist-star.txt": [("event", "12288-failed", "result", "critical", "0xC004F06C")],
    "12289-formatlist.txt": [("event", "12289-refused", "result", "critical", "0xC004F038"),
                             ("event", "12289-count-below-5", "kms-count", "warning", "0xC004F038")],
    "12290-wevtutil.txt": [("event", "12290-clock-skew", "result", "critical", "0xC004F06C"),
                           ("kms-host-report", "report-clock-skew", "clock-skew", "critical", "0xC004F06C")],
    "12290-wevtutil.xml": [("event", "12290-clock-skew", "result", "critical", "0xC004F06C"),
                           ("kms-host-report", "report-clock-skew", "clock-skew", "critical", "0xC004F06C")],
    "12290-saved.xml": [("event", "12290-refused", "result", "critical", "0xC004F038"),
                        ("event", "12294-published", "dns-domain", "ok", None)],
    "12293-eventviewer-with-xml.txt": [("event", "12293-failed", "result", "critical", "0x8007267C"),
                                       ("event", "12293-domain", "dns-domain", "note", None)],
    "12293-toxml.xml": [("event", "12293-not-owner", "result", "critical", "0x80072338")],
    "8198-eventviewer.txt": [("event", "8198-failed", "result", "critical", "0x8007232B")],
    "1003-formatlist.txt": [("event", "1003-status-check", "license-check", "note", None)],
}


class EventFixtures(unittest.TestCase):
    def test_every_fixture_in_every_encoding(self):
        for name, expected in EXPECTED.items():
            variants = dict(FILE_FORMS)
            if name.endswith(".txt") and "xml" not in name:
                variants.update(PASTED_FORMS)
            for variant, transform in variants.items():
                with self.subTest(fixture=name, variant=variant):
                    objs, r = records(transform(fixture(name)))
                    self.assertIn(r.returncode, (0, 1), r.stderr.decode())
                    for kind, rule, field, severity, code in expected:
                        hits = [f for o in objs if o["kind"] == kind for f in o["findings"]
                                if f["rule"] == rule]
                        self.assertTrue(hits, f"no {kind}/{rule} in {objs}")
                        self.assertEqual({f["field"] for f in hits}, {field})
                        self.assertIn(severity, [f["severity"] for f in hits])
                        if code:
                            self.assertIn(code, [c for f in hits for c in f["codes"]])
                    self.assertEqual(r.returncode, 1 if any(e[3] in ("warning", "critical")
                                                            for e in expected) else 0)

    def test_pasted_twice_the_event_viewer_copy_is_one_event_each(self):
        data = fixture("12293-eventviewer-with-xml.txt")
        objs, _ = records(data + b"\n" + data)
        self.assertEqual([o["kind"] for o in objs], ["event", "event"])

    def test_vss_events_with_activation_ids_are_not_read(self):
        r = explain(stdin=fixture("vss-12289.txt"))
        self.assertEqual(r.returncode, 2, "nothing recognisable in it")

    def test_first_line_is_where_the_event_starts(self):
        objs, _ = records(fixture("12290-wevtutil.txt"))
        self.assertEqual(objs[0]["line"], 19)


class Headline(unittest.TestCase):
    def test_12288_inner_result_beats_the_clients_0xC004F074(self):
        ato = (b"Activating Windows(R), ServerStandard edition "
               b"(00091344-1ea4-4f37-b789-01750ba6988c) ...\n"
               b"Error: 0xC004F074 The Software Licensing Service reported that the computer "
               b"could not be activated. No Key Management Service (KMS) could be contacted. "
               b"Please see the Application Event Log for additional information.\n\n")
        r = explain("--json", stdin=ato + fixture("12288-eventviewer.txt"))
        self.assertEqual(r.returncode, 1)
        objs = [json.loads(x) for x in r.stdout.decode().splitlines() if x.strip()]
        self.assertIn("slmgr-error", [o["kind"] for o in objs])
        summary = [o for o in objs if o["kind"] == "summary"][0]
        self.assertEqual(summary["headline"]["codes"][0], "0x800706BA")
        self.assertEqual(summary["headline"]["field"], "result")
        self.assertEqual(summary["headline"]["rule"], "12288-failed")


class Report(unittest.TestCase):
    def test_generated_host_log(self):
        lines = []
        for day in range(1, 15):
            for c in range(1, 21):
                lines.append(
                    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                    "<System><Provider Name='Microsoft-Windows-Security-SPP'/>"
                    "<EventID>12290</EventID><TimeCreated SystemTime='2024-03-%02dT08:00:00Z'/>"
                    "<Computer>kms01</Computer></System><EventData><Data>0x0,25,%s,"
                    "%08x-0000-4000-8000-000000000000,2024/3/%d 8:00,0,1,259000,"
                    "2de67392-b7a7-462a-b1ca-108dd189f588</Data></EventData></Event>"
                    % (day, "CLONE%d" % c if day == 14 and c <= 2 else "PC%d" % c, c, day))
        objs, r = records(("\n".join(lines) + "\n").encode())
        self.assertEqual(r.returncode, 1)
        report = [o for o in objs if o["kind"] == "kms-host-report"]
        self.assertEqual(len(report), 1)
        rules = {f["rule"]: f for f in report[0]["findings"]}
        self.assertEqual(rules["report-count-low"]["value"], "20 of 25 (client editions)")
        self.assertEqual(rules["report-count-low"]["severity"], "warning")
        self.assertIn("need 25", rules["report-count-low"]["text"])
        self.assertTrue(rules["report-clones"]["value"].startswith("2 CMIDs under several names"))
        self.assertIn("0xC004F038", rules["report-count-low"]["codes"])


class Broken(unittest.TestCase):
    def test_truncated_xml_reports_then_fails_with_the_line(self):
        r = explain("--json", stdin=fixture("truncated.xml"))
        self.assertEqual(r.returncode, 2)
        err = r.stderr.decode()
        self.assertIn("3", err)
        kinds = [json.loads(x).get("kind") for x in r.stdout.decode().splitlines() if x.strip()]
        self.assertIn("kms-host-report", kinds, "what was read before the cut is reported")

    def test_hostile_bytes_in_an_event_never_reach_the_terminal(self):
        data = fixture("12288-eventviewer.txt").replace(b"kms01.contoso.com",
                                                        b"kms\x1b[31m\x07\xff.contoso.com")
        r = explain("--color=always", stdin=data)
        self.assertEqual(r.returncode, 1)
        self.assertNotIn(b"\x1b[31m\x07", r.stdout)
        self.assertNotIn(b"\x07", r.stdout)
        objs, _ = records(data)
        host = [f for o in objs for f in o["findings"] if f["rule"] == "12288-host"][0]
        self.assertIn("kms", host["value"])
        self.assertNotIn("slerr diagnose", host["text"], "an unchecked host gets no command")


if __name__ == "__main__":
    unittest.main()
