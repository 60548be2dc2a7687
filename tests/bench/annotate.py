#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark of `slerr annotate`: on two generated 1 GiB logs, in the same run, slerr annotate
(output to /dev/null) against the baseline `wc -l` and against `rg -c` and `grep -cE` for the
pattern of every form annotate looks at; then slerr's peak memory on a single 1 GiB line.
The "plain" log has a code about every 200 lines; in the "dense" log every line also carries
an eight-hex-digit request id, a candidate the scanner must look at and reject.
Prints figures; never fails on speed.

Usage: annotate.py [SIZE_MIB]   (environment: SLERR, the binary; default size 1024 MiB)
"""

import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SLERR = os.environ.get("SLERR", "slerr")
PATTERN = r"\b(0x)?[0-9A-Fa-f]{8}\b"
ROUNDS = 3
BLOCK = 8 << 20

HOSTS = ["kms01.corp.example.com", "ws-0412", "ws-1187", "srv-db02", "lab-win11-07", "rds-03"]
SOURCES = ["sppsvc[812]", "Microsoft-Windows-Security-SPP[1044]", "slmgr.vbs", "ccmexec[2210]",
           "svchost[992]", "powershell[5120]", "kernel", "sshd[733]"]
TEXTS = [
    "Service started successfully (pid {n}, took {ms} ms)",
    "Offline downlevel migration succeeded for {guid}",
    "Rule 'LicensingDiag' completed, 0 errors, {n} records",
    "Connection from 10.{a}.{b}.{c}:{port} accepted",
    "Scheduled task \\Microsoft\\Windows\\SoftwareProtectionPlatform\\SvcRestartTask ran",
    "License acquisition for product {guid} finished in {ms} ms",
    "User CORP\\user{n} logged on via RDP from 172.16.{a}.{b}",
    "Heap at 0x7ffd{hex8} grew to {n} KiB",
]
FAILURES = [
    "Activation failed: hr=0xC004F074",
    "Product activation failed (0xC004F038), the count reported by KMS is insufficient",
    "error 0x8007232B: DNS name does not exist",
    "PS> slmgr /ato exited with -1073418124",
    "The Software Protection service reported error C004F050 for {guid}",
]


def log_line(rng, seconds, dense):
    fields = {"n": rng.randrange(1, 99999), "ms": rng.randrange(1, 5000),
              "a": rng.randrange(256), "b": rng.randrange(256), "c": rng.randrange(256),
              "port": rng.randrange(1024, 65535), "hex8": "%08x" % rng.getrandbits(32),
              "guid": "{%08x-%04x-%04x-%04x-%012x}" % (rng.getrandbits(32), rng.getrandbits(16),
                                                       rng.getrandbits(16), rng.getrandbits(16),
                                                       rng.getrandbits(48))}
    text = rng.choice(FAILURES if rng.randrange(200) == 0 else TEXTS).format(**fields)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(1795000000 + seconds))
    request = " req=%08x" % rng.getrandbits(32) if dense else ""
    return "%s.%06dZ %s %s%s: %s\n" % (stamp, rng.randrange(10**6), rng.choice(HOSTS),
                                       rng.choice(SOURCES), request, text)


def write_log(path, size, dense):
    """A few distinct 8 MiB blocks of log lines, written in a shuffled order up to `size`."""
    rng = random.Random(4)
    blocks, seconds = [], 0
    for _ in range(8):
        lines, length = [], 0
        while length < BLOCK:
            seconds += rng.randrange(3)
            line = log_line(rng, seconds, dense)
            lines.append(line)
            length += len(line)
        blocks.append("".join(lines).encode())
    with open(path, "wb") as f:
        written = 0
        while written < size:
            block = rng.choice(blocks)[: size - written]
            f.write(block)
            written += len(block)


def write_one_line(path, size):
    """One line of `size` bytes without a newline, a code about every 4 KiB."""
    filler = b"0123abcd word 51c82175-844e 0x7ffd12345678 status=ok " * 80
    chunk = ((filler[:4086] + b"0xC004F074") * 256)[: 1 << 20]
    with open(path, "wb") as f:
        for _ in range(size // len(chunk)):
            f.write(chunk)


def run_once(argv, path, rss_file):
    """Wall seconds, CPU seconds (user + system), peak RSS in KiB and stdout of one run of
    `argv` on the file `path`. /usr/bin/time measures them: a child forked from this Python
    process would report Python's own peak. CPU time is the steadier figure on a busy machine."""
    timer = ["/usr/bin/time", "-f", "%M", "-o", rss_file]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(timer + argv + [path], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL if argv[0] == SLERR else subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit("annotate bench: %s failed" % " ".join(argv))
    with open(rss_file) as f:
        rss = int(f.read().split()[-1])
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu, rss, (proc.stdout or b"").split(b" ")[0].strip()


def best_of(argv, path, rounds=ROUNDS):
    rss_file = path + ".rss"
    runs = [run_once(argv, path, rss_file) for _ in range(rounds)]
    return (min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs),
            runs[0][3])


def compare(tools, log, size):
    wall, cpu = {}, {}
    for name, argv in tools:
        # grep -E takes a minute a gigabyte: one round says enough.
        wall[name], cpu[name], rss, out = best_of(argv, log, 1 if name == "grep -cE" else ROUNDS)
        extra = " (%s lines)" % out.decode() if out else ""
        print("  %-15s %8.0f MB/s  %6.3f s wall  %6.3f s CPU  peak RSS %7.0f KiB%s"
              % (name, size / wall[name] / 1e6, wall[name], cpu[name], rss, extra))
    for name in wall:
        if name != "slerr annotate":
            print("  slerr annotate takes %.2fx the time of %s (CPU time: %.2fx)"
                  % (wall["slerr annotate"] / wall[name], name,
                     cpu["slerr annotate"] / max(cpu[name], 0.001)))


def main():
    size = (int(sys.argv[1]) if len(sys.argv) > 1 else 1024) << 20
    tools = [("slerr annotate", [SLERR, "annotate"])]
    for name, argv in (("wc -l", ["wc", "-l"]), ("rg -c", ["rg", "-c", PATTERN]),
                       ("grep -cE", ["grep", "-cE", PATTERN]), ("time", ["/usr/bin/time"])):
        if not shutil.which(argv[0]):
            sys.exit("annotate bench: %s is not installed (scripts/install-deps)" % argv[0])
        if name != "time":
            tools.append((name, argv))
    print("annotate: %d MiB logs; best of %d runs, file given as argument, slerr's output to "
          "/dev/null; pattern %s" % (size >> 20, ROUNDS, PATTERN))
    with tempfile.TemporaryDirectory(prefix="slerr-bench-") as tmp:
        log = os.path.join(tmp, "activation.log")
        for dense in (False, True):
            write_log(log, size, dense)
            print(" %s log:" % ("dense (an 8-hex-digit id on every line)" if dense
                                else "plain (a code about every 200 lines)"))
            compare(tools, log, size)
            os.unlink(log)
        line = os.path.join(tmp, "one-line.log")
        write_one_line(line, size)
        seconds, _, rss, _ = best_of([SLERR, "annotate"], line, rounds=1)
        print("  single %d MiB line, no newline: %8.0f MB/s, peak RSS %.0f KiB (target < 4096)"
              % (size >> 20, size / seconds / 1e6, rss))


if __name__ == "__main__":
    main()
