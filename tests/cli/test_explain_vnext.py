#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`slerr explain` on Microsoft 365 Apps' licences as `vNextDiag.ps1 -action list` prints them
and as the licence files hold them (UTF-16 JSON whose "License" is base64 of JSON; built by
vnext_licence.py) (tests/explain/fixtures/vnext, and a real output from the corpus): each
licence's state, entitlement and validity; a volume release (vNextDiag's modes, ospp.vbs's
licences) next to a subscription licence is a warning; a shared computer activation token past
its NotAfter is a warning; a broken licence is "malformed", exit 2. In every form a paste arrives in (tests/cli/pastes.py); expectations name the rows."""

import base64
import datetime
import json
import os
import unittest

import vnext_licence
from pastes import COMBINED_FORMS, FILE_FORMS, PASTED_FORMS, utf16, wrapped
from slerrtest import explain_json

ROOT = os.environ.get("SLERR_SOURCE_ROOT", ".")
FIXTURES = os.path.join(ROOT, "tests", "explain", "fixtures", "vnext")
REAL = os.path.join(ROOT, "tests", "explain", "corpus",
                    "neg-en-olicense-json-deployoffice-946.txt")

EXPECTED = {
    os.path.join(FIXTURES, "expired-subscription.txt"): [
        ("vnext-licence", "O365ProPlusRetail",
         [("vnext-not-licensed", "critical"), ("vnext-entitlement", "warning"),
          ("vnext-valid-until", "ok"), ("vnext-expires-on", "note")])],
    os.path.join(FIXTURES, "volume-and-subscription.txt"): [
        ("vnext-licence", "O365ProPlusRetail",
         [("vnext-licensed", "ok"), ("vnext-valid-until", "ok")]),
        ("vnext-modes", None, [("vnext-competes-with-volume", "warning")])],
    REAL: [("vnext-licence", "O365ProPlusRetail",
            [("vnext-licensed", "ok"), ("vnext-valid-until", "ok")])],
    os.path.join(FIXTURES, "licence-file-expired.txt"): [
        ("vnext-licence-file", "O365ProPlusRetail",
         [("vnext-not-licensed", "critical"), ("vnext-valid-until", "ok"),
          ("vnext-expires-on", "note")])],
    os.path.join(FIXTURES, "licence-file-grace.txt"): [
        ("vnext-licence-file", "O365ProPlusRetail",
         [("vnext-subscription-ended", "warning"), ("vnext-valid-until", "ok"),
          ("vnext-expires-on", "note")])],
    os.path.join(FIXTURES, "licence-file-and-ospp-volume.txt"): [
        ("ospp-dstatus", "Office 16, Office16ProPlusVL_KMS_Client edition",
         [("licensed", "ok")]),
        ("vnext-licence-file", "O365ProPlusRetail",
         [("vnext-licensed", "ok"), ("vnext-entitlement", "warning"),
          ("vnext-valid-until", "ok")]),
        ("vnext-modes", None, [("vnext-competes-with-volume", "warning")])],
    os.path.join(FIXTURES, "shared-computer-tokens.txt"): [
        ("vnext-shared-token", "alice@contoso.example", [("vnext-token-expired", "warning")]),
        ("vnext-shared-token", "bob@contoso.example", [("vnext-valid-until", "ok")])],
    os.path.join(FIXTURES, "device-licence-file.json"): [
        ("vnext-device-licence-file", "O365ProPlusRetail",
         [("vnext-licensed", "ok"), ("vnext-valid-until", "ok")])],
}
# Broken licences: nothing read from them, exit 2, and what is wrong on stderr.
MALFORMED = {
    "licence-file-bad-base64.txt": "a licence's \"License\" value is not base64: a character",
    "licence-file-bad-json.txt": "the licence decoded from \"License\" is not JSON",
}


def read_fixture(path):
    """A fixture as UTF-8 text: the forms below make the UTF-16 file from it again."""
    with open(path, "rb") as f:
        data = f.read()
    return data[2:].decode("utf-16-le").encode() if data.startswith(b"\xff\xfe") else data


def summary(records):
    return [(x["kind"], x["title"], [(f["rule"], f["severity"]) for f in x["findings"]])
            for x in records]


def values(records):
    return [[f["value"] for f in x["findings"]] for x in records]


def licence_in(**fields):
    """A licence file's text holding a licence with these fields."""
    return vnext_licence.encode(vnext_licence.licence(**fields)).encode()


def in_days(days):
    when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


class VNext(unittest.TestCase):
    def test_every_fixture_is_covered(self):
        self.assertEqual(sorted(os.listdir(FIXTURES)),
                         sorted([os.path.basename(p) for p in EXPECTED if p != REAL]
                                + list(MALFORMED)))

    def test_every_form(self):
        for path, expected in EXPECTED.items():
            data = read_fixture(path)
            plain, _ = explain_json(data)
            for form, convert in {**FILE_FORMS, **PASTED_FORMS, **COMBINED_FORMS}.items():
                with self.subTest(fixture=os.path.basename(path), form=form):
                    records, r = explain_json(convert(data))
                    self.assertEqual(summary(records), expected, r.stderr.decode())
                    self.assertEqual(values(records), values(plain))

    def test_malformed_licence_in_every_form(self):
        for name, message in MALFORMED.items():
            data = read_fixture(os.path.join(FIXTURES, name))
            for form, convert in {**FILE_FORMS, **PASTED_FORMS, **COMBINED_FORMS}.items():
                with self.subTest(fixture=name, form=form):
                    records, r = explain_json(convert(data))
                    self.assertEqual(r.returncode, 2)
                    self.assertEqual(records, [])
                    self.assertIn(message, r.stderr.decode())

    def test_fixtures_are_the_generator_s(self):
        for name, text in vnext_licence.FIXTURES.items():
            with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
                self.assertEqual(f.read(), text, name)
            self.assertTrue(text.startswith("# Built for slerr from the licence members"))
        for name, text in vnext_licence.UTF16_FIXTURES.items():
            with open(os.path.join(FIXTURES, name), "rb") as f:
                self.assertEqual(f.read(), vnext_licence.utf16(text), name)

    def test_subscription_ending_within_30_days_warns(self):
        soon, _ = explain_json(utf16(licence_in(expires=in_days(10))))
        later, _ = explain_json(utf16(licence_in(expires=in_days(60))))
        self.assertEqual(summary(soon)[0][2], [("vnext-licensed", "ok"),
                                              ("vnext-valid-until", "ok"),
                                              ("vnext-expires-soon", "warning")])
        self.assertEqual(summary(later)[0][2], [("vnext-licensed", "ok"),
                                               ("vnext-valid-until", "ok"),
                                               ("vnext-expires-on", "note")])

    def test_licence_past_its_not_after_is_rfm_whatever_its_subscription(self):
        records, r = explain_json(licence_in(expires=None, not_after=in_days(-1)))
        self.assertEqual(records[0]["findings"][0]["rule"], "vnext-not-licensed")
        self.assertEqual(records[0]["findings"][0]["value"], "RFM")
        self.assertEqual(r.returncode, 1)

    def test_product_release_ids_array(self):
        inner = vnext_licence.licence()
        del inner["ProductReleaseId"]
        inner["ProductReleaseIds"] = ["O365ProPlusRetail", "VisioProRetail"]
        records, _ = explain_json(vnext_licence.encode(inner).encode())
        self.assertEqual(records[0]["title"], "O365ProPlusRetail, VisioProRetail")

    def test_member_cut_anywhere_by_the_console(self):
        text = licence_in(expires=in_days(-400), not_after=in_days(-300))
        for width in (3, 5, 11, 64):
            with self.subTest(width=width):
                records, r = explain_json(wrapped(text, width))
                self.assertEqual([f["rule"] for f in records[0]["findings"]][:1],
                                 ["vnext-not-licensed"], r.stderr.decode())

    def test_escaped_slash_and_pretty_outer_json(self):
        for k in range(12):  # a product name whose encoding holds a '/'
            product = "O365ProPlusRetail" + "?" * k
            inner = json.dumps(vnext_licence.licence(product=product)).encode()
            value = base64.b64encode(inner).decode()
            if "/" in value:
                break
        self.assertIn("/", value)
        text = '{\n    "License":  "' + value.replace("/", "\\/") + '"\n}\n'
        records, r = explain_json(text.encode())
        self.assertEqual(records[0]["title"], product, r.stderr.decode())

    def test_other_license_members_are_not_licences(self):
        # package.json-like text, prose, JSON without licence members: not read, not broken
        other = base64.b64encode(b'{"Name":"x"}').decode()
        for text in ('{"License": "MIT"}', '{"License": "Some text here"}',
                     '{"License": "' + other + '"}', '{"License": ""}'):
            with self.subTest(text=text):
                records, r = explain_json(text.encode() + b"\n")
                self.assertEqual(records, [])
                self.assertIn("nothing recognisable", r.stderr.decode())

    def test_broken_licences_are_malformed_never_a_crash(self):
        start = base64.b64encode(b'{"LicenseType":"Subscription"').decode()
        cut = start.rstrip("=")
        while len(cut) % 4 != 1:  # one character of a quantum: no byte in it
            cut += "A"
        deep = base64.b64encode(b'{"a":' * 40 + b"1" + b"}" * 40).decode()
        huge = base64.b64encode(b'{"LicenseType":"' + b"x" * 70000 + b'"}').decode()
        cases = {
            '{"License":"' + start: "the input ends inside it",
            '{"License":"' + start + '"}': "is not JSON",
            '{"License":"' + deep + '"}': "nested too deeply",
            '{"License":"' + huge + '"}': "longer than a licence can be",
            '{"License":"' + cut + '"}': "cut short",
            '{"License":"' + start[:8] + "\\n" + start[8:] + '"}': "an escape other than",
        }
        for text, message in cases.items():
            with self.subTest(text=text[:40], message=message):
                records, r = explain_json(text.encode() + b"\n")
                self.assertEqual(r.returncode, 2)
                self.assertIn(message, r.stderr.decode())

    def test_vnextdiag_listing_subscription_ending_within_30_days_warns(self):
        def listing(expires):
            return ("========== vNext licenses found ==========\n{\n"
                    '    "Product":  "O365ProPlusRetail",\n    "LicenseState":  "Licensed",\n'
                    f'    "EntitlementExpiration":  "{expires}"\n}}\n').encode()
        soon, _ = explain_json(listing(in_days(5)))
        later, _ = explain_json(listing(in_days(45)))
        self.assertEqual(summary(soon)[0][2], [("vnext-licensed", "ok"),
                                              ("vnext-expires-soon", "warning")])
        self.assertEqual(summary(later)[0][2], [("vnext-licensed", "ok"),
                                               ("vnext-expires-on", "note")])

    def test_vnextdiag_grace_and_entitlement_expiration(self):
        # the script's newer versions call ExpiresOn EntitlementExpiration, and print Grace
        text = (b"========== vNext licenses found ==========\n{\n"
                b'    "Type":  "User|Subscription",\n    "Product":  "O365ProPlusRetail",\n'
                b'    "LicenseState":  "Grace",\n    "EntitlementStatus":  "Provisioned",\n'
                b'    "EntitlementExpiration":  "2026-10-31T00:00:00Z"\n}\n')
        records, _ = explain_json(text)
        self.assertEqual(summary(records), [("vnext-licence", "O365ProPlusRetail",
                                             [("vnext-subscription-ended", "warning"),
                                              ("vnext-expires-on", "note")])])

    def test_values_as_read(self):
        with open(os.path.join(FIXTURES, "expired-subscription.txt"), "rb") as f:
            records, _ = explain_json(f.read())
        values = {f["rule"]: f["value"] for f in records[0]["findings"]}
        self.assertEqual(values["vnext-not-licensed"], "RFM")
        self.assertEqual(values["vnext-expires-on"], "2026-10-31T00:00:00Z")

    def test_a_json_object_outside_its_sections_is_not_a_licence(self):
        records, _ = explain_json(b'{\n    "LicenseState":  "Expired"\n}\n')
        self.assertEqual([r["kind"] for r in records if r["kind"].startswith("vnext")], [])


if __name__ == "__main__":
    unittest.main()
