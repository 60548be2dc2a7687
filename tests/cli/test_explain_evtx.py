#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`slerr explain FILE.evtx`: the records src/explain reads from real .evtx files (libevtx,
one chunk at a time) are the records Debian's two independent parsers read (evtxexport from
libevtx-utils, evtx_dump.py from python3-evtx); the same findings as the evtxexport XML through
a pipe; damaged files (a bad chunk, cut short, random bytes after the signature, flipped bytes)
give the records read, one error, exit 2, never a crash; a generated KMS host log, once both
parsers decode it to the events meant, gives the same KMS host report as its XML export."""

import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from slerrtest import SLERR, WRAPPER

ROOT = os.environ.get("SLERR_SOURCE_ROOT", ".")
SAMPLES = os.path.join(ROOT, "tests", "explain", "evtx")
APPLICATION = os.path.join(SAMPLES, "Application_no_crc32.evtx")
SECURITY = os.path.join(SAMPLES, "Security_short_selected.evtx")
BAD_CHUNK = os.path.join(SAMPLES, "sample_with_a_bad_chunk_magic.evtx")
EVTX_RECORDS = os.environ.get("EVTX_RECORDS", "evtx-records")
sys.path.insert(0, os.path.join(ROOT, "tests", "explain"))
import gen_evtx  # noqa: E402

EVENTS = 700  # five chunks; python-evtx needs about 10 s for 2,500 events
NS = "{http://schemas.microsoft.com/win/2004/08/events/event}"


def need(tool):
    if not shutil.which(tool):
        print("skipped: %s is not installed (scripts/install-deps installs it)" % tool)
        sys.exit(77)


def explain(*args, stdin=b""):
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    return subprocess.run([*WRAPPER, SLERR, "explain", *args], input=stdin, capture_output=True,
                          env=env, timeout=600 if WRAPPER else 60)


def json_records(proc):
    """The records of `explain --json`, without where they were (file, line)."""
    out = []
    for line in proc.stdout.decode().splitlines():
        o = json.loads(line)
        if "findings" in o:
            o.pop("file")
            o.pop("line")
            out.append(o)
    return out


def seconds(text):
    """2021-03-31T23:51:45.018767400Z (libevtx), 2021-03-31 23:51:45.018768 (python-evtx)."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)", text or "")
    if not m:
        return -1
    return int(datetime(*map(int, m.groups()), tzinfo=timezone.utc).timestamp())


def as_read(value):
    """A value as the event reader keeps it (event.h): trimmed, at most 255 bytes; then
    escaped as evtx-records prints it."""
    cut = value.strip(" \t\r\n").encode()[:255].decode(errors="replace")
    return cut.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def events_of_xml(text):
    """(record ID, event ID, provider, computer, seconds, data values) of each <Event>."""
    out = []
    for block in re.findall(r"<Event[ >].*?</Event>", text, re.S):
        e = ET.fromstring(block)
        system = e.find(NS + "System")
        provider = system.find(NS + "Provider")
        created = system.find(NS + "TimeCreated")
        data = e.find(NS + "EventData")
        values = [] if data is None else [as_read(d.text or "")
                                         for d in data.findall(NS + "Data")][:16]
        out.append((system.findtext(NS + "EventRecordID"), system.findtext(NS + "EventID"),
                    provider.get("Name"), system.findtext(NS + "Computer"),
                    seconds(created.get("SystemTime") if created is not None else ""), values))
    return out


def ours(path, piece=65536, fields=False):
    """The records as src/explain reads them: from their XML, or with `fields` from libevtx's
    record fields (as explain reads a healthy 12290)."""
    with open(path, "rb") as f:
        p = subprocess.run([EVTX_RECORDS, str(piece), *(["fields"] if fields else [])], stdin=f,
                           capture_output=True, text=True, errors="replace", timeout=60)
    rows = []
    for line in p.stdout.splitlines():
        rid, eid, provider, computer, when, count, values = line.split("\t")
        rows.append((rid, eid, provider, computer, int(when),
                     values.split("|") if int(count) else []))
    return rows, p


def sources_and_binary(path):
    """Per record of evtxexport's XML: the source name libevtx's fields give (EventSourceName,
    else the provider's Name) and the data of EventData's <Binary> elements."""
    out = []
    xml = subprocess.run(["evtxexport", "-f", "xml", path], capture_output=True, text=True,
                         timeout=60).stdout
    for block in re.findall(r"<Event[ >].*?</Event>", xml, re.S):
        e = ET.fromstring(block)
        provider = e.find(NS + "System").find(NS + "Provider")
        data = e.find(NS + "EventData")
        binary = [] if data is None else [as_read(b.text or "") for b in data.findall(NS + "Binary")]
        out.append((provider.get("EventSourceName") or provider.get("Name"), binary))
    return out


def evtxexport(path):
    return events_of_xml(subprocess.run(["evtxexport", "-f", "xml", path], capture_output=True,
                                        text=True, timeout=60).stdout)


def evtx_dump(path):
    return events_of_xml(subprocess.run(["evtx_dump.py", path], capture_output=True,
                                        text=True, timeout=60).stdout)


def without_values(rows):
    return [r[:5] for r in rows]


class ReaderAgainstIndependentParsers(unittest.TestCase):
    """Every record, as src/explain reads it, against evtxexport and python-evtx."""

    def test_real_samples_match_evtxexport(self):
        for path, count in ((APPLICATION, 17), (SECURITY, 7), (BAD_CHUNK, 267)):
            with self.subTest(os.path.basename(path)):
                rows, _ = ours(path)
                self.assertEqual(len(rows), count)
                self.assertEqual(rows, evtxexport(path))

    def test_real_samples_match_python_evtx(self):
        for path in (APPLICATION, SECURITY):
            with self.subTest(os.path.basename(path)):
                rows, _ = ours(path)
                self.assertEqual(without_values(rows), without_values(evtx_dump(path)))

    def test_damaged_chunk_python_evtx_reads_more_not_less(self):
        # python-evtx does not check a chunk's signature and decodes junk out of the broken
        # one (records without an ID or cut short); every record we read, it reads too.
        rows, p = ours(BAD_CHUNK)
        theirs = without_values(evtx_dump(BAD_CHUNK))
        self.assertEqual(p.returncode, 2)
        self.assertTrue(set(without_values(rows)) <= set(theirs))
        self.assertLessEqual(len(theirs) - len(rows), 3)

    def test_where_the_pieces_end_does_not_matter(self):
        whole, _ = ours(APPLICATION)
        for piece in (1, 7, 4095, 4097, 65537):
            with self.subTest(piece=piece):
                self.assertEqual(ours(APPLICATION, piece)[0], whole)


class RecordFieldsAgainstTheirXml(unittest.TestCase):
    """explain reads a healthy 12290 from libevtx's record fields, without rendering its XML
    (src/explain/evtx.c, event_reader.c): those fields, record by record, against the same
    records read from their XML."""

    def check(self, path, same_time=True):
        from_xml, p_xml = ours(path)
        from_fields, p_fields = ours(path, fields=True)
        self.assertEqual(p_fields.returncode, p_xml.returncode)
        self.assertEqual(p_fields.stderr, p_xml.stderr)
        extras = sources_and_binary(path)
        self.assertEqual(len(from_fields), len(from_xml))
        self.assertEqual(len(from_fields), len(extras))
        for x, f, (source, binary) in zip(from_xml, from_fields, extras):
            with self.subTest(record=x[0]):
                self.assertEqual(f[1], x[1])  # EventID
                self.assertEqual(f[2], source)  # EventSourceName, else Name
                self.assertEqual(f[3], x[3])  # Computer
                if same_time:
                    self.assertEqual(f[4], x[4])  # TimeCreated
                # The values in order; libevtx's also hold a <Binary> element's data, which
                # is why a 12290 is taken from its fields only as one comma-separated value.
                self.assertEqual(f[5], x[5] + binary)
        return from_fields

    def test_application_log(self):
        rows = self.check(APPLICATION)
        self.assertIn(("435", "1003", "Software Protection Platform Service"),
                      [r[:3] for r in rows])
        self.assertIn(["WSearch", "D9060000"], [r[5] for r in rows])  # event 6000's <Binary>

    def test_security_log(self):
        # Its header times differ from TimeCreated by up to 11 s: before libevtx 20190618 the
        # fields give the time the record was written, not TimeCreated.
        self.check(SECURITY, same_time=False)

    def test_damaged_file_same_records_and_error(self):
        self.assertEqual(len(self.check(BAD_CHUNK)), 267)


class ExplainEvtx(unittest.TestCase):
    def test_application_log_same_records_as_its_evtxexport_xml(self):
        xml = subprocess.run(["evtxexport", "-f", "xml", APPLICATION], capture_output=True,
                             timeout=60).stdout
        direct, piped = explain("--json", APPLICATION), explain("--json", "-", stdin=xml)
        self.assertEqual(direct.returncode, piped.returncode)
        self.assertEqual(json_records(direct), json_records(piped))
        kinds = [(r["kind"], r["title"]) for r in json_records(direct)]
        self.assertIn(("event", "event 1003 from DESKTOP-0HIJB49"), kinds)

    def test_the_line_of_an_evtx_record_is_its_event_record_id(self):
        lines = [json.loads(x).get("line")
                 for x in explain("--json", APPLICATION).stdout.splitlines()
                 if b'"kind":"event"' in x]
        # the SPP service starting (900), the 1003, the service started (902): their EventRecordIDs
        self.assertEqual(lines, [432, 435, 436])

    def test_told_by_its_signature_not_its_name(self):
        with tempfile.TemporaryDirectory() as tmp:
            renamed = os.path.join(tmp, "log.txt")
            shutil.copy(APPLICATION, renamed)
            self.assertEqual(json_records(explain("--json", renamed)),
                             json_records(explain("--json", APPLICATION)))
            with open(APPLICATION, "rb") as f:
                self.assertEqual(json_records(explain("--json", "-", stdin=f.read())),
                                 json_records(explain("--json", APPLICATION)))
            text = os.path.join(tmp, "export.evtx")  # XML under an .evtx name is still XML
            with open(text, "wb") as f:
                f.write(subprocess.run(["evtxexport", "-f", "xml", APPLICATION],
                                       capture_output=True).stdout)
            self.assertEqual(json_records(explain("--json", text)),
                             json_records(explain("--json", APPLICATION)))

    def test_security_log_without_licensing_events(self):
        r = explain(SECURITY)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"nothing recognisable", r.stderr)


class DamagedFiles(unittest.TestCase):
    def check_damaged(self, data, *expect):
        r = explain("--json", "-", stdin=data)
        self.assertEqual(r.returncode, 2, r.stderr)
        errors = [x for x in r.stderr.decode().splitlines() if x.startswith("slerr:")]
        self.assertEqual(len(errors), 1, r.stderr)
        for e in expect:
            self.assertIn(e, errors[0])
        return r

    def test_bad_chunk_magic(self):
        with open(BAD_CHUNK, "rb") as f:
            self.check_damaged(f.read(), "chunk at byte 397312", "ElfChnk", "267 records read")

    def test_cut_short(self):
        with open(APPLICATION, "rb") as f:
            data = f.read()
        self.check_damaged(data[:3000], "ends inside its header", "0 records read")
        self.check_damaged(data[:4096 + 600], "cut short", "chunk at byte 4096")
        # Cut after the 1003: the records before the cut are still reported.
        r = self.check_damaged(data[:40000], "cut short", "17 records read")
        self.assertIn("event 1003 from DESKTOP-0HIJB49", [x["title"] for x in json_records(r)])

    def test_random_bytes_after_the_signature(self):
        rnd = random.Random(19)
        data = b"ElfFile\0" + bytes(rnd.randrange(256) for _ in range(100_000))
        self.check_damaged(data, "chunk at byte 4096", "ElfChnk")

    def test_flipped_bytes_never_crash(self):
        with open(APPLICATION, "rb") as f:
            data = f.read()
        rnd = random.Random(1003)
        for _ in range(40):
            broken = bytearray(data)
            for _ in range(rnd.randrange(1, 20)):
                broken[rnd.randrange(4096, len(broken))] = rnd.randrange(256)
            r = explain("--json", "-", stdin=bytes(broken))
            self.assertIn(r.returncode, (0, 1, 2), r.stderr)
            if r.returncode == 2:
                self.assertEqual(len([x for x in r.stderr.splitlines()
                                      if x.startswith(b"slerr:")]), 1, r.stderr)


class GeneratedKmsHostLog(unittest.TestCase):
    """A KMS host's log written by tests/explain/gen_evtx.py."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.evtx = os.path.join(cls.tmp, "kms.evtx")
        cls.xml = os.path.join(cls.tmp, "kms.xml")
        # Enough events for several chunks; clones and refused clients among them.
        gen_evtx.write_evtx(cls.evtx, gen_evtx.kms_events(EVENTS, 60))
        gen_evtx.write_xml(cls.xml, gen_evtx.kms_events(EVENTS, 60))
        with open(cls.xml, encoding="utf-8") as f:
            cls.meant = events_of_xml(f.read())

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_fixture_decodes_to_the_events_meant(self):
        self.assertEqual(len(self.meant), EVENTS)
        self.assertGreater(os.path.getsize(self.evtx), 4096 + 3 * 65536)
        self.assertEqual(evtxexport(self.evtx), self.meant)
        self.assertEqual(evtx_dump(self.evtx), self.meant)

    def test_record_fields_match_their_xml(self):
        # 12290's client fields (name, CMID, request time ...), the host's name, TimeCreated,
        # as the report reads them from libevtx's fields, against the records' XML.
        rows = RecordFieldsAgainstTheirXml().check(self.evtx)
        self.assertEqual({r[2] for r in rows}, {"KmsRequests"})
        self.assertEqual([r[5] for r in rows], [r[5][0].split(",") for r in self.meant])

    def test_no_record_lost_at_a_chunks_end(self):
        # The benchmark's log (50,000 events, 5,000 clients) had record 33380 end 2 bytes
        # before its chunk's end, which libevtx drops without an error: the generator leaves
        # such records to the next chunk.
        path = os.path.join(self.tmp, "boundary.evtx")
        gen_evtx.write_evtx(path, itertools.islice(gen_evtx.kms_events(50000, 5000), 33400))
        rows, p = ours(path)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual([int(r[0]) for r in rows], list(range(1, 33401)))

    def test_our_reader_agrees(self):
        # 12290's one value is a comma-separated list, which the event reader splits.
        self.assertEqual(ours(self.evtx)[0],
                         [r[:5] + (r[5][0].split(","),) for r in self.meant])

    def test_same_kms_host_report_as_its_xml_export(self):
        self.assertEqual(evtxexport(self.evtx), self.meant)  # counts only once decoded right
        direct, exported = explain("--json", self.evtx), explain("--json", self.xml)
        self.assertEqual(direct.returncode, exported.returncode)
        self.assertEqual(direct.returncode, 1)  # the refused clients are critical

        def normalised(records):
            # The one difference: libevtx writes SystemTime with 9 fractional digits,
            # wevtutil with 7; the event's value shows the time as written.
            text = json.dumps(records)
            return re.sub(r"(T\d\d:\d\d:\d\d)\.\d+Z", r"\1Z", text)

        a, b = json_records(direct), json_records(exported)
        self.assertEqual(normalised(a), normalised(b))
        reports = [r for r in a if r["kind"] == "kms-host-report"]
        self.assertEqual(len(reports), 1)
        fields = [f["field"] for f in reports[0]["findings"]]
        self.assertIn("clock-skew", fields)
        requests = [f for f in reports[0]["findings"] if f["field"] == "requests"][0]
        self.assertTrue(requests["value"].startswith("%d requests, 60 CMIDs" % EVENTS))


if __name__ == "__main__":
    for tool in ("evtxexport", "evtx_dump.py"):
        need(tool)
    unittest.main()
