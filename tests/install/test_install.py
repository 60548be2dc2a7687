#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Installs the build into a temporary DESTDIR and checks what a packager and a consumer see:
the file list, the pkg-config file, the exported symbols, the man pages, and the example
program of libslerr(3) built against the installed library."""

import glob
import os
import re
import shutil
import subprocess
import tempfile
import unittest

BUILD = os.environ["SLERR_BUILD_ROOT"]
SOURCE = os.environ["SLERR_SOURCE_ROOT"]
PREFIX = os.environ.get("SLERR_PREFIX", "/usr/local")
# A sanitizer build installs an instrumented libslerr: its consumers are built the same way.
SANITIZE = os.environ.get("SLERR_SANITIZE", "none")
# A coverage build (-Db_coverage=true) too: its libslerr.a calls into libgcov.
COVERAGE = os.environ.get("SLERR_COVERAGE", "false") == "true"


def compiler():
    cc = [os.environ.get("CC", "cc")]
    if SANITIZE != "none":
        cc.append("-fsanitize=" + SANITIZE)
    if COVERAGE:
        cc.append("--coverage")
    return cc


def symbol_nodes(script="src/lib/libslerr.sym"):
    """{symbol: version node} from the one list of exported symbols, the linker version script
    (SLERR_1.0, SLERR_1.1, ...: the release that added each)."""
    with open(os.path.join(SOURCE, script)) as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    nodes = {}
    for node, body in re.findall(r"(SLERR_[A-Z_]*[0-9.]+)\s*\{(.*?)\}", text, re.S):
        block = body.split("global:")[1].split("local:")[0]
        for name in block.split(";"):
            if name.strip():
                nodes[name.strip()] = node
    return nodes


def public_symbols():
    return sorted(symbol_nodes())


def node_version(node):
    """The library version a node stands for: SLERR_1.0 is 1.0."""
    return node[len("SLERR_"):]


def header_functions():
    """The functions include/slerr.h declares."""
    with open(os.path.join(SOURCE, "include/slerr.h")) as f:
        text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
    return sorted(set(re.findall(r"\b(slerr_\w+)\s*\(", text)) - {"slerr_match_fn"})


class Installed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="slerr-install-")
        subprocess.run(["meson", "install", "-C", BUILD, "--no-rebuild", "--quiet",
                        "--destdir", cls.tmp], check=True, capture_output=True)
        cls.root = cls.tmp + PREFIX
        libs = glob.glob(cls.root + "/lib*/**/libslerr.so", recursive=True)
        assert len(libs) == 1, libs
        cls.libdir = os.path.dirname(libs[0])
        # the installed program links the installed libslerr.so (no rpath, as distributions want)
        os.environ["LD_LIBRARY_PATH"] = cls.libdir

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_file_list(self):
        expected = ["bin/slerr", "include/slerr.h", "include/slerr-explain.h", "include/slerr_version.h", "share/man/man1/slerr.1",
                    "share/man/man3/libslerr.3", "share/zsh/site-functions/_slerr",
                    "share/slerr/icinga2/slerr.conf", "share/slerr/nagios/slerr.cfg"]
        for path in expected:
            self.assertTrue(os.path.isfile(os.path.join(self.root, path)), path)
        names = sorted(os.listdir(self.libdir))
        self.assertIn("libslerr.a", names)
        self.assertIn("libslerr.so.1", names)
        self.assertTrue(os.path.islink(os.path.join(self.libdir, "libslerr.so")))
        self.assertTrue(os.path.isfile(os.path.join(self.libdir, "pkgconfig", "slerr.pc")))
        bash = glob.glob(self.tmp + "/**/bash-completion/completions/slerr", recursive=True)
        fish = glob.glob(self.tmp + "/**/fish/vendor_completions.d/slerr.fish", recursive=True)
        self.assertEqual(len(bash), 1)
        self.assertEqual(len(fish), 1)

    def test_monitoring_definitions_name_the_installed_program(self):
        for path in ["share/slerr/icinga2/slerr.conf", "share/slerr/nagios/slerr.cfg"]:
            with open(os.path.join(self.root, path)) as f:
                self.assertIn(os.path.join(PREFIX, "bin/slerr"), f.read(), path)

    def test_modules_are_installed_in_libdir_slerr(self):
        self.assertEqual(sorted(os.listdir(os.path.join(self.libdir, "slerr"))),
                         ["diagnose.so", "explain.so", "repl.so"])

    def test_installed_program_maps_no_large_library(self):
        linked = subprocess.run(["ldd", os.path.join(self.root, "bin/slerr")],
                                capture_output=True, text=True, check=True).stdout
        self.assertIn("libc.so", linked)
        for library in ("libedit", "libcares", "libexpat"):
            self.assertNotIn(library, linked)
        for module, library in (("repl", "libedit.so"), ("diagnose", "libcares.so")):
            path = os.path.join(self.libdir, "slerr", module + ".so")
            self.assertIn(library, subprocess.run(["ldd", path], capture_output=True, text=True,
                                                  check=True).stdout)
        # expat and libevtx are loaded by explain when an input needs them, never linked.
        for path in (os.path.join(self.libdir, "slerr", "explain.so"),
                     glob.glob(os.path.join(self.libdir, "libslerr-explain.so.*.*"))[0]):
            linked = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
            self.assertNotIn("libexpat", linked, path)
            self.assertNotIn("libevtx", linked, path)

    def test_catalog_is_installed_once_in_the_library(self):
        linked = subprocess.run(["ldd", os.path.join(self.root, "bin/slerr")],
                                capture_output=True, text=True, check=True).stdout
        self.assertIn(os.path.join(self.libdir, "libslerr.so."), linked)
        text = b"The count reported by your Key Management Service (KMS) is insufficient"
        with open(os.path.join(self.root, "bin/slerr"), "rb") as f:
            self.assertNotIn(text, f.read(), "the program carries no copy of the catalog")
        with open(glob.glob(os.path.join(self.libdir, "libslerr.so.*.*"))[0], "rb") as f:
            self.assertIn(text, f.read())

    def test_no_build_path_in_the_installed_code(self):
        elves = [os.path.join(self.root, "bin/slerr")] + glob.glob(os.path.join(self.libdir, "**/*.so*"),
                                                                    recursive=True)
        for path in elves:
            for section in (".rodata", ".data", ".dynstr"):
                dump = subprocess.run(["readelf", "-p", section, path], capture_output=True).stdout
                if COVERAGE:  # gcov writes its counts next to the objects: those paths are its own
                    dump = b"\n".join(line for line in dump.splitlines()
                                       if not line.rstrip().endswith(b".gcda"))
                for tree in (BUILD, SOURCE):
                    self.assertNotIn(os.path.realpath(tree).encode(), dump, f"{path} {section}")

    def test_installed_program_finds_its_modules(self):
        slerr = os.path.join(self.root, "bin/slerr")
        repl = subprocess.run([slerr, "repl"], input="0xC004F074\n", capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(repl.returncode, 0, repl.stderr)
        self.assertIn("SL_E_VL_BINDING_SERVICE_UNAVAILABLE", repl.stdout)
        diagnose = subprocess.run([slerr, "diagnose", "--help"], capture_output=True, text=True)
        self.assertEqual(diagnose.returncode, 0, diagnose.stderr)

    def test_broken_or_missing_module_is_reported(self):
        tree = tempfile.mkdtemp(prefix="slerr-broken-") + "/tree"
        self.addCleanup(shutil.rmtree, os.path.dirname(tree))
        shutil.copytree(self.root, tree, symlinks=True)
        module = os.path.join(tree, os.path.relpath(self.libdir, self.root), "slerr",
                              "diagnose.so")
        slerr = os.path.join(tree, "bin/slerr")
        with open(module, "w") as f:
            f.write("not an ELF file\n")
        broken = subprocess.run([slerr, "diagnose", "--kms", "127.0.0.1"], capture_output=True,
                                text=True)
        self.assertEqual(broken.returncode, 5)
        self.assertRegex(broken.stderr, r"^slerr: diagnose is not available: .*diagnose\.so")
        os.remove(module)
        missing = subprocess.run([slerr, "diagnose"], capture_output=True, text=True)
        self.assertEqual(missing.returncode, 5)
        self.assertRegex(missing.stderr, r"^slerr: diagnose is not available: .*diagnose\.so")
        self.assertEqual(subprocess.run([slerr, "0xC004F074"], capture_output=True).returncode, 0)

    def test_soname_is_versioned(self):
        dynamic = subprocess.run(["readelf", "-d", os.path.join(self.libdir, "libslerr.so")],
                                 capture_output=True, text=True, check=True).stdout
        self.assertIn("Library soname: [libslerr.so.1]", dynamic)

    def test_exports_exactly_the_public_symbols(self):
        nm = subprocess.run(["nm", "-D", "--defined-only", os.path.join(self.libdir, "libslerr.so")],
                            capture_output=True, text=True, check=True).stdout
        exported = sorted(line.split()[-1].split("@")[0] for line in nm.splitlines()
                          if line.split()[1] in "TDBR" and not line.split()[-1].startswith("SLERR_"))
        self.assertEqual(exported, public_symbols())
        self.assertEqual(header_functions(), public_symbols(),
                         "slerr.h and libslerr.sym list different functions")
        versioned = {line.split()[-1] for line in nm.splitlines() if "@@" in line}
        for name, node in symbol_nodes().items():
            self.assertIn(f"{name}@@{node}", versioned, f"{name} is not exported at {node}")

    def test_archive_and_library_export_only_prefixed_names(self):
        # Anything else would clash with a consumer's own names when it links libslerr.a.
        for lib in ["libslerr.a", "libslerr.so"]:
            nm = subprocess.run(["nm", "-g", "--defined-only", os.path.join(self.libdir, lib)],
                                capture_output=True, text=True, check=True).stdout
            names = [line.split()[-1].split("@")[0] for line in nm.splitlines()
                     if len(line.split()) == 3]
            self.assertGreater(len(names), 10, lib)
            # __odr_asan.NAME and __asan_* are AddressSanitizer's own, in sanitizer builds only.
            stray = [n for n in names if not n.startswith(("slerr_", "SLERR_"))
                     and not (SANITIZE != "none" and n.startswith(("__odr_asan", "__asan")))]
            self.assertEqual(stray, [], f"{lib} exports names without the slerr_ prefix")

    def test_version_agrees_everywhere(self):
        # meson's project version is the one source: the installed header, pkg-config, the
        # library and the program must all say the same.
        with open(os.path.join(SOURCE, "meson.build")) as f:
            project = re.search(r"version: '([0-9.]+)'", f.read()).group(1)
        with open(os.path.join(self.root, "include/slerr_version.h")) as f:
            header = f.read()
        macros = {m: re.search(rf"#define SLERR_VERSION_{m} (\S+)", header).group(1)
                  for m in ["MAJOR", "MINOR", "PATCH", "STRING"]}
        self.assertEqual("{MAJOR}.{MINOR}.{PATCH}".format(**macros), project)
        self.assertEqual(macros["STRING"], f'"{project}"')
        pkg_env = {**os.environ, "PKG_CONFIG_PATH": os.path.join(self.libdir, "pkgconfig")}
        modversion = subprocess.run(["pkg-config", "--modversion", "slerr"], env=pkg_env,
                                    capture_output=True, text=True, check=True).stdout.strip()
        self.assertEqual(modversion, project)
        run_env = {**os.environ, "LD_LIBRARY_PATH": self.libdir}
        program = subprocess.run([os.path.join(self.root, "bin/slerr"), "--version"], env=run_env,
                                 capture_output=True, text=True, check=True).stdout
        self.assertTrue(program.startswith(f"slerr {project} "), program)

    def test_man_page_says_since_when_each_function_exists(self):
        with open(os.path.join(SOURCE, "doc/libslerr.3.scd")) as f:
            page = f.read()
        since = {}
        for version, names in re.findall(r"(?m)^Since ([0-9.]+): (.*(?:\n[^\n#].*)*)", page):
            for name in re.findall(r"\*(slerr_\w+)\*\(\)", names):
                since[name] = version
        for name, node in symbol_nodes().items():
            self.assertEqual(since.get(name), node_version(node),
                             f"libslerr(3) VERSIONS and libslerr.sym disagree on {name}")

    def test_every_public_symbol_is_documented(self):
        with open(os.path.join(SOURCE, "doc/libslerr.3.scd")) as f:
            page = f.read()
        for name in public_symbols():
            self.assertIn(f"*{name}*()", page, f"{name} is not described in libslerr(3)")
            self.assertRegex(page, rf"\b{name}\(", f"{name} is not in the synopsis")

    def test_man_pages_render_without_warnings(self):
        for page in ["man1/slerr.1", "man3/libslerr.3", "man3/libslerr-explain.3"]:
            path = os.path.join(self.root, "share/man", page)
            result = subprocess.run(["man", "--warnings", "-l", path], capture_output=True,
                                    text=True, env={**os.environ, "MANWIDTH": "80", "MAN_KEEP_STDERR": "1"})
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stderr, "", page)
            self.assertIn("EXIT STATUS" if page.startswith("man1") else "EXAMPLE", result.stdout)

    def test_every_command_is_in_slerr_1(self):
        slerr = os.path.join(self.root, "bin/slerr")
        help_text = subprocess.run([slerr, "--help"], capture_output=True, text=True).stdout
        commands = re.findall(r"^  ([a-z]+)\s", help_text, re.M)
        self.assertGreaterEqual(len(commands), 8)
        with open(os.path.join(SOURCE, "doc/slerr.1.scd")) as f:
            page = f.read()
        for command in commands:
            self.assertRegex(page, rf"(?m)^\*{command}\*", f"slerr(1) does not describe {command}")

    def test_example_matches_the_man_page(self):
        with open(os.path.join(SOURCE, "doc/libslerr.3.scd")) as f:
            page = f.read()
        block = re.search(r"# EXAMPLE\n\n.*?\n\n```\n(.*?)```", page, re.S).group(1)
        with open(os.path.join(SOURCE, "tests/install/explain.c")) as f:
            program = f.read()
        self.assertIn(block.replace("\\\\n", "\\n"), program)

    def test_consumer_builds_with_pkg_config_and_runs(self):
        pkg_env = {**os.environ, "PKG_CONFIG_PATH": os.path.join(self.libdir, "pkgconfig")}
        flags = subprocess.run(["pkg-config", "--define-variable=prefix=" + self.root,
                                "--cflags", "--libs", "slerr"], env=pkg_env, capture_output=True,
                               text=True, check=True).stdout.split()
        self.assertIn("-lslerr", flags)
        exe = os.path.join(self.tmp, "explain")
        subprocess.run([*compiler(), os.path.join(SOURCE, "tests/install/explain.c"), *flags, "-o", exe],
                       check=True)
        run_env = {**os.environ, "LD_LIBRARY_PATH": self.libdir}
        known = subprocess.run([exe, "-1073418184"], env=run_env, capture_output=True, text=True)
        self.assertEqual(known.returncode, 0, known.stderr)
        self.assertTrue(known.stdout.startswith("0xC004F038 SL_E_VL_NOT_ENOUGH_COUNT: The Software"))
        unknown = subprocess.run([exe, "0x8007FFFE"], env=run_env, capture_output=True, text=True)
        self.assertEqual(unknown.returncode, 1)
        self.assertIn("Win32 error 65534", unknown.stdout)
        bad = subprocess.run([exe, "banana"], env=run_env, capture_output=True, text=True)
        self.assertEqual(bad.returncode, 2)
        linked = subprocess.run(["ldd", exe], env=run_env, capture_output=True, text=True).stdout
        self.assertIn(os.path.join(self.libdir, "libslerr.so.1"), linked)

    def test_explain_consumer_builds_with_pkg_config_and_runs(self):
        pkg_env = {**os.environ, "PKG_CONFIG_PATH": os.path.join(self.libdir, "pkgconfig")}
        flags = subprocess.run(["pkg-config", "--define-variable=prefix=" + self.root,
                                "--cflags", "--libs", "slerr-explain"], env=pkg_env,
                               capture_output=True, text=True, check=True).stdout.split()
        self.assertIn("-lslerr-explain", flags)
        with open(os.path.join(SOURCE, "doc/libslerr-explain.3.scd")) as f:
            page = f.read()
        with open(os.path.join(SOURCE, "include/slerr-explain.h")) as f:
            header = f.read()
        for name in re.findall(r"\b(slerr_explain(?:er)?_\w+)\(", header):
            self.assertTrue(f"*{name}*()" in page, f"{name} is not described in libslerr-explain(3)")
        exe = os.path.join(self.tmp, "explain-text")
        subprocess.run([*compiler(), "-std=c17", "-Wall", "-Wextra", "-Werror", "-pedantic",
                        os.path.join(SOURCE, "tests/install/explain_text.c"), *flags, "-o", exe],
                       check=True)
        run_env = {**os.environ, "LD_LIBRARY_PATH": self.libdir}
        with open(os.path.join(SOURCE, "tests/explain/fixtures/dlv-kms-host.txt"), "rb") as f:
            text = f.read()
        utf16 = b"\xff\xfe" + text.replace(b"\n", b"\r\n").decode().encode("utf-16-le")
        for data in (text, utf16):
            result = subprocess.run([exe], input=data, env=run_env, capture_output=True)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn(b"slmgr-dlv:1 warning current-count host-count-below-clients 0xC004F038\n", result.stdout)
            self.assertIn(b"headline: The KMS host counts 12", result.stdout)
        # XML events: the installed library loads expat for them (libexpat.so.1, by its soname).
        with open(os.path.join(SOURCE, "tests/explain/fixtures/events/12290-wevtutil.xml"), "rb") as f:
            result = subprocess.run([exe], input=f.read(), env=run_env, capture_output=True)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        self.assertIn(b"event:3 critical result 12290-clock-skew 0xC004F06C", result.stdout)
        linked = subprocess.run(["ldd", exe], env=run_env, capture_output=True, text=True).stdout
        self.assertIn(os.path.join(self.libdir, "libslerr-explain.so.0"), linked)

    def test_explain_library_exports_only_its_api(self):
        path = os.path.join(self.libdir, "libslerr-explain.so")
        nm = subprocess.run(["nm", "-D", "--defined-only", path], capture_output=True, text=True,
                            check=True).stdout
        names = [line.split()[-1] for line in nm.splitlines() if line.split()[1] in "TDBR"]
        self.assertGreater(len(names), 20)
        listed = symbol_nodes("src/explain/libslerr-explain.sym")
        self.assertNotIn("*", "".join(listed), "libslerr-explain.sym exports by glob")
        self.assertEqual(sorted(f"{name}@@{node}" for name, node in listed.items()), sorted(names),
                         "libslerr-explain.sym and the library's exports differ")
        for name in names:
            self.assertRegex(name, r"^slerr_explain(er)?_\w+@@SLERR_EXPLAIN_0$")
        with open(os.path.join(self.root, "include/slerr-explain.h")) as f:
            header = f.read()
        declared = set(re.findall(r"\b(slerr_explain(?:er)?_\w+)\(", header))
        self.assertEqual(declared, {n.split("@")[0] for n in names})
        dynamic = subprocess.run(["readelf", "-d", path], capture_output=True, text=True,
                                 check=True).stdout
        self.assertIn("Library soname: [libslerr-explain.so.0]", dynamic)

    def test_growable_structures_from_installed_headers(self):
        # The same program linked with the shared library and with the static archive.
        pkg_env = {**os.environ, "PKG_CONFIG_PATH": os.path.join(self.libdir, "pkgconfig")}
        cflags = subprocess.run(["pkg-config", "--define-variable=prefix=" + self.root,
                                 "--cflags", "slerr"], env=pkg_env, capture_output=True,
                                text=True, check=True).stdout.split()
        source = os.path.join(SOURCE, "tests/install/growable.c")
        shared, static = os.path.join(self.tmp, "growable"), os.path.join(self.tmp, "growable-static")
        subprocess.run([*compiler(), "-std=c17", "-Wall", "-Wextra", "-Werror", "-pedantic", source,
                        *cflags, "-L" + self.libdir, "-lslerr", "-o", shared], check=True)
        subprocess.run([*compiler(), "-std=c17", source, *cflags, os.path.join(self.libdir, "libslerr.a"),
                        "-o", static], check=True)
        run_env = {**os.environ, "LD_LIBRARY_PATH": self.libdir}
        outputs = [subprocess.run([exe], env=run_env, capture_output=True, text=True)
                   for exe in (shared, static)]
        for out in outputs:
            self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(outputs[0].stdout, outputs[1].stdout)
        self.assertEqual(outputs[0].stdout.splitlines()[:3], [
            "decode facility 7 ERROR_SHARING_VIOLATION",
            "search SL_E_VL_NOT_ENOUGH_COUNT",
            "match 0xC004F074 at 3"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
