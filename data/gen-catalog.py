#!/usr/bin/env python3
"""Validates the catalog sources under data/ and writes the C tables and gperf inputs built from them.

Usage: gen-catalog.py OUTDIR WIN32_NAMES CATALOG_FILE...
Writes OUTDIR/catalog-entries.c, OUTDIR/code-index.gperf and OUTDIR/symbol-index.gperf.
Every problem is reported as `file:line: reason` and makes the run fail, so a bad entry
can never reach a build.
"""

import os
import re
import sys

FIELDS = ("code", "symbol", "applies", "message", "cause", "remedy", "see")
REQUIRED = ("code", "message")
APPLIES = {
    "kms-client": "SLERR_KMS_CLIENT",
    "kms-host": "SLERR_KMS_HOST",
    "mak": "SLERR_MAK",
    "retail": "SLERR_RETAIL",
    "oem": "SLERR_OEM",
}
CODE_RE = re.compile(r"^0[xX][0-9A-Fa-f]{8}$")
SYMBOL_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
FIELD_RE = re.compile(r"^([A-Za-z_-]+):(.*)$")


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, reason):
        self.items.append(f"{where[0]}:{where[1]}: {reason}")


class Stanza:
    def __init__(self, path, line):
        self.where = (path, line)
        self.fields = {}  # name -> (value, line)

    def get(self, name):
        item = self.fields.get(name)
        return item[0] if item else None

    def line_of(self, name):
        item = self.fields.get(name)
        return (self.where[0], item[1]) if item else self.where


def read_stanzas(path, problems):
    """Splits one source file into stanzas; continuation lines are joined with single spaces."""
    stanzas, current, last = [], None, None
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                current, last = None, None
                continue
            if line.startswith("#"):
                continue
            if line[0] in " \t":
                if last is None:
                    problems.add((path, number), "continuation line without a field before it")
                    continue
                value, first = current.fields[last]
                current.fields[last] = ((value + " " + line.strip()).strip(), first)
                continue
            match = FIELD_RE.match(line)
            if not match:
                problems.add((path, number), f"expected 'field: value', got {line[:40]!r}")
                continue
            name, value = match.group(1), match.group(2).strip()
            if current is None:
                current = Stanza(path, number)
                stanzas.append(current)
            if name not in FIELDS:
                problems.add((path, number), f"unknown field '{name}' (known: {', '.join(FIELDS)})")
                last = None
                continue
            if name in current.fields:
                problems.add((path, number), f"field '{name}' given twice in one entry")
                continue
            current.fields[name] = (value, number)
            last = name
    return stanzas


def check_prefix(symbol, code):
    """SL_E_ (and any FOO_E_) names a failure, so bit 31 must be set; SL_I_/SL_S_ must not have it."""
    failure = bool(code & 0x80000000)
    if re.match(r"^[A-Z0-9]+_E_", symbol) and not failure:
        return f"symbol {symbol} names an error but 0x{code:08X} has the severity bit clear (expected 0x8... or 0xC...)"
    if re.match(r"^SL_[IS]_", symbol) and failure:
        return f"symbol {symbol} names a success or information code but 0x{code:08X} has the severity bit set (expected 0x0... or 0x4...)"
    return None


def validate(stanzas, problems):
    """Checks every rule; returns the entries as dicts, sorted by code."""
    entries, by_code, by_symbol = [], {}, {}
    for s in stanzas:
        missing = [name for name in REQUIRED if not s.get(name)]
        for name in missing:
            problems.add(s.where, f"entry has no '{name}'")
        if "code" in missing:
            continue
        text = s.get("code")
        if not CODE_RE.match(text):
            problems.add(s.line_of("code"), f"malformed code '{text}' (expected 0x and 8 hex digits)")
            continue
        code = int(text, 16)
        if code in by_code:
            first = by_code[code]["where"]
            problems.add(s.line_of("code"), f"duplicate code 0x{code:08X} (first at {first[0]}:{first[1]})")
            continue
        entry = {"code": code, "where": s.line_of("code"), "stanza": s}
        symbol = s.get("symbol")
        if symbol is not None:
            if not SYMBOL_RE.match(symbol):
                problems.add(s.line_of("symbol"), f"malformed symbol '{symbol}' (upper case, digits and _)")
            elif symbol.upper() in by_symbol:
                first = by_symbol[symbol.upper()]["stanza"].line_of("symbol")
                problems.add(s.line_of("symbol"), f"duplicate symbol {symbol} (first at {first[0]}:{first[1]})")
            else:
                reason = check_prefix(symbol, code)
                if reason:
                    problems.add(s.line_of("symbol"), reason)
                by_symbol[symbol.upper()] = entry
        entry["symbol"] = symbol
        flags = []
        for word in (s.get("applies") or "").replace(",", " ").split():
            if word not in APPLIES:
                problems.add(s.line_of("applies"), f"unknown activation type '{word}' (known: {', '.join(APPLIES)})")
            elif APPLIES[word] not in flags:
                flags.append(APPLIES[word])
        entry["applies"] = flags
        for name in ("message", "cause", "remedy"):
            entry[name] = s.get(name)
        by_code[code] = entry
        entries.append(entry)
    for entry in entries:
        entry["see"] = resolve_see(entry, by_code, problems)
    entries.sort(key=lambda e: e["code"])
    return entries


def resolve_see(entry, by_code, problems):
    s = entry["stanza"]
    codes = []
    for word in (s.get("see") or "").replace(",", " ").split():
        if not CODE_RE.match(word):
            problems.add(s.line_of("see"), f"malformed code '{word}' in see (expected 0x and 8 hex digits)")
            continue
        target = int(word, 16)
        if target not in by_code:
            problems.add(s.line_of("see"), f"see: 0x{target:08X} is not in the catalog")
        elif target == entry["code"]:
            problems.add(s.line_of("see"), "see: an entry cannot point at itself")
        elif target not in codes:
            codes.append(target)
    return codes


def read_win32_names(path, problems):
    names = {}
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            if len(parts) != 2 or not parts[0].isdigit() or not SYMBOL_RE.match(parts[1]):
                problems.add((path, number), "expected 'DECIMAL NAME'")
                continue
            value = int(parts[0])
            if value > 0xFFFF:
                problems.add((path, number), f"{value} is not a Win32 error code (above 65535)")
            elif value in names:
                problems.add((path, number), f"duplicate Win32 code {value}")
            else:
                names[value] = parts[1]
    return names


def c_string(text):
    if text is None:
        return "NULL"
    out = []
    for byte in text.encode("utf-8"):
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= byte < 127 and ch != "?":
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def write_entries_c(path, entries, win32_names):
    lines = ["/* Generated by data/gen-catalog.py from data/catalog; do not edit. */",
             '#include "catalog-index.h"', ""]
    for i, e in enumerate(entries):
        if e["see"]:
            codes = ", ".join(f"0x{c:08X}u" for c in e["see"])
            lines.append(f"static const uint32_t see_{i}[] = {{ {codes} }};")
    lines += ["", "const struct slerr_entry catalog_entries[] = {"]
    for i, e in enumerate(entries):
        applies = " | ".join(e["applies"]) or "0"
        see = f"see_{i}, {len(e['see'])}" if e["see"] else "NULL, 0"
        lines.append(f"    {{ 0x{e['code']:08X}u, {c_string(e['symbol'])}, {c_string(e['message'])},")
        lines.append(f"      {c_string(e['cause'])},")
        lines.append(f"      {c_string(e['remedy'])},")
        lines.append(f"      {applies}, SLERR_KIND_CODE, {see} }},")
    lines += ["};", f"const size_t catalog_entry_count = {len(entries)};", ""]
    lines.append("const struct win32_name catalog_win32_names[] = {")
    for value in sorted(win32_names):
        lines.append(f"    {{ {value}u, {c_string(win32_names[value])} }},")
    lines += ["};", f"const size_t catalog_win32_name_count = {len(win32_names)};", ""]
    write_if_changed(path, "\n".join(lines))


def gperf_header(prefix, ignore_case):
    options = ["%language=ANSI-C", "%struct-type", "%omit-struct-type", "%readonly-tables",
               "%compare-lengths", "%define initializer-suffix ,0",
               f"%define hash-function-name {prefix}_hash",
               f"%define lookup-function-name {prefix}_find",
               f"%define word-array-name {prefix}_words"]
    if ignore_case:
        options.append("%ignore-case")
    return ["%{", "/* Generated by data/gen-catalog.py; do not edit. */",
            '#include <string.h>', '#include "catalog-index.h"', "%}", *options, "struct index_slot { const char *name; uint16_t index; };", "%%"]


def write_gperf(path, prefix, keys, ignore_case):
    lines = gperf_header(prefix, ignore_case)
    lines += [f"{key}, {index}" for key, index in keys]
    lines.append("%%")
    write_if_changed(path, "\n".join(lines) + "\n")


def write_if_changed(path, text):
    """Leaves an unchanged output untouched so that ninja does not rebuild what depends on it."""
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv):
    if len(argv) < 4:
        sys.stderr.write("usage: gen-catalog.py OUTDIR WIN32_NAMES CATALOG_FILE...\n")
        return 2
    outdir, names_path, sources = argv[1], argv[2], argv[3:]
    problems = Problems()
    stanzas = []
    for path in sources:
        stanzas += read_stanzas(path, problems)
    entries = validate(stanzas, problems)
    win32_names = read_win32_names(names_path, problems)
    if problems.items:
        sys.stderr.write("\n".join(problems.items) + "\n")
        sys.stderr.write(f"gen-catalog: {len(problems.items)} problem(s); catalog not generated\n")
        return 1
    if len(entries) > 0xFFFF:
        sys.stderr.write("gen-catalog: more than 65535 entries do not fit the index\n")
        return 1
    write_entries_c(os.path.join(outdir, "catalog-entries.c"), entries, win32_names)
    write_gperf(os.path.join(outdir, "code-index.gperf"), "code_index",
                [(f"{e['code']:08X}", i) for i, e in enumerate(entries)], False)
    write_gperf(os.path.join(outdir, "symbol-index.gperf"), "symbol_index",
                [(e["symbol"], i) for i, e in enumerate(entries) if e["symbol"]], True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
