#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Each shell completion loads in its shell without error and completes commands, option
values, and codes and symbols read from the real binary (`slerr list --names`)."""

import os
import shutil
import subprocess
import tempfile
import time
import unittest

from slerrtest import SLERR

SOURCE = os.environ["SLERR_SOURCE_ROOT"]
BASH = os.path.join(SOURCE, "completions/bash/slerr")
ZSH_DIR = os.path.join(SOURCE, "completions/zsh")
FISH = os.path.join(SOURCE, "completions/fish/slerr.fish")
BIN_DIR = os.path.dirname(os.path.abspath(SLERR))
ENV = {**os.environ, "PATH": BIN_DIR + os.pathsep + os.environ.get("PATH", "")}


def has_list_names():
    result = subprocess.run([SLERR, "list", "--names"], capture_output=True, text=True)
    return result.returncode == 0 and "0xC004F038" in result.stdout


def bash_complete(*words):
    """Runs the bash completion function as bash would for `words` (the last is being typed)."""
    quoted = " ".join("'" + w + "'" for w in words)
    script = (f"source '{BASH}' || exit 9; COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; "
              "_slerr; printf '%s\\n' \"${COMPREPLY[@]}\"")
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", script], capture_output=True,
                            text=True, env=ENV, timeout=30)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return [line for line in result.stdout.splitlines() if line]


class Bash(unittest.TestCase):
    def test_commands(self):
        self.assertEqual(bash_complete("slerr", "sea"), ["search"])
        self.assertIn("diagnose", bash_complete("slerr", "d"))
        self.assertEqual(bash_complete("slerr", "expl"), ["explain"])
        self.assertEqual(bash_complete("slerr", "explain", "--b"), ["--brief"])

    def test_option_values(self):
        # bash splits "--color=al" at "=" (COMP_WORDBREAKS); without that split the word is whole
        self.assertEqual(bash_complete("slerr", "--color", "=", "al"), ["always"])
        self.assertEqual(sorted(bash_complete("slerr", "--color=")),
                         ["--color=always", "--color=auto", "--color=never"])
        # --color alone takes no value: the next word is an operand (a code), not a colour
        self.assertNotIn("always", bash_complete("slerr", "--color", "al"))
        self.assertIn("--brief", bash_complete("slerr", "--b"))

    def test_list_kind_values_and_event_ids(self):
        """`list --kind=` offered nothing, nor did `event` (issue 22, item 8)."""
        self.assertEqual(bash_complete("slerr", "list", "--kind", "=", "ev"), ["event"])
        self.assertEqual(bash_complete("slerr", "list", "--kind=sy"), ["--kind=symptom"])
        self.assertEqual(bash_complete("slerr", "list", "--kind", "se"), ["setting"])
        events = bash_complete("slerr", "event", "122")
        self.assertIn("12290", events)
        self.assertTrue(all(e.startswith("122") for e in events), events)
        self.assertIn("1003", bash_complete("slerr", "event", ""))
        self.assertIn("VLRenewalInterval", bash_complete("slerr", "setting", "VLR"))

    def test_symbols_and_codes(self):
        self.assertTrue(has_list_names(), "`slerr list --names` gives no codes")
        self.assertEqual(bash_complete("slerr", "sl_e_vl_not_en"), ["SL_E_VL_NOT_ENOUGH_COUNT"])
        codes = bash_complete("slerr", "0xc004f03")
        self.assertIn("0xC004F038", codes)
        self.assertTrue(all(c.startswith("0xC004F03") for c in codes))


class Fish(unittest.TestCase):
    """fish, zsh and tmux are in scripts/install-deps: a missing shell fails, never skips."""

    def complete(self, line):
        result = subprocess.run(["fish", "--no-config", "-c", f"source '{FISH}'; complete -C '{line}'"],
                                capture_output=True, text=True, env=ENV, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        return [line.split("\t")[0] for line in result.stdout.splitlines()]

    def test_commands_and_values(self):
        self.assertEqual(self.complete("slerr sea"), ["search"])
        self.assertEqual(sorted(self.complete("slerr --color=")),
                         ["--color=always", "--color=auto", "--color=never"])

    def test_symbols(self):
        self.assertTrue(has_list_names(), "`slerr list --names` gives no codes")
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", self.complete("slerr SL_E_VL_NOT_EN"))


class Zsh(unittest.TestCase):
    """zsh completes only in an interactive shell: drive one in a private tmux server."""

    def setUp(self):
        self.home = tempfile.mkdtemp(prefix="slerr-zsh-")
        self.socket = os.path.join(self.home, "tmux.sock")
        with open(os.path.join(self.home, ".zshrc"), "w") as f:
            f.write(f"fpath=('{ZSH_DIR}' $fpath)\nautoload -Uz compinit\ncompinit -u -d '{self.home}/zcompdump'\n"
                    f"PATH='{BIN_DIR}':$PATH\nPS1='READY> '\n")
        env = {"HOME": self.home, "ZDOTDIR": self.home, "TERM": "xterm", "PATH": ENV["PATH"]}
        subprocess.run(["tmux", "-S", self.socket, "new-session", "-d", "-x", "200", "-y", "50",
                        "env", *[f"{k}={v}" for k, v in env.items()], "zsh", "-i"], check=True)
        self.wait_for("READY>")

    def tearDown(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)
        shutil.rmtree(self.home)

    def screen(self):
        return subprocess.run(["tmux", "-S", self.socket, "capture-pane", "-p"], capture_output=True,
                              text=True).stdout

    def wait_for(self, text, limit=10.0):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        self.fail(f"{text!r} never appeared; screen:\n{self.screen()}")

    def type(self, *keys):
        subprocess.run(["tmux", "-S", self.socket, "send-keys", *keys], check=True)

    def test_loads_and_completes_a_command(self):
        self.assertNotIn("command not found", self.screen())
        self.type("slerr sea", "Tab")
        self.wait_for("READY> slerr search")

    def test_completes_a_symbol_prefix(self):
        self.assertTrue(has_list_names(), "`slerr list --names` gives no codes")
        self.type("slerr lookup sl_e_vl_not_en", "Tab")
        self.wait_for("SL_E_VL_NOT_ENOUGH_COUNT")


if __name__ == "__main__":
    unittest.main(verbosity=2)
