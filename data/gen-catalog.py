#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Validates the catalog sources under data/ and writes the C tables and indexes built from them.

Usage: gen-catalog.py OUTDIR IMPORTED_DIR CATALOG_FILE...
IMPORTED_DIR holds the codes imported from the Windows SDK headers by import-sdk.py (checked
here against its MANIFEST) and the FACILITY_ names. Writes OUTDIR/catalog-entries.c (the
tables) and OUTDIR/catalog-params.h (the constants of the hash indexes).
Every problem is reported as `file:line: reason` and makes the run fail, so a bad entry
can never reach a build.

Curated stanzas and imported codes meet here: a stanza whose code (and symbol, if it names
one) matches an imported code adds its cause, remedy, applies, see and variants to it, and
the imported text becomes its message when the stanza gives none. A stanza that gives a
message for an imported symbol must give the header's text; other wordings are `variant:`s.

A stanza's first field says what it describes: `code:` (an HRESULT), `event:` (an event ID),
`symptom:` (a problem without a code) or `setting:` (a registry value).
"""

import hashlib
import os
import re
import sys

KINDS = {
    "code": {
        "enum": "SLERR_KIND_CODE",
        "fields": ("code", "symbol", "also", "applies", "message", "source", "variant", "cause", "remedy", "see"),
        "required": ("code",),
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
    if name == "variant":  # the one field that may repeat: one line per wording
        name = f"variant#{sum(1 for f in stanza.fields if f.startswith('variant#'))}"
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


# ---- Imported codes (data/catalog/imported, written by import-sdk.py) ----

# Files in the order their readings are preferred when several share a value: the activation
# headers first; Win32 errors before the HRESULT names winerror.h gives the same values.
IMPORTED_FILES = ("slerror.txt", "wmi.txt", "wuerror.txt", "winerror.txt", "ntstatus.txt")
SOURCE_NAMES = {"slerror.txt": "slerror.h", "wmi.txt": "WbemCli.h", "wuerror.txt": "wuerror.h",
                "winerror.txt": "winerror.h", "ntstatus.txt": "ntstatus.h"}
READINGS = {"hresult": ("SLERR_READING_HRESULT", 1), "wmi": ("SLERR_READING_HRESULT", 1),
            "win32": ("SLERR_READING_WIN32", 0), "ntstatus": ("SLERR_READING_NTSTATUS", 2)}
IMPORTED_RE = re.compile(r"^0x([0-9A-F]{8})\t(hresult|win32|ntstatus|wmi)\t([A-Za-z0-9_]*)\t(.+)$")


def read_manifest(directory, problems):
    """file -> (entries, SHA-256) as import-sdk.py recorded them."""
    path = os.path.join(directory, "MANIFEST")
    manifest = {}
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.split("\t")
                if len(parts) != 4 or not parts[2].isdigit():
                    problems.add((path, number), "expected 'FILE<TAB>HEADER<TAB>COUNT<TAB>SHA256'")
                    continue
                manifest[parts[0]] = (int(parts[2]), parts[3].strip())
    except FileNotFoundError:
        problems.add((path, 0), "missing: run data/import-sdk.py")
    return manifest


def read_data_lines(path, problems):
    """The (line number, text) of every data line of an imported file."""
    lines = []
    try:
        with open(path, encoding="utf-8") as f:
            for number, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if line and not line.startswith("#"):
                    lines.append((number, line))
    except FileNotFoundError:
        problems.add((path, 0), "missing: run data/import-sdk.py")
    return lines


def check_against_manifest(path, name, lines, manifest, problems):
    """An imported file must be what import-sdk.py wrote: same count, same digest."""
    if name not in manifest:
        problems.add((path, 0), "not listed in MANIFEST")
        return
    count, digest = manifest[name]
    actual = hashlib.sha256("".join(text + "\n" for _, text in lines).encode("utf-8")).hexdigest()
    if len(lines) != count:
        problems.add((path, 0), f"{len(lines)} entries, MANIFEST says {count}")
    elif actual != digest:
        problems.add((path, 0), "content differs from MANIFEST (edited by hand? rerun data/import-sdk.py)")


def read_imported(directory, problems):
    """Imported rows (dicts), in preference order, and the FACILITY_ names."""
    manifest = read_manifest(directory, problems)
    rows = []
    for rank, name in enumerate(IMPORTED_FILES):
        path = os.path.join(directory, name)
        lines = read_data_lines(path, problems)
        check_against_manifest(path, name, lines, manifest, problems)
        for number, line in lines:
            match = IMPORTED_RE.match(line)
            if not match:
                problems.add((path, number), "expected '0xCODE<TAB>READING<TAB>SYMBOL<TAB>TEXT'")
                continue
            reading = match.group(2)
            rows.append({"code": int(match.group(1), 16), "reading": reading,
                         "symbol": match.group(3) or None, "message": match.group(4),
                         "source": SOURCE_NAMES[name],
                         "rank": (rank, READINGS[reading][1], len(rows))})
    path = os.path.join(directory, "facilities.txt")
    lines = read_data_lines(path, problems)
    check_against_manifest(path, "facilities.txt", lines, manifest, problems)
    facilities = []
    for number, line in lines:
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].isdigit() or not SYMBOL_RE.match(parts[1]):
            problems.add((path, number), "expected 'NUMBER<TAB>NAME'")
        else:
            facilities.append((int(parts[0]), parts[1]))
    rows.sort(key=lambda r: (r["code"], r["rank"]))
    return rows, sorted(facilities)


class Catalog:
    """Every entry, with the indexes that validation needs: codes and aliases, symbols, names by kind."""

    def __init__(self):
        self.entries = {kind: [] for kind in KINDS}
        self.readings = []   # code entries that are not the first reading of their value
        self.by_code = {}    # code or alias -> entry (the first reading)
        self.by_symbol = {}  # upper-case symbol -> entry
        self.by_name = {kind: {} for kind in KINDS if kind != "code"}  # kind -> folded name -> entry


def empty_entry(kind):
    entry = {"kind": kind, "stanza": None, "code": 0, "symbol": None, "name": None, "aliases": [],
             "applies": [], "source": None, "reading": "SLERR_READING_HRESULT", "variants": [],
             "see": [], "related": []}
    for key in ("message", "cause", "remedy", "title", "details", "value_type", "default_value", "location"):
        entry[key] = None
    return entry


def imported_entry(row):
    entry = empty_entry("code")
    entry.update(code=row["code"], symbol=row["symbol"], message=row["message"], source=row["source"],
                 reading=READINGS[row["reading"]][0])
    return entry


VARIANT_RE = re.compile(r"^([^:]{2,80}): (.+)$")
# `source: slerr` marks a message written by this project because Microsoft publishes no text
# for the code; the entry's source then says so, so official text and ours stay apart.
SOURCE_OURS_KEY = "slerr"
SOURCE_OURS = "slerr's own summary (Microsoft publishes no text for this code)"


def base_entry(s, problems):
    entry = empty_entry(s.kind)
    entry["stanza"] = s
    entry["applies"] = parse_applies(s, problems)
    for field, key in (("message", "message"), ("cause", "cause"), ("remedy", "remedy"),
                       ("title", "title"), ("fields", "details"), ("type", "value_type"),
                       ("default", "default_value")):
        entry[key] = s.get(field)
    entry["location"] = s.get("log") or s.get("key")
    for key in sorted((k for k in s.fields if k.startswith("variant#")), key=lambda k: int(k[8:])):
        value = s.fields[key][0]
        if not VARIANT_RE.match(value):
            problems.add((s.where[0], s.fields[key][1]), "expected 'variant: WHERE IT IS SHOWN: text'")
        entry["variants"].append(value)
    return entry


def curated_code(s, problems):
    """A code stanza's own entry, before it meets the imported codes; None when malformed."""
    text = s.get("code")
    if not CODE_RE.match(text):
        problems.add(s.line_of("code"), f"malformed code '{text}' (expected 0x and 8 hex digits)")
        return None
    entry = base_entry(s, problems)
    entry["code"] = int(text, 16)
    symbol = s.get("symbol")
    if symbol is not None and not SYMBOL_RE.match(symbol):
        problems.add(s.line_of("symbol"), f"malformed symbol '{symbol}' (upper case, digits and _)")
        symbol = None
    elif symbol is not None:
        reason = check_prefix(symbol, entry["code"])
        if reason:
            problems.add(s.line_of("symbol"), reason)
    entry["symbol"] = symbol
    return entry


def merge_imported(entry, rows, problems):
    """Joins a curated entry to the imported reading it describes (same symbol, or the preferred
    reading of its value when it names none): that reading's symbol, text and source. Returns
    the imported rows left as further readings of the value."""
    s = entry["stanza"]
    if entry["symbol"]:
        match = [r for r in rows if r["symbol"] and r["symbol"].upper() == entry["symbol"].upper()]
    else:
        match = rows[:1]
    if not match:
        if not entry["message"]:
            problems.add(s.where, "entry has no 'message' (and no imported code gives one)")
        elif not s.get("source"):
            problems.add(s.line_of("message"), "a code no SDK header gives needs 'source:' (where Microsoft "
                         f"publishes its text, or '{SOURCE_OURS_KEY}' when it publishes none)")
        else:
            entry["source"] = SOURCE_OURS if s.get("source") == SOURCE_OURS_KEY else s.get("source")
        return rows
    row = match[0]
    if s.get("source"):
        problems.add(s.line_of("source"), f"source: is for codes no SDK header gives; {row['source']} gives this one")
    if entry["message"] and entry["message"] != row["message"]:
        problems.add(s.line_of("message"), f"message differs from {row['source']}'s text for "
                     f"{row['symbol'] or 'this code'} (leave it out, or make it a variant:)")
    entry.update(symbol=row["symbol"], message=row["message"], source=row["source"],
                 reading=READINGS[row["reading"]][0])
    return [r for r in rows if r is not row]


def register_symbol(entry, catalog, problems, curated):
    symbol = entry["symbol"]
    if not symbol:
        return
    first = catalog.by_symbol.get(symbol.upper())
    if first is None:
        catalog.by_symbol[symbol.upper()] = entry
    elif curated and first["stanza"] is not None:
        where = first["stanza"].line_of("symbol")
        problems.add(entry["stanza"].line_of("symbol"), f"duplicate symbol {symbol} (first at {where[0]}:{where[1]})")


def add_codes(stanzas, rows, catalog, problems):
    """Every value's readings: the curated entry (if any) first, then the imported ones in
    preference order. The first reading is the entry slerr_lookup returns."""
    curated = {}
    for s in stanzas:
        entry = curated_code(s, problems)
        if entry is None:
            continue
        if entry["code"] in curated:
            first = curated[entry["code"]]["stanza"].line_of("code")
            problems.add(s.line_of("code"), f"duplicate code 0x{entry['code']:08X} (first at {first[0]}:{first[1]})")
            continue
        curated[entry["code"]] = entry
    by_value = {}
    for row in rows:
        by_value.setdefault(row["code"], []).append(row)
    for entry in curated.values():
        register_symbol(entry, catalog, problems, True)
    for code in sorted(set(by_value) | set(curated)):
        value_rows = by_value.get(code, [])
        readings = []
        if code in curated:
            value_rows = merge_imported(curated[code], value_rows, problems)
            readings.append(curated[code])
        readings += [imported_entry(r) for r in value_rows]
        catalog.by_code[code] = readings[0]
        catalog.entries["code"].append(readings[0])
        readings[0]["more"] = readings[1:]
        catalog.readings += readings[1:]
        for entry in readings:
            if entry["stanza"] is None or entry is not curated.get(code):
                register_symbol(entry, catalog, problems, False)
    # A curated stanza that took over an imported symbol now owns it.
    for entry in curated.values():
        if entry["symbol"]:
            catalog.by_symbol[entry["symbol"].upper()] = entry


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


def validate(stanzas, rows, problems):
    """Checks every rule; returns the Catalog with each kind's entries in their table order."""
    catalog = Catalog()
    codes = []
    for s in stanzas:
        missing = [name for name in KINDS[s.kind]["required"] if not s.get(name)]
        for name in missing:
            problems.add(s.where, f"entry has no '{name}'")
        if s.kind in missing:
            continue
        if s.kind == "code":
            codes.append(s)
            continue
        entry = add_named(s, catalog, problems)
        if entry:
            catalog.entries[s.kind].append(entry)
    add_codes(codes, rows, catalog, problems)
    for entry in catalog.entries["code"]:
        if entry["stanza"] is not None:
            add_aliases(entry, catalog, problems)
    for kind in KINDS:
        for entry in catalog.entries[kind]:
            if entry["stanza"] is not None:
                resolve_see(entry, catalog, problems)
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


# ---- Output ----

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
READING_NUMBERS = {"SLERR_READING_HRESULT": 0, "SLERR_READING_WIN32": 1, "SLERR_READING_NTSTATUS": 2}
NO_EXTRA = 0xFFFF


class StringPool:
    """Every text of the catalog once, NUL-terminated, in one char array. The tables hold 32-bit
    offsets into it (0 for none) instead of pointers, so they stay in .rodata and the loader has
    nothing to relocate in them (the musl strerror pattern)."""

    def __init__(self):
        self.offsets = {}
        self.texts = []
        self.size = 1  # offset 0: the byte that stands for "no text"

    def add(self, text):
        if text is None:
            return 0
        if text not in self.offsets:
            self.offsets[text] = self.size
            self.texts.append(text)
            self.size += len(text.encode("utf-8")) + 1
        return self.offsets[text]

    def lines(self):
        out = ["", "/* Every text, NUL-terminated; tables refer to them by offset (0: none). */",
               f"const char catalog_strings[{self.size + 1}] =", '    "\\0"']
        out += ["    " + c_string(text)[:-1] + '\\0"' for text in self.texts]
        return out + [";", f"const size_t catalog_strings_size = {self.size};"]


class SideTables:
    """What only curated entries have, out of the 16-byte entries: one extra record each, and
    the lists (codes, related entries, variant texts) the records point into."""

    def __init__(self, pool, numbers):
        self.pool, self.numbers = pool, numbers
        self.extras, self.codes, self.related, self.variants = [], [], [], []

    @staticmethod
    def span(table, items):
        first = len(table)
        table += items
        if len(table) > 0xFFFF:
            raise OverflowError("a side list of the catalog outgrew its 16-bit index")
        return f"{{ {first if items else 0}, {len(items)} }}"

    def extra(self, e):
        if e["stanza"] is None:
            return NO_EXTRA
        strings = ", ".join(f"{self.pool.add(e[key])}u" for key in
                            ("cause", "remedy", "name", "title", "location", "details",
                             "value_type", "default_value", "source"))
        see = self.span(self.codes, [f"0x{c:08X}u" for c in e["see"]])
        aliases = self.span(self.codes, [f"0x{c:08X}u" for c in e["aliases"]])
        related = self.span(self.related, [str(self.numbers[id(t)]) for t in e["related"]])
        variants = self.span(self.variants, [f"{self.pool.add(v)}u" for v in e["variants"]])
        applies = " | ".join(e["applies"]) or "0"
        self.extras.append(f"    {{ {strings}, {see}, {aliases}, {related}, {variants}, {applies} }},")
        if len(self.extras) >= NO_EXTRA:
            raise OverflowError("too many curated entries for the 16-bit extra index")
        return len(self.extras) - 1

    def lines(self):
        def array(declaration, items, per_line):
            rows = ["    " + ", ".join(items[i:i + per_line]) + "," for i in range(0, len(items), per_line)]
            return [f"{declaration} = {{", *(rows or ["    0,"]), "};"]
        return (["", "/* What curated entries hold beyond code, symbol and message (entry.extra). */",
                 "const struct entry_extra catalog_extras[] = {", *(self.extras or ["    { 0 },"]), "};"]
                + array("const uint32_t catalog_codes[]", self.codes, 8)
                + array("const uint16_t catalog_related[]", self.related, 16)
                + array("const uint32_t catalog_variants[]", self.variants, 12))


def entry_row(e, pool, sides, sources):
    """One 16-byte entry: code, symbol and message offsets, the extra record, kind, and the
    reading with the header the text comes from (a curated entry's source is in its extra
    record: any text, where the few SDK headers fit in the entry's bits)."""
    source = e["source"] if e["stanza"] is None else None
    if source not in sources:
        sources.append(source)
    if len(sources) > 63:
        raise OverflowError("more than 63 headers for the 6 bits of an entry's source")
    bits = READING_NUMBERS[e["reading"]] | sources.index(source) << 2
    return (f"    {{ 0x{e['code']:08X}u, {pool.add(e['symbol'])}u, {pool.add(e['message'])}u, "
            f"{sides.extra(e)}, {KINDS[e['kind']]['enum']}, {bits} }},")


def pick_multiplier(keys, bits, hash_of):
    """The multiplier (from a fixed list, so builds are reproducible) with the fewest probes."""
    best = None
    candidate = 0x9E3779B1
    for _ in range(24):
        size, used, total = 1 << bits, set(), 0
        for key in keys:
            slot = hash_of(key, candidate, bits)
            while slot in used:
                slot = (slot + 1) & (size - 1)
                total += 1
            used.add(slot)
        if best is None or total < best[0]:
            best = (total, candidate)
        candidate = (candidate * 0x2545F491 + 0x6A09E667) & 0xFFFFFFFF | 1
    return best[1]


def code_hash(key, multiplier, bits):
    return ((key * multiplier) & 0xFFFFFFFF) >> (32 - bits)


def symbol_fold(symbol):
    """FNV-1a over the upper-cased symbol: the same function as catalog.c's."""
    h = 0x811C9DC5
    for byte in symbol.upper().encode("ascii"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def table_bits(count):
    bits = 4
    while (1 << bits) < count * 3 // 2:
        bits += 1
    return bits


def hash_slots(keys, bits, multiplier):
    """Open addressing with linear probing: slot -> (key, value)."""
    size = 1 << bits
    slots = [None] * size
    for key, value in keys:
        slot = code_hash(key, multiplier, bits)
        while slots[slot] is not None:
            slot = (slot + 1) & (size - 1)
        slots[slot] = (key, value)
    return slots


CODE_FILTER_BITS = 18  # scan.c's filter: 2^18 bits, 32 KiB of .rodata


def code_filter_hash(code):
    """scan.c's filter_hash: the code as eight lower-case hex digits read as a little-endian
    64-bit word, ASCII case bit set, multiplied by 2^64/phi; the top CODE_FILTER_BITS bits."""
    word = int.from_bytes(f"{code:08x}".encode("ascii"), "little") | 0x2020202020202020
    return ((word * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) >> (64 - CODE_FILTER_BITS)


def write_code_filter(lines, params, codes):
    """The scanner's filter of known codes, made here once rather than by every scanner at run
    time (it cost a million instructions per scanner, most of a short explain run)."""
    words = [0] * ((1 << CODE_FILTER_BITS) // 64)
    for code in codes:
        h = code_filter_hash(code)
        words[h // 64] |= 1 << (h % 64)
    lines += ["", "/* Bit h set when some code or alias, as eight hex digits, hashes to h (scan.c). */",
              "const uint64_t catalog_code_filter[] = {"]
    for i in range(0, len(words), 4):
        lines.append("    " + " ".join(f"0x{w:016X}u," for w in words[i:i + 4]))
    lines.append("};")
    params.append(f"#define CODE_FILTER_BITS {CODE_FILTER_BITS}")


MESSAGE_MIN = 40  # src/explain/message.c: shorter messages say too little to name a code
# Win32 errors that activation surfaces and that tickets quote by their message alone ("The
# data is invalid." from slmgr /ato, "The service cannot be started, either because it is
# disabled ..." when sppsvc is disabled, "DNS name does not exist." when a KMS client finds no
# host in DNS): their messages are read too, whatever their length (the code fallback still
# reports a general code only in text about activation).
WIN32_MESSAGES = (0x8007000D, 0x80070422, 0x8007232B)
MESSAGE_HEAD, MESSAGE_HEAD_BITS = 8, 65536


def message_head_hash(folded):
    """message.c's head_hash: FNV-1a over the first MESSAGE_HEAD folded bytes, folded to 16 bits."""
    h = 2166136261
    for b in folded[:MESSAGE_HEAD]:
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return (h ^ (h >> 16)) % MESSAGE_HEAD_BITS


def message_index(catalog):
    """src/explain/message.c's index, made here once instead of by every explain run (sorting
    the catalog's messages cost most of a short paste's work): the activation codes (source
    slerror.h or an SL_ symbol, as code.c's ex_activation_entry says) whose message has at
    least MESSAGE_MIN bytes, and the WIN32_MESSAGES, in the order message.c searches: the message without its final
    '.', ASCII letters folded to lower case, a prefix before what it starts, then by code.
    A unit test holds it against the same selection made at run time."""
    chosen = []
    for e in catalog.entries["code"]:
        text = (e["message"] or "").encode("utf-8")
        if e["code"] in WIN32_MESSAGES:
            if not text:
                continue
        elif not (e["source"] == "slerror.h" or (e["symbol"] or "").startswith("SL_")):
            continue
        elif len(text) < MESSAGE_MIN:
            continue
        if text.endswith(b"."):
            text = text[:-1]
        chosen.append((text.translate(ASCII_LOWER_BYTES), e["code"]))
    chosen.sort()
    first, heads = [0] * 256, [0] * (MESSAGE_HEAD_BITS // 8)
    for text, _ in chosen:
        first[text[0]] = 1
        h = message_head_hash(text)
        heads[h // 8] |= 1 << (h % 8)
    out = ["/* Generated by data/gen-catalog.py; do not edit. */",
           "#ifndef SLERR_CATALOG_MESSAGES_H", "#define SLERR_CATALOG_MESSAGES_H",
           f"#define CATALOG_MESSAGE_MIN {MESSAGE_MIN}",
           "/* The shortest message body indexed (a listed Win32 error's may be short). */",
           f"#define CATALOG_MESSAGE_SHORTEST {min((len(t) for t, _ in chosen), default=MESSAGE_MIN - 1)}",
           "/* Win32 errors whose message is indexed whatever its length. */",
           "static const uint32_t catalog_message_win32[] = {",
           *[f"    0x{code:08X}u," for code in WIN32_MESSAGES],
           "};",
           "/* Activation codes with a long message, in message.c's search order. */",
           "static const uint32_t catalog_message_codes[] = {"]
    out += [f"    0x{code:08X}u," for _, code in chosen]
    out += ["};", "/* A folded byte that starts some message. */",
            "static const unsigned char catalog_message_first[256] = {"]
    out += ["    " + " ".join(f"{b}," for b in first[i:i + 32]) for i in range(0, 256, 32)]
    out += ["};", f"#define CATALOG_MESSAGE_HEAD {MESSAGE_HEAD}",
            f"#define CATALOG_MESSAGE_HEAD_BITS {MESSAGE_HEAD_BITS}",
            "/* Bit h: some message's first CATALOG_MESSAGE_HEAD bytes, folded, hash to h. */",
            "static const uint8_t catalog_message_heads[] = {"]
    out += ["    " + " ".join(f"0x{b:02X}," for b in heads[i:i + 16])
            for i in range(0, len(heads), 16)]
    out += ["};", "#endif", ""]
    return "\n".join(out)


ASCII_LOWER_BYTES = bytes(c + 32 if 65 <= c <= 90 else c for c in range(256))


def write_indexes(lines, params, catalog):
    codes = catalog.entries["code"]
    code_keys = []
    for i, e in enumerate(codes):
        code_keys += [(value, i) for value in [e["code"], *e["aliases"]]]
    bits = table_bits(len(code_keys))
    multiplier = pick_multiplier([k for k, _ in code_keys], bits, code_hash)
    lines += ["", "/* code -> index in catalog_entries; 0xFFFF marks an empty slot. */",
              "const struct code_slot catalog_code_slots[] = {"]
    for slot in hash_slots(code_keys, bits, multiplier):
        lines.append(f"    {{ 0x{slot[0]:08X}u, {slot[1]} }}," if slot else "    { 0, 0xFFFF },")
    lines.append("};")
    params += [f"#define CODE_HASH_BITS {bits}", f"#define CODE_HASH_MULTIPLIER 0x{multiplier:08X}u"]
    write_code_filter(lines, params, [k for k, _ in code_keys])

    # Symbols: entries first, then further readings (numbered after the entries).
    symbol_keys, seen = [], set()
    all_entries = [(e, i) for i, e in enumerate(codes)] + \
                  [(e, len(codes) + i) for i, e in enumerate(catalog.readings)]
    owner = {}
    for symbol, e in catalog.by_symbol.items():
        owner[id(e)] = symbol
    for e, ref in all_entries:
        if e["symbol"] and catalog.by_symbol.get(e["symbol"].upper()) is e and e["symbol"].upper() not in seen:
            seen.add(e["symbol"].upper())
            symbol_keys.append((symbol_fold(e["symbol"]), ref))
    bits = table_bits(len(symbol_keys))
    multiplier = pick_multiplier([k for k, _ in symbol_keys], bits, code_hash)
    lines += ["", "/* FNV-1a of the upper-cased symbol -> entry (below catalog_entry_count) or reading. */",
              "const struct symbol_slot catalog_symbol_slots[] = {"]
    for slot in hash_slots(symbol_keys, bits, multiplier):
        lines.append(f"    {{ 0x{slot[0]:08X}u, {slot[1]} }}," if slot else "    { 0, 0xFFFF },")
    lines.append("};")
    params += [f"#define SYMBOL_HASH_BITS {bits}", f"#define SYMBOL_HASH_MULTIPLIER 0x{multiplier:08X}u"]


# Runs of letters and digits, where every non-ASCII character counts as a letter (umlauts,
# Cyrillic, CJK): the same split as search.c's is_word_char. Only ASCII is lower-cased, as
# search.c lower-cases queries.
WORD_SPLIT_RE = re.compile(r"[A-Za-z0-9\u0080-\U0010FFFF]+")


def ascii_lower(text):
    return text.translate(ASCII_LOWER)


ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def search_words(e):
    """The lower-case runs of letters and digits in every field search.c looks at, plus the
    decimal forms in which an event ID or a Win32 error may be typed (a code's hex forms are
    not listed: search.c finds those through the code index, which keeps the blob small)."""
    words = set()
    for key in ("symbol", "name", "title", "message", "cause", "remedy", "details", "location",
                "default_value", "value_type"):
        if e[key]:
            words.update(ascii_lower(w) for w in WORD_SPLIT_RE.findall(e[key]))
    for variant in e["variants"]:
        words.update(ascii_lower(w) for w in WORD_SPLIT_RE.findall(variant))
    if e["kind"] == "code":  # its hex forms are found by search.c through the code index
        if e["reading"] == "SLERR_READING_WIN32" and e["code"] >> 16 == 0x8007:
            words.add(str(e["code"] & 0xFFFF))  # "error 1722" finds the Win32 error by number
    elif e["kind"] == "event":
        words.add(str(e["code"]))
    return words


def write_search_index(lines, params, catalog):
    """Every word of the searchable text, sorted, in one blob ("\nword\nword\n"), with the
    entries (numbered across the kinds in search order) whose text holds it. search.c finds a
    query word in the blob with one memmem and scores only the entries listed under the words
    that contain it."""
    postings = {}
    number = 0
    for kind in KINDS:
        for e in catalog.entries[kind]:
            for word in search_words(e):
                postings.setdefault(word, []).append(number)
            number += 1
    words = sorted(postings)
    blob, offsets, firsts, refs = ["\n"], [], [], []
    at = 1  # offsets and sizes count UTF-8 bytes, as C sees the blob
    for word in words:
        offsets.append(at)
        blob.append(word + "\n")
        at += len(word.encode("utf-8")) + 1
        firsts.append(len(refs))
        refs += postings[word]
    firsts.append(len(refs))
    text = "".join(blob)
    size = len(text.encode("utf-8"))
    lines += ["", "/* Search index: the words of every entry (see gen-catalog.py's write_search_index). */",
              f"const char catalog_search_words[{size + 1}] ="]
    for i in range(0, len(text), 96):
        lines.append("    " + c_string(text[i:i + 96]))
    lines += [";", "const uint32_t catalog_search_word_at[] = {"]
    lines += ["    " + ", ".join(f"{v}u" for v in offsets[i:i + 12]) + "," for i in range(0, len(offsets), 12)]
    lines += ["};", "const uint32_t catalog_search_first[] = {"]
    lines += ["    " + ", ".join(f"{v}u" for v in firsts[i:i + 12]) + "," for i in range(0, len(firsts), 12)]
    lines += ["};", "const uint16_t catalog_search_refs[] = {"]
    lines += ["    " + ", ".join(str(v) for v in refs[i:i + 16]) + "," for i in range(0, len(refs), 16)]
    # search.c looks for a query word's rarest byte with memchr, then compares the word.
    counts = [0] * 256
    for byte in text.encode("utf-8"):
        counts[byte] += 1
    lines += ["};", "const uint32_t catalog_search_byte_count[256] = {"]
    lines += ["    " + ", ".join(f"{v}u" for v in counts[i:i + 16]) + "," for i in range(0, 256, 16)]
    lines += ["};"]
    params += [f"#define SEARCH_WORD_COUNT {len(words)}u", f"#define SEARCH_WORDS_SIZE {size}u",
               f"#define SEARCH_ENTRY_COUNT {number}u"]


def entry_numbers(catalog):
    """Entries numbered across the kinds in iteration order (codes, events, symptoms, settings):
    how catalog_related refers to an entry."""
    numbers, number = {}, 0
    for kind in KINDS:
        for e in catalog.entries[kind]:
            numbers[id(e)] = number
            number += 1
    return numbers


def write_entries_c(outdir, catalog, facilities):
    pool = StringPool()
    sides = SideTables(pool, entry_numbers(catalog))
    sources = [None]  # index 0: no header
    lines = ["/* Generated by data/gen-catalog.py from data/catalog; do not edit. */",
             '#include "catalog-index.h"']
    for kind, (table, count) in TABLES.items():
        entries = catalog.entries[kind]
        lines += ["", f"const struct slerr_entry {table}[] = {{"]
        lines += [entry_row(e, pool, sides, sources) for e in entries] or ["    { 0 },"]
        lines += ["};", f"const size_t {count} = {len(entries)};"]
    lines += ["", "/* Further readings of a value, after its entry's; grouped by value. */",
              "const struct slerr_entry catalog_readings[] = {"]
    lines += [entry_row(e, pool, sides, sources) for e in catalog.readings] or ["    { 0 },"]
    lines += ["};", f"const size_t catalog_reading_count = {len(catalog.readings)};", "",
              "/* code -> its further readings (first index in catalog_readings, count), by code. */",
              "const struct reading_span catalog_reading_spans[] = {"]
    spans, first = 0, 0
    for e in catalog.entries["code"]:
        if e["more"]:
            lines.append(f"    {{ 0x{e['code']:08X}u, {first}, {len(e['more'])} }},")
            first += len(e["more"])
            spans += 1
    lines += ["};" if spans else "    { 0, 0, 0 },\n};", f"const size_t catalog_reading_span_count = {spans};", "",
              "/* The headers texts come from (entry.bits >> 2), as string offsets; 0: none. */",
              "const uint32_t catalog_sources[] = { " + ", ".join(f"{pool.add(s)}u" for s in sources) + " };",
              f"const size_t catalog_source_count = {len(sources)};", "",
              "/* FACILITY_ names of winerror.h, by number. */",
              "const struct facility_name catalog_facilities[] = {"]
    lines += [f"    {{ {number}u, {pool.add(name)}u }}, /* {name} */" for number, name in facilities]
    lines += ["};", f"const size_t catalog_facility_count = {len(facilities)};"]
    lines += sides.lines()
    params = ["/* Generated by data/gen-catalog.py; do not edit. */", "#ifndef SLERR_CATALOG_PARAMS_H",
              "#define SLERR_CATALOG_PARAMS_H"]
    write_indexes(lines, params, catalog)
    write_search_index(lines, params, catalog)
    lines += pool.lines()
    params.append("#endif")
    write_if_changed(os.path.join(outdir, "catalog-entries.c"), "\n".join(lines) + "\n")
    write_if_changed(os.path.join(outdir, "catalog-params.h"), "\n".join(params) + "\n")
    write_if_changed(os.path.join(outdir, "catalog-messages.h"), message_index(catalog))


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
        sys.stderr.write("usage: gen-catalog.py OUTDIR IMPORTED_DIR CATALOG_FILE...\n")
        return 2
    outdir, imported_dir, sources = argv[1], argv[2], argv[3:]
    problems = Problems()
    stanzas = []
    for path in sources:
        stanzas += read_stanzas(path, problems)
    rows, facilities = read_imported(imported_dir, problems)
    catalog = validate(stanzas, rows, problems)
    if problems.items:
        sys.stderr.write("\n".join(problems.items) + "\n")
        sys.stderr.write(f"gen-catalog: {len(problems.items)} problem(s); catalog not generated\n")
        return 1
    if len(catalog.entries["code"]) + len(catalog.readings) >= 0xFFFF:
        sys.stderr.write("gen-catalog: 65535 or more codes do not fit the index\n")
        return 1
    try:
        write_entries_c(outdir, catalog, facilities)
    except OverflowError as error:
        sys.stderr.write(f"gen-catalog: {error}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
