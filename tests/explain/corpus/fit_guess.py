#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fits the word weights of src/explain/guess.c to the corpus and writes
src/explain/guess_weights.def: a logistic regression over which words a paste holds (as
tests/unit/guess_words.c reads them): pastes that report no code and that a reader should call
critical or warning, against the negative controls (verdict nothing). Pastes with a code are
left out (the code fallback reads a code; the guess speaks only where nothing was read, and
fitted on them it weighs the words around codes), and so are ok and note pastes.

    tests/explain/corpus/fit_guess.py GUESS_WORDS [--slerr SLERR] [--threshold T] [--check]

Before fitting on every paste it prints what the fit does on pastes it has not seen: each
held-out batch of ../unseen (PASTES, PASTES2 ...) is scored by a fit on all the others. With
--slerr, also on the pastes that binary reads as nothing recognisable, the only ones the guess
speaks for. --check fits and compares with the file instead of writing it (the suite runs it).
Run it again whenever a paste or a sidecar of the corpus changes."""

import argparse
import collections
import math
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "explain", "guess_weights.def")
sys.path.insert(0, HERE)
import table  # noqa: E402

SLOTS = 8192          # EX_GUESS_SLOTS
MIN_PASTES = 3        # a word in fewer pastes says more about them than about a kind of text
L2, EPOCHS, RATE = 0.01, 15, 0.1
KEEP = 0.02           # smaller weights are left out of the table


def words_of(tool, paths):
    out = subprocess.run([tool] + paths, capture_output=True, check=True).stdout
    words = {}
    for line in out.decode("utf-8").splitlines():
        path, *ws = line.split("\t")
        words[path] = frozenset(ws)
    return words


def label(fields):
    if fields["verdict"] == "nothing":
        return 0
    if fields["verdict"] in ("critical", "warning") and fields["codes"] in ("-", ""):
        return 1
    return None


def fit(docs):
    """docs: [(words, label)] -> (weights, bias)"""
    df = collections.Counter()
    for ws, _ in docs:
        df.update(ws)
    vocab = {w for w, c in df.items() if c >= MIN_PASTES}
    weights, bias = collections.defaultdict(float), 0.0
    order = list(docs)
    shuffle = random.Random(1)
    for epoch in range(EPOCHS):
        shuffle.shuffle(order)
        rate = RATE / (1 + epoch)
        for ws, y in order:
            present = sorted(w for w in ws if w in vocab)  # sorted: the sum, to its last bit, the same in every run
            z = bias + sum(weights[w] for w in present)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            bias -= rate * g
            for w in present:
                weights[w] -= rate * (g + L2 * weights[w])
    return weights, bias


def score(model, ws):
    weights, bias = model
    return bias + sum(weights.get(w, 0.0) for w in ws)


def batches():
    unseen = os.path.join(HERE, "..", "unseen")
    of = {}
    for entry in os.listdir(unseen):
        if entry.startswith("PASTES"):
            with open(os.path.join(unseen, entry), encoding="utf-8") as f:
                for name in f:
                    if name.strip():
                        of[name.strip()] = entry
    return of


def report(what, rows, threshold):
    real = [s for s, y in rows if y]
    neg = [s for s, y in rows if not y]
    if not real or not neg:
        return
    auc = sum((r > n) + 0.5 * (r == n) for r in real for n in neg) / (len(real) * len(neg))
    print(f"{what}: {sum(s >= threshold for s in real)}/{len(real)} trouble pastes over the "
          f"threshold, {sum(s >= threshold for s in neg)}/{len(neg)} negatives; AUC {auc:.3f}")


def cross_validate(names, docs, pastes, threshold, unread):
    group = batches()
    rows, rows_unread = [], []
    for g in sorted({group.get(n, "rest") for n in names}):
        train = [(docs[n], label(pastes[n])) for n in names if group.get(n, "rest") != g]
        model = fit(train)
        for n in names:
            if group.get(n, "rest") == g:
                row = (score(model, docs[n]), label(pastes[n]))
                rows.append(row)
                if unread is not None and n in unread:
                    rows_unread.append(row)
    report("held out, every paste", rows, threshold)
    if unread is not None:
        report("held out, pastes read as nothing recognisable", rows_unread, threshold)


def fnv1a(word):
    h = 2166136261
    for b in word.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h or 1


def table_text(model, npastes):
    weights, bias = model
    slots = {}
    hashes = set()
    for w in sorted(weights, key=lambda w: (-abs(weights[w]), w)):
        milli = max(-32767, min(32767, round(1000 * weights[w])))
        h = fnv1a(w)
        if abs(weights[w]) < KEEP or milli == 0 or h in hashes:
            continue
        hashes.add(h)
        i = h & (SLOTS - 1)
        while i in slots:
            i = (i + 1) & (SLOTS - 1)
        slots[i] = (h, milli, w)
        if len(slots) > SLOTS * 3 // 4:
            sys.exit("the table is too full: raise EX_GUESS_SLOTS")
    return slots, round(1000 * bias)


def write(model, npastes, threshold):
    slots, bias = table_text(model, npastes)
    lines = ["/* SPDX-License-Identifier: MIT */",
             "/* guess_weights.def: written by tests/explain/corpus/fit_guess.py from "
             f"{npastes} corpus pastes; do not edit.",
             " * GUESS_SLOT(slot, FNV-1a hash of the word, weight in thousandths) and the "
             "word. */",
             f"GUESS_BIAS({bias})",
             f"GUESS_THRESHOLD({round(1000 * threshold)})"]
    for i in sorted(slots):
        h, milli, w = slots[i]
        safe = w.replace("*/", "* /")
        lines.append(f"GUESS_SLOT({i}, 0x{h:08x}u, {milli}) /* {safe} */")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool")
    ap.add_argument("--slerr")
    ap.add_argument("--threshold", type=float, default=1.0)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    pastes = table.pastes(HERE)
    names = sorted(n for n in pastes if label(pastes[n]) is not None)
    paths = [os.path.join(HERE, n + ".txt") for n in names]
    by_path = words_of(args.tool, paths)
    docs = {n: by_path[p] for n, p in zip(names, paths)}
    unread = None
    if args.slerr:
        unread = {n for n, p in zip(names, paths)
                  if subprocess.run([args.slerr, "explain", p], capture_output=True).returncode == 2}
    if not args.check:
        cross_validate(names, docs, pastes, args.threshold, unread)
    model = fit([(docs[n], label(pastes[n])) for n in names])
    text = write(model, len(names), args.threshold)
    if args.check:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{OUT} is not what the corpus fits: run {sys.argv[0]} {args.tool}")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
