#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: a whole `slerr 0xC004F038` process against moreutils' `errno 2` (the baseline),
and a whole `slerr search kms count` process against that lookup, timed by hyperfine in the
same run. Prints the means and the ratios (targets: <= 1.0x and <= 1.5x). The
libraries of the REPL, diagnose and explain live in modules that a lookup never loads."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

SLERR = os.environ["SLERR"]


def main():
    if not shutil.which("hyperfine") or not shutil.which("errno"):
        print("oneshot: needs hyperfine and errno (moreutils); skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "hyperfine.json")
        subprocess.run(["hyperfine", "-N", "--warmup", "50", "--runs", "500", "--style", "none",
                        "--export-json", report, f"{SLERR} 0xC004F038", "errno 2",
                        f"{SLERR} search kms count"],
                       check=True, stdout=subprocess.DEVNULL)
        with open(report) as f:
            results = json.load(f)["results"]
    slerr, errno, search = (r["mean"] * 1000 for r in results)
    slerr_sd, errno_sd, search_sd = (r["stddev"] * 1000 for r in results)
    slerr_med, errno_med, search_med = (r["median"] * 1000 for r in results)
    # CPU time is what a busy machine disturbs least; the wall-time mean suffers most.
    slerr_cpu, errno_cpu, search_cpu = ((r["user"] + r["system"]) * 1000 for r in results)
    print("oneshot: whole-process wall time, hyperfine -N, 500 runs each")
    print(f"  slerr 0xC004F038  {slerr:.3f} ms ± {slerr_sd:.3f} (median {slerr_med:.3f}, "
          f"CPU {slerr_cpu:.3f})")
    print(f"  errno 2 (baseline) {errno:.3f} ms ± {errno_sd:.3f} (median {errno_med:.3f}, "
          f"CPU {errno_cpu:.3f})")
    print(f"  ratio slerr/errno {slerr / errno:.2f}x mean, {slerr_med / errno_med:.2f}x median, "
          f"{slerr_cpu / errno_cpu:.2f}x CPU (target <= 1.0x)")
    print(f"  slerr search kms count {search:.3f} ms ± {search_sd:.3f} (median {search_med:.3f}, "
          f"CPU {search_cpu:.3f})")
    print(f"  ratio search/lookup {search / slerr:.2f}x mean, {search_med / slerr_med:.2f}x median, "
          f"{search_cpu / slerr_cpu:.2f}x CPU (target <= 1.5x, over the whole catalog)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
