#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The program links none of the large libraries: libedit (repl), c-ares (diagnose), expat and
libevtx (explain) are in modules loaded on first use. A program without its modules says which one is
missing and exits 5 instead of crashing; the lookups still work."""

import os
import shutil
import subprocess
import tempfile
import unittest

from slerrtest import SLERR, run

HEAVY = ("libedit", "libcares", "libexpat", "libevtx", "libbfio")
BUILD_DIR = os.path.dirname(os.path.abspath(SLERR))


def ldd(path):
    return subprocess.run(["ldd", path], capture_output=True, text=True, check=True).stdout


class Linking(unittest.TestCase):
    def test_program_maps_no_large_library(self):
        linked = ldd(SLERR)
        self.assertIn("libc.so", linked)
        for library in HEAVY:
            self.assertNotIn(library, linked)

    def test_each_module_links_its_library_dynamically(self):
        self.assertIn("libedit.so", ldd(os.path.join(BUILD_DIR, "repl.so")))
        self.assertIn("libcares.so", ldd(os.path.join(BUILD_DIR, "diagnose.so")))
        explain = ldd(os.path.join(BUILD_DIR, "explain.so"))
        self.assertIn("libexpat.so", explain)
        self.assertIn("libevtx.so", explain)  # .evtx files: loaded with explain only

    def test_modules_work_from_the_build_tree(self):
        repl = run("repl", stdin="0xC004F074\n")
        self.assertEqual(repl.returncode, 0, repl.stderr)
        self.assertIn("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", repl.stdout)
        diagnose = run("help", "diagnose")
        self.assertEqual(diagnose.returncode, 0, diagnose.stderr)
        self.assertIn("Usage: slerr diagnose", diagnose.stdout)
        explain = run("help", "explain")
        self.assertEqual(explain.returncode, 0, explain.stderr)
        self.assertIn("Usage: slerr explain", explain.stdout)


SOURCE = os.environ["SLERR_SOURCE_ROOT"]
MODULES = ("repl", "diagnose", "explain")


def dynamic_symbols(path, defined):
    flag = "--defined-only" if defined else "--undefined-only"
    out = subprocess.run(["nm", "-D", flag, path], capture_output=True, text=True,
                         check=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}


def listed_exports():
    with open(os.path.join(SOURCE, "src", "cli", "module-exports.txt"), encoding="utf-8") as f:
        return {line.split("#", 1)[0].strip() for line in f} - {""}


class Interface(unittest.TestCase):
    """What the program gives its modules is the list in src/cli/module-exports.txt plus
    libslerr's public API: every name listed is used by a module, and nothing internal (the
    catalog tables, the scanner's test hook) is exported."""

    def test_every_listed_function_is_used_by_a_module(self):
        used = set()
        for name in MODULES:
            used |= dynamic_symbols(os.path.join(BUILD_DIR, name + ".so"), defined=False)
        unused = listed_exports() - used
        self.assertEqual(unused, set(), "listed in module-exports.txt, used by no module")

    def test_the_program_exports_the_list_and_the_public_api_only(self):
        exported = {s for s in dynamic_symbols(SLERR, defined=True) if "@" not in s}
        # A PIE built with AddressSanitizer exports the runtime's own option flags too.
        own = {s for s in exported if not s.startswith(("slerr_", "__asan", "__ubsan", "__sanitizer"))}
        self.assertEqual(own, listed_exports())
        internal = {s for s in exported if s.startswith("slerr__")}
        self.assertEqual(internal, set())
        with open(os.path.join(SOURCE, "include", "slerr.h"), encoding="utf-8") as f:
            header = f.read()
        for symbol in exported - own:
            self.assertIn(symbol + "(", header, f"{symbol} is exported but not public")

    def test_the_module_abi_follows_the_interface(self):
        """SLERR_MODULE_ABI is a hash of the list and its headers: editing either changes it."""
        script = os.path.join(SOURCE, "src", "cli", "module-interface.py")
        exports = os.path.join(SOURCE, "src", "cli", "module-exports.txt")
        header = os.path.join(SOURCE, "src", "cli", "output.h")
        sym = os.path.join(SOURCE, "src", "lib", "libslerr.sym")

        def abi(tmp, *inputs):
            out = os.path.join(tmp, "abi.h")
            subprocess.run(["python3", script, os.path.join(tmp, "list"), out, *inputs],
                           check=True)
            with open(out, encoding="utf-8") as f:
                return f.read()

        with tempfile.TemporaryDirectory() as tmp:
            changed_list = os.path.join(tmp, "exports.txt")
            changed_header = os.path.join(tmp, "output.h")
            shutil.copy(exports, changed_list)
            with open(changed_list, "a", encoding="utf-8") as f:
                f.write("output_new_function\n")
            with open(header, encoding="utf-8") as f:
                text = f.read()
            with open(changed_header, "w", encoding="utf-8") as f:
                f.write(text.replace("struct output {", "struct output {\n    int added;", 1))
            base = abi(tmp, exports, sym, header)
            self.assertRegex(base, r"#define SLERR_MODULE_ABI 0x[0-9a-f]{8}u")
            self.assertEqual(abi(tmp, exports, sym, header), base)
            self.assertNotEqual(abi(tmp, changed_list, sym, header), base)
            self.assertNotEqual(abi(tmp, exports, sym, changed_header), base)
            with open(os.path.join(tmp, "list"), encoding="utf-8") as f:
                listed = f.read()
            self.assertIn("  slerr_lookup;", listed)
            self.assertNotIn("slerr__", listed)


class MissingModule(unittest.TestCase):
    """A copy of the program in a directory of its own finds no module there."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="slerr-modules-")
        cls.alone = os.path.join(cls.tmp, "slerr")
        shutil.copy(SLERR, cls.alone)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def run_alone(self, *args, stdin=None):
        return subprocess.run([self.alone, *args], input=stdin, capture_output=True, text=True,
                              timeout=60)

    def test_each_module_command_reports_and_exits_5(self):
        for args in (["diagnose", "--kms", "127.0.0.1"], ["repl"], ["help", "diagnose"],
                     ["explain"], ["help", "explain"]):
            result = self.run_alone(*args, stdin="0xC004F074\n")
            self.assertEqual(result.returncode, 5, args)
            self.assertEqual(result.stdout, "")
            self.assertRegex(result.stderr, rf"^slerr: {args[-1] if args[0] == 'help' else args[0]}"
                             r" is not available: .*\.so", args)

    def test_lookups_need_no_module(self):
        result = self.run_alone("0xC004F074")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
