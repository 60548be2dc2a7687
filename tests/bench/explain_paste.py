#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: a whole `slerr explain` process on one pasted `slmgr /dlv` (the explain module,
the driver, every reader) against a whole `slerr 0xC004F074` lookup (the baseline), timed by
hyperfine in the same run. Prints both means and the ratio (target: within 1.5x)."""

import json
import os
import resource
import subprocess
import sys
import tempfile

SLERR = os.environ["SLERR"]
FIXTURE = os.path.join(os.environ["SLERR_SOURCE_ROOT"], "tests/explain/fixtures/dlv-kms-client.txt")


def cpu_ms(commands, runs=300):
    """Mean user+system CPU time of each command's whole process: steadier than wall time on a
    busy machine. The commands take turns, run after run, so that a change of the machine's
    load while they run weighs on each alike (one after the other, a load that rose during the
    second loop was counted against that command alone)."""
    used = [0.0] * len(commands)
    for _ in range(runs):
        for i, command in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used[i] += (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return [u / runs * 1000 for u in used]


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
    print("explain-paste: whole-process wall time, hyperfine -N, 500 runs each "
          "(load average %.1f)" % os.getloadavg()[0])
    print(f"  slerr explain dlv-kms-client.txt  {explain:.3f} ms ± {explain_sd:.3f}")
    print(f"  slerr 0xC004F074 (baseline)       {lookup:.3f} ms ± {lookup_sd:.3f}")
    print(f"  ratio explain/lookup {explain / lookup:.2f}x (target <= 1.5x)")
    explain_cpu, lookup_cpu = cpu_ms([[SLERR, "explain", FIXTURE], [SLERR, "0xC004F074"]])
    print("  user+system CPU time, 300 runs each, taking turns:")
    print(f"  slerr explain {explain_cpu:.3f} ms, slerr 0xC004F074 {lookup_cpu:.3f} ms, "
          f"ratio {explain_cpu / lookup_cpu:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
