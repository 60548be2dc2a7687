#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr explain`: each fixture's findings (--json), the same evidence as
Windows hands it over (UTF-16LE with BOM, UTF-8 BOM, CRLF, Markdown-quoted, wrapped at 80
columns), text and --brief output, hostile bytes, exit statuses."""

import json
import os
import subprocess
import unittest

from pastes import FILE_FORMS, PASTED_FORMS, wrapped
from slerrtest import SLERR, WRAPPER

FIXTURES = os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."), "tests", "explain", "fixtures")


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def explain(*args, stdin=b"", env=None):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([*WRAPPER, SLERR, "explain", *args], input=stdin,
                          capture_output=True, env=full_env, timeout=600 if WRAPPER else 60)


def records(data, *args):
    """The JSON objects explain prints for `data`, and its exit status."""
    r = explain("--json", *args, stdin=data)
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    return lines, r.returncode


GUESSED = "activation-trouble-guessed"


def unguessed(got):
    """`got` ([(kind, [(rule, value)])] or [(rule, value)]) without the guess from a text's
    wording (activation-trouble-guessed, pinned in WordingGuessed): what the readers and the
    prose rules read, which the tests of their guards pin."""
    out = []
    for item in got:
        if isinstance(item[1], list):
            rows = [rv for rv in item[1] if rv[0] != GUESSED]
            if rows:
                out.append((item[0], rows))
        elif item[0] != GUESSED:
            out.append(item)
    return out


def findings(objects):
    """{(kind, rule): finding} over every record (the summary left out): the rule is the row
    of explain's tables the finding comes from."""
    out = {}
    for o in objects:
        for f in o.get("findings", []):
            out[(o["kind"], f["rule"])] = f
    return out


VARIANTS = {**FILE_FORMS, **PASTED_FORMS}

# fixture -> {(kind, rule): (field, severity, [codes] or None, text fragment or None)}
EXPECTED = {
    "dlv-kms-client.txt": {
        ("slmgr-dlv", "licensed"): ("license-status", "ok", [], "Activated"),
        ("slmgr-dlv", "renewals-missed"): ("volume-expiration", "warning", [], "renewals have failed for about 53 days"),
        ("slmgr-dlv", "stale-kms-override"): ("registered-kms", "warning", [],
                                          "`slerr diagnose --kms kms-old.corp.example:1688`"),
    },
    "dli-notification.txt": {
        ("slmgr-dli", "notification"): ("license-status", "critical", ["0xC004F009"], "Notification mode"),
    },
    "dlv-kms-host.txt": {
        ("slmgr-dlv", "host-count-below-clients"): ("current-count", "warning", ["0xC004F038"], "counts 12"),
    },
    "ato-unreachable.txt": {
        ("slmgr-error", "error"): ("error", "critical", ["0xC004F074"], None),
    },
    "skms.txt": {
        ("slmgr-skms", "kms-set"): ("registered-kms", "ok", [], "diagnose --kms kms01.corp.example:1688"),
    },
    "xpr.txt": {
        ("slmgr-xpr", "activation-until"): ("expiration", "ok", [], "7/12/2025 9:12:40 AM"),
    },
    "cim-product.txt": {
        ("cim-product", "notification"): ("license-status", "critical", ["0xC004F009"], None),
        ("cim-product", "no-rearm-left"): ("rearm-count", "warning", ["0xC004D307"], None),
    },
    "cim-product-star.txt": {
        ("cim-product", "unlicensed"): ("license-status", "critical", ["0xC004F014"], "Not activated"),
    },
    "ospp-dhistorykms.txt": {
        ("ospp-dhistorykms", "error"): ("error", "critical", ["0xC004F074"], None),
        ("ospp-dhistorykms", "history-kms-host"): ("kms-host", "note", [], "`slerr diagnose --kms kms"),
    },
    "cim-service.txt": {
        ("cim-service", "host-count-below-servers"): ("current-count", "critical", ["0xC004F038"], "counts 3"),
    },
}

EXIT = {"skms.txt": 0, "xpr.txt": 0}


class Fixtures(unittest.TestCase):
    def check(self, name, data):
        objects, status = records(data)
        got = findings(objects)
        for key, (field, severity, codes, fragment) in EXPECTED[name].items():
            self.assertIn(key, got, f"{name}: no {key} in {objects}")
            f = got[key]
            self.assertEqual(f["field"], field, f"{name} {key}")
            self.assertEqual(f["severity"], severity, f"{name} {key}")
            for code in codes:
                self.assertIn(code, f["codes"], f"{name} {key}")
            if fragment:
                self.assertIn(fragment, f["text"], f"{name} {key}")
        self.assertEqual(objects[-1]["kind"], "summary")
        self.assertEqual(status, EXIT.get(name, 1), name)

    def test_every_fixture_in_every_encoding(self):
        for name in EXPECTED:
            for variant, make in VARIANTS.items():
                with self.subTest(fixture=name, variant=variant):
                    self.check(name, make(fixture(name)))

    def test_ospp_blocks(self):
        objects, status = records(fixture("ospp-dstatus.txt"))
        blocks = [o for o in objects if o["kind"] == "ospp-dstatus"]
        self.assertEqual(len(blocks), 2)
        first = {f["rule"]: f for f in blocks[0]["findings"]}
        self.assertEqual(first["error-information"]["severity"], "note")  # 0x4004F040
        self.assertEqual(first["error-information"]["codes"], ["0x4004F040"])
        second = {f["rule"]: f for f in blocks[1]["findings"]}
        self.assertEqual(second["initial-grace"]["severity"], "warning")
        self.assertEqual(second["error"]["codes"], ["0xC004F074"])
        self.assertEqual(second["no-kms-in-dns"]["severity"], "critical")
        self.assertEqual(status, 1)

    def test_wrapped_host_name_is_rejoined(self):
        long_name = "kms-old-activation-host-number-one.branch-office.corp.example:1688"
        data = fixture("dlv-kms-client.txt").replace(b"kms-old.corp.example:1688",
                                                       long_name.encode())
        got = findings(records(wrapped(data))[0])
        self.assertEqual(got[("slmgr-dlv", "stale-kms-override")]["value"], long_name)

    def test_cim_values_not_set_give_no_findings(self):
        got = findings(records(fixture("cim-product-star.txt"))[0])
        # 4294967295 counts and rearms mean "not set": no host count, no rearm finding.
        self.assertEqual(sorted(f for _, f in got), ["unlicensed"])

    def test_record_with_unknown_status_falls_back_to_its_code(self):
        # A state word no row holds is not judged; the reason code is still explained. (The
        # word is invented: German "Benachrichtigung" is a state row since the de block.)
        data = fixture("dli-notification.txt").replace(b"Notification\n", b"Frobnicated\n")
        objects, status = records(data)
        self.assertEqual(status, 1)
        self.assertEqual([o["kind"] for o in objects], ["text", "summary"])
        self.assertEqual(objects[0]["findings"][0]["rule"], "code-in-text")
        self.assertEqual(objects[0]["findings"][0]["codes"], ["0xC004F009"])

    def test_nothing_recognisable(self):
        r = explain(stdin=fixture("nothing.txt"))
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"slmgr.vbs /dli", r.stderr)
        self.assertEqual(r.stdout, b"")


# sc query's answer for a service that ended on its own (its fields indented as sc prints them)
SC_QUERY = ("C:\\>sc query sppsvc\n\nSERVICE_NAME: sppsvc\n"
            "        TYPE               : 10  WIN32_OWN_PROCESS\n"
            "        STATE              : 1  STOPPED\n"
            "        WIN32_EXIT_CODE    : 1067  (0x42b)\n"
            "        SERVICE_EXIT_CODE  : 0  (0x0)\n"
            "        CHECKPOINT         : 0x0\n")


class CodeFallback(unittest.TestCase):
    """Codes that no reader claimed, through libslerr's scanner (what annotate marks)."""

    def only_finding(self, text):
        objects, status = records(text.encode())
        self.assertEqual([o["kind"] for o in objects], ["text", "summary"], objects)
        self.assertEqual(len(objects[0]["findings"]), 1)
        return objects[0], objects[0]["findings"][0], status

    def test_a_ticket_sentence_explains_its_code(self):
        record, f, status = self.only_finding("user gets 0xC004F074 when activating\n")
        self.assertEqual(status, 1)
        self.assertEqual((f["rule"], f["field"], f["severity"]), ("code-in-text", "code", "critical"))
        self.assertEqual(f["codes"], ["0xC004F074"])
        self.assertEqual(f["value"], "user gets 0xC004F074 when activating")
        self.assertIn("`slerr 0xC004F074`", f["text"])
        self.assertEqual(record["line"], 1)

    def test_a_line_a_reader_took_but_judged_nothing_keeps_its_code(self):
        # The slmgr reader takes "Error:" lines and reads the code as the value's first word;
        # when that word is no code it judged nothing, and the fallback, leaving the line to it,
        # showed the failure as ok (exit 0).
        objects, status = records(b"Error: see 0xC004F069 below\n")
        self.assertEqual(status, 1, objects)
        f = [f for o in objects if o["kind"] == "text" for f in o["findings"]]
        self.assertEqual([(x["rule"], x["codes"]) for x in f], [("code-in-text", ["0xC004F069"])])

    def test_line_and_text_around_a_code_in_a_long_paste(self):
        text = "hello\n\n" + "x " * 100 + "then Error 0xC004F074 came" + " y" * 100 + "\n"
        record, f, _ = self.only_finding(text)
        self.assertEqual(record["line"], 3)
        self.assertIn("then Error 0xC004F074 came", f["value"])
        self.assertLess(len(f["value"]), 200, "only the text around the code")

    def test_a_win32_error_in_decimal_where_the_tool_says_so(self):
        # corpus en-ticket-mas-1488-sppsvc-577 and what sc.exe and net.exe print when sppsvc
        # does not start: nothing recognisable before (the scanner reads no short decimal).
        cases = [
            ("sc start sppsvc [ Error Code: 577]\n", "577", "0x80070241"),
            ("C:\\>sc start sppsvc\n\n[SC] StartService FAILED 577:\n\nWindows cannot verify "
             "the digital signature for this file.\n", "577", "0x80070241"),
            ("C:\\>net start sppsvc\nThe Software Protection service could not be started.\n\n"
             "System error 1058 has occurred.\n", "1058", "0x80070422"),
            ("> net stop sppsvc\nSystem error 5 has occurred.\n\nAccess is denied.\n", "5",
             "0x80070005"),
            (SC_QUERY, "1067", "0x8007042B"),
            # corpus en-ticket-mas-120-startservice-577: sc.exe writes its failure word in the
            # display language (Spanish "ERROR", Chinese 失败, French " :"): the line was
            # nothing while only "FAILED" was read
            ("Starting sppsvc service...\n[SC] StartService ERROR 577:\n", "577", "0x80070241"),
            ("sc start sppsvc\n[SC] StartService: OpenService \u5931\u8d25 5:\n", "5",
             "0x80070005"),
            ("sc start sppsvc\n[SC] StartService : \u00e9chec 1058 :\n", "1058", "0x80070422"),
            # corpus en-ticket-mas-1294-sppsvc-577 and en-mas-output-1456: an activation
            # script prints the service joined to its start's Win32 error ([sppsvc-577])
            ('"sppsvc-577" <-- it broke\n', "577", "0x80070241"),
            ("Starting Services                       [Failed] [sppsvc-1058]\n", "1058",
             "0x80070422"),
            ("osppsvc-5\n", "5", "0x80070005"),
        ]
        for text, written, code in cases:
            with self.subTest(text=text):
                _, f, status = self.only_finding(text)
                self.assertEqual((f["rule"], f["severity"], f["codes"], status),
                                 ("win32-decimal-in-text", "critical", [code], 1))
                self.assertIn("Win32 error %s in decimal" % written, f["text"])

    def test_a_decimal_no_tool_calls_a_win32_error_is_not_read(self):
        # Narrow: only sc's and net's own lines say the number is a Win32 error; a count, a
        # port, a number beyond 65535, or any text without a word about activation is nothing.
        for text in ("sppsvc listens, Error Code: 577 says the log\n",
                     "sc start sppsvc [ Error Code: 70000]\n",
                     "[SC] StartService FAILED 577:\n",
                     "System error 5 has occurred.\nAccess is denied.\n",
                     "sc start sppsvc [ Error Code: 0]\n",
                     # sc's failure in any language still needs the service named around it
                     "[SC] StartService ERROR 577:\n",
                     "sc start sppsvc\n[SC] StartService FAILED 577 times today\n",
                     # a service joined to no error: a version, a success, another name
                     "Starting Services [OK] [sppsvc-0]\n",
                     "sppsvc-10.0.19041.1 is the build\n",
                     "mysppsvc-577\n", "sppsvc-577-backup.log\n",
                     # a stopped service that has not run since boot: routine
                     SC_QUERY.replace("1067  (0x42b)", "1077  (0x435)")):
            with self.subTest(text=text):
                objects, status = records(text.encode())
                self.assertEqual((objects, status), ([], 2))

    def test_a_warning_the_text_calls_harmless_is_a_note(self):
        # corpus en-kb-quote-supportarticles-12321-0xC004F011: the article tells event 12321's
        # HR=0xC004F011 and says the warning can be safely ignored where token-based activation
        # is not used; the code was a failure (critical).
        text = ("The description field will state Token Based Activation failed.\n"
                "HR=0xC004F011\n\nIf you are not using Token-Based Activation, this warning "
                "message can be safely ignored.\n")
        _, f, status = self.only_finding(text)
        self.assertEqual((f["rule"], f["severity"], f["codes"], status),
                         ("code-in-text-harmless", "note", ["0xC004F011"], 0))
        _, f, _ = self.only_finding(text.split("\n\n")[0] + "\n")
        self.assertEqual((f["rule"], f["severity"]), ("code-in-text", "critical"))

    def test_a_code_someone_looks_up_is_cited_not_reported(self):
        # corpus neg-en-azuredocs-38916 and neg-zh-ticket-otp-899-lookup-crash: a reader asking
        # for a code's documentation, a tool asked to look a code up: no machine reported it.
        for text in ("This page is missing the troubleshooting for error '0xc004e015'.\n",
                     "查询错误代码 0xC004C004，崩溃。\n",
                     "Please add documentation for 0xC004F074\n"):
            with self.subTest(text=text):
                objects, status = records(text.encode())
                self.assertEqual((objects, status), ([], 2))
        # the same words with a machine's failure between them and the code still report it
        for text in ("The lookup failed with error 0x8007232B on slmgr /ato\n",
                     "Troubleshooting for hours, slmgr /ato still gives 0xC004F074\n",
                     "I looked up error 0xC004F074 that slmgr /ato gives me\n"):
            with self.subTest(text=text):
                _, f, status = self.only_finding(text)
                self.assertEqual((f["rule"], f["severity"], status), ("code-in-text", "critical", 1))

    def test_a_win32_error_in_decimal_told_of_the_licensing_service(self):
        # corpus en-ticket-hwid-15-sppsvc-error-5: "the software protection service won't start
        # (sppsvc) it gives error 5" was nothing recognisable; a sentence that names the
        # service and gives an error number gives that Win32 error.
        for text, code in (("the software protection service won't start (sppsvc) it gives "
                            "error 5\n", "0x80070005"),
                           ("Der Dienst Softwareschutz startet nicht: Fehler 1058\n",
                            "0x80070422"),
                           ("sppsvc 服务无法启动，错误 577\n", "0x80070241")):
            with self.subTest(text=text):
                _, f, status = self.only_finding(text)
                self.assertEqual((f["rule"], f["severity"], f["codes"], status),
                                 ("win32-decimal-in-text", "critical", [code], 1))

    def test_a_localized_error_code_label_beside_the_licensing_service_failing(self):
        # corpus zh-ticket-officetool-34-sppsvc-error-5 ("错误代码5", read as the service not
        # starting with no code), en-ticket-mas-935-sppsvc-577 and en-ticket-mas-1478 (the
        # command that starts it, then "error code 577": nothing recognisable): the label
        # "error code" in each language, glued to its number after a CJK label, on a line
        # that names the licensing service starting or failing to.
        for text, code in (("` Software Protection `服务无法启动，错误代码5（拒绝访问）\n",
                            "0x80070005"),
                           ("# sc start sppsvc error code 577\n", "0x80070241"),
                           ("sc start sppsvc [Error code: 577]\n", "0x80070241"),
                           ("Служба sppsvc не запускается, код ошибки 1058\n", "0x80070422"),
                           ("ソフトウェア保護サービスを開始できません。エラー コード 5\n",
                            "0x80070005"),
                           ("El servicio sppsvc no se inicia: código de error 577\n",
                            "0x80070241")):
            with self.subTest(text=text):
                _, f, status = self.only_finding(text)
                self.assertEqual((f["rule"], f["severity"], f["codes"], status),
                                 ("win32-decimal-in-text", "critical", [code], 1))

    def test_an_error_code_label_with_no_start_of_the_licensing_service_is_not_read(self):
        # the labels widen what stands before the number, not where: the service named, and
        # its start told, on the same line
        for text in ("sppsvc 正在运行，错误代码5 在日志里\n",
                     "sc start backupsvc error code 577\n",
                     "Служба печати не запускается, код ошибки 1058\n",
                     "sc start sppsvc error code 5000000\n",
                     "sppsvc 服务无法启动，错误代码0\n"):
            with self.subTest(text=text):
                objects, _ = records(text.encode())
                rules = [f["rule"] for o in objects if o["kind"] != "summary" for f in o["findings"]]
                self.assertNotIn("win32-decimal-in-text", rules)

    def test_the_licensing_service_not_starting_told_without_its_error(self):
        # The activation script's own line of corpus en-ticket-mas-120-startservice-577 and a
        # ticket's words: nothing recognisable while no number stood beside them.
        for text in ("Failed to start [sppsvc] service, rest of the process may take a long "
                     "time...\n",
                     "The Software Protection service could not be started.\n",
                     "sppsvc won't start since the update\n",
                     # the failed start read from the phrase table, in each of its languages
                     "Der Dienst Softwareschutz startet nicht mehr.\n",
                     "软件保护服务无法启动\n",
                     # corpus ru-kb-sppsvc-not-started-activation-fails: nothing recognisable
                     "Таким образом, служба платформы защиты программного обеспечения "
                     "(sppsvc.exe) не запускается.\n"):
            with self.subTest(text=text):
                _, f, status = self.only_finding(text)
                self.assertEqual((f["rule"], f["field"], f["severity"], f["codes"], status),
                                 ("licensing-service-not-starting", "service", "critical", [], 1))
        # its error beside it says more: that code is the finding, not this row
        _, f, _ = self.only_finding("sppsvc won't start\n[SC] StartService FAILED 577:\n")
        self.assertEqual(f["rule"], "win32-decimal-in-text")

    def test_the_licensing_service_not_starting_in_a_guide_is_not_read(self):
        for text in ("If sppsvc fails to start, run sfc /scannow.\n",
                     "How to fix: Software Protection service won't start\n",
                     "Fix: sppsvc won't start\n",
                     "Software Protection service won't start [Solved]\n",
                     "sppsvc needs to start before activation.\n",
                     "The backup service failed to start.\n",
                     "Microsoft-Windows-Security-SPP/Software Protection Service1002High"
                     "Failed to start sppsvc due to missing license files\n"):
            with self.subTest(text=text):
                objects, status = records(text.encode())
                rules = [f["rule"] for o in objects if o["kind"] != "summary"
                         for f in o["findings"]]
                self.assertNotIn("licensing-service-not-starting", rules)

    def test_an_error_number_needs_the_licensing_service_in_its_sentence(self):
        for text in ("the backup service won't start, it gives error 5\n",
                     "sppsvc is running; see error 5.1 in the manual\n",
                     "sppsvc started, error count 5\n",
                     "sppsvc won't start after the update\nerror 5 in the backup log\n"):
            with self.subTest(text=text):
                objects, _ = records(text.encode())
                rules = [f["rule"] for o in objects if o["kind"] != "summary" for f in o["findings"]]
                self.assertNotIn("win32-decimal-in-text", rules)

    def test_a_screens_text_a_guide_announces_is_an_example(self):
        # corpus neg-pl-kb-20530-reactivating-after-hardware-change and
        # neg-ja-blog-takaibiki-activation-settings-explainer read ok (row licensed) from
        # Settings' text quoted after "you will see this message" (EX_PH_SHOWN): the lines
        # after such an announcement quote an example.
        quoted = {"pl": "System Windows został aktywowany przy użyciu licencji cyfrowej\n",
                  "ja": "Windows はデジタル ライセンスによってライセンス認証されています |\n",
                  # neg-en-docs-ntriver-pkeymaster-key-activation: a service's possible answers
                  "en": "- An End-User License (EUL) response, meaning activation succeeded.\n"}
        intro = {"pl": "Jeśli konto Microsoft jest połączone, zobaczysz tę wiadomość na "
                       "stronie Aktywacja:\n\n",
                 "ja": "ライセンス認証された場合のメッセージは 下記のようなタイプがあります。\n"
                       "Windows はライセンス認証済みです |\n|\n",
                 "en": "Microsoft's server responds with either:\n"}
        for lang in quoted:
            with self.subTest(lang=lang):
                objects, _ = records((intro[lang] + quoted[lang]).encode())
                self.assertEqual([f["rule"] for o in objects if o["kind"] == "sentence"
                                  for f in o["findings"]], [])
                # the same text with no announcement before it is the writer's machine
                objects, _ = records(("Windows 11 Pro\n" + quoted[lang]).encode())
                self.assertEqual([f["rule"] for o in objects if o["kind"] == "sentence"
                                  for f in o["findings"]], ["licensed"])

    def test_a_status_label_named_as_a_condition_tells_no_state(self):
        # corpus en-ticket-dockerkmsgui-11-notify: a quoted documentation line about a class
        # of clients ("with LicenseStatus set to 5 (Notification)") was read as this
        # machine's Notification (critical); a supposition the same
        for text in ("> Specifies the count of KMS requests from clients with LicenseStatus "
                     "set to 5 (Notification).\n",
                     "Clients whose License Status is Notification are counted apart.\n",
                     "If the License Status is Notification, run slmgr /ato.\n"):
            with self.subTest(text=text):
                objects, status = records(text.encode())
                self.assertEqual([f["rule"] for o in objects[:-1] for f in o["findings"]
                                  if f["rule"] != GUESSED], [])
        # the machine's own field told in a sentence is still read (row notification)
        objects, status = records(b"My License Status is Notification since Monday.\n")
        f = objects[0]["findings"][0]
        self.assertEqual((objects[0]["kind"], f["rule"], f["field"], f["severity"], status),
                         ("sentence", "notification", "license-status", "critical", 1))

    def test_an_uncatalogued_code_where_its_line_speaks_of_activation(self):
        # An activation script's "Activation Failed [Error Code: 0x80131501]" (a .NET code
        # the catalog does not hold) was nothing, and a status block around it read ok.
        _, f, status = self.only_finding("Activation Failed [Error Code: 0x80131501]\n")
        self.assertEqual((f["rule"], f["severity"], f["codes"]),
                         ("uncatalogued-code-in-text", "critical", ["0x80131501"]))
        self.assertEqual(status, 1)
        _, f, _ = self.only_finding("Der Fehlercode 0x87E107F9 ist ein Aktivierungsfehler.\n")
        self.assertEqual((f["rule"], f["codes"]), ("uncatalogued-code-in-text", ["0x87E107F9"]))
        # a genuine check's words tie it too (corpus zh-HK-kb-wga-0x80080220-embedded)
        _, f, _ = self.only_finding("完成 Windows 正版優點驗證程序時,您會收到錯誤碼 0x80080220\n")
        self.assertEqual((f["rule"], f["codes"]), ("uncatalogued-code-in-text", ["0x80080220"]))

    def test_an_uncatalogued_code_needs_its_own_line_to_speak_of_activation(self):
        # Other lines about activation do not tie it: a crash dump's or a setup log's code.
        for text in ("Backup failed with 0x80131501\n",
                     "Windows activation failed.\nThe backup job ended with 0x80131501\n",
                     "activation 0x00131501 done\n",
                     "see https://example.com/licensing/0x80131501 for the license\n"):
            with self.subTest(text=text):
                objects, _ = records(text.encode())
                rules = [f["rule"] for o in objects if o["kind"] != "summary" for f in o["findings"]]
                self.assertNotIn("uncatalogued-code-in-text", rules)

    def test_a_bare_error_line_with_a_general_code_needs_words_of_activation(self):
        # WSL's "Error: 0x80070426 The service has not been started." and a Remote Desktop
        # client's "Error code: 0x1608" were read as slmgr's and ospp's failures (critical).
        for text in ("WslRegisterDistribution failed with error: 0x80070426\n"
                     "Error: 0x80070426 The service has not been started.\n",
                     "We have blocked the connection.\nError code: 0x1608\nActivity ID: 0\n"):
            with self.subTest(text=text):
                self.assertEqual(records(text.encode()), ([], 2))
        # Words of activation before or after it, or a code of the licensing service, make it
        # the tool's line again: the slmgr-error record's row.
        for text in ("slmgr.vbs /ato\nError: 0x80070426 The service has not been started.\n",
                     "Error: 0x80070426 The service has not been started.\nthe license is gone\n",
                     "Error: 0x80070426 The service has not been started.\nthen 0xC004F074\n"):
            with self.subTest(text=text):
                objects, status = records(text.encode())
                got = [(o["kind"], f["rule"], f["codes"]) for o in objects
                       if o["kind"] != "summary" for f in o["findings"]]
                self.assertIn(("slmgr-error", "error", ["0x80070426"]), got)
                self.assertEqual(status, 1)
        # An activation code on the bare line is never held back.
        objects, status = records(b"Error: 0xC004F074 no host\n")
        self.assertEqual((objects[0]["kind"], status), ("slmgr-error", 1))

    def test_a_code_supposed_as_an_example_is_no_report(self):
        # Documentation: "for example, if event 12293 holds 0x8007267C, run slui 0x2a ...";
        # the code was read as the machine's failure, there and in the command below.
        for text in ("Por ejemplo, si el Id. de evento 12293 contiene el código de error "
                     "0x8007267C, ejecuta:\nslui.exe 0x2a 0x8007267C\n",
                     "For example, if slmgr reports 0xC004F074, check DNS.\n"):
            with self.subTest(text=text):
                self.assertEqual(records(text.encode()), ([], 2))
        # An example that tells what happened is a report.
        _, f, status = self.only_finding("For example, slmgr /ato gives 0xC004F074 here\n")
        self.assertEqual((f["rule"], f["codes"], status), ("code-in-text", ["0xC004F074"], 1))

    def test_a_documentation_section_title_tells_no_state(self):
        # A documentation page's headings open with a named anchor and name its topics
        # ("Der Computer wird nicht aktiviert."): they were read as the machine's state.
        for text in ('## <a name="x"></a>Windows wird nicht aktiviert.\n',
                     '# <a id="y"></a>Windows activation failed\n'):
            with self.subTest(text=text):
                self.assertEqual(records(text.encode()), ([], 2))
        # A heading without one (a ticket's title, a support article's symptom) still tells it.
        objects, status = records(b"## Windows wird nicht aktiviert.\n")
        self.assertEqual(([o["findings"][0]["rule"] for o in objects[:-1]], status),
                         (["not-activated"], 1))

    def test_the_titles_of_a_table_of_contents_tell_no_state(self):
        # An explainer's contents (corpus neg-de-blog-pcffm-aktivierungsstatus): the section
        # titles under "Inhalt" were read as the machine's state (row not-activated).
        entry = "- „Nicht aktiviert“: fehlende oder nicht mehr verifizierbare Lizenz für Windows\n"
        for heading in ("Inhalt", "## Table of Contents", "目录", "**Sommaire :**"):
            with self.subTest(heading=heading):
                text = "Windows 11 zeigt Hinweise an.\n" + heading + "\n\n" + entry
                self.assertEqual(records(text.encode()), ([], 2))
        # The same line without the heading, and the page's text after the contents (a line
        # that ends a sentence), tell it.
        for text in ("Windows 11 zeigt Hinweise an.\n" + entry,
                     "Inhalt\nEinleitung\nSeit dem Update ist Windows nicht aktiviert.\n"):
            with self.subTest(text=text):
                objects, status = records(text.encode())
                self.assertEqual(([o["findings"][0]["rule"] for o in objects[:-1]], status),
                                 (["not-activated"], 1))

    def test_remote_desktop_licensing_is_no_products_activation(self):
        # An Azure article on Remote Desktop licensing (corpus
        # neg-zh-kb-azure-rdp-no-license-server): the RD licence server "never activated" and
        # "activated" were read as Windows' state (rows not-activated, licensed).
        for text in ("Windows Server 2019 虚拟机无法连接。\n在环境中安装了远程桌面许可证，但从未将它激活。\n",
                     "Windows Server: the Remote Desktop license server is not activated.\n"):
            with self.subTest(text=text):
                self.assertEqual(records(text.encode()), ([], 2))
        objects, status = records("Windows Server 2019 虚拟机。\n在环境中安装了 Windows，但从未将它激活。\n"
                                  .encode())
        self.assertEqual(([o["findings"][0]["rule"] for o in objects[:-1]], status),
                         (["not-activated"], 1), "the same sentence of Windows tells it")

    def test_a_grace_period_code_is_a_warning_as_its_status_line_is(self):
        # 0x4004F00C and 0x4004F00D are the initial-grace and additional-grace rows' codes
        # (warnings); named in a sentence they were the information row's note.
        for code in ("0x4004F00C", "0x4004F00D"):
            with self.subTest(code=code):
                _, f, status = self.only_finding("Office shows %s after install\n" % code)
                self.assertEqual((f["rule"], f["severity"], f["codes"]),
                                 ("grace-code-in-text", "warning", [code]))
                self.assertEqual(status, 1)

    def test_a_win32_message_activation_surfaces_names_its_code(self):
        # "The data is invalid." (slmgr /ato against a broken KMS emulator) and sppsvc's
        # "The service cannot be started, either because it is disabled ..." were nothing.
        for text, code in (("slmgr /ato showed \"The data is invalid\".\n", "0x8007000D"),
                           ("The service cannot be started, either because it is disabled or "
                            "because it has no enabled devices associated with it\n"
                            "so Windows activation is off\n", "0x80070422"),
                           # corpus en-blog-qmatteoq-win8-dns-name-does-not-exist: a KMS client
                           # that finds no host in DNS
                           ("trying to activate Windows 8, by getting the error **DNS name** "
                            "**does not exist.**\n", "0x8007232B")):
            with self.subTest(code=code):
                objects, status = records(text.encode())
                got = [(f["rule"], f["codes"]) for o in objects if o["kind"] == "text"
                       for f in o["findings"]]
                self.assertEqual((got, status), ([("message-in-text", [code])], 1))
        # A general Windows code's message counts only in text about activation.
        self.assertEqual(records(b"The backup said: The data is invalid.\n"), ([], 2))
        self.assertEqual(records(b"ping: DNS name does not exist.\n"), ([], 2))

    def test_informational_code_is_a_note(self):
        _, f, status = self.only_finding("ospp said 0x4004F040 afterwards\n")
        self.assertEqual((f["rule"], f["severity"]), ("code-in-text-information", "note"))
        self.assertEqual(status, 0)

    def test_context_saying_information_only_makes_a_failure_a_note(self):
        _, f, _ = self.only_finding(
            "0xC004F074 (for information purposes only as the status is licensed)\n")
        self.assertEqual((f["rule"], f["severity"]), ("code-in-text-information", "note"))

    def test_a_code_a_reader_claimed_is_not_repeated(self):
        objects, _ = records(fixture("ato-unreachable.txt") + b"and again 0xC004F074\n")
        self.assertNotIn("text", [o["kind"] for o in objects])

    def test_general_windows_code_needs_activation_context(self):
        r = explain(stdin=b"backup job: VSS writer failed, hr = 0x80070005\n")
        self.assertEqual(r.returncode, 2, "a backup log is not activation evidence")
        # a genuine check's words make a text about activation, a CPU's "GenuineIntel" does not
        r = explain(stdin=b"Processor(s): Intel64 Family 6 Model 158 GenuineIntel ~3600 Mhz\n"
                          b"backup job: VSS writer failed, hr = 0x80070005\n")
        self.assertEqual(r.returncode, 2, "systeminfo's processor line is not activation evidence")
        _, f, _ = self.only_finding("When you try to validate a copy of Windows: Update "
                                    "installation failed. Error information: 0x80092026\n")
        self.assertEqual((f["rule"], f["codes"]), ("code-in-text", ["0x80092026"]))
        _, f, status = self.only_finding("Activation Failed [Error Code: 0x80070005]\n")
        self.assertEqual((f["rule"], f["codes"], status), ("code-in-text", ["0x80070005"], 1))

    def test_a_code_with_a_digit_too_many_or_too_few_is_the_one_it_meant(self):
        # corpus en-ticket-mas-80 ("0x800070002") and en-ticket-mas-1482 ("0x803F701") came
        # back "nothing recognisable" (exit 2)
        for written, meant in (("0x800070002", "0x80070002"), ("0x803F701", "0x803F7001")):
            with self.subTest(written=written):
                _, f, status = self.only_finding(f"Activation fails: error {written}.\n")
                self.assertEqual((f["rule"], f["severity"], f["codes"], status),
                                 ("code-mistyped-in-text", "critical", [meant], 1))
                self.assertIn(f"names {written}, a code with a digit too many", f["text"])

    def test_a_slip_that_explains_no_one_code_is_not_read(self):
        # 0xC004C03 is a missed double of several digits; a nine-digit address is no code
        for line in ("activation error 0xC004C03\n", "activation crashed at 0x7ffd12345\n"):
            with self.subTest(line=line):
                self.assertEqual(explain(stdin=line.encode()).returncode, 2)

    def test_a_code_named_only_by_its_official_message(self):
        # A ticket quoting slmgr's dialog without the number: it came back "nothing
        # recognisable" (corpus zh-ticket-message-only-kmspro-36).
        record, f, status = self.only_finding(
            "activation fails: the software licensing service reported that the product SKU is "
            "not found\n")
        self.assertEqual((f["rule"], f["field"], f["severity"]),
                         ("message-in-text", "code", "critical"))
        self.assertEqual((f["codes"], status, record["line"]), (["0xC004F069"], 1, 1))

    def test_a_message_several_codes_share_names_them_all(self):
        # slerror.h gives eleven codes "The activation server determined the license is
        # invalid."; the ones the catalog explains are named (it was "nothing recognisable").
        record, f, status = self.only_finding(
            "After the upgrade:\nThe activation server determined the license is invalid.\n")
        self.assertEqual((f["rule"], f["field"], f["severity"], status),
                         ("message-in-text-shared", "code", "critical", 1))
        self.assertGreater(len(f["codes"]), 1)
        self.assertIn(" or ", f["text"])
        self.assertEqual(record["line"], 2)

    def test_a_shared_message_names_the_code_the_error_page_documents(self):
        # slerror.h gives five codes "... reported that the product key is invalid."; it named
        # the three the catalog explains, where an engineer reads 0xC004F050, the one slmgr and
        # Office show for a bad key and the one Microsoft's error-code page lists (corpus
        # en-message-only-gvlk-2).
        record, f, status = self.only_finding(
            "Error says Not valid Office Key\nThe Software Licensing Service reported that the "
            "product key is invalid.\n")
        self.assertEqual((f["rule"], f["field"], f["severity"], f["codes"], status),
                         ("message-in-text", "code", "critical", ["0xC004F050"], 1))
        self.assertEqual(record["line"], 2)

    def test_a_message_the_prose_reader_also_reads_names_its_code(self):
        # Windows' message of 0xC004F009 tells its state in words the prose reader knows
        # ("grace period expired"): the sentence reader took the line and told notification
        # without the code; the line is left to the message, which names it.
        record, f, status = self.only_finding(
            "Windows 10 Pro\nThe Software Licensing Service reported that the grace period "
            "expired.\n")
        self.assertEqual((f["rule"], f["codes"], f["severity"], status, record["line"]),
                         ("message-in-text", ["0xC004F009"], "critical", 1, 2))

    def test_a_tool_word_in_the_writers_own_clause_quotes_no_tool(self):
        # "Activating" opens slmgr's /ato line, and a sentence quoting a tool's result is left
        # to that tool's reader; inside the writer's own clause it quotes nothing (corpus
        # en-ticket-mas-500-office-verify-license was "nothing recognisable").
        objects, status = records(
            "Microsoft Office: After activating it shows: Looks like you have problem with your "
            "activation\n".encode())
        found = [(o["kind"], f["rule"]) for o in objects if o["kind"] != "summary"
                 for f in o["findings"]]
        self.assertEqual((found, status), ([("sentence", "activation-failed")], 1))

    def test_it_stands_for_the_activation_of_the_line_before(self):
        # "It failed again." tells a failure of what the line before tried; a blank line
        # between ends the paragraph, and "it" then stands for nothing.
        objects, status = records(b"I tried to activate Windows with slmgr.\nIt failed again.\n")
        found = [(o["kind"], o["line"], f["rule"]) for o in objects if o["kind"] != "summary"
                 for f in o["findings"]]
        self.assertEqual((found, status), ([("sentence", 2, "activation-failed")], 1))
        objects, status = records(b"I tried to activate Windows with slmgr.\n\nIt failed again.\n")
        self.assertEqual([o for o in objects if o["kind"] == "sentence"], [])

    def test_the_number_beside_its_message_is_reported_once(self):
        objects, _ = records(b"I see 0xC004F069: The Software Licensing Service reported that "
                             b"the product SKU is not found.\n")
        rules = [f["rule"] for o in objects if o["kind"] == "text" for f in o["findings"]]
        self.assertEqual(rules, ["code-in-text"])

    def test_a_code_only_in_a_link_address_is_not_reported(self):
        # A documentation issue's footer (corpus neg-en-docs-7014-vlsc): the code stands only
        # in the anchor of a link to the error-code page; it was reported as critical.
        r = explain(stdin=b"* Content: [Resolve Windows activation error codes](https://learn."
                          b"microsoft.com/en-us/windows-server/get-started/activation-error-codes"
                          b"#0xc004c008-the-activation-server-determined)\n")
        self.assertEqual(r.returncode, 2, r.stdout)

    def test_a_link_to_a_codes_own_entry_names_it(self):
        # corpus zh-ticket-otp-880-activation-failed: the maintainer answers an activation
        # failure with the help page's entry for 0x8007000D ("#_0x8007000d") and "do as it
        # says"; the code stood only in the link and the paste was nothing recognisable.
        # Office's title "产品激活失败" (Product Activation Failed) is read too, as its own record.
        objects, status = records("产品激活失败\n\n[https://www.officetool.plus/zh-cn/help/"
                                  "activation.html#_0x8007000d](https://www.officetool.plus/zh-cn/"
                                  "help/activation.html#_0x8007000d)\n\n照做。\n".encode())
        found = findings(objects)
        self.assertEqual(found[("text", "code-in-text")]["codes"], ["0x8007000D"], objects)
        self.assertEqual(found[("sentence", "activation-failed")]["value"], "产品激活失败")
        self.assertEqual(status, 1)
        _, f, status = self.only_finding("Activation failed, see https://support.microsoft.com/kb/"
                                         "2870357#Error0xC004F074\n")
        self.assertEqual((f["rule"], f["codes"], status), ("code-in-text", ["0xC004F074"], 1))

    def test_a_link_whose_text_spells_the_code_is_reported(self):
        # corpus en-ticket-letter-o-azuresandbox-145: the visible text writes the code with a
        # letter O, so only the URL gives the number; the writer does name it.
        _, f, status = self.only_finding(
            "A different error is shown in the UI [OxC004F074](https://learn.microsoft.com/en-us/"
            "troubleshoot/azure/virtual-machines/windows/windows-vm-activation-error-0xc004f074).\n")
        self.assertEqual((f["rule"], f["codes"], status), ("code-in-text", ["0xC004F074"], 1))

    def test_a_line_listing_codes_is_a_list_not_a_report(self):
        # A documentation pull request (corpus neg-en-docs-pr-4397): three codes, no machine.
        r = explain(stdin=b"Add error codes: 0x8007007b, 0xC004C003, 0x8007232B\n")
        self.assertEqual(r.returncode, 2, r.stdout)
        objects, status = records(b"Error 8007007B with notification message 0xC004F056\n")
        codes = sorted(c for o in objects if o["kind"] == "text" for c in o["findings"][0]["codes"])
        self.assertEqual((codes, status), (["0x8007007B", "0xC004F056"], 1), "two codes are a report")

    def test_codes_given_as_examples_are_no_report(self):
        # An answer's "(e.g. 0xC004C003 or 0xC004F034)" (corpus en-qa-answers-5924913-key-rejected):
        # the codes a reader may meet, reported as the machine's. Row: code-in-text.
        for text in ("If the key is reported as invalid (e.g. 0xC004C003 or 0xC004F034), retry.\n",
                     "Note the code shown (for example: 0xC004C003 / 0xC004F034).\n",
                     "Codes wie z. B. 0xC004F074 nennen den KMS-Host.\n"):
            with self.subTest(text=text):
                self.assertEqual(records(text.encode()), ([], 2))
        # The same codes told as the writer's own, joined by "or", are a report.
        objects, status = records(b"Activation fails with 0xC004C003 or 0xC004F034 here\n")
        codes = sorted(c for o in objects if o["kind"] == "text" for c in o["findings"][0]["codes"])
        self.assertEqual((codes, status), (["0xC004C003", "0xC004F034"], 1))

    def test_a_success_code_beside_failures_makes_a_list(self):
        # A page's flow "responds with: - 0x0 (Success) - 0xC004F034 (Key invalid) - 0xC004C008"
        # (corpus neg-en-page-key-installation-feature-codes): the outcomes a step may give.
        r = explain(stdin="Server responds with: - 0x0 (Success) → unlocks - 0xC004F034 "
                    "(Key invalid) → reject - 0xC004C008 (Key in use) → phone\n".encode())
        self.assertEqual(r.returncode, 2, r.stdout)
        # A failure and a tool's "0x0" elsewhere on its line stay a report (two codes).
        _, f, status = self.only_finding("slmgr returned 0xC004F034 after 0x0 from ipk\n")
        self.assertEqual((f["rule"], f["codes"], status), ("code-in-text", ["0xC004F034"], 1))

    def test_codes_one_error_was_shown_with_are_no_list(self):
        # "エラー コード: 0xC004E015 / 0xC004D301 / 0xC004E002" (corpus
        # ja-kb-jpaztech-tokens-dat-0xC004E015): one error's codes, joined by slashes, read as
        # a list of three and dropped; each is reported (row code-in-text).
        objects, status = records("ライセンス認証で「エラー コード: 0xC004E015 / 0xC004D301 / "
                                  "0xC004E002」が表示される\n".encode())
        codes = sorted(c for o in objects if o["kind"] == "text" for c in o["findings"][0]["codes"])
        self.assertEqual((codes, status), (["0xC004D301", "0xC004E002", "0xC004E015"], 1))
        # Commas between them still make a list.
        r = explain(stdin=b"Fixed 0xC004E015, 0xC004D301, 0xC004E002\n")
        self.assertEqual(r.returncode, 2, r.stdout)

    def test_a_licensing_event_the_text_calls_harmless_is_a_note(self):
        # A support article (corpus en-kb-quote-supportarticles-1058-oem-harmless): "Warning ID
        # 1058 (Security-SPP) may be logged ... can be safely ignored" read nothing recognisable.
        text = ("# Application Event Log Warning ID 1058 (Security-SPP) may be logged\n"
                "This warning ID can be safely ignored in this scenario.\n")
        record, f, status = self.only_finding(text)
        self.assertEqual((f["rule"], f["severity"], f["codes"], record["line"], status),
                         ("event-in-text-harmless", "note", [], 1, 0))
        # Not harmless, or another service's event: nothing read.
        for other in ("# Application Event Log Warning ID 1058 (Security-SPP) is logged\n",
                      "Warning ID 1058 (Userenv) can be safely ignored.\n"):
            with self.subTest(text=other):
                self.assertEqual(records(other.encode()), ([], 2))

    def test_codes_in_a_diff_are_a_files_text(self):
        # A documentation pull request (corpus neg-en-itprodocs-pr10522-hello-0x80072F8F): the
        # rows of a table its diff adds, and the writer's "I added the error ..." about them,
        # were reported as the machine's failures (row code-in-text).
        text = ("I added the error 0x80072F8F as reported, please verify the activation row\n"
                "@@ -84,9 +84,9 @@ For errors listed in this table\n"
                " | 0x80070057  | Invalid parameter |\n"
                "+| 0x80072F8F  | clock mismatch when trying to activate windows |\n"
                "```\n"
                "| 0x80072F8F  | clock mismatch when attempting to activate Windows. |\n")
        self.assertEqual(records(text.encode()), ([], 2))
        # After the hunk (a line no diff line opens), a code is reported again.
        objects, status = records((text + "Activation now fails with 0xC004F074\n").encode())
        codes = [c for o in objects if o["kind"] == "text" for c in o["findings"][0]["codes"]]
        self.assertEqual((codes, status), (["0xC004F074"], 1))

    def test_every_distinct_code_once(self):
        objects, _ = records(b"0xC004F074 and 0xC004F038, then 0xC004F074 again\n")
        codes = [o["findings"][0]["codes"][0] for o in objects if o["kind"] == "text"]
        self.assertEqual(codes, ["0xC004F074", "0xC004F038"])


class RecordBoundaries(unittest.TestCase):
    """A record starts at any field it recognises and ends where the next product's begin."""

    def kinds_rules(self, data):
        objects, status = records(data)
        return [(o["kind"], [f["rule"] for f in o["findings"]]) for o in objects[:-1]], status

    def test_trimmed_dli_without_its_name_line(self):
        got, status = self.kinds_rules(b"License Status: Notification\n"
                                       b"Notification Reason: 0xC004F009 (grace time expired).\n")
        self.assertEqual(got, [("slmgr-dli", ["notification"])])
        self.assertEqual(status, 1)

    def test_two_products_without_headers_are_two_records(self):
        got, _ = self.kinds_rules(b"Partial Product Key: AAAAA\nLicense Status: Licensed\n"
                                  b"Partial Product Key: BBBBB\nLicense Status: Notification\n")
        self.assertEqual(got, [("slmgr-dli", ["licensed"]),
                               ("slmgr-dli", ["notification", "missing-status-reason"])])

    def test_a_line_both_tools_print_alone_is_no_record(self):
        # "License Status" is printed by slmgr and ospp alike: neither claims it alone.
        got, _ = self.kinds_rules(b"License Status: Licensed\n")
        self.assertEqual(got, [])

    def test_a_zh_ospp_block_is_one_record_not_slmgr_too(self):
        # zh-CN ospp prints LICENSE STATUS as 许可证状态, slmgr's word too: each block of the
        # corpus paste zh-ospp-dstatus-officetool-331 came back as slmgr-dli and ospp-dstatus.
        block = ("Office 16, Office16O365SmallBusPremR_SubTrial5 edition\n"
                 "许可证说明: Office 16, TIMEBASED_SUB channel\n"
                 "SKU ID: 090506fc-50f8-4c00-b8c7-91982a2a7c99\n"
                 "许可证状态:  ---未许可--- \n"
                 "错误代码: 0xC004F014\n"
                 "错误信息: 软件许可服务报告产品密钥不可用。\n \n").encode()
        got, status = self.kinds_rules(block + block.replace(b"SubTrial5", b"Subscription2"))
        self.assertEqual([kind for kind, _ in got], ["ospp-dstatus"] * 2, got)
        self.assertEqual(status, 1)

    def test_cim_with_a_blank_line_after_every_property(self):
        data = b"Name : Windows\n\nLicenseStatus : 5\n\nLicenseStatusReason : 3221549065\n\n"
        got, _ = self.kinds_rules(data + data)
        self.assertEqual(got, [("cim-product", ["notification"])] * 2)

    # A KMS host's /dlv as a message box or a forum breaks it: the Use License URL's query on
    # a line of its own (the URL blanked by the poster as in en-qa-12308-adba-478271), a blank
    # line after every field. Labels as slmgr prints them, values constructed.
    HOST_DLV = (b"Name: Windows(R), ServerStandard edition\n\n"
                b"Description: Windows(R) Operating System, VOLUME_KMS_2012-R2_WIN10 channel\n\n"
                b"Activation ID: 00000000-0000-4000-8000-000000000001\n\n"
                b"Product Key Channel: Volume:CSVLK\n\n"
                b"Use License URL: XXXXXXXXXXX\n\n"
                b"%s\n\n"
                b"Validation URL: XXXXXXXXXXX\n\n"
                b"Partial Product Key: AAAAA\n\n"
                b"License Status: Licensed\n\n"
                b"Key Management Service is enabled on this machine\n\n"
                b"Current count: 30\n\n")

    def test_a_url_query_broken_onto_its_own_line_stays_in_the_record(self):
        # Before: the query line ended the record, the CSVLK was judged alone (kms-host-key, a
        # note: "a client needs its GVLK") and the host part became a record of its own.
        got, status = self.kinds_rules(self.HOST_DLV % b"configextension=XXXXXXXXXXXXXXXXXX")
        self.assertEqual(got, [("slmgr-dlv", ["licensed", "host-count-enough"])])
        self.assertEqual(status, 0)

    def test_a_code_or_a_sentence_after_a_url_still_ends_the_record(self):
        # Only one word that is no code goes on an unjudged one-word value; a sentence or a
        # code alone on its line is the writer's, and ends the record as before.
        for line in (b"0xC004F074", b"80070005", b"Then on the host I see", b"Office16:"):
            got, _ = self.kinds_rules(self.HOST_DLV % line)
            self.assertEqual([kind for kind, _ in got][:2], ["slmgr-dlv", "slmgr-dli"], line)
            self.assertIn("kms-host-key", got[0][1], line)

    def test_ospp_trimmed_status_with_a_forum_escaped_state(self):
        got, _ = self.kinds_rules(b"LICENSE STATUS:  ---OOB_ GRACE---\nERROR CODE: 0x4004F00C\n")
        self.assertEqual(got, [("ospp-dstatus", ["initial-grace", "error-information"])])


class PartialRecords(unittest.TestCase):
    """Issue 18 item 2: a trimmed paste is a record, and says what is missing only when the
    missing field would change the verdict."""

    def rules(self, data):
        objects, status = records(data)
        return {o["kind"]: [f["rule"] for f in o["findings"]] for o in objects[:-1]}, objects, status

    def test_notification_without_its_reason_asks_for_it(self):
        got, objects, status = self.rules(b"Name: Windows(R), Professional edition\n"
                                          b"Partial Product Key: 3V66T\n"
                                          b"License Status: Notification\n")
        self.assertEqual(got, {"slmgr-dli": ["notification", "missing-status-reason"]})
        f = findings(objects)[("slmgr-dli", "missing-status-reason")]
        self.assertEqual((f["field"], f["severity"]), ("status-reason", "note"))
        self.assertIn("Notification Reason", f["text"])
        self.assertEqual(status, 1)

    def test_a_reason_in_the_paste_settles_it(self):
        got, _, _ = self.rules(b"License Status: Notification\n"
                               b"Notification Reason: 0xC004F009 (grace time expired).\n")
        self.assertEqual(got, {"slmgr-dli": ["notification"]})

    def test_kms_client_without_its_kms_part(self):
        got, objects, _ = self.rules(
            b"Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel\n"
            b"License Status: Initial grace period\n"
            b"Time remaining: 43200 minute(s) (30 day(s))\n")
        self.assertIn("missing-kms-machine", got["slmgr-dli"])
        f = findings(objects)[("slmgr-dli", "missing-kms-machine")]
        self.assertEqual((f["field"], f["severity"]), ("registered-kms", "note"))
        self.assertIn("Key Management Service client information", f["text"])

    def test_whole_outputs_ask_for_nothing(self):
        for name in ["dlv-kms-client.txt", "dli-notification.txt", "cim-product.txt",
                     "ospp-dstatus.txt"]:
            with self.subTest(fixture=name):
                objects, _ = records(fixture(name))
                missing = [f["rule"] for o in objects for f in o.get("findings", [])
                           if f["rule"].startswith("missing-")]
                self.assertEqual(missing, [])


class XmlClaimsItsLines(unittest.TestCase):
    """A line inside an open XML document is the event reader's alone: the description Event
    Viewer renders into <Message> held "License Status: Notification", which the slmgr reader
    took for a second record (slmgr-dli, 'notification') and made the headline."""

    EVENT = (b"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>\n"
             b"  <System>\n"
             b"    <Provider Name='Microsoft-Windows-Security-SPP' "
             b"EventSourceName='Software Protection Platform Service'/>\n"
             b"    <EventID Qualifiers='49152'>8198</EventID>\n"
             b"    <Level>2</Level>\n"
             b"    <TimeCreated SystemTime='2024-03-01T10:00:00.000Z'/>\n"
             b"    <EventRecordID>42</EventRecordID>\n"
             b"    <Channel>Application</Channel>\n"
             b"    <Computer>pc1.contoso.com</Computer>\n"
             b"  </System>\n"
             b"  <EventData>\n"
             b"    <Data>hr=0xC004F074</Data>\n"
             b"  </EventData>\n"
             b"  <RenderingInfo Culture='en-US'>\n"
             b"    <Message>License Activation (slui.exe) failed with the following error code:\n"
             b"hr=0xC004F074\n"
             b"License Status: Notification\n"
             b"Notification Reason: 0xC004F009.\n"
             b"</Message>\n"
             b"  </RenderingInfo>\n"
             b"</Event>\n")

    def test_rendered_message_lines_make_no_text_record(self):
        objects, status = records(self.EVENT)
        self.assertEqual([(o["kind"], [f["rule"] for f in o["findings"]]) for o in objects[:-1]],
                         [("event", ["event", "8198-failed"])])
        self.assertEqual(objects[-1]["kind"], "summary")
        self.assertEqual(objects[-1]["headline"]["rule"], "8198-failed")
        self.assertEqual(status, 1)

    def test_text_after_the_document_is_read_again(self):
        objects, _ = records(self.EVENT + b"License Status: Notification\n"
                                          b"Notification Reason: 0xC004F009.\n")
        self.assertEqual([o["kind"] for o in objects[:-1]], ["event", "slmgr-dli"])


class MoreForms(unittest.TestCase):
    """One-line results of slmgr and ospp, and cscript's banner before them."""

    BANNER = (b"Microsoft (R) Windows Script Host Version 5.812\n"
              b"Copyright (C) Microsoft Corporation. All rights reserved.\n\n")

    def rules(self, data):
        objects, status = records(data)
        return [(o["kind"], f["rule"]) for o in objects[:-1] for f in o["findings"]], status

    def test_slmgr_one_line_results(self):
        cases = {
            b"Installed product key W269N-WFGWX-YVC9B-4J6C9-T83GX successfully.\n":
                ("slmgr-ipk", "key-installed"),
            b"Uninstalled product key successfully.\n": ("slmgr-upk", "key-uninstalled"),
            b"Command completed successfully.\nPlease restart the system for the changes to "
            b"take effect.\n": ("slmgr-rearm", "rearm-completed"),
            b"Activating Windows(R), Professional edition (2de67392-b7a7-462a-b1ca-108dd189f588) "
            b"...\nProduct activated successfully.\n": ("slmgr-ato", "activation-succeeded"),
        }
        for text, want in cases.items():
            with self.subTest(text=text):
                got, status = self.rules(self.BANNER + text)
                self.assertEqual(got, [want])
                self.assertEqual(status, 0)

    def test_ospp_act_two_products(self):
        data = (self.BANNER + b"---Processing--------------------------\n"
                b"---------------------------------------\n"
                b"Installed product key detected - attempting to activate the following product:\n"
                b"SKU ID: fbdb3e18-a8ef-4fb3-9183-dffd60bd0984\n"
                b"LICENSE NAME: Office 21, Office21ProPlus2021VL_KMS_Client_AE edition\n"
                b"LICENSE DESCRIPTION: Office 21, VOLUME_KMSCLIENT channel\n"
                b"Last 5 characters of installed product key: 6F7TH\n"
                b"ERROR CODE: 0xC004F074\n"
                b"ERROR DESCRIPTION: The Software Licensing Service reported that the product "
                b"could not be activated.\n"
                b"---------------------------------------\n"
                b"Installed product key detected - attempting to activate the following product:\n"
                b"SKU ID: 85dd8b5f-eaa4-4af3-a628-cce9e77c9a03\n"
                b"LICENSE NAME: Office 19, Office19ProPlus2019VL_KMS_Client_AE edition\n"
                b"LICENSE DESCRIPTION: Office 19, VOLUME_KMSCLIENT channel\n"
                b"Last 5 characters of installed product key: 6MWKP\n"
                b"<Product activation successful>\n"
                b"---------------------------------------\n"
                b"---Exiting-----------------------------\n")
        got, status = self.rules(data)
        self.assertEqual(got, [("ospp-act", "error"), ("ospp-act", "activation-succeeded")])
        self.assertEqual(status, 1)

    def test_slmgr_results_no_row_held(self):
        # slmgr.vbs's own lines (its L_Msg strings): "Error: Product activation failed." and
        # the non-genuine ones were read as an Error without a code, worst ok; the settings'
        # and /atp's success lines were nothing recognisable.
        cases = {
            b"Error: Product activation failed.\n":
                ("slmgr-error", "ato-not-licensed", "critical", []),
            b"Error: The machine is running within the non-genuine grace period. Run "
            b"'slui.exe' to go online and make the machine genuine.\n":
                ("slmgr-error", "non-genuine-grace", "critical", ["0x4004F065"]),
            b"Error: Windows is running within the non-genuine notification period. Run "
            b"'slui.exe' to go online and validate Windows.\n":
                ("slmgr-error", "notification", "critical", ["0xC004F200"]),
            b"Error: product key not found.\n": ("slmgr-error", "no-key-installed", "warning", []),
            # Automatic VM activation's /xpr line was read as prose: a licence running out
            b"Windows(R), ServerDatacenter edition:\n    Automatic VM activation will expire "
            b"5/12/2026 9:00:00 AM\n": [("slmgr-xpr", "licensed", "ok", []),
                                       ("slmgr-xpr", "activation-until", "ok", [])],
            # /xpr's LicenseStatus 4 in words was the warning grace-until
            b"Windows(R), Professional edition:\n    Non-genuine grace period ends 1/2/2026 "
            b"3:00:00 AM\n": ("slmgr-xpr", "non-genuine-grace", "critical", ["0x4004F065"]),
            b"Error: product not found.\n": ("slmgr-error", "no-key-installed", "warning", []),
            b"Key Management Service machine name cleared successfully.\n":
                ("slmgr-setting", "setting-applied", "ok", []),
            b"Volume renewal interval set to 10080 minutes successfully.\n":
                ("slmgr-setting", "setting-applied", "ok", []),
            b"KMS priority set to Low\n": ("slmgr-setting", "setting-applied", "ok", []),
            b"Confirmation ID for product 2de67392-b7a7-462a-b1ca-108dd189f588 deposited "
            b"successfully.\n": ("slmgr-ato", "activation-succeeded", "ok", []),
        }
        for text, want in cases.items():
            want = want if isinstance(want, list) else [want]
            with self.subTest(text=text):
                objects, status = records(self.BANNER + text)
                got = [(o["kind"], f["rule"], f["severity"], f["codes"])
                       for o in objects[:-1] for f in o["findings"]]
                self.assertEqual(got, want)
                self.assertEqual(status, {"ok": 0}.get(want[-1][2], 1))

    def test_an_error_line_of_no_words_of_slmgr_is_no_ok_result(self):
        # Another program's "ERROR: ..." (corpus en-ipk-salt-64948's Salt line) was an
        # slmgr-error record without findings: worst ok, exit 0 for a text that says nothing
        # judged. It is read as any other line now.
        objects, status = records(b"ERROR: Minions returned with non-zero exit code\n")
        self.assertEqual((objects, status), ([], 2))
        objects, _ = records(fixture("ato-unreachable.txt") + b"ERROR: Minions returned with "
                             b"non-zero exit code\n")
        self.assertEqual([(o["kind"], len(o["findings"])) for o in objects[:-1]],
                         [("slmgr-error", 1)])

    def test_ospp_results_no_row_held(self):
        # ospp.vbs's MSG_NOKMSLICS, MSG_SUCCESS, MSG_OSPPSVC_NOINSTALL: nothing recognisable
        # before (the service line was an slmgr Error without a code, worst ok). The service
        # line is ospp's alone: no slmgr-error record beside it.
        cases = {
            b"No Office KMS licenses were found on the system.\n":
                ("ospp-setting", "no-kms-licence", "critical"),
            b"Successfully applied setting.\n": ("ospp-setting", "setting-applied", "ok"),
            b"Error: The Software Protection Platform service is not installed.\n":
                ("ospp-service", "licensing-service-down", "critical"),
        }
        for text, want in cases.items():
            with self.subTest(text=text):
                objects, _ = records(b"---Processing--------------------------\n"
                                     b"---------------------------------------\n" + text +
                                     b"---------------------------------------\n"
                                     b"---Exiting-----------------------------\n")
                got = [(o["kind"], f["rule"], f["severity"])
                       for o in objects[:-1] for f in o["findings"]]
                self.assertEqual(got, [want])

    def test_ospp_separators_retyped_with_dots(self):
        # corpus en-ospp-act-21z-10: ospp's dashes retyped as dots around its MSG_NOKMSLICS
        # (nothing recognisable before); the separators still end the block.
        objects, status = records(b"......Processing.......................\n"
                                  b"No Office KMS licenses were found on the system.\n"
                                  b"......Exiting...............................\n\n"
                                  b".....Processing........................\n"
                                  b"LICENSE NAME: Office 16, Office16O365ProPlusR_Subscription1 "
                                  b"edition\n")
        self.assertEqual([(o["kind"], o["findings"][0]["rule"]) for o in objects[:-1]],
                         [("ospp-setting", "no-kms-licence")])
        self.assertEqual(status, 1)

    def test_ospp_inpkey_and_no_keys(self):
        got, _ = self.rules(b"---Processing--------------------------\n"
                            b"<Product key installation successful>\n")
        self.assertEqual(got, [("ospp-inpkey", "key-installed")])
        got, status = self.rules(b"---Processing--------------------------\n"
                                 b"<No installed product keys detected>\n")
        self.assertEqual((got, status), ([("ospp-act", "no-key-installed")], 1))

    def test_a_result_quoted_after_a_sentence_on_its_line(self):
        # The Korean Azure article (corpus ko-skms-azure) writes "The command should return
        # the following." and slmgr's /skms result on one line; it was nothing recognisable.
        objects, status = records("    명령이 다음을 반환해야 합니다. 키 관리 서비스 컴퓨터 이름을 "
                                  "kms.core.windows.net:1688으로 성공적으로 설정합니다.\n".encode())
        self.assertEqual([o["kind"] for o in objects[:-1]], ["slmgr-skms"], objects)
        f = objects[0]["findings"][0]
        self.assertEqual((f["field"], f["value"], status),
                         ("registered-kms", "kms.core.windows.net:1688", 0))

    def test_an_xpr_result_quoted_after_a_colon_in_markdown_italics(self):
        # The form of batch 4's en-xpr-windowspp-1 ("The result was : _..._."), with the words
        # slmgr prints: it was nothing recognisable.
        objects, status = records(b"I opened CMD and ran **slmgr/xpr**. The result was : _The "
                                  b"machine is permanently activated._\n")
        self.assertEqual([(o["kind"], o["findings"][0]["rule"]) for o in objects[:-1]],
                         [("slmgr-xpr", "licensed")])
        self.assertEqual(status, 0)


    def test_a_result_quoted_in_quotation_marks(self):
        # Batch 5's zh-ato-quotes-aiastia-73 quotes slmgr's answers in “…” after a full-width
        # colon, a remark after the closing mark; a French writer uses « … ». Each line was
        # nothing recognisable, and the /skms host, glued to the zh-CN phrase, no word end.
        cases = [
            ("弹出窗口提示：“成功地激活了产品”\n", ("slmgr-ato", "activation-succeeded", None)),
            ("弹出窗口提示：“密钥管理服务计算机名称成功地设置为kms.cangshui.net”，网络上非常多"
             "这种服务器\n", ("slmgr-skms", "kms-set", "kms.cangshui.net")),
            ("Le résultat : « Le produit a été activé. »\n",
             ("slmgr-ato", "activation-succeeded", None)),
        ]
        for text, (kind, rule, value) in cases:
            with self.subTest(text=text):
                objects, status = records(text.encode())
                self.assertEqual([o["kind"] for o in objects[:-1]], [kind], objects)
                f = objects[0]["findings"][0]
                self.assertEqual(f["rule"], rule)
                if value:
                    self.assertEqual(f["value"], value)

    def test_a_cjk_phrase_is_not_a_word_in_a_longer_ascii_word(self):
        # A phrase that ends in a script without spaces may be followed by ASCII at once; one
        # that ends in ASCII still needs a word's end ("Installed product keys" is no result).
        objects, _ = records("密钥管理服务计算机名称成功地设置为kms.cangshui.net\n".encode())
        self.assertEqual([o["kind"] for o in objects[:-1]], ["slmgr-skms"])
        objects, status = records(b"Installed product keysX\n")
        self.assertEqual((objects[:-1], status), ([], 2))


class StateInASentence(unittest.TestCase):
    """A licence state told in prose: the status label and one state word of the label table in
    one sentence (corpus en-ticket-gce-211, en-ticket-auditap-292 were "nothing recognisable")."""

    def read(self, text):
        objects, status = records(text.encode())
        return [(o["kind"], [(f["rule"], f["value"]) for f in o["findings"]])
                for o in objects[:-1]], status

    def test_label_then_state(self):
        got, status = self.read("We have images where License status is Unlicensed. Help?\n")
        self.assertEqual(got, [("sentence", [("unlicensed", "Unlicensed")])])
        self.assertEqual(status, 1)

    def test_state_then_label_in_the_same_sentence(self):
        got, _ = self.read("A test system, notification, according to the license status\u2026\n")
        self.assertEqual(got, [("sentence", [("notification", "notification"),
                                             ("missing-status-reason", "notification")])])

    def test_labels_of_other_languages(self):
        got, _ = self.read("\u8bb8\u53ef\u8bc1\u72b6\u6001\u662f\u672a\u8bb8\u53ef\u3002\n")  # 许可证状态是未许可。
        self.assertEqual([(k, [r for r, _ in f]) for k, f in got], [("sentence", ["unlicensed"])])

    def test_prose_that_tells_no_single_state_is_not_read(self):
        for text in ("The product is licensed under the MIT licence.",  # no status label
                     "Add a new check for the license status in SBD.",  # no state word
                     "The license status is not Licensed.",  # turned round
                     "License status was Licensed, now it shows Notification.",  # two states
                     "The license status page loads slowly. It is Unlicensed.",  # two sentences
                     "Check the license statuses: Licensedness matters."):  # longer words
            got, _ = self.read(text + "\n")
            self.assertEqual(unguessed(got), [], text)

    def test_a_tool_line_or_a_code_is_not_prose(self):
        # slmgr's own line is its reader's; a line with a code is the fallback's alone.
        got, _ = self.read("Requests with License Status Unlicensed: 0\n")
        self.assertEqual(unguessed(got), [])
        got, _ = self.read("License status is Unlicensed with 0xC004F074 when activating.\n")
        self.assertEqual([kind for kind, _ in got], ["text"])


class DaysLeftOfAPeriod(unittest.TestCase):
    """The days left of an evaluation, trial or grace period told in a sentence (period.c):
    corpus en-ticket-packer-templates-158-eval-177-days was nothing recognisable."""

    def read(self, text):
        got, status = StateInASentence.read(self, "Windows Server 2019 box.\n" + text + "\n")
        return [(r, v) for _, f in got for r, v in f], status

    def test_many_days_left_is_a_period_running_and_few_an_end_close(self):
        for text, want in (
                ("For those boxes the evaluation license already down to 177 days, if freshly "
                 "spinned up.", ([("licensed", "177 days")], 0)),
                ("The evaluation has only 10 days left.", ([("license-expiring", "10 days")], 1)),
                ("试用期还剩 10 天。", ([("license-expiring", "10 天")], 1)),
                ("評価期間の残り177日です。", ([("licensed", "177日")], 0))):
            with self.subTest(text=text):
                self.assertEqual(self.read(text), want)

    def test_a_periods_length_or_a_supposed_count_is_no_days_left(self):
        for text in ("The evaluation lasts 180 days.",  # its length, nothing remains
                     "If the evaluation has 10 days left, rearm it.",  # supposed
                     "How many days are left of the evaluation? 10 days?",  # asked
                     "We have 10 days left to finish the migration."):  # no period
            with self.subTest(text=text):
                self.assertEqual(self.read(text), ([], 2))


class StateOrFailureInProse(unittest.TestCase):
    """A state or failure told in prose, read from the words of src/explain/prose_words.c (a
    subject word and an outcome word close together in a clause), each sentence from the corpus
    paste that uses it (batch 7's were nothing recognisable). Prose counts once the input has
    named the product (a product word, a tool's line, a code) on that line or before it."""

    CONTEXT = "Seen on Windows 10.\n"

    def read(self, text):
        return StateInASentence.read(self, self.CONTEXT + text)

    def test_each_phrase_tells_its_own_state_or_failure(self):
        cases = [
            ("The VM is unexpectedly shutdown because WLM.EXE tells License is expired :)",
             "notification", "License is expired"),
            ("Evaluation editions cannot be activated outside of their evaluation period.",
             "activation-failed", "cannot be activated"),
            ("Versions 1.1.0 & 1.1.1 do not license from the IBM KMS servers",
             "activation-failed", "do not license"),
            ("The result was : _This machine is permanently activated_. But the key ends with "
             "3V66T.", "licensed", "permanently activated"),
            ("Activation: Windows is not activated", "not-activated", "not activated"),
            ("Ein Hinweis, dass Ihr Windows nicht aktiviert ist.", "not-activated",
             "nicht aktiviert"),
            ("Activation indiquant \u00ab Non activ\u00e9 \u00bb malgr\u00e9 une licence.",
             "not-activated", "Non activ\u00e9"),
            ("Windows\u304c\u30e9\u30a4\u30bb\u30f3\u30b9\u8a8d\u8a3c\u3055\u308c\u3066"
             "\u3044\u307e\u305b\u3093\u3002\u306e\u30a8\u30e9\u30fc\u753b\u9762",
             "not-activated", "\u30e9\u30a4\u30bb\u30f3\u30b9\u8a8d\u8a3c\u3055\u308c"
             "\u3066\u3044\u307e\u305b\u3093"),
            # 系统显示是已经激活状态，这个会有影响吗？ a question follows, in a clause of its own
            ("\u7cfb\u7edf\u663e\u793a\u662f\u5df2\u7ecf\u6fc0\u6d3b\u72b6\u6001\uff0c"
             "\u8fd9\u4e2a\u4f1a\u6709\u5f71\u54cd\u5417\uff1f", "licensed",
             "\u5df2\u7ecf\u6fc0\u6d3b"),
            ("Un errore del pc: l\u2019imminente scadenza della licenza di Windows 10.",
             "license-expiring", "scadenza della licenza"),
            ("Tried destroying Win10 and re-provisioned and still getting Win10 host license "
             "expired.", "notification", "license expired"),
            ("Office 365 is not activating", "not-activated", "not activating"),
            ("Using the GVLK keys provided by MS I was unable to activate Server 2022 build 20344.",
             "activation-failed", "unable to activate"),
            ("But the activation was successful, what happened?", "licensed",
             "activation was successful"),
            # windows server 2022不能激活, 这个可以支持吗
            ("windows server 2022\u4e0d\u80fd\u6fc0\u6d3b, \u8fd9\u4e2a\u53ef\u4ee5\u652f"
             "\u6301\u5417", "activation-failed", "\u4e0d\u80fd\u6fc0\u6d3b"),
            # batch 7 and earlier, listed in KNOWN_FAILING until the words were read one by one
            ("windows server 2022 | activation seems not working any more",  # mas-1305
             "activation-failed", "activation seems not working"),
            ("the \u201cActivate Windows\u201d watermark had returned.", "not-activated",
             "watermark had returned"),
            ('a warning on start reading, "Microsoft Office cannot verify the license for this '
             'product.', "activation-failed", "cannot verify the license"),  # mas-531
            # 收到「Windows 许可证即将过期」的通知 (zh-blog-tencent-769055)
            ("\u6536\u5230\u300cWindows \u8bb8\u53ef\u8bc1\u5373\u5c06\u8fc7\u671f\u300d"
             "\u7684\u901a\u77e5", "license-expiring",
             "\u8bb8\u53ef\u8bc1\u5373\u5c06\u8fc7\u671f"),
            # windows 已经快要激活成功了 (zh-ticket-cmwtat-105): nearly, so not yet
            ("windows \u5df2\u7ecf\u5feb\u8981\u6fc0\u6d3b\u6210\u529f\u4e86\u3002",
             "not-activated", "\u6fc0\u6d3b\u6210\u529f"),
            # a form's label in a section heading opens its text; a page's title is read
            ("### Description of the issue: Observing Win10 license expired.", "notification",
             "license expired"),
            ("# Windows activation watermark continues to be displayed", "not-activated",
             "watermark continues to be displayed"),
        ]
        for text, rule, value in cases:
            with self.subTest(text=text):
                got, status = self.read(text + "\n")
                self.assertEqual([(k, f[0]) for k, f in got], [("sentence", (rule, value))])
                self.assertEqual(status, 0 if rule == "licensed" else 1)

    def test_prose_that_tells_no_state_of_this_machine_is_not_read(self):
        for text in ("We use KMS activation for every server in the lab.",  # no state told
                     "Is it activated?",  # a question
                     "I am able to activate all other Windows and Office software.",  # not unable
                     "Why was the activation successful on one machine only?",
                     "Is Windows not activated?",
                     "So will it stay permanently activated?",
                     "To activate, run slmgr.vbs /ato as an administrator.",  # a how-to
                     "If Windows is not activated, run slmgr.vbs /ato.",  # a supposition
                     "Wenn Windows nicht aktiviert ist, hilft slmgr.",
                     "It is not true that the license is expired.",  # turned round
                     # two things told, a success and a failure (two bad ones tell the worse)
                     "It was activated successfully, then not activated.",
                     "Our images are not activatedly built.",  # a longer word
                     "It does not let you activate once, but as often as you need it.",
                     "It doesn't change the activation status.",  # a status named
                     "How to fix activation failed on Windows 11",  # a heading
                     "echo :: Could not activate Office with any KMS server. ::",  # source
                     # neg-de-docs-mak-known-issues: a section heading, one known issue of many
                     "## <a name=\"the-computer-does-not-activate\"></a>Der Computer wird "
                     "nicht aktiviert.",
                     # neg-en-motadata-vas-event-catalogue: an event catalogue's row
                     "Microsoft-Windows-Security-SPP/Software Protection Service8202HighKMS "
                     "client activation failed (network or DNS issue)",
                     # neg-zh-steam-key-2: a bare 激活失败 also fails a Steam key
                     "\u53d1\u73b0\u6fc0\u6d3b\u8d85\u8fc710\u4e2akey\u4f1a\u663e\u793a "
                     "\u7136\u540e\u6fc0\u6d3b\u5931\u8d25."):
            got, _ = self.read(text + "\n")
            self.assertEqual(unguessed(got), [], text)

    def test_a_sentence_the_page_wrapped_is_read_whole(self):
        # en-blog-danielsaidi-activating-windows-8: the modal is the retry's, in its own part
        got, status = self.read("When I tried to do so from the new Metro app, it just said "
                                "that Windows failed to\nactivate and that I should try again "
                                "later.\n")
        self.assertEqual([(k, f[0]) for k, f in got],
                         [("sentence", ("activation-failed", "failed to activate"))])
        self.assertEqual(status, 1)
        # neg-en-howto-programming4-kms-srv-nslookup: the supposition ends the line before
        second = "has more than one KMS host or the network does not support DDNS, publish it.\n"
        got, status = self.read("Clients find the KMS host through its SRV record. If the "
                                "organization\n" + second)
        self.assertEqual((got, status), ([], 2))
        # the same line after a sentence that ended is read alone
        got, status = self.read("Clients find the KMS host through its SRV record, always.\n" +
                                second)
        self.assertEqual([(k, f[0][0]) for k, f in got], [("sentence", "activation-failed")])

    def test_no_product_named_no_state(self):
        # neg-en-crunch-188: another program's activation, and nothing names Windows or Office
        got, status = records(b"Crunch 2 could not be activated. You've activated too many.\n")
        self.assertEqual(([o for o in got if o["kind"] == "sentence"], status), ([], 2))
        # named on the line itself, it counts
        got, status = records(b"Windows could not be activated.\n")
        self.assertEqual([f["rule"] for o in got for f in o.get("findings", [])
                          if o["kind"] == "sentence"], ["activation-failed"])

    def test_a_tools_licence_status_outranks_prose(self):
        # en-dlv-esu-windows10esu-3: slmgr says Licensed, the writer's script says otherwise
        dlv = fixture("dlv-kms-client.txt")
        alone, _ = records(dlv)
        got, status = records(dlv + b"\nbut running your script tells me that Windows is not "
                                    b"licensed.\n")
        kinds = [o["kind"] for o in got[:-1]]
        self.assertIn("sentence", kinds)  # the sentence is still read and shown ...
        self.assertEqual(got[-1]["worst"], alone[-1]["worst"])  # ... but the verdict is slmgr's
        self.assertNotEqual(got[-1]["worst"], "critical")

    def test_a_code_in_the_line_is_the_fallbacks(self):
        got, _ = self.read("Windows is not activated: 0xC004F074 when activating.\n")
        self.assertEqual([kind for kind, _ in got], ["text"])


class OneCodeParser(unittest.TestCase):
    def test_eight_digits_are_hex_as_in_a_lookup(self):
        # explain read this as the decimal 80070005 (0x04C5C575); `slerr 80070005` reads hex.
        # (slmgr's command above it: a bare "Error:" line with a general code needs words of
        # activation, CodeFallback.test_a_bare_error_line_with_a_general_code_needs_words_...)
        objects, status = records(b"slmgr /ato\nError: 80070005\n")
        f = [f for o in objects if o["kind"] == "slmgr-error" for f in o["findings"]][0]
        self.assertEqual((f["rule"], f["codes"]), ("error", ["0x80070005"]))
        self.assertEqual(status, 1)

    def test_a_code_chinese_runs_on_after_is_read(self):
        # Batch 7's zh-ticket-kmstools-31: a zh-CN slmgr error box, the code glued to the next
        # word (错误：0xC004F069在运行...). The error record came back with no finding and the
        # fallback left its line to it: a failure shown as ok, exit 0.
        objects, status = records("错误：0xC004F069在运行Microsoft Windows 非核心版本的计算机上\n".encode())
        f = [f for o in objects if o["kind"] == "slmgr-error" for f in o["findings"]]
        self.assertEqual([(x["rule"], x["codes"]) for x in f], [("error", ["0xC004F069"])])
        self.assertEqual(status, 1)

    def test_decimal_only_where_the_field_is_decimal(self):
        data = b"LicenseStatus : 5\nLicenseStatusReason : 80070005\n\n"
        objects, _ = records(data)
        f = [f for o in objects if o["kind"] == "cim-product" for f in o["findings"]][0]
        self.assertEqual(f["rule"], "notification")
        self.assertIn("0x04C5C575", f["codes"])


class Output(unittest.TestCase):
    def test_text(self):
        r = explain("--color=never", stdin=fixture("dli-notification.txt"))
        out = r.stdout.decode()
        self.assertIn("stdin:1: slmgr-dli Windows(R), Professional edition", out)
        self.assertIn("critical license-status: Notification", out)
        self.assertIn("0xC004F009 SL_E_GRACE_TIME_EXPIRED", out)
        self.assertIn("see symptom:recover-from-rfm", out)
        self.assertIn("Headline (critical)", out)

    def test_colour_stays_on_its_line(self):
        r = explain("--color=always", stdin=fixture("dli-notification.txt"))
        for line in r.stdout.decode().splitlines():
            self.assertFalse(line.startswith("\x1b[0m"), repr(line))
            self.assertEqual(line.count("\x1b[") % 2, 0, repr(line))  # every colour is reset

    def test_brief(self):
        r = explain("--brief", "--color=never", stdin=fixture("dlv-kms-client.txt"))
        lines = r.stdout.decode().splitlines()
        self.assertTrue(all(x.startswith("stdin:2: warning ") for x in lines[:-1]), lines)
        self.assertEqual(len(lines), 3, lines)
        self.assertTrue(lines[-1].startswith("Headline (warning)"))

    def test_files_and_dash(self):
        path = os.path.join(FIXTURES, "dlv-kms-host.txt")
        r = explain("--json", path, "-", stdin=fixture("skms.txt"))
        objects = [json.loads(x) for x in r.stdout.decode().splitlines()]
        self.assertEqual([o.get("file") for o in objects[:-1]], [path, "stdin"])
        self.assertEqual(objects[-1]["records"], 2)

    def test_missing_file(self):
        r = explain("/nonexistent/slmgr.txt")
        self.assertEqual(r.returncode, 3)
        self.assertIn(b"/nonexistent/slmgr.txt", r.stderr)

    def test_hostile_bytes_are_escaped(self):
        data = (b"Name: Windows\x1b[31m evil\x07\n"
                b"License Status: Licensed\xc2\x9b\n"
                b"    Registered KMS machine name: host;rm -rf /\x1b]0;x\x07\n")
        r = explain("--color=never", stdin=data)
        self.assertNotIn(b"\x1b", r.stdout)
        self.assertNotIn(b"\x07", r.stdout)
        self.assertNotIn(b"\xc2\x9b", r.stdout)
        self.assertIn(b"\\x1b[31m", r.stdout)  # the escaping diagnose uses too
        self.assertNotIn(b"diagnose --kms host;", r.stdout)
        j = explain("--json", stdin=data)
        for line in j.stdout.decode().splitlines():
            json.loads(line)  # every object parses: nothing forged

    def test_invalid_bytes_and_long_lines(self):
        data = b"x\xff\xfe\xfd garbage \x00\xed\xa0\x80\n" + b"A" * 200000 + b"\n" + fixture("dli-notification.txt")
        objects, status = records(data)
        self.assertEqual(objects[0]["line"], 3)
        self.assertEqual(status, 1)

    def test_malformed_input_reports_what_was_read_then_the_error(self):
        path = os.path.join(FIXTURES, "events", "cut-in-system.xml")
        r = explain("--brief", "--color=never", path)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"Headline", r.stdout)  # what was read comes first
        errors = r.stderr.decode().splitlines()
        self.assertEqual(len(errors), 1, errors)
        self.assertRegex(errors[0], r"^slerr: .*cut-in-system\.xml:\d+: \S")

    def test_usage(self):
        r = explain("--bogus")
        self.assertEqual(r.returncode, 2)



class Layout(unittest.TestCase):
    """The text output people read and copy (issue 22, item 5)."""

    def test_headline_is_wrapped_like_the_findings(self):
        r = explain("--color=never", os.path.join(FIXTURES, "events", "12288-eventviewer.txt"),
                    env={"COLUMNS": "60"})
        lines = r.stdout.decode().splitlines()
        start = [i for i, line in enumerate(lines) if line.startswith("Headline (")][0]
        headline = [line for line in lines[start:] if not line.startswith("      0x")]  # its codes
        self.assertGreater(len(headline), 1, "a long headline goes on over several lines")
        for line in headline:
            self.assertLessEqual(len(line), 60, line)
        self.assertTrue(all(line.startswith("  ") for line in headline[1:]), headline)

    def test_an_event_record_says_event_once(self):
        r = explain("--color=never", os.path.join(FIXTURES, "events", "12288-eventviewer.txt"))
        out = r.stdout.decode()
        self.assertNotIn("event event", out)
        self.assertRegex(out, r"(?m)^\S+:\d+: event 12288\b")
        objects = [json.loads(line) for line in explain("--json", os.path.join(
            FIXTURES, "events", "12288-eventviewer.txt")).stdout.splitlines()]
        self.assertTrue(objects[0]["title"].startswith("event 12288"), "JSON keeps the title whole")

class WordingGuessed(unittest.TestCase):
    """The last word on a text about activation that nothing read (src/explain/guess.c): words
    weighed against the corpus tell a report of failure from a guide, as a guess that names the
    words that weighed and asks for the tool's output."""

    CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "explain", "corpus")

    def corpus(self, name):
        with open(os.path.join(self.CORPUS, name + ".txt"), "rb") as f:
            return f.read()

    def rules(self, objects):
        return [(o["kind"], f["rule"]) for o in objects if o["kind"] != "summary"
                for f in o["findings"]]

    def test_a_ticket_nothing_reads_is_guessed_from_its_words(self):
        # corpus zh-ticket-lkyofficetools-62-not-activated: "无法激活怎么办？没有激活，用不了呢~"
        # and a screenshot, no code; it read as nothing recognisable
        objects, status = records(self.corpus("zh-ticket-lkyofficetools-62-not-activated"))
        self.assertEqual((self.rules(objects), status), ([("text", GUESSED)], 1))
        finding = objects[0]["findings"][0]
        self.assertEqual(finding["severity"], "critical")
        self.assertIn("\u6fc0\u6d3b", finding["value"].split(", "), "the heaviest word is named")
        self.assertIn("slmgr /dlv", finding["text"], "the finding asks for the tool's output")

    def test_a_guide_of_the_same_words_is_not(self):
        # corpus neg-en-explainer-taourl-not-genuine: what "not genuine" means, in a guide
        objects, status = records(self.corpus("neg-en-explainer-taourl-not-genuine"))
        self.assertEqual((self.rules(objects), status), ([], 2))

    def test_a_text_something_read_gets_no_guess(self):
        text = self.corpus("zh-ticket-lkyofficetools-62-not-activated")
        objects, status = records(text + b"\nError code: 0xC004F074\n")
        self.assertNotIn(GUESSED, [rule for _, rule in self.rules(objects)])
        self.assertIn(0xC004F074, [int(c, 16) for o in objects if o["kind"] != "summary"
                                   for f in o["findings"] for c in f["codes"]])

    def test_no_guess_where_nothing_speaks_of_activation(self):
        # the ticket's words with its activation words taken out: a trouble of something else
        text = self.corpus("zh-ticket-lkyofficetools-62-not-activated")
        text = text.replace("\u6fc0\u6d3b".encode(), b"").replace(b"Office", b"").replace(b"office", b"")
        objects, status = records(text)
        self.assertEqual((self.rules(objects), status), ([], 2))


if __name__ == "__main__":
    unittest.main()
