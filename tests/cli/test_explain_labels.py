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
    'L_MsgActivated_Failed = "Éŕŕöŕ: Þŕöðüçţ åçţïvåţïöñ ƒåïļéð."',
    'L_MsgKmsNameCleared = "Ķéý Måñåĝéɱéñţ Šéŕvïçé ɱåçĥïñé ñåɱé çļéåŕéð šüççéššƒüļļý."',
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

    def test_error_words_and_a_setting_in_the_files_language(self):
        # L_MsgActivated_Failed ("Error: " and slmgr's words, looked up after any language's
        # Error label) and a setting's success line (L_MsgKmsNameCleared).
        text = ("Åçţïvåţïñĝ Windows(R), EnterpriseS edition (2d5a5a60-3040-48bf-beb0-fcd770c20ce0)"
                " ...\nÉŕŕöŕ: Þŕöðüçţ åçţïvåţïöñ ƒåïļéð.\n")
        lines, status, err = explain("--labels", self.utf16, stdin=text)
        self.assertEqual(status, 1, err)
        self.assertEqual([f["rule"] for o in lines[:-1] for f in o["findings"]],
                         ["ato-not-licensed"])
        lines, status, err = explain(
            "--labels", self.utf16,
            stdin="Ķéý Måñåĝéɱéñţ Šéŕvïçé ɱåçĥïñé ñåɱé çļéåŕéð šüççéššƒüļļý.\n")
        self.assertEqual(status, 0, err)
        self.assertEqual([f["rule"] for o in lines[:-1] for f in o["findings"]],
                         ["setting-applied"])

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

    def test_kms_emulator_log_state_words(self):
        # py-kms logs a client's licence state in its own words (labels.c names the source):
        # "Notifications Mode" is notification, "Out-of-Tolerance Grace Period" the OOT grace.
        for state, severity in (("Notifications Mode", "critical"),
                                ("Out-of-Tolerance Grace Period", "warning")):
            with self.subTest(state=state):
                lines, status, err = explain(stdin="Fri, 07 Feb 2025 12:29:24 INFO     "
                                                   "License Status: " + state + "\n")
                self.assertEqual(status, 1, err)
                self.assertEqual([f[2] for f in findings(lines) if f[1] == "license-status"],
                                 [severity])


class BuiltInResultRows(unittest.TestCase):
    """The /ato and /skms result rows of labels.c in the languages Microsoft's localized Azure
    activation article quotes (the source named above those rows), and an /ato result joined
    to its Activating line after an ellipsis, as articles and forums print it. The lines are
    written here from those rows' texts; the pastes themselves are in the corpus."""

    def ato(self, text):
        lines, status, err = explain(stdin=text)
        return [f for f in findings(lines) if f[0] == "slmgr-ato"], status, err

    def test_result_on_its_own_line_in_each_language(self):
        results = {
            "de": "Das Produkt wurde erfolgreich aktiviert.", "es": "El producto se activó "
            "correctamente.", "fr": "Le produit a été activé.", "it": "Attivazione prodotto "
            "completata.", "ja": "製品は正常にライセンス認証されました。", "ko": "제품을 성공적으로 "
            "활성화했습니다.", "pl": "Produkt aktywowany pomyślnie.", "pt-BR": "Produto ativado com "
            "sucesso.", "ru": "Активация выполнена успешно.", "nl": "Product is geactiveerd.",
            "tr": "Ürün başarıyla etkinleştirildi.", "cs": "Produkt se úspěšně aktivoval.",
            "sv": "Produkten har aktiverats.", "hu": "A termék aktiválása sikeres.",
            "zh-TW": "產品已成功啟用。"}
        for lang, line in results.items():
            with self.subTest(lang=lang):
                found, status, err = self.ato(line + "\n")
                self.assertEqual(status, 0, err)
                self.assertEqual([(f[1], f[2]) for f in found], [("result", "ok")])

    def test_hungarian_result_after_its_product(self):
        # Hungarian puts the product before "aktiválása...": no Activating row opens the line,
        # the result is found after the ellipsis (hu-ato-azure-success).
        found, status, err = self.ato("Windows(R), ServerDatacenter edition (12345678-1234-1234-"
                                      "1234-12345678) aktiválása... A termék aktiválása "
                                      "sikeres.\n")
        self.assertEqual(status, 0, err)
        self.assertEqual([(f[1], f[2]) for f in found], [("result", "ok")])

    def test_russian_result_row_comes_before_the_activating_row_it_opens_like(self):
        # "Активация выполнена успешно" opens with the Activating text "Активация": read as
        # the activating line, the result would be lost and the paste unrecognised.
        found, status, err = self.ato("Активация Windows(R), ServerDatacenter edition "
                                      "(12345678-1234-1234-1234-12345678) ...\n"
                                      "Активация выполнена успешно.\n")
        self.assertEqual(status, 0, err)
        self.assertEqual([(f[1], f[2]) for f in found], [("result", "ok")])

    def test_result_joined_after_an_ellipsis(self):
        for text in ("Activating Windows(R), ServerDatacenter edition (12345678-1234-1234-1234-"
                     "12345678) \u2026 Product activated successfully.",
                     "Activating Windows(R), ServerDatacenter edition (1234) ... Error: "
                     "0xC004F074 The Software Licensing Service reported that the computer "
                     "could not be activated."):
            with self.subTest(text=text[-40:]):
                lines, status, err = explain(stdin=text + "\n")
                self.assertNotEqual(status, 2, err)
                kinds = [o["kind"] for o in lines if o.get("kind") != "summary"]
                self.assertTrue({"slmgr-ato", "slmgr-error"} & set(kinds), kinds)

    def test_an_ellipsis_before_prose_is_no_result(self):
        lines, status, _ = explain(stdin="Activating Windows(R), Enterprise edition ... "
                                         "then nothing happened.\n")
        self.assertEqual([o["kind"] for o in lines if o["kind"].startswith("slmgr")], [])

    def test_kms_name_set_in_russian(self):
        lines, status, err = explain(stdin="Задано имя компьютера со службой управления "
                                           "ключами: kms.example.org:1688\n")
        self.assertEqual(status, 0, err)
        values = [f["value"] for o in lines if o.get("kind") == "slmgr-skms"
                  for f in o["findings"]]
        self.assertTrue(any("kms.example.org:1688" in v for v in values), lines)


class BuiltInSpanishRows(unittest.TestCase):
    """The es licence-status row and its licensed state word (labels.c names the public test
    of Spanish slmgr /dlv output they come from); the lines are written here."""

    def test_licensed(self):
        lines, status, err = explain(stdin="Nombre: Windows(R), Professional edition\n"
                                           "Estado de la licencia: con licencia\n")
        self.assertEqual(status, 0, err)
        self.assertEqual([f[2] for f in findings(lines) if f[1] == "license-status"], ["ok"])


class BuiltInChineseOsppRows(unittest.TestCase):
    """The zh-CN ospp state word for the out-of-box grace and the remaining-grace label, as
    Office Tool Plus renders /dstatus (labels.c names the issue they come from), after the
    bullet and tab its report carries; the lines are written here."""

    def test_out_of_box_grace_is_a_warning(self):
        lines, status, err = explain(stdin="Office 21, Office21Excel2021R Grace edition\n"
                                           "\u2022\t许可证说明: Office 21, RETAIL(Grace) channel\n"
                                           "\u2022\t许可证状态:  OOB_宽限期 \n"
                                           "\u2022\t剩余期限: 4 天 (7054 分钟后到期)\n")
        self.assertEqual(status, 1, err)
        states = {f[2] for f in findings(lines) if f[1] == "license-status"}
        self.assertEqual(states, {"warning"})


if __name__ == "__main__":
    unittest.main()
