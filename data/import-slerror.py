#!/usr/bin/env python3
"""Compares the catalog with a Windows SDK slerror.h: every HRESULT the header defines must be in
the catalog with the same symbol and, word for word, the same MessageText.

Usage: import-slerror.py SLERROR_H CATALOG_FILE...
Prints one line per disagreement and, for each code the catalog lacks, a ready stanza to paste
into the file of its range. Exit status 1 when anything disagrees or is missing.
(Public copies of slerror.h: microsoft/win32metadata, generation/WinSDK/RecompiledIdlHeaders.)
"""

import re
import sys

DEFINE_RE = re.compile(r"^#define\s+([A-Za-z_][A-Za-z0-9_]*)\s+\(\(HRESULT\)\s*(0x[0-9A-Fa-f]+)L?\)")
WIDTH = 90


def parse_header(path):
    """(code, symbol, message) for every HRESULT with a MessageText block, in header order."""
    entries, text, in_text = [], [], False
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip()
            if re.match(r"^//\s*MessageId:", line):
                text, in_text = [], False
            elif re.match(r"^//\s*MessageText:\s*$", line):
                text, in_text = [], True
            elif in_text and line.startswith("//"):
                body = line[2:]
                text.append(body[1:] if body.startswith(" ") else body)
            else:
                match = DEFINE_RE.match(line)
                if match and in_text:
                    message = " ".join(t.rstrip() for t in text if t.strip())
                    entries.append((int(match.group(2), 16), match.group(1), message))
                in_text = in_text and line.startswith("//")
    return entries


def read_catalog(paths):
    """code -> (symbol, message) from catalog stanzas, continuation lines joined as the generator does."""
    codes, current, last = {}, None, None
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.rstrip("\r\n")
                if not line.strip():
                    current, last = None, None
                elif line.startswith("#"):
                    continue
                elif line[0] in " \t" and current is not None and last:
                    current[last] = (current.get(last, "") + " " + line.strip()).strip()
                elif ":" in line:
                    name, value = line.split(":", 1)
                    if current is None:
                        current = {}
                    current[name] = value.strip()
                    last = name
                    if name == "code":
                        codes[int(value, 16)] = current
    return codes


def wrap(label, text, width=WIDTH):
    """Folds a field over lines, breaking only where one space separates words so that the
    generator's rejoining gives the text back exactly (the SDK has some double spaces)."""
    words = re.split(r"(?<=\S) (?=\S)", text)
    lines, line = [], f"{label}: "
    for word in words:
        if len(line) + len(word) > width and line.strip() != f"{label}:":
            lines.append(line.rstrip(" "))
            line = "  "
        line += word + " "
    lines.append(line.rstrip(" "))
    return "\n".join(lines)


def stanza(code, symbol, message):
    return f"code: 0x{code:08X}\nsymbol: {symbol}\n{wrap('message', message)}\n"


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: import-slerror.py SLERROR_H CATALOG_FILE...\n")
        return 2
    header, catalog = parse_header(argv[1]), read_catalog(argv[2:])
    problems = 0
    for code, symbol, message in header:
        have = catalog.get(code)
        if have is None:
            print(stanza(code, symbol, message))
            problems += 1
            continue
        if have.get("symbol") != symbol:
            print(f"# 0x{code:08X}: catalog symbol {have.get('symbol')}, header {symbol}")
            problems += 1
        if have.get("message") != message:
            print(f"# 0x{code:08X}: catalog message differs from the header's:\n#   {message}")
            problems += 1
    print(f"# {len(header)} codes in the header, {problems} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
