#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Docs = program: every command example in README.md and the man pages runs, and what the docs
show of its output is what it prints. An example shown as `$ COMMAND` followed by output lines
must print each of those lines (a line holding "..." stands for any line that starts with what
comes before the "..."); an example line in a ```sh block must at least run without a usage
error. The diagnose example runs against dnsmasq, chronyd and a KMS responder on loopback, its
numbers (ports, times) masked. Examples that need a terminal, PowerShell or another network
are listed in SKIPPED with the reason."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from slerrtest import SLERR

SOURCE = os.environ["SLERR_SOURCE_ROOT"]
DOCS = ["README.md", "doc/slerr.1.scd", "doc/libslerr.3.scd", "doc/libslerr-explain.3.scd"]
FIXTURES = os.path.join(SOURCE, "tests", "explain", "fixtures")
# Files the examples name, as the fixtures that stand for them.
FILES = {"dlv.txt": "dlv-kms-client.txt"}

SKIPPED = {
    "slerr": "opens the interactive REPL on a terminal (tests/cli/test_repl.py drives it)",
    "Get-CimInstance": "PowerShell on Windows",
    "scripts/install-deps": "installs packages (CI runs it)",
    "meson": "the build itself",
    "bash .ci/run": "all of CI",
    "CC=clang": "a fuzz build",
    "scripts/": "a maintainer script, not the program",
}


def skip_reason(command):
    if command.startswith("slerr diagnose") and "127.0.0.1" not in command:
        return "diagnose of a network other than loopback (tests never leave loopback)"
    for prefix, why in SKIPPED.items():
        if command == prefix or (prefix != "slerr" and command.startswith(prefix)):
            return why
    return None


def examples(path):
    """(line number, command, [shown output lines]) of every example in a doc."""
    with open(os.path.join(SOURCE, path), encoding="utf-8") as f:
        lines = f.read().splitlines()
    found, block, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            block = None if block is not None else line[3:].strip()
            i += 1
            continue
        if block is None:
            i += 1
            continue
        if line.startswith("$ "):
            shown, j = [], i + 1
            while j < len(lines) and not lines[j].startswith(("$ ", "```")):
                shown.append(lines[j])
                j += 1
            found.append((i + 1, line[2:].strip(), shown))
            i = j
            continue
        if block == "sh" and re.match(r"^(slerr\b|printf |echo )", line):
            found.append((i + 1, re.sub(r"\s+#\s.*$", "", line).strip(), []))
        i += 1
    return found


def masked(line):
    return re.sub(r"[+-]?\d+", "N", line.rstrip())


def shown_in(shown, printed, mask=False):
    """The shown lines that the printed output lacks."""
    out = [masked(p) if mask else p.rstrip() for p in printed.splitlines()]
    missing = []
    for line in shown:
        want = masked(line) if mask else line.rstrip()
        if not want.strip() or want.strip() == "...":
            continue
        if "..." in want:
            head = want.split("...")[0].rstrip()
            if not any(o.startswith(head) for o in out):
                missing.append(line)
        elif want not in out:
            missing.append(line)
    return missing


class Examples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="slerr-docs-")
        cls.bin = os.path.join(cls.tmp, "bin")
        os.makedirs(cls.bin)
        os.symlink(SLERR, os.path.join(cls.bin, "slerr"))
        for name, fixture in FILES.items():
            shutil.copy(os.path.join(FIXTURES, fixture), os.path.join(cls.tmp, name))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def run_example(self, command, **env):
        environment = {**os.environ, "PATH": self.bin + os.pathsep + os.environ["PATH"],
                       "COLUMNS": "80", "NO_COLOR": "1", **env}
        return subprocess.run(["sh", "-c", command], cwd=self.tmp, capture_output=True,
                              text=True, env=environment, timeout=120)

    def test_every_example_runs_and_prints_what_the_docs_show(self):
        ran = 0
        for doc in DOCS:
            for number, command, shown in examples(doc):
                if skip_reason(command) or "diagnose" in command:
                    continue
                with self.subTest(doc=f"{doc}:{number}", command=command):
                    result = self.run_example(command)
                    self.assertNotEqual(result.returncode, 2, result.stderr)
                    self.assertNotIn("is not available", result.stderr)
                    self.assertNotIn("not found", result.stderr)  # sh: command not found
                    self.assertEqual(shown_in(shown, result.stdout), [],
                                     f"what {doc}:{number} shows, not printed:\n{result.stdout}")
                    ran += 1
        self.assertGreater(ran, 25, "the examples were found")

    def test_the_diagnose_example_against_local_servers(self):
        sys.path.insert(0, os.path.join(SOURCE, "tests", "diag"))
        import servers  # the same real servers as the diag suite
        examples_found = [(n, c, s) for n, c, s in examples("README.md")
                          if c.startswith("slerr diagnose") and "127.0.0.1" in c and s]
        self.assertEqual(len(examples_found), 1)
        number, command, shown = examples_found[0]
        kms = servers.RpcResponder(servers.ACK_NDR64)
        ntp = servers.Chronyd().start()
        dns = servers.Dnsmasq([
            f"srv-host=_vlmcs._tcp.example.test,kms.example.test,{kms.port},0,100",
            f"host-record=kms.example.test,{servers.LOOPBACK}",
        ]).start()
        try:
            command = command.replace("127.0.0.1:15353", f"127.0.0.1:{dns.port}")
            command = command.replace("127.0.0.1:11123", f"127.0.0.1:{ntp.port}")
            result = self.run_example(command + " --clock ntp")
        finally:
            for server in (dns, ntp, kms):
                server.stop()
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(shown_in(shown, result.stdout, mask=True), [],
                         f"README.md:{number} shows, not printed:\n{result.stdout}")

    def test_every_event_explain_reads_is_in_the_catalog(self):
        """explain advertises the events it reads; `slerr event ID` must know each (1003 was
        advertised and missing)."""
        usage = subprocess.run([SLERR, "explain", "--help"], capture_output=True, text=True).stdout
        listed = re.search(r"activation events \(([^)]*)\)", usage.replace("\n", " ")).group(1)
        ids = set()
        for part in re.findall(r"\d+(?:-\d+)?", listed):
            low, _, high = part.partition("-")
            ids |= set(range(int(low), int(high or low) + 1))
        with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
            readme = f.read().replace("\n", " ")
        advertised = re.search(r"Activation events \(([^)]*)\)", readme).group(1)
        for part in re.findall(r"\d+(?: to \d+)?", advertised):
            low, _, high = part.partition(" to ")
            ids |= set(range(int(low), int(high or low) + 1))
        self.assertIn(1003, ids)
        for event in sorted(ids):
            with self.subTest(event=event):
                result = subprocess.run([SLERR, "event", str(event)], capture_output=True, text=True)
                self.assertEqual(result.returncode, 0, result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
