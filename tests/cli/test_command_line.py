#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""One source for the command line: the program's own tables (`slerr --list-commands`,
`slerr COMMAND --list-options`) are what --help, slerr(1) and the bash, fish and zsh
completions show. Every command and every option of the tables appears in each."""

import os
import re
import time
import unittest

import test_completions as shells
from slerrtest import run

SOURCE = os.environ["SLERR_SOURCE_ROOT"]


def commands():
    result = run("--list-commands")
    assert result.returncode == 0, result.stderr
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


def options(command):
    """The long options of a command (without the '=' of those that take a value), and the short."""
    result = run(command, "--list-options")
    assert result.returncode == 0, result.stderr
    words = [w.rstrip("=") for w in result.stdout.split()]
    return [w for w in words if w.startswith("--")], [w for w in words if not w.startswith("--")]


class Tables(unittest.TestCase):
    def test_tables_are_well_formed(self):
        names = commands()
        self.assertEqual(len(names), len(set(names)))
        self.assertIn("help", names)
        self.assertGreaterEqual(len(names), 10)
        for command in names[:-1]:
            longs, shorts = options(command)
            self.assertIn("--help", longs, command)
            self.assertTrue(all(re.fullmatch(r"--[a-z][a-z-]+", o) for o in longs), longs)
            self.assertTrue(all(re.fullmatch(r"-[a-zA-Z]", o) for o in shorts), shorts)
            self.assertNotIn("--colour", longs)  # aliases are not options of their own

    def test_help_lists_every_command_and_option(self):
        help_text = run("--help").stdout
        listed = re.findall(r"^  ([a-z]+)\s", help_text, re.M)
        self.assertEqual(listed, commands())
        for command in commands()[:-1]:
            usage = run("help", command).stdout
            for option in sum(options(command), []):
                with self.subTest(command=command, option=option):
                    self.assertRegex(usage, rf"(?<![\w-]){re.escape(option)}\b")

    def test_man_page_describes_every_command_and_option(self):
        with open(os.path.join(SOURCE, "doc/slerr.1.scd")) as f:
            page = f.read()
        for command in commands():
            self.assertRegex(page, rf"(?m)^\*{command}\*", command)
            if command == "help":
                continue
            for option in sum(options(command), []):
                with self.subTest(command=command, option=option):
                    self.assertIn(f"*{option}*", page)


class Completions(unittest.TestCase):
    def test_bash_offers_every_command_and_option(self):
        offered = shells.bash_complete("slerr", "")
        for command in commands():
            self.assertIn(command, offered)
        for command in commands()[:-1]:
            with self.subTest(command=command):
                self.assertEqual(sorted(shells.bash_complete("slerr", command, "--")),
                                 sorted(options(command)[0]))
        self.assertEqual(sorted(shells.bash_complete("slerr", "0xC004F074", "--")),
                         sorted(options("lookup")[0] + ["--version"]))

    def test_fish_offers_every_command_and_option(self):
        fish = shells.Fish()
        offered = fish.complete("slerr ")
        for command in commands():
            self.assertIn(command, offered)
        for command in commands()[:-1]:
            with self.subTest(command=command):
                self.assertEqual(sorted(fish.complete(f"slerr {command} --")),
                                 sorted(options(command)[0]))

    def test_zsh_offers_every_option(self):
        for command in ["list", "diagnose"]:
            with self.subTest(command=command):
                zsh = shells.Zsh()
                zsh.setUp()
                self.addCleanup(zsh.tearDown)
                zsh.type(f"slerr {command} --", "Tab")
                wanted = options(command)[0]
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    missing = [o for o in wanted
                               if not re.search(rf"(?<![\w-]){re.escape(o)}\b", zsh.screen())]
                    if not missing:
                        break
                    time.sleep(0.1)
                self.assertEqual(missing, [], zsh.screen())

if __name__ == "__main__":
    unittest.main(verbosity=2)
