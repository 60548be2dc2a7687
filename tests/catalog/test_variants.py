#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Localized wordings in the catalog: every variant in another language than English names it,
"(zh-CN)", "(de)" ..., carries a real public source in the comment line right above it, and the
languages users paste most are all present (Chinese, German, Japanese, Russian, French,
Spanish); `slerr search` puts the entry in its first three hits for each of them."""

import glob
import os
import re
import subprocess
import sys
import unittest

SLERR = os.environ["SLERR"]
CATALOG = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "data", "catalog")
LANGUAGE_RE = re.compile(r"^variant: [^:]*\((zh-CN|de|ja|ru|fr|es|ko|it|pl|pt-BR)\): (.+)$")
SOURCE_RE = re.compile(r"^# variant source: https?://\S+")
REQUIRED = {"zh-CN", "de", "ja", "ru", "fr", "es"}


def localized_variants():
    """(file, line number, language, text, the line above, the stanza's code)."""
    found = []
    for path in sorted(glob.glob(os.path.join(CATALOG, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        code = None
        for number, line in enumerate(lines, 1):
            if line.startswith("code: "):
                code = line[6:].strip()
            match = LANGUAGE_RE.match(line)
            if match:
                found.append((path, number, match.group(1), match.group(2), lines[number - 2], code))
    return found


class Variants(unittest.TestCase):
    def test_each_localized_wording_has_its_source_beside_it(self):
        variants = localized_variants()
        self.assertGreater(len(variants), 0)
        for path, number, _, _, above, _ in variants:
            with self.subTest(where=f"{path}:{number}"):
                self.assertRegex(above, SOURCE_RE)

    def test_the_languages_users_paste_most_are_there(self):
        self.assertLessEqual(REQUIRED, {language for _, _, language, _, _, _ in localized_variants()})

    def test_search_finds_the_entry_by_each_wording(self):
        for path, number, language, text, _, code in localized_variants():
            with self.subTest(where=f"{path}:{number}", language=language):
                query = " ".join(text.split()[:12])  # a search takes 16 words at most
                result = subprocess.run([SLERR, "search", "--json", "--limit=3", query],
                                        capture_output=True, text=True)
                self.assertEqual(result.returncode, 0, result.stderr)
                # Two codes may share a wording (Microsoft's Russian page names 0x8007007B and
                # 0x8007232B alike): the entry is among the first three.
                self.assertIn(f'"code":"{code}"', result.stdout, f"{code} is not found by its {language} wording")


if __name__ == "__main__":
    sys.exit(unittest.main())
