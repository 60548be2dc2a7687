#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Measures `slerr explain --json` on a batch of held-out pastes: the share whose worst
severity and codes match their .expect sidecar, and how many real activation pastes
(verdict other than `nothing`) come back "nothing recognisable" (exit 2).

    tests/explain/unseen/measure.py SLERR [NAMES [DIR]]

NAMES lists the batch's pastes (default PASTES, the first batch), DIR holds them (default
../corpus, where a batch moves once measured)."""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "corpus"))
import table  # noqa: E402  (the corpus's sidecar reader)


def norm(code):
    return "0x" + code[2:].upper() if code.lower().startswith("0x") else code.upper()


def run(slerr, path):
    r = subprocess.run([slerr, "explain", "--json", path], capture_output=True, timeout=60)
    if r.returncode not in (0, 1, 2):  # a usage or set-up error is no verdict: stop
        sys.exit(f"{path}: slerr exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    worst, codes = "nothing", set()
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        obj = json.loads(line)
        if obj.get("kind") == "summary":
            worst = obj.get("worst") or "nothing"
        for finding in obj.get("findings", []):
            codes.update(norm(c) for c in finding.get("codes", []))
    return worst, codes, r.returncode


def main():
    slerr = sys.argv[1]
    names_file = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "PASTES")
    directory = sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, "..", "corpus")
    with open(names_file, encoding="utf-8") as f:
        names = {line.strip() for line in f if line.strip()}
    pastes = {n: p for n, p in table.pastes(directory).items() if n in names}
    right, unrecognised = 0, []
    for name, fields in sorted(pastes.items()):
        want = set() if fields["codes"] in ("-", "") else {norm(c) for c in fields["codes"].split()}
        worst, codes, status = run(slerr, os.path.join(directory, name + ".txt"))
        ok = worst == fields["verdict"] and codes == want
        right += ok
        if status == 2 and fields["verdict"] != "nothing":
            unrecognised.append(name)
        print(f"{'PASS' if ok else 'FAIL'} {name}: want {fields['verdict']} {sorted(want)}, "
              f"got {worst} {sorted(codes)} (exit {status})")
    print(f"right: {right}/{len(pastes)} ({100.0 * right / len(pastes):.1f} %); "
          f"real activation pastes read as nothing recognisable: {len(unrecognised)} "
          f"{unrecognised}")


if __name__ == "__main__":
    main()
