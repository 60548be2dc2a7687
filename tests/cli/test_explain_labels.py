#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`slerr explain --labels SLMGR.INI`: the texts of a Windows slmgr.ini become label and state
rows, so a paste in that file's language reads like the English one.

The slmgr.ini used here is SYNTHETIC, written for this test: the L_Msg names are slmgr.vbs's,
the texts an invented pseudo-language (accented look-alikes of the English), so that the test
pins the mechanism (UTF-16LE decoding, the name -> field table, label/state/phrase splitting)
without claiming to be any real Windows translation."""

import json
import os
import subprocess
import tempfile
import unittest

from slerrtest import SLERR, WRAPPER

# slmgr.vbs's names, texts in a made-up language (`L_MsgName = "text"`, as slmgr.ini has them).
INI_LINES = [
    '[strings]',
    'L_MsgProductName = "Ñåɱé: "',
    'L_MsgProductDesc = "Ðéšçŕïþţïöñ: "',
    'L_MsgPartialPKey = "Þåŕţïåļ Þŕöðüçţ Ķéý: "',
    'L_MsgLicenseStatusLicensed_1 = "Ŀïçéñšé Šţåţüš: Ŀïçéñšéð"',
    'L_MsgLicenseStatusNotification_1 = "Ŀïçéñšé Šţåţüš: Ñöţïƒïçåţïöñ"',
    'L_MsgNotificationErrorReasonOther = "Ñöţïƒïçåţïöñ Ŕéåšöñ: 0x%ERRCODE%."',
    'L_MsgErrorText_8 = "Éŕŕöŕ: "',
    'L_MsgActivating = "Åçţïvåţïñĝ %PRODUCTNAME% (%PRODUCTID%) ..."',
    'L_MsgKmsHostCachingEnabled = "ĶMŠ ĥöšţ çåçĥïñĝ ïš éñåbļéð"',
    'L_MsgKmsHostCachingDisabled = "ĶMŠ ĥöšţ çåçĥïñĝ ïš ðïšåbļéð"',
    'L_MsgUnknownToUs = "Ignored: "',
]

NOTIFICATION = """Ñåɱé: Windows(R), Professional edition
Ðéšçŕïþţïöñ: Windows(R) Operating System, RETAIL channel
Þåŕţïåļ Þŕöðüçţ Ķéý: 3V66T
Ŀïçéñšé Šţåţüš: Ñöţïƒïçåţïöñ
Ñöţïƒïçåţïöñ Ŕéåšöñ: 0xC004F034.
"""

LICENSED = NOTIFICATION.replace("Ŀïçéñšé Šţåţüš: Ñöţïƒïçåţïöñ", "Ŀïçéñšé Šţåţüš: Ŀïçéñšéð") \
    .replace("Ñöţïƒïçåţïöñ Ŕéåšöñ: 0xC004F034.\n", "")

ATO = "Åçţïvåţïñĝ Windows(R), EnterpriseS edition (2d5a5a60-3040-48bf-beb0-fcd770c20ce0) ...\n" \
      "Éŕŕöŕ: 0xC004F074\n"


def explain(*args, stdin=""):
    r = subprocess.run([*WRAPPER, SLERR, "explain", "--json", *args], input=stdin.encode(),
                       capture_output=True, timeout=600 if WRAPPER else 60)
    lines = [json.loads(x) for x in r.stdout.decode().splitlines() if x.strip()]
    return lines, r.returncode, r.stderr.decode()


def findings(lines):
    return [(o["kind"], f["field"], f["severity"], tuple(f["codes"]))
            for o in lines if o.get("kind") != "summary" for f in o["findings"]]


class Labels(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        folder = os.path.join(cls.tmp.name, "xx-QPS")
        os.mkdir(folder)
        text = "\r\n".join(INI_LINES) + "\r\n"
        cls.utf16 = os.path.join(folder, "slmgr.ini")  # as Windows ships it: UTF-16LE, BOM, CRLF
        with open(cls.utf16, "wb") as f:
            f.write(b"\xff\xfe" + text.encode("utf-16-le"))
        cls.utf8 = os.path.join(cls.tmp.name, "slmgr-utf8.ini")
        with open(cls.utf8, "w", encoding="utf-8") as f:
            f.write(text)
        cls.not_ini = os.path.join(cls.tmp.name, "notes.txt")
        with open(cls.not_ini, "w", encoding="utf-8") as f:
            f.write("Name = value\nL_Msg without a quote\n")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_without_the_file_the_language_is_not_read(self):
        lines, _, _ = explain(stdin=NOTIFICATION)
        self.assertNotIn("license-status", [f[1] for f in findings(lines)])

    def test_license_status_label_and_notification_state(self):
        lines, status, err = explain("--labels", self.utf16, stdin=NOTIFICATION)
        self.assertEqual(status, 1, err)
        self.assertIn(("slmgr-dli", "license-status", "critical", ("0xC004F034",)),
                      findings(lines))

    def test_licensed_state_word_is_a_state_row(self):
        # The same label with the other state word of the file: licensed, not notification.
        lines, status, err = explain("--labels", self.utf16, stdin=LICENSED)
        self.assertEqual(status, 0, err)
        states = [f for f in findings(lines) if f[1] == "license-status"]
        self.assertEqual([s[2] for s in states], ["ok"])

    def test_error_label_and_activating_phrase(self):
        lines, status, err = explain("--labels", self.utf16, stdin=ATO)
        self.assertEqual(status, 1, err)
        self.assertIn(("0xC004F074",), [f[3] for f in findings(lines) if f[1] == "error"])

    def test_utf8_file_reads_the_same(self):
        lines, status, _ = explain("--labels", self.utf8, stdin=NOTIFICATION)
        self.assertEqual(status, 1)
        self.assertIn("license-status", [f[1] for f in findings(lines)])

    def test_a_file_that_is_no_slmgr_ini_is_a_usage_error(self):
        _, status, err = explain("--labels", self.not_ini, stdin=NOTIFICATION)
        self.assertEqual(status, 2)
        self.assertIn("not a slmgr.ini", err)

    def test_an_unreadable_file_exits_3_and_its_name_is_escaped(self):
        _, status, err = explain("--labels", os.path.join(self.tmp.name, "no\x1b[31mne.ini"),
                                 stdin=NOTIFICATION)
        self.assertEqual(status, 3)
        self.assertNotIn("\x1b", err)


class BuiltInGermanRows(unittest.TestCase):
    """The de rows of labels.c without any --labels file. The lines are written here from the
    German texts that Check-WindowsLizenz's parser of German slmgr /dlv output matches (the
    source named in labels.c); they are no paste and are not part of the corpus."""

    def test_notification_state_and_reason(self):
        lines, status, err = explain(stdin="Name: Windows(R), Professional edition\n"
                                           "Lizenzstatus: Benachrichtigung\n"
                                           "Benachrichtigungsgrund: 0xC004F034.\n")
        self.assertEqual(status, 1, err)
        self.assertIn(("slmgr-dli", "license-status", "critical", ("0xC004F034",)),
                      findings(lines))

    def test_licensed_state_word(self):
        lines, status, err = explain(stdin="Name: Windows(R), Professional edition\n"
                                           "Product Key-Kanal: Retail\n"
                                           "Lizenzstatus: Lizenziert\n")
        self.assertEqual(status, 0, err)
        self.assertEqual([f[2] for f in findings(lines) if f[1] == "license-status"], ["ok"])


if __name__ == "__main__":
    unittest.main()
