#!/usr/bin/env python3
"""Benchmark: a whole `slerr explain` process on one pasted `slmgr /dlv` (the explain module,
the driver, every reader) against a whole `slerr 0xC004F074` lookup (the baseline), timed by
hyperfine in the same run. Prints both means and the ratio (target: within 1.5x)."""

import json
import os
import subprocess
import sys
import tempfile

SLERR = os.environ["SLERR"]
FIXTURE = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "tests/explain/fixtures/dlv-kms-client.txt")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "hyperfine.json")
        subprocess.run(["hyperfine", "-N", "--warmup", "50", "--runs", "500", "--style", "none",
                        "-i", "--export-json", report, f"{SLERR} explain {FIXTURE}",
                        f"{SLERR} 0xC004F074"],
                       check=True, stdout=subprocess.DEVNULL)
        with open(report) as f:
            results = json.load(f)["results"]
    explain, lookup = (r["mean"] * 1000 for r in results)
    explain_sd, lookup_sd = (r["stddev"] * 1000 for r in results)
    print("explain-paste: whole-process wall time, hyperfine -N, 500 runs each")
    print(f"  slerr explain dlv-kms-client.txt  {explain:.3f} ms ± {explain_sd:.3f}")
    print(f"  slerr 0xC004F074 (baseline)       {lookup:.3f} ms ± {lookup_sd:.3f}")
    print(f"  ratio explain/lookup {explain / lookup:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
