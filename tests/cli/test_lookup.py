#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr CODE...`: input forms, output formats, colour and exit statuses."""

import json
import os
import subprocess
import unittest

from slerrtest import SLERR, run

F038_MESSAGE = ("The Software Licensing Service reported that the product could not be activated. "
                "The count reported by your Key Management Service (KMS) is insufficient. "
                "Please contact your system administrator.")


class InputForms(unittest.TestCase):
    def test_every_form_prints_the_same_entry(self):
        reference = run("0xC004F038")
        self.assertEqual(reference.returncode, 0, reference.stderr)
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", reference.stdout)
        for form in ["C004F038", "3221549112", "-1073418184", "sl_e_vl_not_enough_count",
                     "0XC004f038"]:
            with self.subTest(form=form):
                result = run(form)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stdout, reference.stdout)

    def test_win32_code_becomes_hresult(self):
        result = run("1722")
        self.assertEqual(result.returncode, 0)
        self.assertTrue(result.stdout.startswith("0x800706BA  RPC_S_SERVER_UNAVAILABLE\n"))

    def test_slui_syntax(self):
        result = run("0x2a", "0xC004F038")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, run("0xC004F038").stdout)
        alone = run("0x2a")  # alone, 0x2a is Win32 error 42
        self.assertIn("0x8007002A", alone.stdout)

    def test_several_codes(self):
        result = run("--brief", "0xC004F038", "0xC004F074")
        self.assertEqual(result.returncode, 0)
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 2)
        # several codes: each message says which code it is (they came bare, in a row)
        self.assertEqual(lines[0], "0xC004F038: " + F038_MESSAGE)
        self.assertTrue(lines[1].startswith("0xC004F074: "), lines[1])
        self.assertIn("No Key Management Service (KMS) could be contacted", lines[1])
        self.assertEqual(run("--brief", "0xC004F038").stdout, F038_MESSAGE + "\n", "one: bare")


class UnknownAndBad(unittest.TestCase):
    def test_unknown_code_is_decoded_and_exits_1(self):
        result = run("0xC004F999")
        self.assertEqual(result.returncode, 1)
        self.assertIn("not in the catalog", result.stdout)
        self.assertIn("facility 4 (ITF)", result.stdout)
        self.assertIn("code 0xF999", result.stdout)
        self.assertIn("error (S=1", result.stdout)

    def test_win32_code_from_winerror_h(self):
        result = run("0x80070020")
        self.assertEqual(result.returncode, 0)
        self.assertIn("Win32:    32 ERROR_SHARING_VIOLATION", result.stdout)
        self.assertIn("The process cannot access the file because it is being used by another\n  process.",
                      result.stdout)

    def test_eight_digit_win32_error_shows_its_win32_reading(self):
        result = run("0x000006BA")
        self.assertEqual(result.returncode, 0, "its Win32 reading is known")
        self.assertTrue(result.stdout.startswith("0x000006BA  (not in the catalog)\n"),
                        "the value stays the HRESULT it is")
        self.assertIn("Also:     Win32 error 1722 RPC_S_SERVER_UNAVAILABLE (winerror.h, as HRESULT\n"
                      "            0x800706BA): The RPC server is unavailable.", result.stdout)
        data = json.loads(run("--json", "0x000006BA").stdout)
        self.assertEqual(data["code"], "0x000006BA")
        self.assertFalse(data["known"])
        self.assertEqual(data["readings"], [{"reading": "win32", "code": "0x800706BA", "win32": 1722,
                                             "symbol": "RPC_S_SERVER_UNAVAILABLE",
                                             "message": "The RPC server is unavailable.",
                                             "source": "winerror.h"}])
        unknown = run("0x0000FFFE")
        self.assertEqual(unknown.returncode, 1, "no Win32 error 65534: nothing to read")
        self.assertNotIn("Also:", unknown.stdout)

    def test_unknown_win32_code(self):
        result = run("0x8007FFFE")
        self.assertEqual(result.returncode, 1)
        self.assertIn("Win32:    65534\n", result.stdout)

    def test_official_texts_beyond_slerror_h(self):
        for code, text in (("0x80070032", "The request is not supported."),
                           ("0xC0000022", "{Access Denied} A process has requested access to an "
                                          "object, but has not been granted those access rights."),
                           ("0x80041010", "Specified class is not valid."),
                           ("0x80092004", "Cannot find object or property."),
                           ("0x80072F8F", "Content decoding has failed"),
                           ("0x80072EFD", "A connection with the server could not be established"),
                           ("0x80072EE7", "The server name or address could not be resolved"),
                           ("0x80072EE2", "The operation timed out"),
                           ("0x803F7001", "Activation failed because this device doesn't have a "
                                          "valid digital license or product key.")):
            with self.subTest(code=code):
                result = run("--brief", code)
                self.assertEqual((result.returncode, result.stdout), (0, text + "\n"))

    def test_every_reading_of_a_value(self):
        result = run("--json", "0x80070005", "0xD0000022", "0xC0070005", "0x00000000")
        access, from_nt, from_win32, zero = [json.loads(line) for line in result.stdout.splitlines()]
        self.assertEqual((access["symbol"], access["reading"], access["source"]),
                         ("ERROR_ACCESS_DENIED", "win32", "winerror.h"))
        self.assertEqual([(r["reading"], r["symbol"]) for r in access["readings"]],
                         [("hresult", "E_ACCESSDENIED")])
        self.assertEqual((from_nt["wraps"]["reading"], from_nt["wraps"]["code"], from_nt["wraps"]["symbol"]),
                         ("ntstatus", "0xC0000022", "STATUS_ACCESS_DENIED"))
        self.assertEqual((from_win32["wraps"]["reading"], from_win32["wraps"]["symbol"]),
                         ("win32", "ERROR_ACCESS_DENIED"))
        self.assertIn(("ntstatus", "STATUS_SUCCESS"), [(r["reading"], r["symbol"]) for r in zero["readings"]])
        text = run("0x80070005").stdout
        self.assertIn("Source:   Win32 error, text from winerror.h", text)
        self.assertIn("Also:     HRESULT E_ACCESSDENIED (winerror.h): General access denied error", text)

    def test_facility_names_from_winerror_h(self):
        for code, name in (("0x803E0001", "WPN"), ("0x803F0001", "WINDOWS_STORE"),
                           ("0x80500001", "WINDOWS_DEFENDER"), ("0x887A0001", "DXGI")):
            with self.subTest(code=code):
                self.assertEqual(json.loads(run("--json", code).stdout)["facility_name"], name)

    def test_banana_is_a_usage_error(self):
        result = run("banana")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stdout, "")
        self.assertIn("'banana' is not an error code", result.stderr)
        self.assertIn("Accepted forms:", result.stderr)
        self.assertIn("-1073418184", result.stderr)

    def test_did_you_mean(self):
        result = run("SL_E_VL_NOT_ENOGH_COUNT")
        self.assertEqual(result.returncode, 2)
        self.assertIn("Did you mean SL_E_VL_NOT_ENOUGH_COUNT (0xC004F038)?", result.stderr)

    def test_did_you_mean_a_code_with_a_digit_too_many(self):
        # a ticket's "0x800070002": a zero typed twice; not a code as written (nine digits)
        result = run("0x800070002")
        self.assertEqual(result.returncode, 2)
        self.assertIn("Did you mean 0x80070002 (ERROR_FILE_NOT_FOUND)?", result.stderr)

    def test_did_you_mean_a_code_with_a_digit_too_few(self):
        # seven digits read as written (0x0C004F74, not in the catalog), then the hint
        result = run("(0xC004F74)")
        self.assertEqual(result.returncode, 1)
        self.assertIn("0x0C004F74", result.stdout)
        self.assertIn("Did you mean 0xC004F074 (SL_E_VL_BINDING_SERVICE_UNAVAILABLE)?",
                      result.stderr)

    def test_no_hint_when_a_slip_gives_several_codes(self):
        result = run("0xC004C03")  # a missed double of 0, of 3 ...: no one answer
        self.assertEqual(result.returncode, 1)
        self.assertNotIn("Did you mean", result.stderr)

    def test_good_and_bad_together(self):
        result = run("0xC004F038", "banana", "0xC004F999")
        self.assertEqual(result.returncode, 2)
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", result.stdout)
        self.assertIn("0xC004F999", result.stdout)

    def test_usage_errors(self):
        for args in [[], ["--brief"], ["--bogus", "5"], ["-z", "5"], ["--color"],
                     ["--color=sometimes", "5"], ["--brief=yes", "5"], [""]]:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 2, result.stdout)
                self.assertTrue(result.stderr.startswith("slerr: "), result.stderr)

    def test_huge_argument(self):
        result = run("A" * 120000)  # a single argument is limited to 128 KiB on Linux
        self.assertEqual(result.returncode, 2)
        self.assertLess(len(result.stderr), 1000)

    def test_double_dash_ends_options(self):
        result = run("--brief", "--", "-1073418184")
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout.strip(), F038_MESSAGE)


class Formats(unittest.TestCase):
    def test_json_lines(self):
        result = run("--json", "0xC004F038", "0x8007FFFE", "1722")
        self.assertEqual(result.returncode, 1)
        records = [json.loads(line) for line in result.stdout.splitlines()]
        self.assertEqual(len(records), 3)
        first = records[0]
        self.assertEqual(first["code"], "0xC004F038")
        self.assertEqual(first["symbol"], "SL_E_VL_NOT_ENOUGH_COUNT")
        self.assertEqual(first["message"], F038_MESSAGE)
        self.assertEqual(first["applies"], ["kms-client"])
        self.assertEqual(first["see"], ["0xC004F074", "0xC004F041"])
        self.assertEqual(first["signed"], -1073418184)
        self.assertEqual(first["unsigned"], 3221549112)
        self.assertTrue(first["known"])
        self.assertFalse(records[1]["known"])
        self.assertIsNone(records[1]["symbol"])
        self.assertIsNone(records[1]["win32_name"])
        self.assertEqual(records[2]["win32"], 1722)

    def test_json_escapes_hostile_input_text(self):
        # The input is echoed back: quotes and control characters must stay valid JSON.
        result = run("--json", "0xC004F038", env={})
        self.assertEqual(json.loads(result.stdout)["input"], "0xC004F038")

    def test_json_is_accepted_by_jq(self):
        jq = subprocess.run(["sh", "-c", f"'{SLERR}' --json 0xC004F038 0xC004F074 | jq -e -s 'length == 2'"],
                            capture_output=True, text=True)
        self.assertNotEqual(jq.returncode, 127, "jq is not installed (scripts/install-deps)")
        self.assertEqual(jq.returncode, 0, jq.stderr)

    def test_colour(self):
        plain = run("0xC004F038")
        self.assertNotIn("\033[", plain.stdout)
        always = run("--color=always", "0xC004F038")
        self.assertIn("\033[", always.stdout)
        never = run("--color=never", "0xC004F038")
        self.assertEqual(never.stdout, plain.stdout)
        json_always = run("--color=always", "--json", "0xC004F038")
        self.assertNotIn("\033[", json_always.stdout)

    def test_no_color_is_honoured_on_a_terminal(self):
        script = f"'{SLERR}' 0xC004F038"
        pty = subprocess.run(["script", "-qec", script, "/dev/null"], capture_output=True, text=True,
                             env={**os.environ, "TERM": "xterm"})
        self.assertNotEqual(pty.returncode, 127, "script(1) is not installed (scripts/install-deps)")
        self.assertIn("\033[", pty.stdout)
        quiet = subprocess.run(["script", "-qec", script, "/dev/null"], capture_output=True,
                               text=True, env={**os.environ, "TERM": "xterm", "NO_COLOR": "1"})
        self.assertNotIn("\033[", quiet.stdout)

    def test_help_and_version(self):
        for args in [["--help"], ["help"], ["lookup", "--help"], ["help", "lookup"]]:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 0)
                self.assertIn("Usage: slerr", result.stdout)
        version = run("--version")
        self.assertEqual(version.returncode, 0)
        lines = version.stdout.splitlines()
        self.assertRegex(lines[0], r"^slerr \d+\.\d+\.\d+ \(catalog of \d+ entries\)$")
        # the catalog's identity: a hash of its sources (data/catalog-version.py)
        self.assertRegex(lines[1], r"^catalog [0-9a-f]{12} \(Windows SDK 10\.0\.26100 texts\)$")
        self.assertTrue(lines[2].startswith("Licence: MIT."), lines)
        self.assertIn("CC BY 4.0", version.stdout, "the WMI texts' licence is named")
        self.assertIn("NOTICE", version.stdout)
        self.assertRegex(version.stdout, r"(?m)^catalog contents: \d+ codes, \d+ events, "
                                         r"\d+ symptoms, \d+ settings$")
        self.assertEqual([line.split(":")[0] for line in lines if line.startswith("module ")],
                         ["module diagnose", "module explain", "module repl"], "every module named")
        self.assertRegex(version.stdout, r"(?m)^module explain: /.*/explain\.so$")
        self.assertEqual(run("help", "nonsense").returncode, 2)


class ColorOption(unittest.TestCase):
    def test_color_without_a_value_does_not_swallow_the_next_word(self):
        """`slerr --color 0xC004F038` took the code for the colour ("--color takes auto, ...")."""
        result = run("--color", "0xC004F038")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", result.stdout)
        self.assertIn("\x1b[", result.stdout, "--color alone is always")
        self.assertNotIn("\x1b[", run("--color=never", "0xC004F038").stdout)
        self.assertEqual(run("--color=banana", "0xC004F038").returncode, 2)


class WriteErrors(unittest.TestCase):
    def test_full_disk(self):
        with open("/dev/full", "w") as full:
            result = subprocess.run([SLERR, "0xC004F038"], stdout=full, stderr=subprocess.PIPE,
                                    text=True)
        self.assertEqual(result.returncode, 3)  # a write error, not "not found"
        self.assertIn("cannot write output", result.stderr)

    def test_closed_stdout(self):
        result = subprocess.run(["sh", "-c", f"'{SLERR}' 0xC004F038 >&-"], capture_output=True,
                                text=True)
        self.assertEqual(result.returncode, 3)  # a write error, not "not found"
        self.assertIn("cannot write output", result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
