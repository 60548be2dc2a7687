#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a KMS host's "Key Management Service" log (events 12290) twice: as a binary .evtx
file, as Windows writes it (file header, 64 KiB chunks with their string and template tables,
records in binary XML through one template, CRC32 checksums), and as the XML export
`wevtutil qe "Key Management Service" /f:xml` writes of the same events. No public .evtx holds
such events; a file written here is only trusted once Debian's two independent parsers
(evtxexport, evtx_dump.py) decode it to the events it meant (tests/cli/test_explain_evtx.py).

Usage: gen_evtx.py [--events N] [--clients N] OUT.evtx OUT.xml
Layout from the public descriptions of the format (libyal's "Windows XML Event Log (EVTX)"
notes); the writer is our own."""

import argparse
import struct
import time
import zlib

HEADER_SIZE = 4096
CHUNK_SIZE = 65536
CHUNK_HEADER = 512

PROVIDER = ("Microsoft-Windows-Security-SPP", "{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}",
            "KmsRequests")
CHANNEL = "Key Management Service"
NAMESPACE = "http://schemas.microsoft.com/win/2004/08/events/event"
PRODUCTS = [  # activation IDs and the count each needs
    ("2de67392-b7a7-462a-b1ca-108dd189f588", 25),
    ("73111121-5638-40f6-bc11-f1d7b0d64300", 25),
    ("ca87f5b6-cd46-40c0-b06d-8ecd57a4373f", 5),
]

# Value types of binary XML substitutions.
T_STRING, T_UINT8, T_UINT16, T_UINT32, T_UINT64, T_FILETIME, T_HEX64 = (
    0x01, 0x04, 0x06, 0x08, 0x0A, 0x11, 0x15)

# The template's substitutions, in the order of their indexes.
SUBSTITUTIONS = [
    ("level", T_UINT8), ("opcode", T_UINT8), ("task", T_UINT16), ("id", T_UINT16),
    ("qualifiers", T_UINT16), ("keywords", T_HEX64), ("filetime", T_FILETIME),
    ("pid", T_UINT32), ("tid", T_UINT32), ("record", T_UINT64), ("version", T_UINT8),
    ("computer", T_STRING), ("data", T_STRING),
]
SUB = {name: i for i, (name, _) in enumerate(SUBSTITUTIONS)}


def kms_events(count, clients, start=1_700_000_000, days=90):
    """`count` 12290 events from `clients` clients over `days` days: a few clones (one CMID
    under two names), a few refused requests (0xC004F06C), counts as a host with 60 clients
    reports them."""
    step = days * 86400 / max(count, 1)
    for i in range(count):
        c = (i * 7919) % clients
        act, need = PRODUCTS[c % len(PRODUCTS)]
        t = start + int(i * step)
        tm = time.gmtime(t)
        cmid = "%08x-%04x-4%03x-8%03x-%012x" % (c * 2654435761 & 0xFFFFFFFF, c & 0xFFFF,
                                               c & 0xFFF, (c >> 4) & 0xFFF, c * 40503)
        name = "PC%05d.contoso.com" % c
        if c % 997 == 0 and i % 2:
            name = "CLONE%05d.contoso.com" % c
        result = "0xC004F06C" if c % 1009 == 0 else "0x0"
        data = "%s,%d,%s,%s,%d/%d/%d %d:%02d,%d,%d,%d,%s" % (
            result, need, name, cmid, tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour,
            tm.tm_min, c % 4 == 0, 1 if result == "0x0" else 2, 259200 - (i % 10080), act)
        yield {"record": i + 1, "time": t, "frac": (i * 1237) % 10_000_000,
               "computer": "kms01.contoso.com", "data": data, "id": 12290,
               "qualifiers": 16384, "level": 4, "task": 0, "opcode": 0, "version": 0,
               "keywords": 0x80000000000000, "pid": 0, "tid": 0}


def filetime(ev):
    return (ev["time"] + 11644473600) * 10_000_000 + ev["frac"]


def iso_time(ev):
    return "%s.%07dZ" % (time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ev["time"])),
                         ev["frac"])


def name_hash(name):
    h = 0
    for ch in name:
        h = (h * 65599 + ord(ch)) & 0xFFFFFFFF
    return h & 0xFFFF


class Chunk:
    """One 64 KiB chunk: records appended while they fit; names and the template are written
    inline the first time a record uses them and referenced by offset afterwards."""

    def __init__(self):
        self.body = bytearray()            # from CHUNK_HEADER on
        self.names = {}                    # name -> chunk offset of its name structure
        self.template = None               # chunk offset of the template definition
        self.records = []                  # (record number, chunk offset)

    def pos(self, extra=0):
        return CHUNK_HEADER + len(self.body) + extra

    def name_ref(self, out, base):
        """The name's offset, and its structure when it is not yet in the chunk. `base` is the
        chunk offset where `out` starts."""
        def ref(name):
            if name in self.names:
                return struct.pack("<I", self.names[name]), b""
            at = base + len(out) + 4
            self.names[name] = at
            encoded = name.encode("utf-16-le")
            return struct.pack("<I", at), struct.pack("<IHH", 0, name_hash(name),
                                                      len(name)) + encoded + b"\0\0"
        return ref

    def element(self, out, base, name, attrs=(), content=None):
        """An element of the template: attrs [(name, value)], content a text or ("sub", i);
        value ("sub", i) is a substitution, a str a literal."""
        def value(v):
            if isinstance(v, tuple):
                return struct.pack("<BHB", 0x0D, SUB[v[1]], SUBSTITUTIONS[SUB[v[1]]][1])
            return struct.pack("<BBH", 0x05, T_STRING, len(v)) + v.encode("utf-16-le")

        start = len(out)
        out += bytes([0x41 if attrs else 0x01]) + struct.pack("<H", 0xFFFF) + b"\0\0\0\0"
        offset, inline = self.name_ref(out, base)(name)
        out += offset + inline
        if attrs:
            list_at = len(out)
            out += b"\0\0\0\0"
            for k, (attr, v) in enumerate(attrs):
                out += bytes([0x46 if k + 1 < len(attrs) else 0x06])
                offset, inline = self.name_ref(out, base)(attr)
                out += offset + inline + value(v)
            struct.pack_into("<I", out, list_at, len(out) - list_at - 4)
        if content is None and not isinstance(content, list):
            out += b"\x03"
        else:
            out += b"\x02"
            if isinstance(content, list):
                for child in content:
                    self.element(out, base, *child)
            else:
                out += value(content)
            out += b"\x04"
        struct.pack_into("<I", out, start + 3, len(out) - start - 7)

    def template_definition(self, base):
        """The event's template (System and EventData), written at chunk offset `base`."""
        out = bytearray(b"\x0f\x01\x01\x00")
        system = [
            ("Provider", [("Name", PROVIDER[0]), ("Guid", PROVIDER[1]),
                          ("EventSourceName", PROVIDER[2])]),
            ("EventID", [("Qualifiers", ("sub", "qualifiers"))], ("sub", "id")),
            ("Version", (), ("sub", "version")),
            ("Level", (), ("sub", "level")),
            ("Task", (), ("sub", "task")),
            ("Opcode", (), ("sub", "opcode")),
            ("Keywords", (), ("sub", "keywords")),
            ("TimeCreated", [("SystemTime", ("sub", "filetime"))]),
            ("EventRecordID", (), ("sub", "record")),
            ("Correlation",),
            ("Execution", [("ProcessID", ("sub", "pid")), ("ThreadID", ("sub", "tid"))]),
            ("Channel", (), CHANNEL),
            ("Computer", (), ("sub", "computer")),
            ("Security",),
        ]
        event = [("System", (), system),
                 ("EventData", (), [("Data", (), ("sub", "data"))])]
        self.element(out, base, "Event", [("xmlns", NAMESPACE)], event)
        out += b"\x00"
        return bytes(out)

    def record(self, ev):
        """The record's bytes, or None when it does not fit."""
        at = self.pos()
        xml = bytearray(b"\x0f\x01\x01\x00")
        xml += b"\x0c\x01" + struct.pack("<I", 1)
        if self.template is None:
            definition_at = at + 24 + len(xml) + 4
            saved = dict(self.names)
            body = self.template_definition(definition_at + 24)
            xml += struct.pack("<I", definition_at)
            xml += struct.pack("<I", 0) + b"\x11" * 16 + struct.pack("<I", len(body)) + body
        else:
            saved = None
            xml += struct.pack("<I", self.template)
        values = []
        for name, kind in SUBSTITUTIONS:
            v = filetime(ev) if name == "filetime" else ev[name]
            if kind == T_STRING:
                values.append(v.encode("utf-16-le"))
            else:
                fmt = {T_UINT8: "<B", T_UINT16: "<H", T_UINT32: "<I", T_UINT64: "<Q",
                       T_FILETIME: "<Q", T_HEX64: "<Q"}[kind]
                values.append(struct.pack(fmt, v))
        xml += struct.pack("<I", len(values))
        for (name, kind), v in zip(SUBSTITUTIONS, values):
            xml += struct.pack("<HBB", len(v), kind, 0)
        for v in values:
            xml += v
        xml += b"\x00"  # the end of the record's fragment
        size = 24 + len(xml) + 4
        # libevtx (20181227 and 20240504) drops, without an error, a record that ends less
        # than 4 bytes before the end of its chunk: such a chunk would read one record short.
        if self.pos(size) > CHUNK_SIZE - 4:
            if saved is not None:
                self.names = saved
            return None
        if self.template is None:
            self.template = definition_at
        rec = struct.pack("<4sIQQ", b"\x2a\x2a\0\0", size, ev["record"], filetime(ev))
        self.records.append((ev["record"], at))
        self.body += rec + xml + struct.pack("<I", size)
        return True

    def tables(self):
        """The chunk header's string and template tables (hash buckets, chained)."""
        strings = [0] * 64
        chain = {}
        for name, at in sorted(self.names.items(), key=lambda kv: kv[1]):
            bucket = name_hash(name) % 64
            if strings[bucket]:
                chain[at] = strings[bucket]  # the newer name points to the older one
            strings[bucket] = at
        templates = [0] * 32
        if self.template is not None:
            templates[1 % 32] = self.template
        return strings, templates, chain

    def finish(self):
        data = bytearray(CHUNK_SIZE)
        data[CHUNK_HEADER:CHUNK_HEADER + len(self.body)] = self.body
        strings, templates, chain = self.tables()
        for at, nxt in chain.items():
            struct.pack_into("<I", data, at, nxt)
        first, last = self.records[0][0], self.records[-1][0]
        free = CHUNK_HEADER + len(self.body)
        struct.pack_into("<8sQQQQIII", data, 0, b"ElfChnk\0", first, last, first, last, 128,
                         self.records[-1][1], free)
        struct.pack_into("<I", data, 52, zlib.crc32(bytes(data[CHUNK_HEADER:free])))
        struct.pack_into("<64I", data, 128, *strings)
        struct.pack_into("<32I", data, 384, *templates)
        header = bytes(data[:120]) + bytes(data[128:512])
        struct.pack_into("<I", data, 124, zlib.crc32(header))
        return bytes(data)


def write_evtx(path, events):
    chunks, chunk, last = [], Chunk(), 0
    for ev in events:
        if not chunk.record(ev):
            chunks.append(chunk.finish())
            chunk = Chunk()
            if not chunk.record(ev):
                raise ValueError("an event larger than a chunk")
        last = ev["record"]
    if chunk.records:
        chunks.append(chunk.finish())
    header = bytearray(HEADER_SIZE)
    struct.pack_into("<8sQQQIHHHH", header, 0, b"ElfFile\0", 0, len(chunks) - 1, last + 1, 128,
                     1, 3, HEADER_SIZE, len(chunks))
    struct.pack_into("<I", header, 124, zlib.crc32(bytes(header[:120])))
    with open(path, "wb") as f:
        f.write(header)
        for c in chunks:
            f.write(c)


def event_xml(ev):
    """One event as wevtutil /f:xml writes it: one line."""
    return (
        "<Event xmlns='%s'><System><Provider Name='%s' Guid='%s' EventSourceName='%s'/>"
        "<EventID Qualifiers='%d'>%d</EventID><Version>%d</Version><Level>%d</Level>"
        "<Task>%d</Task><Opcode>%d</Opcode><Keywords>0x%x</Keywords>"
        "<TimeCreated SystemTime='%s'/><EventRecordID>%d</EventRecordID><Correlation/>"
        "<Execution ProcessID='%d' ThreadID='%d'/><Channel>%s</Channel>"
        "<Computer>%s</Computer><Security/></System><EventData><Data>%s</Data></EventData>"
        "</Event>\n" % (NAMESPACE, PROVIDER[0], PROVIDER[1], PROVIDER[2], ev["qualifiers"],
                        ev["id"], ev["version"], ev["level"], ev["task"], ev["opcode"],
                        ev["keywords"], iso_time(ev), ev["record"], ev["pid"], ev["tid"],
                        CHANNEL, ev["computer"], ev["data"]))


def write_xml(path, events):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for ev in events:
            f.write(event_xml(ev))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--events", type=int, default=200)
    p.add_argument("--clients", type=int, default=60)
    p.add_argument("evtx")
    p.add_argument("xml")
    a = p.parse_args()
    write_evtx(a.evtx, kms_events(a.events, a.clients))
    write_xml(a.xml, kms_events(a.events, a.clients))


if __name__ == "__main__":
    main()
