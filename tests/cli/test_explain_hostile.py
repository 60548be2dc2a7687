# SPDX-License-Identifier: MIT
"""Hostile input to `slerr explain`: XML built to cost time or memory, names and values built
to reach the terminal. Each test names the defect it pins (issue 18 item 8, issue 22 item 9)."""

import os
import subprocess
import sys
import tempfile
import unittest

from slerrtest import SLERR, WRAPPER

NS = "http://schemas.microsoft.com/win/2004/08/events/event"
BIG = 8 << 20


# Runs slerr from a small interpreter and reports that child's peak RSS: a child forked from
# this test process (which holds tens of MiB of test data) starts with its pages counted.
MEASURE = """
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, capture_output=True)
sys.stdout.buffer.write(b"%d %d\\n" % (r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.stdout.buffer.write(r.stdout)
sys.stderr.buffer.write(r.stderr)
"""


def explain_file(path, *args):
    """Runs `slerr explain PATH`; returns (CompletedProcess, peak RSS of that run in KiB)."""
    r = subprocess.run([sys.executable, "-c", MEASURE, *WRAPPER, SLERR, "explain", *args, path],
                       capture_output=True, timeout=600 if WRAPPER else 120)
    head, _, out = r.stdout.partition(b"\n")
    status, rss = (int(x) for x in head.split())
    return subprocess.CompletedProcess(r.args, status, out, r.stderr), rss


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
            r, rss = explain_file(write(tmp, "deep.xml", data))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"deep.xml:1: elements nested deeper than an event log's", r.stderr)
        if not WRAPPER:  # under valgrind the RSS is valgrind's
            self.assertLess(rss, 64 * 1024, "peak RSS in KiB")

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


class UsageErrors(unittest.TestCase):
    """Usage errors echoed the user's operands raw: escape sequences in an argument or in a
    line of a batch command file reached the terminal."""

    HOSTILE = "zz\x1b]0;owned\x07\x1b[2J\u202e"

    def check(self, r):
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertNotIn(b"\x1b", r.stderr)
        self.assertNotIn(b"\x07", r.stderr)
        self.assertNotIn("\u202e".encode(), r.stderr)
        self.assertIn(b"zz\\x1b]0;owned\\x07\\x1b[2J\\xe2\\x80\\xae", r.stderr)

    def run_slerr(self, *args, stdin=None):
        return subprocess.run([*WRAPPER, SLERR, *args], input=stdin, capture_output=True,
                              timeout=60)

    def test_a_lookup_operand(self):
        self.check(self.run_slerr(self.HOSTILE))

    def test_an_unknown_option(self):
        self.check(self.run_slerr("explain", "--" + self.HOSTILE))

    def test_a_help_topic(self):
        self.check(self.run_slerr("help", self.HOSTILE))

    def test_a_line_of_a_batch_file(self):
        self.check(self.run_slerr("repl", stdin=("0x" + self.HOSTILE + "\n").encode()))


class Interrupt(unittest.TestCase):
    """Ctrl-C during `explain FILE` in the REPL was taken as the end of the file: a partial
    report as if it were the whole file, then "malformed". It says "interrupted" now."""

    def test_ctrl_c_during_explain_of_a_file(self):
        from ptysession import PtySession
        with tempfile.TemporaryDirectory() as tmp:
            fifo = os.path.join(tmp, "events.xml")
            os.mkfifo(fifo)
            writer = os.open(fifo, os.O_RDWR)  # a writer that never finishes the file
            os.write(writer, b"<Event xmlns='%s'><System><EventID>12290</EventID>\n" % NS.encode())
            s = PtySession("repl", "--no-history", env={"XDG_STATE_HOME": tmp})
            try:
                s.expect_prompt()
                s.send("explain " + fifo + "\r")
                self.wait_until_open(s.pid, fifo)
                s.send("\x03")
                out = s.expect_prompt()
                self.assertIn("events.xml: interrupted", out)
                self.assertNotIn("ends inside", out)
                self.assertNotIn("Headline", out)
                self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT", s.command("0xC004F038"))
            finally:
                s.close()
                os.close(writer)

    @staticmethod
    def wait_until_open(pid, path):
        """Readiness: the REPL (or its child) holds `path` open, so it is reading it."""
        import time
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            fds = os.path.join("/proc", str(pid), "fd")
            try:
                if any(os.readlink(os.path.join(fds, f)) == path for f in os.listdir(fds)):
                    return
            except OSError:
                pass
            time.sleep(0.01)
        raise AssertionError("slerr never opened " + path)


class HelpdeskInput(unittest.TestCase):
    """Issue 18 item 6: a code copied with what surrounds it was a usage error; a sentence at
    the REPL gave one "is not an error code" block per word."""

    def run_slerr(self, *args, stdin=None):
        return subprocess.run([*WRAPPER, SLERR, *args], input=stdin, capture_output=True,
                              text=True, timeout=60)

    def test_a_code_inside_punctuation_is_that_code(self):
        plain = self.run_slerr("--brief", "0xC004F074")
        for word in ["(0xC004F074)", "0xC004F074.", "hr=0xc004f074,", "0xC004F074\r"]:
            with self.subTest(word=word):
                r = self.run_slerr("--brief", word)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, plain.stdout)
        r = self.run_slerr("--json", "(0xC004F074)")
        self.assertIn('"input":"0xC004F074"', r.stdout.replace(" ", ""))

    def test_every_form_inside_punctuation_is_that_code(self):
        # libslerr's slerr_parse_word, not the scanner: a Win32 error and a symbol in brackets
        # or quotes were usage errors while the scanner found only eight-digit codes.
        for word, plain in [("(0x6BA)", "0x6BA"), ("'1722',", "1722"),
                            ('"SL_E_VL_NOT_ENOUGH_COUNT".', "SL_E_VL_NOT_ENOUGH_COUNT")]:
            with self.subTest(word=word):
                r = self.run_slerr("--json", word)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, self.run_slerr("--json", plain).stdout)

    def test_two_codes_in_one_word_are_not_one_code(self):
        r = self.run_slerr("0xC004F074,0xC004F038")
        self.assertEqual(r.returncode, 2)
        self.assertIn("is not an error code", r.stderr)

    def test_a_repl_sentence_without_a_code_is_one_search(self):
        r = self.run_slerr("repl", stdin="No Key Management Service could be contacted\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("is not an error code", r.stderr)
        search = self.run_slerr("search", "No", "Key", "Management", "Service", "could", "be",
                                "contacted")
        self.assertEqual(r.stdout, search.stdout)
        self.assertIn("0xC004F074", r.stdout)

    def test_a_repl_sentence_with_a_code_looks_the_code_up(self):
        r = self.run_slerr("repl", stdin="user gets (0xC004F074) when activating\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, self.run_slerr("0xC004F074").stdout)


class ReplSmallItems(unittest.TestCase):
    """Issue 22 item 8: the REPL did not complete options; its `help` did not mention quit."""

    def test_tab_completes_the_options_of_the_line_s_command(self):
        from ptysession import PtySession
        with tempfile.TemporaryDirectory() as tmp:
            s = PtySession("repl", "--no-history", env={"XDG_STATE_HOME": tmp})
            try:
                s.expect_prompt()
                s.send("explain --b\t")
                s.expect("explain --brief ")
                s.send("--col\t")
                s.expect("--color=")  # no space: the value follows
                s.send("\x03")
                s.expect_prompt()
                s.send("0xC004F074 --j\t")  # a lookup's options
                s.expect("0xC004F074 --json ")
                s.send("\x03")
                s.expect_prompt()
            finally:
                s.close()

    def test_help_in_the_repl_names_quit(self):
        from ptysession import PtySession
        with tempfile.TemporaryDirectory() as tmp:
            s = PtySession("repl", "--no-history", env={"XDG_STATE_HOME": tmp})
            try:
                s.expect_prompt()
                self.assertIn("'quit' or 'exit'", s.command("help"))
            finally:
                s.close()


def paste():
    """Over 64 MiB of pasted lines."""
    return b"".join(b"line %07d %s\n" % (i, b"p" * 4000) for i in range(17000))


class PasteLimit(unittest.TestCase):
    """A paste over the 64 MiB block limit: slerr stopped reading and the rest of the paste ran
    as commands (REPL commands, or shell commands once `slerr explain` had exited); a batch
    `explain` block had no limit at all. Now the rest of the paste is discarded up to its end,
    with one message and exit status 2."""

    def test_batch_explain_block_has_the_limit_and_what_follows_its_end_runs(self):
        commands = b"explain\n" + paste() + b"0x8007232B\n.\n0xC004F038\n"
        r = subprocess.run([*WRAPPER, SLERR, "repl"], input=commands, capture_output=True,
                           timeout=600 if WRAPPER else 120)
        self.assertIn(b"the pasted text is larger than 64 MiB: it was discarded", r.stderr)
        self.assertNotIn(b"0x8007232B", r.stdout, "a line of the block ran as a command")
        self.assertIn(b"0xC004F038", r.stdout, "the line after the block's end runs")
        self.assertEqual(r.returncode, 2)

    def test_terminal_paste_rest_never_reaches_the_shell(self):
        """`slerr explain` on a terminal, then a shell reading the next line: after the refused
        paste, the shell must see what is typed next, not a line of the paste."""
        import pty
        import termios
        import threading
        import time
        script = '"$SLERR" explain; echo "status:$?"; IFS= read -r next; echo "next:[$next]"'
        pid, fd = pty.fork()
        if pid == 0:
            try:
                attrs = termios.tcgetattr(0)
                attrs[3] &= ~termios.ECHO  # no echo: the test need not drain 64 MiB of it
                termios.tcsetattr(0, termios.TCSANOW, attrs)
                os.execvpe("sh", ["sh", "-c", script], dict(os.environ, SLERR=SLERR))
            finally:
                os._exit(127)
        data = paste() + b"touch-this-line\n"
        def write_paste():
            try:
                os.write(fd, data)
            except OSError:
                pass
        writer = threading.Thread(target=write_paste, daemon=True)
        writer.start()
        out = b""
        deadline = time.monotonic() + (600 if WRAPPER else 120)
        try:
            while b"status:" not in out and time.monotonic() < deadline:
                out += self.read_some(fd)
            writer.join(timeout=5)
            self.assertFalse(writer.is_alive(), "the rest of the paste was read and dropped")
            os.write(fd, b"typed-later\n")
            while b"next:[" not in out and time.monotonic() < deadline:
                out += self.read_some(fd)
            while b"]" not in out.split(b"next:[", 1)[-1] and time.monotonic() < deadline:
                out += self.read_some(fd)
        finally:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
            os.waitpid(pid, 0)
            os.close(fd)
        self.assertIn(b"the pasted text is larger than 64 MiB: it was discarded", out)
        self.assertIn(b"status:2", out)
        self.assertIn(b"next:[typed-later]", out)

    @staticmethod
    def read_some(fd):
        import select
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            return b""
        try:
            return os.read(fd, 65536)
        except OSError:
            return b""


if __name__ == "__main__":
    unittest.main()
