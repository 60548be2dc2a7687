#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Imports every code that has a MessageText from the Windows SDK error headers into data/catalog/imported/.

Usage: import-sdk.py SDK_DIR [--check]

SDK_DIR holds winerror.h, ntstatus.h, slerror.h, wuerror.h and WbemCli.h of the Windows SDK
10.0.26100, as published (with their MessageText comments) in the win32metadata repository:
github.com/microsoft/win32metadata, commit d0f363037c6987790b3548b7f82f382034d86bf2,
generation/WinSDK/RecompiledIdlHeaders. The WMI codes take their names and values from
WbemCli.h and their texts from data/sources/wmi-messages.txt (Microsoft's WMI error constants
page), since WbemCli.h carries no texts.

Writes one file per source (`0xCODE<TAB>reading<TAB>SYMBOL<TAB>message`, in header order),
facilities.txt (FACILITY_ numbers and names of winerror.h) and MANIFEST (count and SHA-256 of
each file's data lines), which gen-catalog.py and the test suite check the catalog against.
With --check nothing is written: the committed files are compared with what the headers give
now, and any difference is reported (exit status 1).

Only facts are taken: values, symbols and the official message texts, verbatim (a text that
spans several comment lines is joined with single spaces).
"""

import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "catalog", "imported")
WMI_TEXTS = os.path.join(HERE, "sources", "wmi-messages.txt")
ORIGIN = ("Windows SDK 10.0.26100 headers, github.com/microsoft/win32metadata "
          "commit d0f363037c6987790b3548b7f82f382034d86bf2")
WIN32_LIMIT = 0x10000
# (output file, header, reading of a typed value)
SOURCES = (("winerror.txt", "winerror.h", "hresult"),
           ("ntstatus.txt", "ntstatus.h", "ntstatus"),
           ("slerror.txt", "slerror.h", "hresult"),
           ("wuerror.txt", "wuerror.h", "hresult"))
VALUE_RE = re.compile(r"(0[xX][0-9A-Fa-f]+|[0-9]+)[lLuU]*")
NO_NAME_RE = re.compile(r"^(0[xX][0-9A-Fa-f]+)[lL]? \(No symbolic name defined\)$")


def comment_text(line):
    """The text of a `//` comment line, or None for a line that is not one."""
    if not line.startswith("//"):
        return None
    return line[3:] if line.startswith("// ") else line[2:]


def define_value(rest):
    """The number a #define gives (first literal after its name), and whether it was typed as an
    HRESULT/NTSTATUS (a cast or typedef macro) rather than a plain Win32 number."""
    body = rest.split("//")[0]
    match = VALUE_RE.search(body)
    if not match:
        return None, False
    return int(match.group(1), 0), "(" in body


def read_message_blocks(path):
    """Yields (symbol or None, value, typed, text) for each MessageId block with a MessageText."""
    with open(path, encoding="utf-8", errors="strict") as f:
        lines = [l.rstrip("\r\n") for l in f]
    i = 0
    while i < len(lines):
        text = comment_text(lines[i])
        if text is None or not text.startswith("MessageId: "):
            i += 1
            continue
        message_id = text[len("MessageId: "):].strip()
        i += 1
        while i < len(lines) and comment_text(lines[i]) is not None and comment_text(lines[i]).strip() == "":
            i += 1
        if i >= len(lines) or comment_text(lines[i]) is None or comment_text(lines[i]).strip() != "MessageText:":
            continue  # a block that only says a code was removed
        i += 1
        words = []
        while i < len(lines) and comment_text(lines[i]) is not None:
            part = comment_text(lines[i]).strip()
            if part.startswith("MessageId: "):
                break
            if part:
                words.append(part)
            i += 1
        message = " ".join(words)
        no_name = NO_NAME_RE.match(message_id)
        if no_name:
            yield None, int(no_name.group(1), 16), True, message
            continue
        if i < len(lines) and lines[i].startswith("#define "):
            parts = lines[i].split(None, 2)
            if len(parts) == 3 and parts[1] == message_id:
                value, typed = define_value(parts[2])
                if value is not None and message:
                    yield message_id, value, typed, message


def import_header(path, reading):
    """Rows (code, reading, symbol, message) of one header; a symbol defined twice (winerror.h's
    16-bit branch) keeps its first, Win32 definition."""
    rows, seen = [], set()
    for symbol, value, typed, message in read_message_blocks(path):
        if symbol and symbol in seen:
            continue
        seen.add(symbol)
        kind = reading
        if reading == "hresult" and not typed and value < WIN32_LIMIT:
            kind = "win32"
            value = value if value == 0 else 0x80070000 | value
        rows.append((value & 0xFFFFFFFF, kind, symbol or "", message))
    return rows


def import_wmi(sdk_dir):
    """WBEM codes: name and value from WbemCli.h's WBEMSTATUS, text from Microsoft's page."""
    texts = {}
    with open(WMI_TEXTS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, _, text = line.rstrip("\n").partition("\t")
            texts[name] = text
    rows, seen = [], set()
    pattern = re.compile(r"^\s*(WBEM(?:ESS|MOF)?_E_[A-Z0-9_]+)\s*=\s*(0x[0-9A-Fa-f]+|[0-9]+)")
    with open(os.path.join(sdk_dir, "WbemCli.h"), encoding="utf-8") as f:
        for line in f:
            match = pattern.match(line)
            if match and match.group(1) in texts and match.group(1) not in seen:
                seen.add(match.group(1))
                rows.append((int(match.group(2), 0), "wmi", match.group(1), texts[match.group(1)]))
    # The page also lists a few codes WbemCli.h does not define (transaction codes): without a
    # value from the header they are left out.
    return rows


def import_facilities(sdk_dir):
    """FACILITY_ numbers of winerror.h; where two names share a number the later one is kept."""
    names = {}
    pattern = re.compile(r"^#define FACILITY_([A-Z0-9_]+)\s+([0-9]+)\s*$")
    with open(os.path.join(sdk_dir, "winerror.h"), encoding="utf-8") as f:
        for line in f:
            match = pattern.match(line.rstrip())
            if match:
                names[int(match.group(2))] = match.group(1)
    return [f"{number}\t{names[number]}" for number in sorted(names)]


def data_lines(rows):
    for code, kind, symbol, message in rows:
        if "\t" in message or "\n" in message:
            raise SystemExit(f"import-sdk: 0x{code:08X} has a tab or line break in its text")
        yield f"0x{code:08X}\t{kind}\t{symbol}\t{message}"


def render(name, header, lines):
    head = [f"# {name}: generated by data/import-sdk.py from {header} of the {ORIGIN}.",
            "# Do not edit: rerun the script. Fields: code, reading, symbol (may be empty), official text."]
    return "\n".join(head + list(lines)) + "\n"


def digest(lines):
    return hashlib.sha256("".join(l + "\n" for l in lines).encode("utf-8")).hexdigest()


def build(sdk_dir):
    """Every output file's name and text, MANIFEST last."""
    outputs, manifest = [], []
    for name, header, reading in SOURCES:
        lines = list(data_lines(import_header(os.path.join(sdk_dir, header), reading)))
        outputs.append((name, render(name, header, lines)))
        manifest.append(f"{name}\t{header}\t{len(lines)}\t{digest(lines)}")
    lines = list(data_lines(import_wmi(sdk_dir)))
    outputs.append(("wmi.txt", render("wmi.txt", "WbemCli.h and data/sources/wmi-messages.txt", lines)))
    manifest.append(f"wmi.txt\tWbemCli.h\t{len(lines)}\t{digest(lines)}")
    facilities = import_facilities(sdk_dir)
    outputs.append(("facilities.txt", render("facilities.txt", "winerror.h", facilities)
                    .replace("Fields: code, reading, symbol (may be empty), official text.",
                             "Fields: FACILITY_ number, name.")))
    manifest.append(f"facilities.txt\twinerror.h\t{len(facilities)}\t{digest(facilities)}")
    outputs.append(("MANIFEST", "# file, header, entries, SHA-256 of the data lines; written by data/import-sdk.py\n"
                    + "\n".join(manifest) + "\n"))
    return outputs


def main(argv):
    if len(argv) not in (2, 3) or (len(argv) == 3 and argv[2] != "--check"):
        sys.stderr.write("usage: import-sdk.py SDK_DIR [--check]\n")
        return 2
    outputs = build(argv[1])
    if len(argv) == 3:
        stale = []
        for name, text in outputs:
            try:
                with open(os.path.join(OUT_DIR, name), encoding="utf-8") as f:
                    if f.read() != text:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        for name in stale:
            sys.stderr.write(f"import-sdk: data/catalog/imported/{name} differs from the headers\n")
        if not stale:
            print(f"import-sdk: {len(outputs)} files agree with the headers")
        return 1 if stale else 0
    os.makedirs(OUT_DIR, exist_ok=True)
    for name, text in outputs:
        with open(os.path.join(OUT_DIR, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(open(os.path.join(OUT_DIR, "MANIFEST"), encoding="utf-8").read(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
