#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: the start-up cost of embedding libslerr. A program linked with libslerr.so that
describes one code, against a libc-only program printing one line (the baseline), whole
processes timed by hyperfine in the same run; then the relocations the dynamic loader
applies to each (LD_DEBUG=statistics) and in libslerr.so (readelf -r). Prints figures and the
ratio (target <= 1.2x; fewer than 1,000 relocations); never fails on time."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

LINKED, BASELINE, LIBRARY = os.environ["LINKED"], os.environ["BASELINE"], os.environ["LIBSLERR"]


def relocations(program):
    """Symbol and relative relocations the loader processed for a whole run of `program`
    (LD_DEBUG=statistics)."""
    result = subprocess.run([program], env={**os.environ, "LD_DEBUG": "statistics"},
                            capture_output=True, text=True)
    found = [re.search(rf"number of {kind}relocations:\s*(\d+)", result.stderr)
             for kind in ("", "relative ")]
    return "{} symbol, {} relative".format(*(f.group(1) if f else "?" for f in found))


def library_relocations():
    listing = subprocess.run(["readelf", "-rW", LIBRARY], capture_output=True, text=True,
                             check=True).stdout
    return sum(1 for line in listing.splitlines() if re.match(r"^[0-9a-f]{8,16}\s", line))


def main():
    print(f"linked: libslerr.so holds {library_relocations()} relocations (readelf -r; "
          "target < 1,000)")
    for name, program in (("describe one code (libslerr.so)", LINKED), ("libc only", BASELINE)):
        print(f"  {name}: {relocations(program)} relocations at start (LD_DEBUG=statistics)")
    if not shutil.which("hyperfine"):
        print("linked: needs hyperfine for the timing; skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "hyperfine.json")
        subprocess.run(["hyperfine", "-N", "--warmup", "50", "--runs", "500", "--style", "none",
                        "--export-json", report, LINKED, BASELINE],
                       check=True, stdout=subprocess.DEVNULL)
        with open(report) as f:
            linked, libc = json.load(f)["results"]
    mean = [r["mean"] * 1000 for r in (linked, libc)]
    median = [r["median"] * 1000 for r in (linked, libc)]
    cpu = [(r["user"] + r["system"]) * 1000 for r in (linked, libc)]
    print("linked: whole-process wall time, hyperfine -N, 500 runs each")
    print(f"  describe one code (libslerr.so) {mean[0]:.3f} ms (median {median[0]:.3f}, CPU {cpu[0]:.3f})")
    print(f"  libc only (baseline)            {mean[1]:.3f} ms (median {median[1]:.3f}, CPU {cpu[1]:.3f})")
    print(f"  ratio {mean[0] / mean[1]:.2f}x mean, {median[0] / median[1]:.2f}x median, "
          f"{cpu[0] / cpu[1]:.2f}x CPU (target <= 1.2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
