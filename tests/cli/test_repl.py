#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr repl`: batch mode through a pipe (compared with one-shot runs), and the
interactive session on a real pseudo-terminal: lookups, TAB completion, history, Ctrl-C, Ctrl-D."""

import os
import re
import shlex
import socket
import stat
import tempfile
import unittest

from ptysession import PROMPT, PtySession
from slerrtest import run

CODE = re.compile(r"^(0x[0-9A-F]{8})  (\S+)", re.MULTILINE)



class Batch(unittest.TestCase):
    """stdin is a pipe: no prompt, no history, the same output as running each line alone."""

    def setUp(self):
        self.state = tempfile.TemporaryDirectory()
        self.env = {"XDG_STATE_HOME": self.state.name, "NO_COLOR": "1"}

    def tearDown(self):
        self.state.cleanup()

    def batch(self, *lines, args=()):
        return run("repl", *args, stdin="".join(line + "\n" for line in lines), env=self.env)

    def one_shots(self, lines):
        results = [run(*shlex.split(line), env=self.env) for line in lines]
        return ("".join(r.stdout for r in results), "".join(r.stderr for r in results),
                max(r.returncode for r in results))

    def assert_same_as_one_shot(self, lines):
        result = self.batch(*lines)
        stdout, stderr, worst = self.one_shots(lines)
        self.assertEqual(result.stdout, stdout)
        self.assertEqual(result.stderr, stderr)
        self.assertEqual(result.returncode, worst)

    def test_lookups_equal_one_shot_output(self):
        self.assert_same_as_one_shot(["0xC004F074", "0xC004F038 0xC004F074", "--brief 1722",
                                      "--json sl_e_vl_not_enough_count", "-1073418184"])

    def test_commands_equal_one_shot_output(self):
        # Every command the program offers: one that disappears fails here (help exits 2).
        lines = ["help", "help lookup", "--version", "search rearm", "list --kind=event",
                 "event 12290", "symptom", "setting", "help annotate", "help diagnose"]
        # Twice over: a command that kept state between calls would print something else.
        self.assert_same_as_one_shot(lines + lines)

    def test_explain_takes_the_lines_after_it_up_to_a_dot(self):
        fixtures = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "tests/explain/fixtures")
        with open(os.path.join(fixtures, "dli-notification.txt")) as f:
            pasted = f.read()
        result = self.batch("explain --brief", *pasted.splitlines(), ".", "0xC004F038",
                            "explain --brief", *pasted.splitlines())
        self.assertEqual(result.stdout.count("stdin:1: critical license-status"), 2)
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT", result.stdout)
        self.assertEqual(result.returncode, 1)  # the worst line: a critical finding
        # With a FILE it reads the file, and the next line is a command again.
        path = os.path.join(fixtures, "skms.txt")
        result = self.batch(f"explain --brief {path}", "0xC004F038")
        self.assertIn("1 record, nothing worse than OK.", result.stdout)  # /skms's success: ok
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT", result.stdout)
        self.assertEqual(result.returncode, 0)

    def test_diagnose_runs_again_in_one_process(self):
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))  # bound, not listening: connections are refused
            target = f"127.0.0.1:{closed.getsockname()[1]}"
            line = f"diagnose --kms {target} --ntp {target} --timeout 5"
            result = self.batch(line, line)
            alone = run(*shlex.split(line), env=self.env)
        self.assertEqual(result.returncode, alone.returncode)
        self.assertNotEqual(alone.returncode, 0)
        refused = [l for l in alone.stdout.splitlines() if "tcp" in l]
        self.assertTrue(refused, alone.stdout)
        self.assertEqual(result.stdout.count("0xC004F074"), 2 * alone.stdout.count("0xC004F074"))
        self.assertEqual(len([l for l in result.stdout.splitlines() if "tcp" in l]),
                         2 * len(refused))

    def test_worst_status_wins(self):
        lines = ["0xC004F038", "0xC004F999", "0xC004F074"]
        result = self.batch(*lines)
        self.assertEqual(result.returncode, 1)  # not found, but the lines after it still ran
        self.assertEqual(result.stdout, self.one_shots(lines)[0])
        bad = self.batch("0xbanana", "0xC004F999", "0xC004F038")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("slerr: '0xbanana' is not an error code", bad.stderr)
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", bad.stdout)

    def test_no_prompt_and_blank_comment_and_crlf_lines(self):
        result = run("repl", stdin="\n   \n# a note\r\n0xC004F038\r\n", env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, run("0xC004F038", env=self.env).stdout)
        self.assertNotIn(PROMPT, result.stdout + result.stderr)

    def test_quoting(self):
        result = self.batch("'0xC004F038' \"--brief\"")
        self.assertEqual(result.stdout, run("--brief", "0xC004F038").stdout)
        # A quoted space stays inside the word: one bad operand, not two codes.
        joined = self.batch("'0xC004F038 0xC004F074'")
        self.assertEqual(joined.returncode, 2)
        self.assertEqual(joined.stdout, "")
        unmatched = self.batch("'0xC004F038", "0xC004F074")
        self.assertEqual(unmatched.returncode, 2)
        self.assertIn("slerr: unmatched quote", unmatched.stderr)
        self.assertIn("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", unmatched.stdout)

    def test_overlong_line_is_refused_before_it_is_split(self):
        # Crashed with a stack overflow (exit 139): a pointer per word on the stack.
        long_line = " ".join(["1"] * 1500000)
        result = self.batch(long_line, "0xC004F074")
        self.assertEqual(result.returncode, 2, result.stderr[-500:])
        self.assertIn("slerr: line of 2999999 bytes ignored: at most 16384", result.stderr)
        self.assertEqual(result.stdout, run("0xC004F074", env=self.env).stdout)
        # Without a line end at all, and just over the bound after a split that fits.
        for text in ["0xC004F038 " * 2000, "1 " * 8192 + "1\n"]:
            result = run("repl", stdin=text, env=self.env)
            self.assertEqual(result.returncode, 2)
            self.assertEqual(result.stdout, "")
            self.assertIn("ignored: at most 16384", result.stderr)

    def test_trailing_backslash_is_refused(self):
        # libedit's tokenizer read past the end of such a line and ran what it found there.
        for line in ["0xC004F074 \\", "\\", "0xC004F074 '\\"]:
            with self.subTest(line=line):
                result = self.batch(line)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stdout, "")
                self.assertRegex(result.stderr, r"^slerr: (a line cannot end in a backslash|"
                                 r"unmatched quote)\n$")

    def test_backslash_and_quotes_join_words(self):
        result = self.batch("0x\\C004F038 \"--br\"'ief' '' 0xC004F0\\ 74")
        self.assertEqual(result.returncode, 2)  # "0xC004F0 74" is not a code
        # two operands, so the message is named (--brief with several codes)
        self.assertEqual(result.stdout, "0xC004F038: " + run("--brief", "0xC004F038").stdout)
        self.assertNotIn("slerr: '' is not", result.stderr)  # a plain word beside codes
        self.assertIn("slerr: '0xC004F0 74' is not an error code", result.stderr)

    def test_quit_stops_reading(self):
        for word in ["quit", "exit"]:
            with self.subTest(word=word):
                result = self.batch("0xC004F038", word, "0xC004F074")
                self.assertEqual(result.returncode, 0)
                self.assertNotIn("0xC004F074  ", result.stdout)

    def test_usage_errors_do_not_end_the_batch(self):
        result = self.batch("lookup --bogus", "help nosuch", "repl", "0xC004F038")
        self.assertEqual(result.returncode, 2)
        self.assertIn("unknown option --bogus", result.stderr)
        self.assertIn("already in an interactive session", result.stderr)
        self.assertTrue(result.stdout.startswith("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT"))

    def test_command_reading_stdin_cannot_swallow_later_lines(self):
        result = self.batch("annotate", "0xC004F038")
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT", result.stdout)

    def test_no_history_written(self):
        self.batch("0xC004F038")
        self.assertEqual(os.listdir(self.state.name), [])

    def test_bad_invocations(self):
        self.assertEqual(run("repl", "0xC004F038", stdin="").returncode, 2)
        self.assertEqual(run("repl", "--json", stdin="").returncode, 2)
        alone = run(stdin="")  # no terminal: `slerr` alone stays a usage error
        self.assertEqual(alone.returncode, 2)
        self.assertIn("slerr: no code or command given", alone.stderr)
        helped = run("repl", "--help")
        self.assertEqual(helped.returncode, 0)
        self.assertIn("--no-history", helped.stdout)
        self.assertIn("repl", run("help").stdout)


def typed_fixture(name):
    """An explain fixture as a terminal sends it: each line ended by CR."""
    with open(os.path.join(os.environ["SLERR_SOURCE_ROOT"], "tests/explain/fixtures", name)) as f:
        return "".join(line.rstrip("\n") + "\r" for line in f)


class Interactive(unittest.TestCase):
    """A real pseudo-terminal: what a helpdesk person sees and types."""

    def setUp(self):
        self.state = tempfile.TemporaryDirectory()
        self.sessions = []

    def tearDown(self):
        for session in self.sessions:
            session.close()
        self.state.cleanup()

    def start(self, *args, env=None):
        session = PtySession(*args, env={"XDG_STATE_HOME": self.state.name, **(env or {})})
        self.sessions.append(session)
        session.expect_prompt()
        return session

    def assert_ends_well(self, session):
        self.assertEqual(session.wait(), 0, session.text()[-2000:])

    def history_file(self):
        return os.path.join(self.state.name, "slerr", "history")

    def test_slerr_alone_opens_the_repl_and_looks_up(self):
        s = self.start()
        out = s.command("0xC004F074")
        self.assertIn("0xC004F074  SL_E_VL_BINDING_SERVICE_UNAVAILABLE\n", out)
        out = s.command("0xC004F038 -1073418124")
        self.assertEqual([m[0] for m in CODE.findall(out)], ["0xC004F038", "0xC004F074"])
        s.send("\x04")  # Ctrl-D on an empty line
        self.assert_ends_well(s)

    def test_tab_completes_a_symbol_prefix_in_any_case(self):
        s = self.start("repl")
        s.send("sl_e_vl_not_en\t")
        s.expect("SL_E_VL_NOT_ENOUGH_COUNT ")
        out = s.command("")
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT\n", out)

    def test_tab_lists_codes_with_a_prefix(self):
        s = self.start("repl")
        s.send("0xC004F0\t")
        listing = s.expect(PROMPT + "0xC004F0")
        codes = re.findall(r"^(0x[0-9A-F]{8}) (\S+)$", listing, re.MULTILINE)
        listed = [code for code, _ in codes]
        self.assertIn("0xC004F038", listed)
        self.assertIn("0xC004F074", listed)
        self.assertTrue(all(code.startswith("0xC004F0") for code in listed), listed)
        for code, symbol in codes:  # every choice is a real catalog entry with that symbol
            self.assertTrue(run("--brief", code).returncode == 0, code)
            self.assertEqual(run("--brief", symbol).stdout, run("--brief", code).stdout)
        # One code left: completed with a space after it, so the option is a word of its own.
        out = s.command("74\t--brief")
        self.assertEqual(out.splitlines()[-1], run("--brief", "0xC004F074").stdout.strip())

    def test_tab_after_event_lists_event_ids(self):
        s = self.start("repl", "--no-history")
        s.send("event 1229\t")
        listing = s.expect(PROMPT + "event 1229")
        ids = re.findall(r"^(\d+) ", listing, re.MULTILINE)
        self.assertIn("12290", ids)
        for event_id in ids:
            self.assertTrue(event_id.startswith("1229"), ids)
            self.assertEqual(run("event", event_id).returncode, 0, event_id)

    def test_tab_completes_command_words(self):
        s = self.start("repl", "--no-history")
        s.send("hel\t")
        s.expect("help ")
        s.send("loo\t")
        s.expect("lookup ")
        self.assertIn("Usage: slerr [--brief]", s.command(""))
        s.send("qu\t")
        s.expect("quit ")
        s.send("\r")
        self.assert_ends_well(s)

    def test_ctrl_c_clears_the_line_and_never_ends_the_session(self):
        s = self.start("repl")
        s.send("\x03")  # on an empty line
        s.expect_prompt()
        s.send("0xC004F074\x03")  # mid-line: the half-typed code is dropped
        s.expect_prompt()
        out = s.command("0xC004F038")
        self.assertEqual(CODE.findall(out), [("0xC004F038", "SL_E_VL_NOT_ENOUGH_COUNT")])
        s.send("\x04")
        self.assert_ends_well(s)

    def test_ctrl_c_stops_a_running_diagnose_not_the_session(self):
        with socket.socket() as silent, socket.socket() as closed:
            silent.bind(("127.0.0.1", 0))
            silent.listen(1)  # connects, then never answers the RPC bind
            closed.bind(("127.0.0.1", 0))  # bound, not listening: nothing answers there
            s = self.start("repl", "--no-history")
            s.send(f"diagnose --kms 127.0.0.1:{silent.getsockname()[1]} "
                   f"--ntp 127.0.0.1:{closed.getsockname()[1]} --timeout 600\r")
            s.expect("probe running")
            s.send("\x03")
            s.expect("slerr: interrupted")
            s.expect_prompt()
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT\n", s.command("0xC004F038"))
        s.send("\x04")
        self.assert_ends_well(s)

    def test_annotate_reads_the_terminal_until_ctrl_c_or_ctrl_d(self):
        s = self.start("repl", "--no-history")
        for end in ["\x03", "\x04"]:
            with self.subTest(end=end):
                s.send("annotate\r")
                s.send("log 0xC004F074 here\r")
                s.expect("0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE")
                s.send(end)
                s.expect_prompt()
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT\n", s.command("0xC004F038"))
        s.send("\x04")
        self.assert_ends_well(s)

    def test_explain_reads_a_pasted_block(self):
        pasted = typed_fixture("dli-notification.txt")
        s = self.start("repl", "--no-history")
        # Ended by a line holding only ".": the findings, then the prompt again.
        s.send("explain --brief\r")
        s.expect("Ctrl-C abandons it.")
        s.send(pasted + ".\r")
        out = s.expect_prompt()
        self.assertIn("stdin:1: critical license-status Notification mode", out)
        self.assertIn("Headline (critical)", out)
        # Ctrl-C abandons the block: nothing of it is explained.
        s.send("explain\r")
        s.expect("Ctrl-C abandons it.")
        s.send(pasted)
        s.send("\x03")
        out = s.expect_prompt()
        self.assertIn("slerr: explain: abandoned", out)
        self.assertNotIn("Notification mode", out)
        # Ctrl-D ends it too.
        s.send("explain --json\r")
        s.expect("Ctrl-C abandons it.")
        s.send(pasted + "\x04")
        out = s.expect_prompt()
        self.assertIn('"kind":"slmgr-dli"', out.replace(" ", ""))
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT\n", s.command("0xC004F038"))
        s.send("\x04")
        self.assert_ends_well(s)

    def test_a_block_pasted_at_the_prompt_is_explained(self):
        # Issue 18 item 6: pasted without `explain` first, each line ran as a command (a
        # lookup or a search per line of the paste).
        pasted = typed_fixture("dli-notification.txt")
        s = self.start("repl", "--no-history")
        s.send(pasted)  # all lines at once, as a terminal delivers a paste
        out = s.expect_prompt()
        self.assertIn("critical license-status: Notification", out.replace("  ", " "))
        self.assertIn("Headline (critical)", out)
        self.assertNotIn("is not an error code", out)
        # A single line that is no command is still a lookup, and the session goes on.
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT\n", s.command("0xC004F038"))
        # A pasted block that starts with a command runs as commands, as before.
        s.send("lookup 0xC004F074\r0xC004F038\r")
        out = s.expect_prompt() + s.expect_prompt()
        self.assertIn("0xC004F074  SL_E_VL_BINDING_SERVICE_UNAVAILABLE", out)
        self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT", out)
        self.assertNotIn("Headline", out)
        s.send("\x04")
        self.assert_ends_well(s)

    def test_usage_error_keeps_the_session(self):
        s = self.start("repl")
        self.assertIn("slerr: '0xbanana' is not an error code", s.command("0xbanana"))
        self.assertIn("unknown option --bogus", s.command("lookup --bogus"))
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", s.command("0xC004F038"))
        s.send("quit\r")
        self.assert_ends_well(s)

    def test_history_is_private_and_recalled_next_time(self):
        s = self.start("repl")
        s.command("0xC004F074")
        s.command("0xC004F038")
        s.send("\x04")
        self.assert_ends_well(s)
        path = self.history_file()
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode), 0o700)
        with open(path) as f:
            self.assertIn("0xC004F074", f.read())

        again = self.start("repl")
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", again.command("\x10"))  # Ctrl-P: last line
        again.send("\x12F07\r")  # Ctrl-R: incremental search backwards, then run the match
        again.expect("0xC004F074  SL_E_VL_BINDING_SERVICE_UNAVAILABLE\n")
        again.expect_prompt()

    def test_no_history_leaves_no_file(self):
        s = self.start("repl", "--no-history")
        s.command("0xC004F038")
        s.send("\x04")
        self.assert_ends_well(s)
        self.assertFalse(os.path.exists(self.history_file()))

    def write_history(self, *lines):
        os.makedirs(os.path.dirname(self.history_file()), mode=0o700, exist_ok=True)
        with open(self.history_file(), "w") as f:
            f.write("_HiStOrY_V2_\n" + "".join(line + "\n" for line in lines))

    def test_history_drops_overlong_lines_on_load(self):
        # A 1 MB line was loaded, then rewritten after every command.
        self.write_history("0xC004F038", "0x" + "A" * 1000000)
        s = self.start("repl")
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", s.command("\x10"))  # Ctrl-P: 0xC004F038
        s.send("\x04")
        self.assert_ends_well(s)
        self.assertLess(os.path.getsize(self.history_file()), 1000)

    def test_history_that_is_not_a_regular_file_is_refused(self):
        # A FIFO there made the session hang before its first prompt.
        os.makedirs(os.path.dirname(self.history_file()), mode=0o700)
        os.mkfifo(self.history_file())
        s = self.start("repl")
        self.assertIn("is not a regular file", s.text())
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", s.command("0xC004F038"))
        s.send("\x04")
        self.assert_ends_well(s)
        self.assertTrue(stat.S_ISFIFO(os.stat(self.history_file()).st_mode))

    def test_missing_or_failing_pager_loses_no_output(self):
        # The output went into a pipe nobody read, and the user saw nothing.
        for pager in ["/nonexistent/pager", "false", "cat >/dev/null; exit 3"]:
            with self.subTest(pager=pager):
                s = self.start("repl", "--no-history", "--pager", env={"PAGER": pager})
                out = s.command("0xC004F038")
                self.assertIn("the output follows", out)
                self.assertIn("0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT", out)
                s.send("\x04")
                self.assert_ends_well(s)

    def test_pager_only_when_asked(self):
        paged = os.path.join(self.state.name, "paged")
        env = {"PAGER": "cat > " + shlex.quote(paged)}
        s = self.start("repl", "--no-history", env=env)
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", s.command("0xC004F038"))
        self.assertFalse(os.path.exists(paged))
        s.send("\x04")
        s.wait()
        s = self.start("repl", "--no-history", "--pager", env=env)
        s.command("0xC004F038")
        with open(paged) as f:
            self.assertEqual(f.read(), run("0xC004F038", env={"NO_COLOR": "1"}).stdout)


if __name__ == "__main__":
    unittest.main()
