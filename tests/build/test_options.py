#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Configures fresh build directories the way users do and checks what the build options
promise: -Dfuzz=true without its companions stops `meson setup` with one line naming them,
a machine without Criterion is told to install it or pass -Dtests=false, and a user's build
does not turn warnings into errors unless asked to."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

SOURCE = os.environ["SLERR_SOURCE_ROOT"]


def setup(builddir, *options, cc=None, env=None, tests=False):
    full_env = dict(os.environ)
    full_env.update(env or {})
    if cc:
        full_env["CC"] = cc
    return subprocess.run(["meson", "setup", builddir, *options, f"-Dtests={str(tests).lower()}",
                           "-Dman-pages=disabled"], cwd=SOURCE, env=full_env,
                          capture_output=True, text=True)


def pkg_config_dirs():
    out = subprocess.run(["pkg-config", "--variable", "pc_path", "pkg-config"],
                         capture_output=True, text=True, check=True).stdout.strip()
    return [d for d in out.split(":") if os.path.isdir(d)]


def pkg_config_without(tmp, name):
    """A pkg-config search path holding every .pc file of this machine but NAME's."""
    path = os.path.join(tmp, "pkgconfig")
    os.mkdir(path)
    for directory in pkg_config_dirs():
        for pc in os.listdir(directory):
            if pc.endswith(".pc") and pc != name + ".pc" and not os.path.exists(os.path.join(path, pc)):
                os.symlink(os.path.join(directory, pc), os.path.join(path, pc))
    return {"PKG_CONFIG_LIBDIR": path, "PKG_CONFIG_PATH": ""}


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

    def test_missing_criterion_names_the_package_and_the_way_out(self):
        env = pkg_config_without(self.tmp, "criterion")
        result = setup(os.path.join(self.tmp, "b"), env=env, tests=True)
        self.assertNotEqual(result.returncode, 0, result.stdout)
        errors = [line for line in result.stdout.splitlines() if "ERROR:" in line]
        self.assertEqual(len(errors), 1, result.stdout)
        for needed in ("Criterion", "libcriterion-dev", "-Dtests=false"):
            self.assertIn(needed, errors[0])
        self.assertEqual(setup(os.path.join(self.tmp, "c"), env=env).returncode, 0,
                         "-Dtests=false configures without Criterion")

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
