#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every command exits with the statuses of the one table in src/cli/cli.h, each meaning one
thing: 0 ok, 1 not found / a problem found, 2 usage, 3 read or write error (5 a missing module:
test_modules.py; 130 an interrupted diagnose: tests/diag). The table, slerr --help and slerr(1)
agree on every value."""

import os
import re
import subprocess
import tempfile
import unittest

from slerrtest import SLERR, WRAPPER, run

SOURCE = os.environ["SLERR_SOURCE_ROOT"]

# command: (arguments that succeed, arguments that find nothing or a problem, stdin)
CASES = {
    "lookup": (["0xC004F038"], ["0x8007FFFE"], None),
    "search": (["rearm"], ["zzzzqqqq"], None),
    "list": (["--kind=event"], ["--facility=2047"], None),
    "event": (["12290"], ["99999"], None),
    "symptom": ([], ["no-such-symptom"], None),
    "setting": ([], ["NoSuchValue"], None),
    "annotate": ([], None, "0xC004F074\n"),
    "diagnose": (None, ["--kms", "127.0.0.1:1", "--ntp", "127.0.0.1:1", "--timeout", "1"], None),
    "repl": ([], None, "0xC004F038\n"),
    "explain": ([os.path.join(SOURCE, "tests/explain/fixtures/skms.txt")],
                [os.path.join(SOURCE, "tests/explain/fixtures/dli-notification.txt")], None),
}


def exit_table():
    with open(os.path.join(SOURCE, "src/cli/cli.h")) as f:
        block = re.search(r"enum exit_status \{(.*?)\};", f.read(), re.S).group(1)
    return {name: int(value) for name, value in re.findall(r"(EXIT_\w+) = (\d+)", block)}


class ExitStatus(unittest.TestCase):
    def test_every_command_is_covered(self):
        listed = re.findall(r"^  ([a-z]+)\s", run("--help").stdout, re.M)
        self.assertEqual(sorted(set(listed) - {"help"}), sorted(CASES))

    def test_ok_not_found_and_usage(self):
        for command, (good, bad, stdin) in CASES.items():
            with self.subTest(command=command):
                if good is not None:
                    result = run(command, *good, stdin=stdin or "")
                    self.assertEqual(result.returncode, 0, result.stderr)
                if bad is not None:
                    result = run(command, *bad, stdin=stdin or "")
                    self.assertEqual(result.returncode, 1, result.stderr)
                usage = run(command, "--no-such-option", stdin="")
                self.assertEqual(usage.returncode, 2, usage.stderr)

    def test_write_error_is_3(self):
        for command, (good, bad, stdin) in CASES.items():
            with self.subTest(command=command), open("/dev/full", "w") as full:
                args = good if good is not None else bad
                result = subprocess.run([*WRAPPER, SLERR, command, *args], input=stdin or "",
                                        stdout=full, stderr=subprocess.PIPE, text=True,
                                        timeout=120)
                self.assertEqual(result.returncode, 3, result.stderr)
                self.assertIn("slerr: cannot write output", result.stderr)

    def test_read_error_is_3(self):
        with tempfile.TemporaryDirectory() as tmp:
            result = run("annotate", os.path.join(tmp, "missing.log"))
            self.assertEqual(result.returncode, 3)
            self.assertIn("missing.log: No such file or directory", result.stderr)
            result = run("annotate", tmp)
            self.assertEqual(result.returncode, 3)

    def test_list_facility_must_be_a_facility(self):
        for value in ["BOGUS", "banana", "-1", "", "4096", "0x800", "7x", "0x"]:
            with self.subTest(value=value):
                result = run("list", "--facility=" + value)
                self.assertEqual(result.returncode, 2)
                self.assertEqual(result.stdout, "")
                self.assertIn(f"slerr: --facility takes a number from 0 to 2047 (0x7FF) or a "
                              f"facility name such as ITF or WIN32, not '{value}'", result.stderr)
        for value in ["7", "0x7", "win32", "WIN32", "007"]:
            with self.subTest(value=value):
                self.assertEqual(run("list", "--facility=" + value).stdout,
                                 run("list", "--facility=7").stdout)

    def test_table_help_and_man_page_agree(self):
        table = exit_table()
        self.assertEqual(sorted(table.values()), [0, 1, 2, 3, 4, 5, 130])
        help_text = run("--help").stdout
        with open(os.path.join(SOURCE, "doc/slerr.1.scd")) as f:
            page = f.read()
        section = page.split("# EXIT STATUS")[1].split("\n# ")[0]
        for name, value in table.items():
            self.assertRegex(section, rf"(?m)^\*{value}\*$", f"slerr(1) lacks {name}")
            self.assertRegex(help_text, rf"\b{value} ", f"slerr --help lacks {name}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
