#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Bad input for every command the binary offers: unknown options, missing values, invalid
UTF-8, empty and huge arguments, a closed stdout, a full disk and a reader that goes away.
Each must end with a clear message and the documented status, never with a crash."""

import os
import re
import signal
import subprocess
import unittest

from slerrtest import SLERR, WRAPPER, run

# A valid invocation of each command, fed `stdin`; used to provoke output for the write tests.
SAMPLES = {
    "lookup": (["0xC004F038", "0xC004F074"], None),
    "search": (["kms"], None),
    "list": ([], None),
    "event": (["12290"], None),
    "annotate": ([], "slmgr failed: 0xC004F074\n" * 2000),
    "diagnose": (["--kms", "127.0.0.1:1", "--ntp", "127.0.0.1:1", "--timeout", "1"], None),
    "repl": ([], "0xC004F038\n0xC004F074\n"),
}

CRASH_SIGNS = re.compile(r"Sanitizer|runtime error|Segmentation|core dumped|Aborted")


def available_commands():
    """Every command of SAMPLES; one that --help no longer lists is a failure, not a skip."""
    help_text = run("--help").stdout
    listed = set(re.findall(r"^  ([a-z]+)\s", help_text, re.M))
    missing = [name for name in SAMPLES if name not in listed]
    if missing:
        raise AssertionError(f"slerr --help does not list {missing}")
    return list(SAMPLES)


class BadInput(unittest.TestCase):
    def assert_clean_usage_error(self, result, what):
        self.assertEqual(result.returncode, 2, f"{what}: {result.stderr}")
        self.assertTrue(result.stderr.startswith("slerr: "), f"{what}: {result.stderr!r}")
        self.assertNotRegex(result.stderr, CRASH_SIGNS)

    def test_commands_are_found(self):
        self.assertEqual(available_commands(), list(SAMPLES))

    def test_unknown_options(self):
        for command in available_commands():
            for option in ["--no-such-option", "-Z", "--json=yes"]:
                with self.subTest(command=command, option=option):
                    self.assert_clean_usage_error(run(command, option, stdin=""), option)

    def test_options_without_values(self):
        # --color alone is "always" (tests/cli/test_lookup.py); --color= with nothing after the
        # "=" is still no colour mode
        for command in available_commands():
            with self.subTest(command=command):
                self.assert_clean_usage_error(run(command, "--color=", stdin=""), "--color")

    def test_too_many_operands(self):
        for args, message in [(["list", "extra"], "list takes no operands"),
                              (["repl", "extra"], "repl takes no operands"),
                              (["diagnose", "a.test", "b.test"], "diagnose takes at most 1 operand")]:
            with self.subTest(args=args):
                result = run(*args, stdin="")
                self.assert_clean_usage_error(result, args)
                self.assertIn(message, result.stderr)

    def test_invalid_utf8_and_empty_arguments(self):
        for command in ["lookup", "event"]:
            for argument in [b"\xff\xfe\x80", b"", b"0x\xc0\xafC004F038"]:
                with self.subTest(command=command, argument=argument):
                    result = subprocess.run([*WRAPPER, SLERR, command, argument], capture_output=True)
                    self.assertEqual(result.returncode, 2, result.stderr)
                    self.assertNotRegex(result.stderr.decode("utf-8", "replace"), CRASH_SIGNS)

    def test_huge_arguments(self):
        big = "9" * 120000
        for command in available_commands():
            if command in ("diagnose", "repl", "annotate", "list"):
                continue
            with self.subTest(command=command):
                result = run(command, big, stdin="")
                self.assertIn(result.returncode, (1, 2), result.stderr[:200])
                self.assertNotRegex(result.stderr, CRASH_SIGNS)
                self.assertLess(len(result.stderr), 4000, "the error message echoes the whole input")

    def write_to(self, command, stdout):
        args, stdin = SAMPLES[command]
        return subprocess.run([*WRAPPER, SLERR, command, *args], input=stdin, stdout=stdout,
                              stderr=subprocess.PIPE, text=True, timeout=120)

    def test_full_disk(self):
        for command in available_commands():
            with self.subTest(command=command), open("/dev/full", "w") as full:
                result = self.write_to(command, full)
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn("slerr: ", result.stderr)
                self.assertRegex(result.stderr, r"(?i)no space|cannot write|write error")
                self.assertNotRegex(result.stderr, CRASH_SIGNS)

    def test_closed_stdout(self):
        for command in available_commands():
            args, stdin = SAMPLES[command]
            with self.subTest(command=command):
                result = subprocess.run([*WRAPPER, SLERR, command, *args], input=stdin,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                        close_fds=True, timeout=120,
                                        preexec_fn=lambda: os.close(1))
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn("slerr: ", result.stderr)
                self.assertNotRegex(result.stderr, CRASH_SIGNS)

    def test_reader_goes_away(self):
        """`slerr ... | head -c1`: SIGPIPE ends the writer quietly, as for any Unix filter."""
        for command in available_commands():
            args, stdin = SAMPLES[command]
            with self.subTest(command=command):
                proc = subprocess.Popen([*WRAPPER, SLERR, command, *args], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        restore_signals=True)
                if stdin:  # a filter (annotate) writes nothing before it has read its input
                    proc.stdin.write(stdin.encode())
                    proc.stdin.flush()
                proc.stdout.read(1)
                proc.stdout.close()
                try:
                    _, err = proc.communicate(timeout=120)
                except BrokenPipeError:
                    err = proc.stderr.read()
                    proc.wait()
                # annotate reports the closed pipe as a write error (3)
                self.assertIn(proc.returncode, (0, 1, 3, -signal.SIGPIPE), err)
                self.assertNotRegex(err.decode("utf-8", "replace"), CRASH_SIGNS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
