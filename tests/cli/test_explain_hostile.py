# SPDX-License-Identifier: MIT
"""Hostile input to `slerr explain`: XML built to cost time or memory, names and values built
to reach the terminal. Each test names the defect it pins (issue 18 item 8, issue 22 item 9)."""

import os
import subprocess
import tempfile
import unittest

from slerrtest import SLERR, WRAPPER

NS = "http://schemas.microsoft.com/win/2004/08/events/event"
BIG = 8 << 20


def explain_file(path, *args):
    """Runs `slerr explain PATH`; returns (CompletedProcess, the run's resource usage)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([*WRAPPER, SLERR, "explain", *args, path],
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out.read(),
                                           err.read()), usage


def write(tmp, name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


class HugeTokens(unittest.TestCase):
    """One XML token of 8 MiB (an attribute, a comment, a name) cost time quadratic in its size
    (the reader fed expat line pieces, and expat rescans an unfinished token each time). A
    token longer than 1 MiB is now refused at once: 'malformed', exit 2, no report."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        import shutil
        shutil.rmtree(self.tmp)

    def refused(self, data):
        r, _ = explain_file(write(self.tmp, "big.xml", data))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"big.xml:1: an XML tag, comment or name longer than 1 MiB", r.stderr)
        self.assertEqual(r.stdout, b"")

    def test_attribute(self):
        self.refused(b'<Event xmlns="%s"><System><Provider Name="%s"/></System></Event>\n'
                     % (NS.encode(), b"A" * BIG))

    def test_comment(self):
        self.refused(b"<Event><!-- %s --></Event>\n" % (b"c" * BIG))

    def test_name(self):
        self.refused(b"<Event><%s/></Event>\n" % (b"n" * BIG))

    def test_long_token_under_the_limit_is_read(self):
        """A 900 KiB attribute is within the limit: the event after it is read."""
        data = (b'<Event xmlns="%s"><System><Provider Name="Microsoft-Windows-Security-SPP" '
                b'Guid="%s"/><EventID>12290</EventID><Computer>kms01</Computer></System>'
                b'<EventData><Data>0x0,25,pc1,11111111-2222-4333-8444-555555555555,'
                b'2024/3/1 8:00,0,1,259000,2de67392-b7a7-462a-b1ca-108dd189f588</Data>'
                b'</EventData></Event>\n' % (NS.encode(), b"g" * (900 << 10)))
        r, _ = explain_file(write(self.tmp, "ok.xml", data), "--json")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b'"kind":"kms-host-report"', r.stdout)
        self.assertIn(b"1 requests, 1 CMIDs", r.stdout)


class DeepNesting(unittest.TestCase):
    """10^6 nested elements took 159 MiB and were read on: an event is five levels deep, so
    nesting past an event log's is refused as malformed, exit 2, in bounded memory."""

    def test_deep_nesting_is_malformed_in_bounded_memory(self):
        with tempfile.TemporaryDirectory() as tmp:
            data = b"<Event>" + b"<a>" * 1000000 + b"</a>" * 1000000 + b"</Event>\n"
            r, usage = explain_file(write(tmp, "deep.xml", data))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"deep.xml:1: elements nested deeper than an event log's", r.stderr)
        if not WRAPPER:  # under valgrind the RSS is valgrind's
            self.assertLess(usage.ru_maxrss, 64 * 1024, "peak RSS in KiB")

    def test_an_event_nested_as_deep_as_windows_writes_it_is_read(self):
        data = (b"<Events><Event xmlns='%s'><System><EventID>12290</EventID></System>"
                b"<UserData><Ev><V><W>x</W></V></Ev></UserData></Event></Events>\n" % NS.encode())
        with tempfile.TemporaryDirectory() as tmp:
            r, _ = explain_file(write(tmp, "ok.xml", data))
        self.assertNotIn(b"nested deeper", r.stderr)


class Escaping(unittest.TestCase):
    """Bidi and format controls in values reached the terminal raw from explain (diagnose
    escaped them); an unreadable FILE operand's name was printed raw in the error."""

    BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
            "\u2069", "\u200e", "\u200f", "\u2028", "\u2029", "\u061c"]

    def test_bidi_controls_in_values_are_escaped(self):
        fixture = os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."),
                               "tests/explain/fixtures/dli-notification.txt")
        with open(fixture, "rb") as f:
            dli = f.read()
        for ch in self.BIDI:
            data = dli.replace(b"Windows(R), Professional", ("Windows%sexe, Professional" % ch).encode())
            r = subprocess.run([*WRAPPER, SLERR, "explain", "--color=never"], input=data,
                               capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 1, r.stderr)
            self.assertNotIn(ch.encode(), r.stdout, "U+%04X" % ord(ch))
            self.assertIn(b"Windows\\x", r.stdout, "U+%04X shown as \\xNN" % ord(ch))

    def test_unreadable_file_name_is_escaped(self):
        name = "/nonexistent/\x1b]0;owned\x07\u202egpj.txt"
        r = subprocess.run([*WRAPPER, SLERR, "explain", name], capture_output=True, timeout=60)
        self.assertEqual(r.returncode, 3)
        self.assertNotIn(b"\x1b", r.stderr)
        self.assertNotIn(b"\x07", r.stderr)
        self.assertNotIn("\u202e".encode(), r.stderr)
        self.assertIn(b"/nonexistent/\\x1b]0;owned\\x07\\xe2\\x80\\xaegpj.txt", r.stderr)


if __name__ == "__main__":
    unittest.main()
