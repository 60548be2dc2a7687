#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The imported codes in the built library are exactly those import-sdk.py wrote: for each
header, the same codes, symbols and texts, as many as MANIFEST records (whose checksums
gen-catalog.py verifies at every build); every facility name is the one winerror.h gives.
(import-sdk.py --check compares the committed files with the headers themselves.)"""

import collections
import hashlib
import os
import subprocess
import sys
import unittest

DUMP = os.environ["SLERR_DUMP"]
IMPORTED = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "data", "catalog", "imported")
FILES = {"winerror.txt": "winerror.h", "ntstatus.txt": "ntstatus.h", "slerror.txt": "slerror.h",
         "wuerror.txt": "wuerror.h", "wmi.txt": "WbemCli.h"}


def data_lines(name):
    with open(os.path.join(IMPORTED, name), encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#")]


def manifest():
    result = {}
    for line in data_lines("MANIFEST"):
        name, _, count, digest = line.split("\t")
        result[name] = (int(count), digest)
    return result


class Imported(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        out = subprocess.run([DUMP], capture_output=True, text=True, check=True).stdout
        cls.readings = collections.defaultdict(collections.Counter)
        cls.facilities = {}
        for line in out.splitlines():
            parts = line.split("\t")
            if parts[0] == "F":
                cls.facilities[int(parts[1])] = parts[2]
            else:
                code, source, symbol, message = parts
                cls.readings[source][(code, symbol, message)] += 1
        cls.manifest = manifest()

    def test_files_agree_with_manifest(self):
        for name in [*FILES, "facilities.txt"]:
            with self.subTest(file=name):
                lines = data_lines(name)
                count, digest = self.manifest[name]
                self.assertEqual(len(lines), count)
                text = "".join(line + "\n" for line in lines)
                self.assertEqual(hashlib.sha256(text.encode("utf-8")).hexdigest(), digest)

    def test_every_imported_code_is_in_the_library_with_its_text(self):
        for name, header in FILES.items():
            with self.subTest(header=header):
                expected = collections.Counter()
                for line in data_lines(name):
                    code, _, symbol, message = line.split("\t")
                    expected[(code, symbol, message)] += 1
                self.assertEqual(sum(expected.values()), self.manifest[name][0])
                self.assertEqual(self.readings[header], expected)

    def test_the_codes_of_the_issue(self):
        winerror, ntstatus, wmi = self.readings["winerror.h"], self.readings["ntstatus.h"], self.readings["WbemCli.h"]
        self.assertIn(("0x80070032", "ERROR_NOT_SUPPORTED", "The request is not supported."), winerror)
        self.assertIn(("0x80092004", "CRYPT_E_NOT_FOUND", "Cannot find object or property."), winerror)
        self.assertIn(("0x80072F8F", "WININET_E_DECODING_FAILED", "Content decoding has failed"), winerror)
        self.assertIn(("0xC0000022", "STATUS_ACCESS_DENIED", "{Access Denied} A process has requested access "
                       "to an object, but has not been granted those access rights."), ntstatus)
        self.assertIn(("0x80041010", "WBEM_E_INVALID_CLASS", "Specified class is not valid."), wmi)

    def test_facility_names_are_winerror_h_s(self):
        expected = {}
        for line in data_lines("facilities.txt"):
            number, name = line.split("\t")
            expected[int(number)] = name
        self.assertEqual(self.facilities, expected)
        self.assertEqual((expected[62], expected[63], expected[80]), ("WPN", "WINDOWS_STORE", "WINDOWS_DEFENDER"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
