#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: reading stays streaming. A paste of slmgr and event text, generated on the fly
into a pipe (never a file), is explained twice in the same run: a small one (the baseline,
16 MiB) and a large one (1 GiB). Prints each run's bytes, wall and CPU time, throughput and
peak RSS (GNU time), and the ratio of the two peaks: constant memory means the large run's
peak is the small run's (target: under 64 MiB). Never fails on time or memory.

The text repeats real forms from tests/explain/fixtures: a whole `slmgr /dlv`, a `slmgr /dli`
in notification, and KMS host events 12290 as `wevtutil qe /f:text` prints them, from CLIENTS
clients (default 5000) whose names and CMIDs vary, so the KMS host report sums them up.

Environment: SLERR, SLERR_SOURCE_ROOT, SIZE (bytes of the large paste, default 1 GiB),
SMALL (default 16 MiB), CLIENTS."""

import os
import subprocess
import sys
import threading
import time

SLERR = os.environ["SLERR"]
FIXTURES = os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."), "tests", "explain", "fixtures")
SIZE = int(os.environ.get("SIZE", str(1 << 30)))
SMALL = int(os.environ.get("SMALL", str(16 << 20)))
CLIENTS = int(os.environ.get("CLIENTS", "5000"))

EVENT = """Event[{n}]:
  Log Name: Key Management Service
  Source: Microsoft-Windows-Security-SPP
  Date: 2024-03-{day:02d}T{hour:02d}:{minute:02d}:02.218
  Event ID: 12290
  Task: N/A
  Level: Information
  Opcode: N/A
  Keyword: Classic
  User: N/A
  User Name: N/A
  Computer: kms01.contoso.com
  Description: 
An activation request has been processed.
Info:
{result}, 25, PC{c:05d}.contoso.com, {c:08x}-5d7e-4b8a-9c1e-{c:012x}, 2024/3/{day} {hour}:{minute:02d}, 0, 1, 259200, 2de67392-b7a7-462a-b1ca-108dd189f588

"""


def fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
        return f.read()


def blocks():
    """Endless text: a /dlv, a /dli, then 200 events, again and again (about 140 KiB a round)."""
    dlv, dli = fixture("dlv-kms-client.txt"), fixture("dli-notification.txt")
    n = 0
    while True:
        parts = [dlv, "\n", dli, "\n"]
        for _ in range(200):
            c = (n * 7919) % CLIENTS
            parts.append(EVENT.format(n=n, c=c, day=1 + n % 28, hour=n % 24, minute=n % 60,
                                      result="0xC004F06C" if c % 1009 == 0 else "0x0"))
            n += 1
        yield "".join(parts).encode("utf-8")


def feed(pipe, size, written):
    try:
        for block in blocks():
            if written[0] >= size:
                break
            block = block[:size - written[0]]
            pipe.write(block)
            written[0] += len(block)
    except BrokenPipeError:
        pass
    finally:
        try:
            pipe.close()
        except BrokenPipeError:
            pass


def run(size):
    """Explains `size` bytes from a pipe: (bytes written, wall s, CPU s, peak KiB, status)."""
    before = os.times()
    t0 = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "maxrss %M", SLERR, "explain", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    written = [0]
    writer = threading.Thread(target=feed, args=(proc.stdin, size, written))
    writer.start()
    err = proc.stderr.read().decode(errors="replace")
    proc.wait()
    writer.join()
    wall = time.perf_counter() - t0
    after = os.times()
    cpu = (after.children_user - before.children_user) + \
          (after.children_system - before.children_system)
    last = err.strip().splitlines()[-1] if err.strip() else ""
    peak = int(last.split()[-1]) if last.startswith("maxrss") else 0
    return written[0], wall, cpu, peak, proc.returncode, err


def main():
    if not os.path.exists("/usr/bin/time"):
        print("explain_stream: needs GNU time (time): scripts/install-deps")
        return 1
    print("explain_stream: slmgr /dlv, /dli and 12290 event text from %d clients, generated "
          "into a pipe" % CLIENTS)
    results = []
    for size in (SMALL, SIZE):
        written, wall, cpu, peak, rc, err = run(size)
        if rc not in (0, 1):
            print("explain_stream: slerr explain exited %d: %s" % (rc, err.strip()[-500:]))
            return 1
        results.append(peak)
        print("  %9.1f MiB  wall %7.2f s  CPU %7.2f s  (%5.1f MiB/s CPU)  peak RSS %6.1f MiB"
              % (written / 2**20, wall, cpu, written / 2**20 / cpu if cpu else 0, peak / 1024))
    small, large = results
    print("  peak RSS large/small %.2fx (constant memory: about 1x; target < 64 MiB)"
          % (large / small if small else 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
