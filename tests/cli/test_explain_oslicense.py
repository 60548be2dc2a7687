#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`slerr explain` on the OSLicense module's output (tests/explain/fixtures/oslicense, built
from the documented property names): Get-OSLicenseInfo as Format-List, Format-List *,
Format-Table and ConvertTo-Json (one object and -All's array), Get-KmsLicenseInfo and
Get-SubscriptionLicenseInfo and Get-ADLicenseInfo in the same forms (their arrays from
Invoke-Command), and the
Set-/Invoke- results whose ErrorCode is a signed decimal HRESULT; in every form a paste
arrives in (tests/cli/pastes.py). Each expectation names the finding's row, so swapping two
rows fails it."""

import json
import os
import unittest

from pastes import COMBINED_FORMS, FILE_FORMS, PASTED_FORMS
from slerrtest import explain_json

FIXTURES = os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."), "tests", "explain",
                        "fixtures", "oslicense")

NOTIFICATION = ("notification", "license-status", "critical", "0xC004F074")
INACTIVE = ("subscription-inactive", "subscription-status", "warning", None)
# A KMS client at 0xC004F074 whose form holds no KMS host lines: the note asks for them.
MISSING_KMS = ("missing-kms-machine", "registered-kms", "note", None)
LOW_COUNT = ("host-count-below-servers", "current-count", "critical", "0xC004F038")
# fixture -> [(kind, [(row, field, severity, code)] of its findings worse than ok)]
EXPECTED = {
    "get-oslicenseinfo-list.txt": [("cim-product", [NOTIFICATION, MISSING_KMS])],
    "get-oslicenseinfo-list-star.txt": [("cim-product", [NOTIFICATION])],
    "get-oslicenseinfo-table.txt": [("oslicense-product", [NOTIFICATION])],
    "get-oslicenseinfo-json.txt": [("oslicense-product", [NOTIFICATION, MISSING_KMS])],
    "get-oslicenseinfo-all-json.txt": [("oslicense-product", []),
                                       ("oslicense-product", [NOTIFICATION, MISSING_KMS])],
    "get-kmslicenseinfo-list.txt": [("cim-service", [LOW_COUNT])],
    "get-kmslicenseinfo-json.txt": [("oslicense-service", [LOW_COUNT])],
    "get-kmslicenseinfo-list-star.txt": [("cim-service", [LOW_COUNT])],
    "get-kmslicenseinfo-table.txt": [("oslicense-service", [LOW_COUNT])],
    "get-kmslicenseinfo-array-json.txt": [("oslicense-service", []),
                                          ("oslicense-service", [LOW_COUNT])],
    "get-adlicenseinfo-list.txt": [("cim-product", [])],
    "get-adlicenseinfo-list-star.txt": [("cim-product", [])],
    "get-adlicenseinfo-table.txt": [("oslicense-product", [])],
    "get-adlicenseinfo-json.txt": [("oslicense-product", [])],
    "get-adlicenseinfo-array-json.txt": [("oslicense-product", []), ("oslicense-product", [])],
    "set-oslicenseinfo-result.txt": [("oslicense-result", [
        ("error", "error", "critical", "0xC004F074")])],
    "invoke-oslicense-result-json.txt": [("oslicense-result", [
        ("error", "error", "critical", "0xC004F074")])],
    "get-subscriptionlicenseinfo-list.txt": [("oslicense-subscription", [INACTIVE])],
    "get-subscriptionlicenseinfo-list-star.txt": [("oslicense-subscription", [])],
    "get-subscriptionlicenseinfo-table.txt": [("oslicense-subscription", [INACTIVE])],
    "get-subscriptionlicenseinfo-json.txt": [("oslicense-subscription", [INACTIVE])],
    "get-subscriptionlicenseinfo-array-json.txt": [("oslicense-subscription", []),
                                                   ("oslicense-subscription", [INACTIVE])],
}

# Get-ADLicenseInfo: every finding, ok ones too, as the activation object is an ok row.
AO = "Contoso Windows CSVLK"
ADBA = [("licensed", "ok", "1"), ("adba-activated", "ok", AO)]
EXPECTED_AD = {
    "get-adlicenseinfo-list.txt": [ADBA],
    "get-adlicenseinfo-list-star.txt": [ADBA],
    "get-adlicenseinfo-table.txt": [ADBA],
    "get-adlicenseinfo-json.txt": [ADBA],
    # the second client names no activation object (null): no row about one
    "get-adlicenseinfo-array-json.txt": [ADBA, [("licensed", "ok", "1")]],
}


def summary(records):
    return [(r["kind"], [(f["rule"], f["field"], f["severity"], f["codes"][0] if f["codes"] else None)
                         for f in r["findings"] if f["severity"] != "ok"]) for r in records]


def whole(records):
    """Every record in full but its file: title, line-independent findings and values."""
    return [(r["kind"], r["title"], [(f["rule"], f["severity"], f["value"]) for f in r["findings"]])
            for r in records]


class OSLicense(unittest.TestCase):
    def test_every_fixture_is_covered(self):
        self.assertEqual(sorted(EXPECTED), sorted(os.listdir(FIXTURES)))

    def test_fixtures_say_where_they_come_from(self):
        for name in EXPECTED:
            with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
                self.assertIn("documented on learn.microsoft.com/powershell/module/oslicense",
                              f.readline(), name)

    def test_every_form(self):
        for name, expected in EXPECTED.items():
            with open(os.path.join(FIXTURES, name), "rb") as f:
                data = f.read()
            for form, convert in {**FILE_FORMS, **PASTED_FORMS}.items():
                with self.subTest(fixture=name, form=form):
                    records, r = explain_json(convert(data))
                    self.assertEqual(summary(records), expected, r.stderr.decode())
                    self.assertEqual(r.returncode, 1 if any(f for _, f in expected) else 0)

    def test_active_subscription_is_the_ok_row_with_its_status_text(self):
        with open(os.path.join(FIXTURES, "get-subscriptionlicenseinfo-array-json.txt"), "rb") as f:
            records, _ = explain_json(f.read())
        self.assertEqual([[(x["rule"], x["severity"], x["value"]) for x in r["findings"]]
                          for r in records],
                         [[("subscription-active", "ok", "Active")],
                          [("subscription-inactive", "warning", "Inactive")]])

    def test_subscription_status_number_alone_decides(self):
        # the localized text is not judged (any language); the number is, and shown if alone
        for text, rule in ((b"SubscriptionStatus      : Aktiv\nSubscriptionStatusValue : 0\n\n",
                            "subscription-inactive"),
                           (b"SubscriptionStatusValue : 1\n\n", "subscription-active"),
                           (b"SubscriptionStatusValue : n/a\n\n", None)):
            with self.subTest(text=text):
                records, _ = explain_json(text)
                rules = [f["rule"] for r in records for f in r["findings"]]
                self.assertEqual(rules, [rule] if rule else [])
        records, _ = explain_json(b"SubscriptionStatusValue : 1\n\n")
        self.assertEqual(records[0]["findings"][0]["value"], "1")

    def test_every_form_reads_what_the_plain_file_reads(self):
        # Titles and values too: a Description cut at 80 columns once ended the Format-List
        # record before its properties, so the product lost its Name in the wrapped form.
        for name in EXPECTED:
            with open(os.path.join(FIXTURES, name), "rb") as f:
                data = f.read()
            plain, _ = explain_json(data)
            for form, convert in {**FILE_FORMS, **PASTED_FORMS, **COMBINED_FORMS}.items():
                with self.subTest(fixture=name, form=form):
                    records, r = explain_json(convert(data))
                    self.assertEqual(whole(records), whole(plain), r.stderr.decode())

    def test_get_adlicenseinfo_names_its_activation_object_in_every_form(self):
        forms = {**FILE_FORMS, **PASTED_FORMS, **COMBINED_FORMS}
        for name, expected in EXPECTED_AD.items():
            with open(os.path.join(FIXTURES, name), "rb") as f:
                data = f.read()
            for form, convert in forms.items():
                with self.subTest(fixture=name, form=form):
                    records, r = explain_json(convert(data))
                    self.assertEqual([[(x["rule"], x["severity"], x["value"]) for x in rec["findings"]]
                                      for rec in records], expected, r.stderr.decode())
        # its sentence names the object by its DN, which says where in the forest it is
        with open(os.path.join(FIXTURES, "get-adlicenseinfo-json.txt"), "rb") as f:
            records, _ = explain_json(f.read())
        self.assertIn("CN=Contoso Windows CSVLK,CN=Activation Objects,CN=Microsoft SPP,",
                      records[0]["findings"][1]["text"])

    def test_a_low_kms_count_beside_an_adba_activated_product_is_a_note(self):
        # the host's 3 is no fault where the clients activate from Active Directory: the
        # activation object's row leads, as a note, and the exit status is 0
        data = b""
        for name in ("get-kmslicenseinfo-json.txt", "get-adlicenseinfo-json.txt"):
            with open(os.path.join(FIXTURES, name), "rb") as f:
                data += f.read()
        _, r = explain_json(data)
        head = [o for o in map(json.loads, r.stdout.decode().splitlines())
                if o["kind"] == "summary"][0]
        self.assertEqual((head["worst"], head["headline"]["rule"], head["headline"]["field"]),
                         ("note", "adba-activated", "activation-object"))
        self.assertEqual(r.returncode, 0)

    def test_error_code_zero_is_success(self):
        records, r = explain_json(b"Success      : True\nErrorCode    : 0\n"
                                  b"ErrorMessage :\n\n")
        self.assertEqual(summary(records), [("oslicense-result", [])])
        self.assertEqual(r.returncode, 0)

    def test_table_of_another_command_is_not_read(self):
        records, _ = explain_json(b"Name      Id\n----      --\nsvchost  912\n\n")
        self.assertEqual(records, [])


if __name__ == "__main__":
    unittest.main()
