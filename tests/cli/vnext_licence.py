# SPDX-License-Identifier: MIT
"""Microsoft 365 Apps licence files as Office writes them under
%LOCALAPPDATA%\\Microsoft\\Office\\Licenses\\: UTF-16LE JSON whose "License" member is base64 of
the licence's own JSON. No real licence file is public (they carry the user's and tenant's
ids); these are built from the member names Microsoft's vNextDiag.ps1 reads from the decoded
licence (LicenseType, ProductReleaseId, Acid, Status, ExpiresOn, ReasonCode, LicenseId, and
Metadata's UserId, TenantId, NotBefore, NotAfter, RenewAfter, DeviceId).

`python3 tests/cli/vnext_licence.py` rewrites the licence fixtures of
tests/explain/fixtures/vnext from the definitions below."""

import base64
import json
import os

NOTE = ("# Built for slerr from the licence members Microsoft's vNextDiag.ps1 reads (no real "
        "licence file is public); ids are zeros.\n")
ZERO = "00000000-0000-0000-0000-000000000000"


def licence(product="O365ProPlusRetail", kind="Subscription", status="Provisioned",
            expires=None, not_before="2026-08-02T07:16:15Z", not_after="2099-11-01T07:16:15Z",
            device=False):
    """The decoded licence, as a dict."""
    metadata = {"UserId": ZERO, "TenantId": ZERO, "NotBefore": not_before,
                "NotAfter": not_after, "RenewAfter": not_before}
    if device:
        metadata["DeviceId"] = ZERO
    return {"LicenseId": ZERO, "LicenseType": kind, "ProductReleaseId": product, "Acid": ZERO,
            "Status": status, "ExpiresOn": expires, "ReasonCode": None, "Metadata": metadata}


def encode(inner, raw=None):
    """The outer JSON text (one line, as Office writes it) holding `inner` in base64, or the
    `raw` text given instead of the base64."""
    value = raw if raw is not None else base64.b64encode(
        json.dumps(inner, separators=(",", ":")).encode()).decode()
    return '{"License":"' + value + '"}\n'


def utf16(text):
    """The file's bytes: UTF-16LE with a byte-order mark."""
    return b"\xff\xfe" + text.encode("utf-16-le")


FIXTURES = {
    # past its own validity: vNextDiag would say RFM
    "licence-file-expired.txt": NOTE + encode(licence(
        expires="2023-10-31T00:00:00Z", not_before="2023-08-02T07:16:15Z",
        not_after="2023-11-01T07:16:15Z")),
    # the subscription ended, the licence still runs (until 2099, so that the fixture stays)
    "licence-file-grace.txt": NOTE + encode(licence(
        expires="2024-10-31T00:00:00Z", status="Provisioned")),
    # a volume-licensed Office 2016 (ospp.vbs /dstatus) and a user's subscription licence file
    "licence-file-and-ospp-volume.txt": NOTE + (
        "C:\\Program Files\\Microsoft Office\\Office16>cscript ospp.vbs /dstatus\n"
        "---Processing--------------------------\n"
        "---------------------------------------\n"
        "SKU ID: d450596f-894d-49e0-966a-fd39ed4c4c64\n"
        "LICENSE NAME: Office 16, Office16ProPlusVL_KMS_Client edition\n"
        "LICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel\n"
        "LICENSE STATUS:  ---LICENSED---\n"
        "REMAINING GRACE: 178 days  (256320 minute(s) before expiring)\n"
        "Last 5 characters of installed product key: WFG99\n"
        "---------------------------------------\n"
        "---Exiting-----------------------------\n\n"
        "C:\\>type %LOCALAPPDATA%\\Microsoft\\Office\\Licenses\\5\\licence.json\n"
        + encode(licence(status="NotProvisioned"))),
    "licence-file-bad-base64.txt": NOTE + encode(None, raw="eyJMaWNlbnNlVHlwZSI6I!!!"),
    "licence-file-bad-json.txt": NOTE + encode(None, raw=base64.b64encode(
        b'{"LicenseType":"Subscription","Metadata":{"NotAfter":').decode()),
}
# The file exactly as Office writes it (UTF-16LE, BOM), a device licence from %PROGRAMDATA%.
UTF16_FIXTURES = {
    "device-licence-file.json": encode(licence(product="O365ProPlusRetail", device=True,
                                               kind="Subscription")),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "explain", "fixtures", "vnext")
    for name, text in FIXTURES.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    for name, text in UTF16_FIXTURES.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(utf16(text))


if __name__ == "__main__":
    main()
