#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CLI tests of `slerr search`: the helpdesk queries, ranking, JSON, limits and exit statuses."""

import json
import unittest

from slerrtest import run


def top(*words, limit=3):
    result = run("search", "--json", f"--limit={limit}", *words)
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def ident(hit):
    return hit.get("code") or f"{hit['kind']}:{hit['name']}"


class HelpdeskQueries(unittest.TestCase):
    WANTED = {
        ("count", "insufficient"): "0xC004F038",
        ("timestamp",): "0xC004F06C",
        ("srv", "dns"): "symptom:srv-records-on-non-microsoft-dns",
        ("rearm",): "0xC004D307",
        ("Count", "INSUFFICIENT"): "0xC004F038",
        ("clients", "not", "adding", "count"): "symptom:kms-count-not-increasing",
        ("publish", "failed"): "event:12293",
        ("genuine", "language"): "0x8004FE21",
        ("low", "priority"): "setting:EnableKmsLowPriority",
    }

    def test_wanted_entry_in_top_three(self):
        for words, wanted in self.WANTED.items():
            with self.subTest(query=" ".join(words)):
                result, hits = top(*words)
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertIn(wanted, [ident(h) for h in hits])

    def test_ranks_and_scores_descend(self):
        _, hits = top("kms", "host", limit=20)
        self.assertEqual([h["rank"] for h in hits], list(range(1, len(hits) + 1)))
        scores = [h["score"] for h in hits]
        self.assertEqual(scores, sorted(scores, reverse=True))


class ActivationFirst(unittest.TestCase):
    def hits(self, *words, limit=5):
        result = run("search", "--json", f"--limit={limit}", *words)
        self.assertEqual(result.returncode, 0, result.stderr)
        return [json.loads(line) for line in result.stdout.splitlines()]

    def is_activation(self, hit):
        entry = json.loads(run("--json", hit["code"]).stdout)
        return bool(entry["cause"] or entry["remedy"] or entry["source"] == "slerror.h")

    def test_activation_entries_outrank_generic_texts(self):
        # "product key" and "license" are in hundreds of generic winerror.h texts too.
        for words in (["product", "key", "invalid"], ["license"], ["access", "denied"],
                      ["server", "could", "not"]):
            with self.subTest(words=words):
                hits = [h for h in self.hits(*words) if h["kind"] == "code"]
                self.assertTrue(hits)
                self.assertTrue(all(self.is_activation(h) for h in hits[:3]), hits[:3])

    def test_any_wording_finds_the_entry(self):
        # slerror.h says "the product could not be activated"; slmgr on current Windows says
        # "the computer could not be activated", and older dialogs had their own wording.
        hits = self.hits("computer", "could", "not", "be", "activated", "with", "a", "Volume",
                         "license", "product", "key", limit=1)
        self.assertEqual(hits[0]["code"], "0xC004F035")
        full = run("0xC004F074").stdout
        self.assertIn("Variant:  slmgr.vbs on Windows 10 and later: The Software Licensing Service", full)


class Output(unittest.TestCase):
    def test_text_lines_and_more_note(self):
        result = run("search", "--color=never", "--limit", "2", "kms")
        lines = result.stdout.splitlines()
        self.assertEqual(len(lines), 3)
        self.assertTrue(lines[0].startswith(" 1. "))
        self.assertIn("of", lines[2])

    def test_full_shows_entries(self):
        result = run("search", "--full", "--color=never", "--limit=1", "timestamp")
        self.assertTrue(result.stdout.startswith("0xC004F06C  SL_E_VL_INVALID_TIMESTAMP"))
        self.assertIn("Remedy:", result.stdout)

    def test_nothing_found_exits_1(self):
        result = run("search", "qqqzzzxx")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stdout, "")
        self.assertIn("nothing matches", result.stderr)

    def test_usage_errors(self):
        for args in ([], ["--limit=-1", "kms"], ["--limit=x", "kms"], ["a" * 65],
                     [str(i) for i in range(17)]):
            with self.subTest(args=args):
                result = run("search", *args)
                self.assertEqual(result.returncode, 2)
                self.assertTrue(result.stderr.startswith("slerr: "), result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
