# SPDX-License-Identifier: MIT
"""Shared helpers for the CLI tests: run the real slerr binary and capture what it does."""

import os
import shlex
import subprocess

SLERR = os.environ.get("SLERR", "slerr")
# `meson test --setup valgrind` sets this to run every slerr under memcheck.
WRAPPER = shlex.split(os.environ.get("SLERR_WRAPPER", ""))


def run(*args, stdin=None, env=None, **kwargs):
    """Runs slerr; returns the CompletedProcess with text stdout/stderr."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([*WRAPPER, SLERR, *args], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=600 if WRAPPER else 60, **kwargs)
