# SPDX-License-Identifier: MIT
"""Shared helpers for the CLI tests: run the real slerr binary and capture what it does."""

import json
import os
import shlex
import shutil
import subprocess
import sys
import unittest

SLERR = os.environ.get("SLERR", "slerr")
# `meson test --setup valgrind` sets this to run every slerr under memcheck.
WRAPPER = shlex.split(os.environ.get("SLERR_WRAPPER", ""))

# Programs Debian ships only in a package that installs a system service (or, for chrony,
# replaces systemd-timesyncd): README's commands leave them out, so a test that needs one skips
# when it is missing; .ci/run installs them (scripts/install-deps --ci) and fails on any skip.
SERVICE_PACKAGES = {"chronyd": "chrony", "smbd": "samba", "icinga2": "icinga2-bin",
                    "nagios4": "nagios4-core", "promtool": "prometheus"}


def require(program):
    """Skips the calling test, naming the package, when `program` is not on PATH."""
    if shutil.which(program) is None:
        package = SERVICE_PACKAGES.get(program, program)
        raise unittest.SkipTest(f"needs {program}: install the Debian package {package} "
                                "(it runs a system service; scripts/install-deps --ci installs it)")


def main():
    """unittest.main(), but any skipped test makes the whole file exit 77 (meson's SKIP) after
    listing each reason, so that a skip is never hidden inside a pass; a failure still exits 1."""
    result = unittest.main(exit=False).result
    if not result.wasSuccessful():
        sys.exit(1)
    if result.skipped:
        reasons = sorted({reason for _, reason in result.skipped})
        print(f"SKIP: {len(result.skipped)} of {result.testsRun} tests skipped: " + "; ".join(reasons))
        sys.exit(77)
    sys.exit(0)


def run(*args, stdin=None, env=None, **kwargs):
    """Runs slerr; returns the CompletedProcess with text stdout/stderr."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([*WRAPPER, SLERR, *args], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=600 if WRAPPER else 60, **kwargs)


def explain_json(data, *args):
    """`slerr explain --json ARGS -` on bytes: the records (objects with findings) and the
    CompletedProcess (bytes)."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    r = subprocess.run([*WRAPPER, SLERR, "explain", "--json", *args, "-"], input=data,
                       capture_output=True, env=full_env, timeout=600 if WRAPPER else 60)
    objects = [json.loads(x) for x in r.stdout.decode().splitlines() if x.strip()]
    return [o for o in objects if "findings" in o], r
