#!/usr/bin/env python3
"""Validates the catalog sources under data/ and writes the C tables and gperf inputs built from them.

Usage: gen-catalog.py OUTDIR WIN32_NAMES CATALOG_FILE...
Writes OUTDIR/catalog-entries.c, OUTDIR/code-index.gperf and OUTDIR/symbol-index.gperf.
Every problem is reported as `file:line: reason` and makes the run fail, so a bad entry
can never reach a build.

A stanza's first field says what it describes: `code:` (an HRESULT), `event:` (an event ID),
`symptom:` (a problem without a code) or `setting:` (a registry value).
"""

import os
import re
import sys

KINDS = {
    "code": {
        "enum": "SLERR_KIND_CODE",
        "fields": ("code", "symbol", "also", "applies", "message", "cause", "remedy", "see"),
        "required": ("code", "message"),
    },
    "event": {
        "enum": "SLERR_KIND_EVENT",
        "fields": ("event", "title", "applies", "log", "message", "fields", "cause", "remedy", "see"),
        "required": ("event", "title", "log", "message"),
    },
    "symptom": {
        "enum": "SLERR_KIND_SYMPTOM",
        "fields": ("symptom", "title", "applies", "message", "cause", "remedy", "see"),
        "required": ("symptom", "title", "message", "remedy"),
    },
    "setting": {
        "enum": "SLERR_KIND_SETTING",
        "fields": ("setting", "title", "applies", "key", "type", "default", "message", "remedy", "see"),
        "required": ("setting", "title", "key", "type", "default", "message"),
    },
}
ALL_FIELDS = sorted({f for kind in KINDS.values() for f in kind["fields"]})
APPLIES = {
    "kms-client": "SLERR_KMS_CLIENT",
    "kms-host": "SLERR_KMS_HOST",
    "mak": "SLERR_MAK",
    "retail": "SLERR_RETAIL",
    "oem": "SLERR_OEM",
}
REGISTRY_TYPES = ("REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD", "REG_QWORD", "REG_BINARY")
# slerror.h itself names this informational code SL_E_: the one exception to the prefix rule.
SDK_PREFIX_EXCEPTIONS = {"SL_E_VL_INFO_PRODUCT_USER_RIGHT"}
CODE_RE = re.compile(r"^0[xX][0-9A-Fa-f]{8}$")
SYMBOL_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
FIELD_RE = re.compile(r"^([A-Za-z_-]+):(.*)$")
KEY_RES = {
    "event": (re.compile(r"^[1-9][0-9]{0,4}$"), "a decimal event ID from 1 to 65535"),
    "symptom": (re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"), "lower-case words joined by '-'"),
    "setting": (re.compile(r"^[A-Za-z][A-Za-z0-9]*$"), "a registry value name of letters and digits"),
}


class Problems:
    def __init__(self):
        self.items = []

    def add(self, where, reason):
        self.items.append(f"{where[0]}:{where[1]}: {reason}")


class Stanza:
    def __init__(self, path, line, kind):
        self.where = (path, line)
        self.kind = kind
        self.fields = {}  # name -> (value, line)

    def get(self, name):
        item = self.fields.get(name)
        return item[0] if item else None

    def line_of(self, name):
        item = self.fields.get(name)
        return (self.where[0], item[1]) if item else self.where


def start_stanza(path, number, name, problems):
    """A new stanza: its first field names its kind; None (reported) when it names none."""
    if name in KINDS:
        return Stanza(path, number, name)
    problems.add((path, number), f"an entry starts with one of {', '.join(k + ':' for k in KINDS)} (got '{name}:')")
    return Stanza(path, number, None)


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
                current = start_stanza(path, number, name, problems)
                stanzas.append(current)
            last = add_field(current, name, value, (path, number), problems)
    return [s for s in stanzas if s.kind]


def add_field(stanza, name, value, where, problems):
    """Records one field; returns its name, or None when it was refused (so no continuation joins it)."""
    if stanza.kind is None:
        return None
    known = KINDS[stanza.kind]["fields"]
    if name not in known:
        if name in ALL_FIELDS:
            article = "an" if stanza.kind[0] in "aeiou" else "a"
            problems.add(where, f"field '{name}' does not belong in {article} {stanza.kind} entry (known: {', '.join(known)})")
        else:
            problems.add(where, f"unknown field '{name}' (known: {', '.join(known)})")
        return None
    if name in stanza.fields:
        problems.add(where, f"field '{name}' given twice in one entry")
        return None
    stanza.fields[name] = (value, where[1])
    return name


def check_prefix(symbol, code):
    """SL_E_ (and any FOO_E_) names a failure, so bit 31 must be set; SL_I_/SL_S_ must not have it."""
    failure = bool(code & 0x80000000)
    if symbol in SDK_PREFIX_EXCEPTIONS:
        return None
    if re.match(r"^[A-Z0-9]+_E_", symbol) and not failure:
        return f"symbol {symbol} names an error but 0x{code:08X} has the severity bit clear (expected 0x8... or 0xC...)"
    if re.match(r"^SL_[IS]_", symbol) and failure:
        return f"symbol {symbol} names a success or information code but 0x{code:08X} has the severity bit set (expected 0x0... or 0x4...)"
    return None


def parse_applies(s, problems):
    flags = []
    for word in (s.get("applies") or "").replace(",", " ").split():
        if word not in APPLIES:
            problems.add(s.line_of("applies"), f"unknown activation type '{word}' (known: {', '.join(APPLIES)})")
        elif APPLIES[word] not in flags:
            flags.append(APPLIES[word])
    return flags


class Catalog:
    """Every entry, with the indexes that validation needs: codes and aliases, symbols, names by kind."""

    def __init__(self):
        self.entries = {kind: [] for kind in KINDS}
        self.by_code = {}    # code or alias -> entry
        self.by_symbol = {}  # upper-case symbol -> entry
        self.by_name = {kind: {} for kind in KINDS if kind != "code"}  # kind -> folded name -> entry


def base_entry(s, problems):
    entry = {"kind": s.kind, "stanza": s, "code": 0, "symbol": None, "name": None, "aliases": []}
    entry["applies"] = parse_applies(s, problems)
    for field, key in (("message", "message"), ("cause", "cause"), ("remedy", "remedy"),
                       ("title", "title"), ("fields", "details"), ("type", "value_type"),
                       ("default", "default_value")):
        entry[key] = s.get(field)
    entry["location"] = s.get("log") or s.get("key")
    return entry


def add_code(s, catalog, problems):
    text = s.get("code")
    if not CODE_RE.match(text):
        problems.add(s.line_of("code"), f"malformed code '{text}' (expected 0x and 8 hex digits)")
        return None
    code = int(text, 16)
    if code in catalog.by_code:
        first = catalog.by_code[code]["stanza"].line_of("code")
        problems.add(s.line_of("code"), f"duplicate code 0x{code:08X} (first at {first[0]}:{first[1]})")
        return None
    entry = base_entry(s, problems)
    entry["code"] = code
    catalog.by_code[code] = entry
    symbol = s.get("symbol")
    if symbol is not None:
        if not SYMBOL_RE.match(symbol):
            problems.add(s.line_of("symbol"), f"malformed symbol '{symbol}' (upper case, digits and _)")
        elif symbol.upper() in catalog.by_symbol:
            first = catalog.by_symbol[symbol.upper()]["stanza"].line_of("symbol")
            problems.add(s.line_of("symbol"), f"duplicate symbol {symbol} (first at {first[0]}:{first[1]})")
        else:
            reason = check_prefix(symbol, code)
            if reason:
                problems.add(s.line_of("symbol"), reason)
            catalog.by_symbol[symbol.upper()] = entry
    entry["symbol"] = symbol
    return entry


def add_aliases(entry, catalog, problems):
    """`also:` gives the symbol's value in other SDK versions; lookups of either find the entry."""
    s = entry["stanza"]
    for word in (s.get("also") or "").replace(",", " ").split():
        if not CODE_RE.match(word):
            problems.add(s.line_of("also"), f"malformed code '{word}' in also (expected 0x and 8 hex digits)")
            continue
        value = int(word, 16)
        if value in catalog.by_code:
            problems.add(s.line_of("also"), f"also: 0x{value:08X} is already a code of the catalog")
            continue
        catalog.by_code[value] = entry
        entry["aliases"].append(value)


def add_named(s, catalog, problems):
    """An event, symptom or setting: its key must have the kind's form and be unique in the kind."""
    kind, key = s.kind, s.get(s.kind)
    pattern, form = KEY_RES[kind]
    if not pattern.match(key) or (kind == "event" and int(key) > 0xFFFF):
        problems.add(s.line_of(kind), f"malformed {kind} '{key}' (expected {form})")
        return None
    folded = key.lower()
    if folded in catalog.by_name[kind]:
        first = catalog.by_name[kind][folded]["stanza"].line_of(kind)
        problems.add(s.line_of(kind), f"duplicate {kind} {key} (first at {first[0]}:{first[1]})")
        return None
    entry = base_entry(s, problems)
    entry["name"] = key
    if kind == "event":
        entry["code"] = int(key)
    if kind == "setting" and entry["value_type"] not in REGISTRY_TYPES:
        problems.add(s.line_of("type"), f"unknown registry type '{entry['value_type']}' (known: {', '.join(REGISTRY_TYPES)})")
    catalog.by_name[kind][folded] = entry
    return entry


def validate(stanzas, problems):
    """Checks every rule; returns the Catalog with each kind's entries in their table order."""
    catalog = Catalog()
    for s in stanzas:
        missing = [name for name in KINDS[s.kind]["required"] if not s.get(name)]
        for name in missing:
            problems.add(s.where, f"entry has no '{name}'")
        if s.kind in missing:
            continue
        entry = add_code(s, catalog, problems) if s.kind == "code" else add_named(s, catalog, problems)
        if entry:
            catalog.entries[s.kind].append(entry)
    for entry in catalog.entries["code"]:
        add_aliases(entry, catalog, problems)
    for kind in KINDS:
        for entry in catalog.entries[kind]:
            resolve_see(entry, catalog, problems)
    catalog.entries["code"].sort(key=lambda e: e["code"])
    catalog.entries["event"].sort(key=lambda e: e["code"])
    for kind in ("symptom", "setting"):
        catalog.entries[kind].sort(key=lambda e: e["name"].lower())
    return catalog


def see_target(word, catalog):
    """The entry a see: word names, None when it names nothing, or a string saying why it is malformed."""
    if ":" in word and not word.lower().startswith("0x"):
        kind, _, key = word.partition(":")
        if kind not in catalog.by_name:
            return f"malformed reference '{word}' in see (expected 0x12345678, event:ID, symptom:NAME or setting:NAME)"
        return catalog.by_name[kind].get(key.lower())
    if not CODE_RE.match(word):
        return f"malformed code '{word}' in see (expected 0x and 8 hex digits)"
    return catalog.by_code.get(int(word, 16))


def resolve_see(entry, catalog, problems):
    """Splits see: into codes (the `see` array) and other entries (the `related` array)."""
    s = entry["stanza"]
    entry["see"], entry["related"] = [], []
    for word in (s.get("see") or "").replace(",", " ").split():
        target = see_target(word, catalog)
        if isinstance(target, str):
            problems.add(s.line_of("see"), target)
        elif target is None:
            shown = f"0x{int(word, 16):08X}" if CODE_RE.match(word) else word
            problems.add(s.line_of("see"), f"see: {shown} is not in the catalog")
        elif target is entry:
            problems.add(s.line_of("see"), "see: an entry cannot point at itself")
        elif target["kind"] == "code":
            if target["code"] not in entry["see"]:
                entry["see"].append(target["code"])
        elif not any(t is target for t in entry["related"]):
            entry["related"].append(target)


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


# kind -> (C array, C count variable)
TABLES = {"code": ("catalog_entries", "catalog_entry_count"),
          "event": ("catalog_events", "catalog_event_count"),
          "symptom": ("catalog_symptoms", "catalog_symptom_count"),
          "setting": ("catalog_settings", "catalog_setting_count")}


def entry_initializer(e, label):
    """One struct slerr_entry initializer, in the field order of include/slerr.h."""
    applies = " | ".join(e["applies"]) or "0"
    see = f"see_{label}, {len(e['see'])}" if e["see"] else "NULL, 0"
    related = f"related_{label}, {len(e['related'])}" if e["related"] else "NULL, 0"
    aliases = f"aliases_{label}, {len(e['aliases'])}" if e["aliases"] else "NULL, 0"
    fields = [f"0x{e['code']:08X}u", c_string(e["symbol"]), c_string(e["message"]), c_string(e["cause"]),
              c_string(e["remedy"]), applies, KINDS[e["kind"]]["enum"], see,
              c_string(e["name"]), c_string(e["title"]), c_string(e["location"]), c_string(e["details"]),
              c_string(e["value_type"]), c_string(e["default_value"]), related, aliases]
    return "    { " + ",\n      ".join(fields) + " },"


def write_entries_c(path, catalog, win32_names):
    positions = {}
    for kind, (table, _) in TABLES.items():
        for i, e in enumerate(catalog.entries[kind]):
            positions[id(e)] = (table, i)
    lines = ["/* Generated by data/gen-catalog.py from data/catalog; do not edit. */",
             '#include "catalog-index.h"', ""]
    for kind in KINDS:
        for i, e in enumerate(catalog.entries[kind]):
            label = f"{kind}_{i}"
            if e["see"]:
                codes = ", ".join(f"0x{c:08X}u" for c in e["see"])
                lines.append(f"static const uint32_t see_{label}[] = {{ {codes} }};")
            if e["aliases"]:
                codes = ", ".join(f"0x{c:08X}u" for c in e["aliases"])
                lines.append(f"static const uint32_t aliases_{label}[] = {{ {codes} }};")
            if e["related"]:
                targets = ", ".join("&{}[{}]".format(*positions[id(t)]) for t in e["related"])
                lines.append(f"static const struct slerr_entry *const related_{label}[] = {{ {targets} }};")
    for kind, (table, count) in TABLES.items():
        entries = catalog.entries[kind]
        lines += ["", f"const struct slerr_entry {table}[] = {{"]
        lines += [entry_initializer(e, f"{kind}_{i}") for i, e in enumerate(entries)]
        if not entries:
            lines.append("    { 0 },")
        lines += ["};", f"const size_t {count} = {len(entries)};"]
    lines += ["", "const struct win32_name catalog_win32_names[] = {"]
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


def code_keys(codes):
    """Every code and every alias, each pointing at its entry's index in the code table."""
    keys = []
    for i, e in enumerate(codes):
        keys += [(f"{value:08X}", i) for value in [e["code"], *e["aliases"]]]
    return keys


def main(argv):
    if len(argv) < 4:
        sys.stderr.write("usage: gen-catalog.py OUTDIR WIN32_NAMES CATALOG_FILE...\n")
        return 2
    outdir, names_path, sources = argv[1], argv[2], argv[3:]
    problems = Problems()
    stanzas = []
    for path in sources:
        stanzas += read_stanzas(path, problems)
    catalog = validate(stanzas, problems)
    win32_names = read_win32_names(names_path, problems)
    if problems.items:
        sys.stderr.write("\n".join(problems.items) + "\n")
        sys.stderr.write(f"gen-catalog: {len(problems.items)} problem(s); catalog not generated\n")
        return 1
    codes = catalog.entries["code"]
    if len(codes) > 0xFFFF:
        sys.stderr.write("gen-catalog: more than 65535 entries do not fit the index\n")
        return 1
    write_entries_c(os.path.join(outdir, "catalog-entries.c"), catalog, win32_names)
    write_gperf(os.path.join(outdir, "code-index.gperf"), "code_index", code_keys(codes), False)
    write_gperf(os.path.join(outdir, "symbol-index.gperf"), "symbol_index",
                [(e["symbol"], i) for i, e in enumerate(codes) if e["symbol"]], True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
