#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr annotate`: recognised and refused forms, the lossless property (strip the
annotations, compare bytes) on thousands of random and adversarial inputs, buffer boundaries,
--json, colour, line buffering, and read and write errors."""

import json
import os
import random
import re
import select
import subprocess
import tempfile
import unittest

from slerrtest import SLERR

HEX = b"0123456789abcdefABCDEF"
WORD = HEX + b"ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ_"
ANNOTATION_START = b" ["


def annotate(*args, stdin=b"", env=None):
    """Runs slerr annotate on bytes; returns the CompletedProcess with bytes stdout/stderr."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    full_env.update(env or {})
    return subprocess.run([SLERR, "annotate", *args], input=stdin, capture_output=True,
                          env=full_env, timeout=300)


class Catalog:
    """What slerr knows about codes, asked from slerr itself (cached): the name an annotation
    must carry, or None when the code is not in the catalog; and whether the default mode
    marks it (failures; informational codes that concern activation; never a success)."""

    def __init__(self):
        self.entries = {}

    def entry(self, code):
        if code not in self.entries:
            out = subprocess.run([SLERR, "--json", "0x%08X" % code], capture_output=True,
                                 text=True, timeout=60).stdout
            self.entries[code] = json.loads(out)
        return self.entries[code]

    def name(self, code):
        entry = self.entry(code)
        return (entry["symbol"] or entry["code"]) if entry["known"] else None

    def news(self, code):
        entry = self.entry(code)
        if not entry["known"]:
            return False
        return bool(code & 0x80000000) or (code != 0 and bool(
            entry["cause"] or entry["remedy"] or entry["source"] == "slerror.h"))


CATALOG = Catalog()


def is_word(byte):
    return byte is not None and byte in WORD


def code_at_end(text):
    """The code slerr would recognise at the end of `text` if a space came next, as
    (code, form), or None. An independent statement of the rules in include/slerr.h."""
    run = 0
    while run <= 10 and run < len(text) and text[len(text) - 1 - run] in HEX:
        run += 1
    if run < 8 or run > 10:
        return None
    digits = text[len(text) - run:]
    before = [text[len(text) - run - i] if len(text) - run - i >= 0 else None for i in (1, 2, 3)]
    b1, b2, b3 = before
    if run == 8 and b1 in (ord("x"), ord("X")) and b2 == ord("0") and not is_word(b3):
        return int(digits, 16), "hex"  # 0x and eight digits: the HRESULT as written
    if run == 8 and not is_word(b1) and b1 != ord("-"):
        # Lower-case with a letter and no 0x: how hashes look; only --all marks it.
        hashy = any(c in b"abcdef" for c in digits) and not any(c in b"ABCDEF" for c in digits)
        return int(digits, 16), "hash" if hashy else "bare"
    if not digits.isdigit():
        return None
    if b1 == ord("-") and not is_word(b2) and b2 not in (ord("."), ord("-")):
        value = int(digits)
        return ((1 << 32) - value, "decimal") if 0 < value <= 1 << 31 else None
    if run >= 9 and not is_word(b1) and b1 not in (ord("-"), ord(".")):
        value = int(digits)
        if 0 < value < 0x10000:  # a small decimal is a Win32 error ("000000008" too)
            value |= 0x80070000
        return (value, "decimal") if value < 1 << 32 else None
    return None


def marked_name(found, all_codes):
    """The NAME of the annotation for a recognised (code, form), or None when none is written."""
    code, form = found
    name = CATALOG.name(code)
    if name is None:
        return "unknown" if all_codes and form == "hex" else None
    return name if all_codes or (CATALOG.news(code) and form != "hash") else None


URL_ENDS = bytes(range(0x21)) + b"\x7f\"'<>`"
PENDING_MAX = 8  # codes in one URL whose annotations wait for its end; later ones do not wait


def last_word(text):
    """The bytes after the last byte that ends a URL."""
    at = len(text)
    while at > 0 and text[at - 1] not in URL_ENDS:
        at -= 1
    return text[at:]


def code_length(text, found):
    """How many bytes at the end of `text` the recognised code takes."""
    run = 0
    while run < len(text) and text[len(text) - 1 - run] in HEX:
        run += 1
    if found[1] == "hex":
        return 10
    return run + 1 if found[1] == "decimal" and len(text) > run and text[len(text) - run - 1] == ord("-") else run


def url_codes(text, all_codes):
    """The marked codes inside the URL that `text` ends with: (end offset in text, name), for
    each code with "://" before it in the same word."""
    word = last_word(text)
    base, codes = len(text) - len(word), []
    for end in range(1, len(word) + 1):
        head = text[:base + end]
        found = code_at_end(head)
        after = word[end] if end < len(word) else None
        if not found or is_word(after) or (after == ord("-") and found[1] != "hex"):
            continue
        start = len(head) - code_length(head, found)
        name = marked_name(found, all_codes)
        if name and start >= base and b"://" in text[base:start]:
            codes.append((len(head), name))
    return codes


def expected_name(text, all_codes):
    """The NAME of the annotation slerr writes right after `text` (a code that ends it), or None.
    A code inside a URL has its annotation written after the URL instead, unless PENDING_MAX
    codes of that URL are already waiting."""
    found = code_at_end(text)
    if not found:
        return None
    name = marked_name(found, all_codes)
    if name and b"://" in last_word(text):
        waiting = [c for c in url_codes(text, all_codes) if c[0] < len(text)]
        return name if len(waiting) >= PENDING_MAX else None
    return name


def url_names(text, all_codes):
    """The NAMEs written after `text` when a URL ends there (the next byte ends it, or the input)."""
    return [name for _, name in url_codes(text, all_codes)[:PENDING_MAX]]


def take_annotation(output, at, name):
    """Length of the annotation " [NAME: GLOSS]" at output[at:], or 0 when there is none."""
    head = b" [" + name.encode() + b": "
    if not output.startswith(head, at):
        return 0
    close = output.find(b"]", at + len(head))
    newline = output.find(b"\n", at + len(head))
    if close < 0 or (0 <= newline < close):
        return 0
    return close + 1 - at


def strip_annotations(output, lengths, all_codes=False):
    """THE STRIPPING RULE. Walk the output while rebuilding the input; wherever the input rebuilt
    so far ends with a code slerr marks (as it would with a space after it), and the output
    continues with " [NAME: ...]" for that code (up to the first ']'), drop that group; where it
    ends with a URL (a word holding "://"), drop the groups of the marked codes inside the URL
    (after "://"), in order. This is
    unambiguous: slerr inserts exactly one group after each code it recognises, and a recognised
    code followed in the input by text starting with a space would itself have been annotated.
    Each file is a stream of its own: `lengths` are the input sizes, in order."""
    inputs, at = [], 0
    strip_annotations.count = 0
    for length in lengths:
        rebuilt = bytearray()
        while True:
            # Copy up to the next possible group, never past the end of this input.
            limit = at + length - len(rebuilt)
            upto = output.find(ANNOTATION_START, at, limit + len(ANNOTATION_START))
            upto = limit if upto < 0 or upto > limit else upto
            rebuilt += output[at:upto]
            at = upto
            if output.startswith(ANNOTATION_START, at):
                name = expected_name(rebuilt, all_codes)
                taken = take_annotation(output, at, name) if name else 0
                at += taken
                strip_annotations.count += taken > 0
                # Where a URL ends, the groups of the codes inside it, in order.
                for name in url_names(rebuilt, all_codes) if b"://" in last_word(rebuilt) else []:
                    taken = take_annotation(output, at, name)
                    if not taken:
                        break
                    at += taken
                    strip_annotations.count += 1
            if len(rebuilt) == length:
                break
            rebuilt.append(output[at])  # at most one group after a code: move on
            at += 1
        inputs.append(bytes(rebuilt))
    if at != len(output):
        raise AssertionError("output left over after the last input")
    return inputs


POOL = [b"0xC004F074", b"0XC004f038", b"C004F038", b"c004f074", b"-1073418124", b"3221549112",
        b"80070005", b"0x8007232B", b"0xC004F999", b"C004F999", b"0x7ffd12345678", b"20261124",
        b"51c82175-844e-4750-b0d8-ec255555bc06", b"0x", b"0xC004F07", b"-", b".", b"x", b"X",
        b"hr=", b"(", b")", b"error ", b": ", b"\r\n", b"\n", b"\0", b"\xff\xfe", b"\xc3\xa9",
        b" [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: fake]", b" [", b"]", b"[unknown: x]",
        b" [ERROR_ACCESS_DENIED: access is denied]", b"9", b"a", b"F", b"_", b"\t",
        b"https://", b"://", b":/", b"/", b"?x=", b"0x00000000", b"0x00000001", b"00000000",
        b"0x4004F040", b"0xC0000022", b"\"", b"<"]


def random_input(rng):
    """Random text of codes and near-codes. No line opens with '{': a line that does is taken
    for a JSON object, where the groups follow the JSON rule (JsonLines checks that one)."""
    parts = []
    for _ in range(rng.randrange(0, 40)):
        kind = rng.randrange(4)
        if kind == 0:
            parts.append(bytes(rng.randrange(256) for _ in range(rng.randrange(1, 12))))
        else:
            parts.append(rng.choice(POOL))
    return re.sub(rb"(^|\n)([ \t\r]*)\{", rb"\1\2(", b"".join(parts))


ADVERSARIAL = [
    b"",
    b"0xC004F074",
    b"0xC004F074\r\n",
    b"slmgr failed: 0xC004F074\r\n",
    b"\0" * 100 + b"0xC004F074" + b"\0" * 3,
    b"\xff0xC004F074\xfe",
    b"0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: already annotated]",
    b"0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: x] [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: y]",
    b"C004F999 [unknown: not in the catalog]",
    b"3221549112-1073418124",
    b"-1073418124-1073418124 -1073418124",
    b"x" * 5000 + b" 0xC004F074" + b"y" * 5000,
    b"0xC004F074" * 50,
    b"0xC004F074 " * 50,
    b"no newline at the end -1073418124",
    b"\r\r\n\n\r0xc004f038\r",
    b"[" * 30 + b"0xC004F038" + b"]" * 30,
]


class Forms(unittest.TestCase):
    def test_done_when_crlf_is_kept(self):
        result = annotate(stdin=b"slmgr failed: 0xC004F074\r\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith(
            b"slmgr failed: 0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: "), result.stdout)
        self.assertTrue(result.stdout.endswith(b"]\r\n"))
        self.assertIn(b"Key Management Service (KMS) could be contacted", result.stdout)

    def test_recognised_forms(self):
        cases = {
            b"hr=0xC004F038;": b"hr=0xC004F038 [SL_E_VL_NOT_ENOUGH_COUNT: ",
            b"failed (0xC004F074)": b"failed (0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: ",
            b"error 0x8007232B: x": b"error 0x8007232B [DNS_ERROR_RCODE_NAME_ERROR: ",
            b"exit -1073418124": b"exit -1073418124 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: ",
            b"code 3221549112.": b"code 3221549112 [SL_E_VL_NOT_ENOUGH_COUNT: ",
            b"0XC004f038": b"0XC004f038 [SL_E_VL_NOT_ENOUGH_COUNT: ",
            b"Error: C004F074 x": b"Error: C004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: ",
            b"status 80070005": b"status 80070005 [ERROR_ACCESS_DENIED: ",
        }
        self.assert_marked(cases, at_start=True)

    def assert_marked(self, cases, at_start=False):
        """Each text's output holds (or starts with) its group, and strips back to the text."""
        for text, part in cases.items():
            with self.subTest(text=text):
                out = annotate(stdin=text).stdout
                self.assertTrue(out.startswith(part) if at_start else part in out, out)
                self.assertEqual(strip_annotations(out, [len(text)]), [text])

    def test_refused_forms_are_copied_untouched(self):
        for text in [b"0x7ffd12345678", b"51c82175-844e-4750-b0d8-ec255555bc06",
                     b"{C004F074-0000-0000-0000-000000000000}", b"date 20261124",
                     b"pid 12345678", b"0xC004F0741", b"0xC004F07", b"10xC004F074",
                     b"0xC004F074g", b"id-C004F074", b"v1.3221549112", b"abc-1073418124",
                     b"99999999999", b"0xC004F999", b"C004F999"]:
            with self.subTest(text=text):
                result = annotate(stdin=text + b"\n")
                self.assertEqual(result.returncode, 0)
                self.assertEqual(result.stdout, text + b"\n")

    def test_unknown_hex_codes_only_with_all(self):
        text = b"a 0xC004F999 b C004F999 c\n"
        self.assertEqual(annotate(stdin=text).stdout, text)
        out = annotate("--all", stdin=text).stdout
        self.assertTrue(out.startswith(b"a 0xC004F999 [unknown: not in the catalog; facility 4"),
                        out)
        self.assertIn(b"b C004F999 c\n", out, "bare words stay catalog-only")
        self.assertEqual(strip_annotations(out, [len(text)], all_codes=True), [text])

    def test_eight_digit_hex_is_the_hresult_as_written(self):
        # 0x00000001 is S_FALSE/STATUS_WAIT_1, never HRESULT_FROM_WIN32(1); --all names it so.
        out = annotate("--all", stdin=b"hr=0x00000001\n").stdout
        self.assertNotIn(b"ERROR_INVALID_FUNCTION", out)
        self.assertNotIn(b"WIN32", out)
        self.assertTrue(out.startswith(b"hr=0x00000001 [STATUS_WAIT_1: "), out)

    def test_success_in_a_status_field_is_not_news(self):
        text = b"Info: 0x00000000, 0x00000001, 00000000; failed 0x80070005 and 0xC0000022\n"
        out = annotate(stdin=text).stdout
        self.assertIn(b"Info: 0x00000000, 0x00000001, 00000000; failed", out)
        self.assertIn(b"0x80070005 [ERROR_ACCESS_DENIED: Access is denied]", out)
        self.assertIn(b"0xC0000022 [STATUS_ACCESS_DENIED: ", out)
        info = annotate(stdin=b"x 0x4004F040 y\n").stdout  # informational, about activation
        self.assertIn(b"0x4004F040 [SL_E_VL_INFO_PRODUCT_USER_RIGHT: ", info)

    def test_store_servicing_and_dotnet_codes_are_marked(self):
        # As the reports in data/real-world-codes.txt show them (DISM, the Store, slmgr, winget).
        cases = {
            b"Error: 0x800f081f\n": b"Error: 0x800f081f [CBS_E_SOURCE_MISSING: ",
            b"Here's the error code, in case you need it: 0x87E10BC6\n":
                b"in case you need it: 0x87E10BC6 [LM_E_SATISFACTION_CONTENTIDNOTINCATALOG: ",
            b"Activation Failed [Error Code: 0x803FB017]\n": b"0x803FB017 [",
            b"Error code: 0x8015dc12\n": b"0x8015dc12 [",
            b"The Confirmation ID could not be retrieved (0x80131600)\n": b"(0x80131600 [COR_E_APPLICATION: ",
        }
        self.assert_marked(cases)

    def test_look_alikes_outside_licensing_text_are_not_marked(self):
        # A git log, a digest and identifiers that happen to spell the new codes in lower-case
        # hex without 0x: hashes, not codes. --all still shows what they would be.
        text = (b"commit 87e10bc6 (HEAD -> main)\n"
                b"Merge: 803fb005 800f081f\n"
                b"    fix build (see 8015dc12, 87e00017)\n"
                b"sha256 803fb017c004f0740f5ec2d1\n"
                b"uuid 87e10bc6-1f2e-4a5b-9c8d-0123456789ab\n")
        self.assertEqual(annotate(stdin=text).stdout, text)
        self.assertIn(b"87e10bc6 [LM_E_SATISFACTION_CONTENTIDNOTINCATALOG: ", annotate("--all", stdin=text).stdout)

    def test_annotation_follows_the_url(self):
        text = b"see https://example.com/kb/0xC004F074/fix?hr=0xC004F038 now\n"
        out = annotate(stdin=text).stdout
        self.assertTrue(out.startswith(b"see https://example.com/kb/0xC004F074/fix?hr=0xC004F038 "
                                       b"[SL_E_VL_BINDING_SERVICE_UNAVAILABLE: "), out)
        self.assertIn(b"] [SL_E_VL_NOT_ENOUGH_COUNT: ", out)
        self.assertTrue(out.endswith(b"] now\n"))
        self.assertEqual(strip_annotations(out, [len(text)]), [text])
        end = annotate(stdin=b"<http://h/0xC004F074>").stdout  # the URL ends at '>' and at EOF
        self.assertTrue(end.startswith(b"<http://h/0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: "))
        self.assertTrue(end.endswith(b"]>"))

    def test_url_split_across_reads(self):
        # "://" and the code on either side of the read size: the group still follows the URL.
        for cut in range(1, 8):
            text = b"x" * (65536 - cut) + b" https://h/0xC004F074/y z\n"
            out = annotate(stdin=text).stdout
            self.assertIn(b"/0xC004F074/y [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: ", out, cut)
            self.assertEqual(strip_annotations(out, [len(text)]), [text])

    def test_every_gloss_starts_with_a_capital(self):
        text = b"0xC004F038 0xC004F074 0x80070005 0xC004F06C 0x8007232B 0xC004C008\n"
        out = annotate(stdin=text).stdout
        glosses = [g.split(b"]")[0] for g in out.split(b": ")[1:]]
        self.assertEqual(len(glosses), 6)
        for gloss in glosses:
            self.assertTrue(gloss[:1].isupper(), gloss)

    def test_gloss_has_no_bracket_or_line_break(self):
        out = annotate(stdin=b"0xC004F038\n").stdout
        gloss = out[out.index(b": ") + 2:out.rindex(b"]")]
        self.assertNotIn(b"]", gloss)
        self.assertNotIn(b"\n", gloss)
        self.assertNotIn(b"Please contact", gloss, "the gloss is the gist, not the whole text")


class Lossless(unittest.TestCase):
    def check_files(self, inputs, *args):
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for i, data in enumerate(inputs):
                paths.append(os.path.join(tmp, "in%05d" % i))
                with open(paths[-1], "wb") as f:
                    f.write(data)
            result = annotate(*args, *paths)
            self.assertEqual(result.returncode, 0, result.stderr)
            rebuilt = strip_annotations(result.stdout, [len(d) for d in inputs],
                                        all_codes="--all" in args)
            for i, (want, got) in enumerate(zip(inputs, rebuilt)):
                self.assertEqual(got, want, "input %d not given back" % i)
            matches = annotate("--json", *args, *paths).stdout.splitlines()
            self.assertEqual(len(matches), strip_annotations.count,
                             "--json and the text disagree on the codes found")
            by_path = dict(zip(paths, inputs))
            for line in matches:
                record = json.loads(line)
                data = by_path[record["file"]]
                text = record["text"].encode()
                offset = record["offset"]
                self.assertEqual(data[offset:offset + len(text)], text)
                self.assertEqual(record["line"], data[:offset].count(b"\n") + 1)
                self.assertEqual(record["column"], offset - (data.rfind(b"\n", 0, offset) + 1) + 1)
            return result.stdout

    def test_random_inputs(self):
        rng = random.Random(1722)
        inputs = [random_input(rng) for _ in range(3000)]
        out = self.check_files(inputs)
        self.assertGreater(out.count(b" [SL_E_"), 1000, "the inputs should hold many codes")
        self.check_files(inputs, "--all")

    def test_adversarial_inputs(self):
        self.check_files(ADVERSARIAL)
        self.check_files(ADVERSARIAL, "--all")

    def test_annotating_twice_strips_back_twice(self):
        once = annotate(stdin=b"".join(ADVERSARIAL)).stdout
        twice = annotate(stdin=once).stdout
        self.assertEqual(strip_annotations(twice, [len(once)]), [once])

    def test_codes_across_the_read_size(self):
        # Files are read 256 KiB at a time: put a code across that boundary at every offset.
        window = 256 << 10
        code = b"0xC004F074"
        inputs = []
        for shift in range(len(code) + 2):
            start = window - shift
            inputs.append(b"a" * (start - 1) + b" " + code + b"\r\n")
        out = self.check_files(inputs)
        self.assertEqual(out.count(b"[SL_E_VL_BINDING_SERVICE_UNAVAILABLE: "), len(inputs))

    def test_pipe_and_file_give_the_same_output(self):
        rng = random.Random(7)
        data = b"".join(random_input(rng) for _ in range(20000))
        with tempfile.NamedTemporaryFile() as f:
            f.write(data)
            f.flush()
            from_file = annotate(f.name).stdout
        from_pipe = annotate(stdin=data).stdout
        self.assertEqual(from_file, from_pipe)
        self.assertEqual(strip_annotations(from_pipe, [len(data)]), [data])


class Output(unittest.TestCase):
    def test_json_lines(self):
        text = b"x\r\n  hr=0xC004F074 and -1073418124\nC004F038"
        result = annotate("--json", stdin=text)
        self.assertEqual(result.returncode, 0)
        records = [json.loads(line) for line in result.stdout.splitlines()]
        self.assertEqual([r["code"] for r in records], ["0xC004F074", "0xC004F074", "0xC004F038"])
        first = records[0]
        self.assertEqual((first["file"], first["line"], first["column"], first["offset"]),
                         ("-", 2, 6, 8))
        self.assertEqual(first["symbol"], "SL_E_VL_BINDING_SERVICE_UNAVAILABLE")
        self.assertTrue(first["known"])
        self.assertIn("could be contacted", first["message"])
        self.assertEqual(records[1]["text"], "-1073418124")
        self.assertEqual((records[2]["line"], records[2]["column"]), (3, 1))

    def test_json_file_names_and_unknown_codes(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "caf\xe9 \"log\".txt")
            with open(path, "wb") as f:
                f.write(b"0xC004F999\n")
            result = annotate("--json", "--all", path)
        record = json.loads(result.stdout)
        self.assertEqual(record["file"], path)
        self.assertFalse(record["known"])
        self.assertIsNone(record["symbol"])

    def test_colour(self):
        plain = annotate("--color=never", stdin=b"0xC004F074\n").stdout
        coloured = annotate("--color=always", stdin=b"0xC004F074\n").stdout
        self.assertNotIn(b"\033[", plain)
        self.assertTrue(coloured.startswith(b"0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: "
                                            b"\033[2m"), "colour only inside the gloss")
        self.assertTrue(coloured.endswith(b"\033[0m]\n"), coloured)

    def test_coloured_output_strips_back_by_the_same_rule(self):
        # README's rule, and its sed, hold for --color=always output as for plain output.
        rng = random.Random(12290)
        text = b"".join(random_input(rng) for _ in range(300)) + b"\nhr=0xC004F074\n"
        for extra in ([], ["--all"]):
            coloured = annotate("--color=always", *extra, stdin=text).stdout
            self.assertIn(b"\033[2m", coloured)
            self.assertEqual(strip_annotations(coloured, [len(text)], bool(extra)), [text])
        simple = b"hr=0xC004F074; C004F038 and -1073418124\n"
        for colour in ("always", "never"):
            out = annotate("--color=" + colour, stdin=simple).stdout
            sed = subprocess.run(["sed", r"s/ \[[A-Za-z0-9_]*: [^]]*\]//g"], input=out,
                                 capture_output=True, check=True).stdout
            self.assertEqual(sed, simple, colour)

    def test_line_buffered_output_comes_before_end_of_input(self):
        with subprocess.Popen([SLERR, "annotate", "--line-buffered"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE) as proc:
            proc.stdin.write(b"first 0xC004F074\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 30)
            self.assertTrue(ready, "nothing written while the input stays open")
            line = proc.stdout.readline()
            self.assertTrue(line.startswith(b"first 0xC004F074 [SL_E_"), line)
            proc.stdin.close()
            self.assertEqual(proc.wait(timeout=60), 0)


GROUP = re.compile(r" \[([^\]]*)\]")


def strip_groups(value):
    """A decoded JSON value with every " [NAME: GLOSS]" group dropped from its strings."""
    if isinstance(value, str):
        return GROUP.sub("", value)
    if isinstance(value, list):
        return [strip_groups(v) for v in value]
    if isinstance(value, dict):
        return {k: strip_groups(v) for k, v in value.items()}
    return value


class JsonLines(unittest.TestCase):
    """A JSON Lines log stays valid JSON, for every gloss of the catalog (some hold '"' or
    '\\'): a code in a string gets its group inside that string, escaped; a code written as a
    number is listed in the "slerr" member added at the object's end. The decoded group is the
    one plain text gets, and dropping the groups and the member gives the input object back."""

    @classmethod
    def setUpClass(cls):
        listing = subprocess.run([SLERR, "list", "--kind=code", "--json"], capture_output=True,
                                 text=True, timeout=120, check=True).stdout
        cls.codes = [int(json.loads(line)["code"], 16) for line in listing.splitlines()]
        # what plain text gets after each form of each code: the reference groups
        plain = "".join("0x%08X %d\n" % (c, c) for c in cls.codes).encode()
        out = annotate(stdin=plain).stdout.decode().splitlines()
        cls.plain_groups = {}
        for code, line in zip(cls.codes, out):
            hex_part, _, dec_part = line.partition(" %d" % code)
            cls.plain_groups[code] = (GROUP.findall(hex_part), GROUP.findall(dec_part))

    def log_line(self, code):
        return {"time": "2026-12-04T10:00:00Z", "path": "C:\\Windows\\System32\\slmgr.vbs",
                "message": "Activation failed: 0x%08X (\"retry\")" % code, "hr": code,
                "nested": {"list": [1, "x"]}}

    def test_every_gloss_keeps_each_line_json(self):
        objects = [self.log_line(c) for c in self.codes]
        stdin = "".join(json.dumps(o, separators=(",", ":")) + "\n" for o in objects).encode()
        result = annotate(stdin=stdin)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.decode().split("\n")
        self.assertEqual(lines[-1], "")
        self.assertEqual(len(lines) - 1, len(objects))
        quoted = 0
        for code, original, line in zip(self.codes, objects, lines):
            try:
                got = json.loads(line)
            except ValueError as e:
                self.fail(f"0x{code:08X}: not JSON ({e}): {line!r}")
            hex_groups, dec_groups = self.plain_groups[code]
            self.assertEqual(GROUP.findall(got["message"]), hex_groups, f"0x{code:08X}")
            quoted += any('"' in g or "\\" in g for g in hex_groups)
            members = got.pop("slerr", [])
            self.assertEqual(["%s: %s" % (m["symbol"] or m["code"], m["gloss"]) for m in members],
                             dec_groups, f"0x{code:08X}: the number's entry")
            for m in members:
                self.assertEqual((m["text"], m["code"]), (str(code), "0x%08X" % code))
            got["message"] = GROUP.sub("", got["message"])
            self.assertEqual(got, original, "dropping the groups and the member gives the input")
        self.assertGreater(quoted, 0, "no gloss with '\"' or '\\\\': the escaping went untested")

    def test_random_objects_stay_json_and_strip_back(self):
        rng = random.Random(21)
        words = [w.decode("latin-1") for w in POOL if b"[" not in w and b"]" not in w]
        numbers = [3221549112, -1073418124, 2147942405, 0, 1, 42, 3221549056]
        objects = []
        for _ in range(2000):
            obj = {}
            for k in range(rng.randrange(1, 6)):
                kind = rng.randrange(3)
                value = ("".join(rng.choice(words) for _ in range(rng.randrange(0, 8))) if kind == 0
                         else rng.choice(numbers) if kind == 1
                         else [rng.choice(numbers), {"s": rng.choice(words)}])
                obj["k%d" % k] = value
            objects.append(obj)
        stdin = "".join(json.dumps(o) + "\n" for o in objects).encode()
        for args in ([], ["--all"]):
            lines = annotate(*args, stdin=stdin).stdout.decode().splitlines()
            self.assertEqual(len(lines), len(objects))
            for original, line in zip(objects, lines):
                got = json.loads(line)
                got.pop("slerr", None)
                self.assertEqual(strip_groups(got), original, line)

    def test_negative_and_several_numbers_go_in_one_member(self):
        line = b'{"a":-1073418124,"b":[3221549112],"c":"x"}\n'
        got = json.loads(annotate(stdin=line).stdout)
        self.assertEqual([m["text"] for m in got["slerr"]], ["-1073418124", "3221549112"])
        self.assertEqual([m["code"] for m in got["slerr"]], ["0xC004F074", "0xC004F038"])
        self.assertEqual(list(got), ["a", "b", "c", "slerr"], "the member comes last")

    def test_not_json_lines_keep_the_plain_groups(self):
        text = b'{"open": 3221549172\nplain 0xC004F074 "x"\n[0xC004F074]\n'
        out = annotate(stdin=text).stdout.decode().splitlines()
        self.assertRegex(out[0], r'^\{"open": 3221549172 \[SL_E_VL_BINDING_SERVICE_UNAVAILABLE: [^\]]*\]$',
                         "an object the line does not close gets the group at the end of the line")
        self.assertRegex(out[1], r'^plain 0xC004F074 \[SL_E_[^\]]*\] "x"$')
        self.assertRegex(out[2], r'^\[0xC004F074 \[SL_E_[^\]]*\]\]$', "only objects are JSON lines here")

    def test_code_in_a_url_inside_a_string(self):
        line = b'{"u":"https://kms.example/0xC004F074?x=1","v":2}\n'
        got = json.loads(annotate(stdin=line).stdout)
        self.assertRegex(got["u"], r"^https://kms.example/0xC004F074\?x=1 \[SL_E_VL_BINDING_SERVICE_UNAVAILABLE: ")

    def test_json_split_across_reads(self):
        # a '}' and the string state carried over the read size (64 KiB)
        pad = "p" * (65536 - len('{"m":"') - 3)
        line = ('{"m":"%s","hr":3221549172}\n' % pad).encode()
        got = json.loads(annotate(stdin=line).stdout)
        self.assertEqual(got["slerr"][0]["code"], "0xC004F074")


class Errors(unittest.TestCase):
    def test_unreadable_file_is_reported_and_the_run_goes_on(self):
        with tempfile.TemporaryDirectory() as tmp:
            good = os.path.join(tmp, "good.log")
            with open(good, "wb") as f:
                f.write(b"0xC004F074\n")
            missing = os.path.join(tmp, "missing.log")
            result = annotate(missing, tmp, good, "-", stdin=b"C004F038\n")
        self.assertEqual(result.returncode, 3)  # a read error
        self.assertIn(b"slerr: " + missing.encode() + b": No such file or directory",
                      result.stderr)
        self.assertIn(b"slerr: " + tmp.encode() + b": Is a directory", result.stderr)
        self.assertTrue(result.stdout.startswith(b"0xC004F074 [SL_E_"), result.stdout)
        self.assertIn(b"C004F038 [SL_E_VL_NOT_ENOUGH_COUNT", result.stdout)

    def test_full_disk_ends_the_run_with_a_message(self):
        with open("/dev/full", "wb") as full:
            result = subprocess.run([SLERR, "annotate"], input=b"0xC004F074\n" * 100000,
                                    stdout=full, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(result.returncode, 3)  # a write error
        self.assertIn(b"slerr: cannot write output: No space left on device", result.stderr)

    def test_closed_pipe_ends_the_run_with_a_message(self):
        with tempfile.NamedTemporaryFile() as f:
            f.write(b"line 0xC004F074\n" * 400000)
            f.flush()
            with subprocess.Popen([SLERR, "annotate", f.name], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) as proc:
                proc.stdout.read(100)
                proc.stdout.close()
                stderr = proc.stderr.read()
                proc.wait(timeout=60)
        self.assertEqual(proc.returncode, 3)  # a write error
        self.assertIn(b"slerr: cannot write output: Broken pipe", stderr)

    def test_file_truncated_while_read(self):
        # A log rotated under us is an ordinary short read: what was read is annotated, the run
        # goes on with the next file, and no signal kills it (mapped files raised SIGBUS).
        with tempfile.TemporaryDirectory() as tmp:
            path, good = os.path.join(tmp, "rotated.log"), os.path.join(tmp, "good.log")
            with open(path, "wb") as f:
                f.write(b"line 0xC004F074 and some text\n" * (2 << 20))
            with open(good, "wb") as f:
                f.write(b"C004F038\n")
            with subprocess.Popen([SLERR, "annotate", path, good], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) as proc:
                head = proc.stdout.read(4096)  # it is now busy with the file, held up by the pipe
                os.truncate(path, 0)
                out = head + proc.stdout.read()
                stderr = proc.stderr.read()
                proc.wait(timeout=60)
        self.assertEqual((proc.returncode, stderr), (0, b""))
        self.assertTrue(out.startswith(b"line 0xC004F074 [SL_E_VL_BINDING_SERVICE_UNAVAILABLE: "))
        self.assertLess(len(out), 2 << 25, "the truncated part is not read")
        self.assertTrue(out.endswith(b"C004F038 [SL_E_VL_NOT_ENOUGH_COUNT: The count reported by "
                                     b"your Key Management Service (KMS) is insufficient]\n"))

    def test_file_growing_while_read(self):
        # Lines appended while the file is read are read too, up to the end found then.
        line = b"line 0xC004F074 and some text\n"
        with tempfile.NamedTemporaryFile() as f:
            f.write(line * (1 << 20))
            f.flush()
            with subprocess.Popen([SLERR, "annotate", f.name], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) as proc:
                head = proc.stdout.read(4096)
                f.write(b"appended C004F038\n")
                f.flush()
                out = head + proc.stdout.read()
                stderr = proc.stderr.read()
                proc.wait(timeout=60)
        self.assertEqual((proc.returncode, stderr), (0, b""))
        self.assertEqual(out.count(b"[SL_E_VL_BINDING_SERVICE_UNAVAILABLE: "), 1 << 20)
        self.assertTrue(out.endswith(b"appended C004F038 [SL_E_VL_NOT_ENOUGH_COUNT: The count "
                                     b"reported by your Key Management Service (KMS) is "
                                     b"insufficient]\n"))

    def test_usage(self):
        self.assertEqual(annotate("--bogus").returncode, 2)
        helped = annotate("--help")
        self.assertEqual(helped.returncode, 0)
        self.assertIn(b"Usage: slerr annotate", helped.stdout)


if __name__ == "__main__":
    unittest.main()
