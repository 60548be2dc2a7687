#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The program links none of the large libraries: libedit (repl) and c-ares (diagnose) are in
modules loaded on first use, and explain loads expat only when XML appears and libevtx only when
an input is an .evtx file. A program without its modules says which one is missing and exits 5
instead of crashing; the lookups still work."""

import os
import shutil
import struct
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
        # XML and .evtx: expat and libevtx are loaded when an input needs them (OnDemand).
        self.assertNotIn("libexpat.so", explain)
        self.assertNotIn("libevtx.so", explain)
        self.assertNotIn("libbfio.so", explain)

    def test_each_module_exports_its_descriptor_only(self):
        """The readers and probes a module links from its static library stay inside it
        (module.sym): explain.so exported 155 functions, and each call among them was a symbol
        the loader looked up at every start, 143 of a text explain's 236."""
        for name in MODULES:
            with self.subTest(module=name):
                self.assertEqual(dynamic_symbols(os.path.join(BUILD_DIR, name + ".so"),
                                                 defined=True), {f"slerr_module_{name}"})


SAMPLE_EVTX = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "tests", "explain", "evtx",
                           "Application_no_crc32.evtx")
SAMPLE_TEXT = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "tests", "explain", "fixtures",
                           "dlv-kms-client.txt")
SAMPLE_XML = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "tests", "explain", "fixtures",
                          "events", "12290-wevtutil.xml")


def without(library):
    """An environment in which `library` is a file that is not a library, found first through
    LD_LIBRARY_PATH: the loader refuses it, as if the package were missing."""
    tmp = tempfile.mkdtemp(prefix="slerr-without-")
    with open(os.path.join(tmp, library), "w", encoding="ascii") as f:
        f.write("not a library\n")
    return tmp, dict(os.environ, LD_LIBRARY_PATH=tmp)


class OnDemand(unittest.TestCase):
    """Issue 19's rule: libevtx is never loaded by `slerr CODE`, and explain loads it only for
    an input that starts with the .evtx signature (binding it was half of a short paste's cost);
    issue 18's: expat only once XML appears (its loading was a fifth of a one-paste explain).
    Which libraries a run maps is what the dynamic loader reports with LD_DEBUG=files."""

    @staticmethod
    def loaded(*args):
        env = dict(os.environ, LD_DEBUG="files")
        result = subprocess.run([SLERR, *args], capture_output=True, text=True, env=env,
                                timeout=120)
        return result, {lib for lib in ("libevtx.so", "libbfio.so", "libexpat.so")
                        if f"file={lib}" in result.stderr}

    def test_lookup_loads_neither_expat_nor_libevtx(self):
        result, libraries = self.loaded("0xC004F074")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(libraries, set())

    def test_text_explain_loads_neither_expat_nor_libevtx(self):
        result, libraries = self.loaded("explain", SAMPLE_TEXT)
        self.assertIn(result.returncode, (0, 1))
        self.assertIn("slmgr", result.stdout)
        self.assertEqual(libraries, set())

    def test_xml_explain_loads_expat_but_not_libevtx(self):
        result, libraries = self.loaded("explain", SAMPLE_XML)
        self.assertIn(result.returncode, (0, 1))
        self.assertIn("event 12290", result.stdout)
        self.assertEqual(libraries, {"libexpat.so"})

    def test_evtx_explain_loads_libevtx(self):
        result, libraries = self.loaded("explain", SAMPLE_EVTX)
        self.assertIn(result.returncode, (0, 1))
        # expat for the records' XML; libbfio is a library of its own where libevtx is linked against it (Debian 12);
        # Debian 13's libevtx carries it inside, so it is mapped there only as part of libevtx
        self.assertLessEqual({"libexpat.so", "libevtx.so"}, libraries)
        self.assertLessEqual(libraries, {"libexpat.so", "libevtx.so", "libbfio.so"})

    def only_its_input_fails_exit_5(self, library, sample, reason):
        """With `library` refused by the loader, `sample` is "not available" (exit 5, nothing
        on stdout, `reason` on stderr: the file, what and the loader's message); text is
        explained as before."""
        tmp, env = without(library)
        self.addCleanup(shutil.rmtree, tmp)
        failed = subprocess.run([SLERR, "explain", sample], capture_output=True, text=True,
                                env=env, timeout=60)
        self.assertEqual(failed.returncode, 5, failed.stderr)
        self.assertEqual(failed.stdout, "")
        self.assertRegex(failed.stderr, reason)
        text = subprocess.run([SLERR, "explain", SAMPLE_TEXT], capture_output=True, text=True,
                              env=env, timeout=60)
        self.assertIn(text.returncode, (0, 1), text.stderr)
        self.assertIn("slmgr", text.stdout)

    def test_without_libevtx_only_evtx_input_fails_exit_5(self):
        self.only_its_input_fails_exit_5(
            "libevtx.so.1", SAMPLE_EVTX,
            r"^slerr: .*Application_no_crc32\.evtx: reading \.evtx files is not available: "
            r".*libevtx\.so\.1")

    def test_without_expat_only_xml_input_fails_exit_5(self):
        """Before, a missing libexpat.so.1 made the whole explain module unavailable, text
        too."""
        self.only_its_input_fails_exit_5(
            "libexpat.so.1", SAMPLE_XML,
            r"^slerr: .*12290-wevtutil\.xml: reading XML events is not available: "
            r".*libexpat\.so\.1")

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
        # A PIE built with AddressSanitizer exports the runtime's own option flags too.
        exported = {s for s in dynamic_symbols(SLERR, defined=True)
                    if "@" not in s and not s.startswith(("__asan", "__ubsan", "__sanitizer"))}
        own = {s for s in exported if not s.startswith("slerr_")}
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

    def test_nagios_plugin_without_its_module_prints_a_status_line(self):
        """The guidelines: a status line and UNKNOWN (3) for every failure to run; it printed
        nothing and exited 5."""
        result = self.run_alone("diagnose", "--kms", "127.0.0.1", "--nagios")
        self.assertEqual(result.returncode, 3, result.stderr)
        self.assertRegex(result.stdout, r"^KMS UNKNOWN - diagnose is not available: .*diagnose\.so: "
                                        r"No such file or directory\n$")

    def test_lookups_need_no_module(self):
        result = self.run_alone("0xC004F074")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", result.stdout)


class BrokenModule(unittest.TestCase):
    """A module file that is there but broken is reported (exit 5), never a crash or a hang:
    cut short (a full disk, an interrupted upgrade) it gave SIGBUS; a FIFO hung dlopen(); a
    symbolic link loop was reported as the fallback path's "No such file"."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="slerr-broken-")
        self.addCleanup(shutil.rmtree, self.tmp)
        self.program = os.path.join(self.tmp, "bin", "slerr")
        os.makedirs(os.path.dirname(self.program))
        shutil.copy(SLERR, self.program)
        relative = os.environ["SLERR_MODULE_RELATIVE_DIR"]  # bindir to the modules, as installed
        directory = os.path.join(self.tmp, "bin", relative)
        self.assertTrue(os.path.normpath(directory).startswith(self.tmp), relative)
        os.makedirs(directory)
        self.module = os.path.join(directory, "diagnose.so")

    def diagnose(self):
        return subprocess.run([self.program, "diagnose", "--help"], capture_output=True, text=True,
                              timeout=20)

    def expect(self, why):
        result = self.diagnose()
        self.assertEqual(result.returncode, 5, result.stderr)
        self.assertEqual(result.stderr, f"slerr: diagnose is not available: {self.module}: {why}\n")
        version = subprocess.run([self.program, "--version"], capture_output=True, text=True,
                                 timeout=20).stdout
        self.assertIn(f"module diagnose: {self.module} (not available: {why})", version)

    @staticmethod
    def loaded_end(image):
        """Where the last byte the loader maps from the file ends (64-bit little-endian ELF)."""
        phoff, = struct.unpack_from("<Q", image, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", image, 0x36)
        end = 0
        for i in range(phnum):
            kind, _, offset, _, _, filesz = struct.unpack_from("<IIQQQQ", image, phoff + i * phentsize)
            if kind == 1:  # PT_LOAD
                end = max(end, offset + filesz)
        return end

    def test_module_cut_short(self):
        with open(os.path.join(BUILD_DIR, "diagnose.so"), "rb") as f:
            whole = f.read()
        end = self.loaded_end(whole)
        for size in (end - 1, end // 2, 4096):
            with self.subTest(size=size):
                with open(self.module, "wb") as f:
                    f.write(whole[:size])
                self.expect("a segment lies beyond the end of the file: the file is cut short")
        with open(self.module, "wb") as f:
            f.write(whole[:100])  # the ELF header whole, its program headers not
        self.expect("its program headers are missing: the file is cut short")
        with open(self.module, "wb") as f:
            f.write(b"")
        self.expect("not a shared object (no ELF header)")

    def test_fifo_in_place_of_the_module(self):
        os.mkfifo(self.module)
        self.expect("not a regular file")

    def test_symbolic_link_loop(self):
        os.symlink(self.module, self.module)
        self.expect("Too many levels of symbolic links")

    def test_whole_module_still_loads(self):
        shutil.copy(os.path.join(BUILD_DIR, "diagnose.so"), self.module)
        result = self.diagnose()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Usage: slerr diagnose", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
