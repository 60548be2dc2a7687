#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Configures fresh build directories the way users do and checks what the build options
promise: -Dfuzz=true without its companions stops `meson setup` with one line naming them,
and a user's build does not turn warnings into errors unless asked to."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

SOURCE = os.environ["SLERR_SOURCE_ROOT"]


def setup(builddir, *options, cc=None):
    env = dict(os.environ)
    if cc:
        env["CC"] = cc
    return subprocess.run(["meson", "setup", builddir, *options, "-Dtests=false",
                           "-Dman-pages=disabled"], cwd=SOURCE, env=env,
                          capture_output=True, text=True)


class Options(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="slerr-options-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def assert_fuzz_refused(self, result):
        self.assertNotEqual(result.returncode, 0, result.stdout)
        errors = [line for line in result.stdout.splitlines() if "ERROR:" in line]
        self.assertEqual(len(errors), 1, result.stdout)
        for needed in ("CC=clang", "-Db_sanitize=address,undefined", "-Db_lundef=false"):
            self.assertIn(needed, errors[0])

    def test_fuzz_alone_names_what_else_to_pass(self):
        self.assert_fuzz_refused(setup(os.path.join(self.tmp, "b"), "-Dfuzz=true", cc="clang"))

    def test_fuzz_with_gcc_is_refused_the_same_way(self):
        self.assert_fuzz_refused(setup(os.path.join(self.tmp, "b"), "-Dfuzz=true", cc="gcc"))

    def test_fuzz_with_its_companions_configures(self):
        result = setup(os.path.join(self.tmp, "b"), "-Dfuzz=true",
                       "-Db_sanitize=address,undefined", "-Db_lundef=false", cc="clang")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_werror_is_off_by_default(self):
        builddir = os.path.join(self.tmp, "b")
        result = setup(builddir)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        options = json.loads(subprocess.run(
            ["meson", "introspect", "--buildoptions", builddir],
            capture_output=True, text=True, check=True).stdout)
        werror = [o["value"] for o in options if o["name"] == "werror"]
        self.assertEqual(werror, [False])


if __name__ == "__main__":
    unittest.main()
