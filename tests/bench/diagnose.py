#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark of `slerr diagnose` against local servers (dnsmasq, chronyd, RPC responders that
think for a while). Prints figures; never fails on speed.

1. Concurrency: the wall time of one run versus the sum of its probes' own durations, i.e. what
   the same probes would take one after another (baseline), and the ratio.
2. Deadline: against peers that never answer (DNS, TCP connect, RPC bind, a peer dripping one byte
   a second), the time to finish versus --timeout."""

import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "diag"))
import servers  # noqa: E402
from servers import LOOPBACK  # noqa: E402

SLERR = os.environ.get("SLERR", "slerr")
RUNS = 5
DEADLINE = 1.0


class SlowResponder(servers.RpcResponder):
    """A KMS RPC endpoint that takes `delay` seconds to answer the bind."""

    def __init__(self, delay):
        self.delay = delay
        super().__init__(servers.ACK_NDR64)

    def _serve(self, conn):
        time.sleep(self.delay)
        super()._serve(conn)


def run(*args):
    start = time.monotonic()
    result = subprocess.run([SLERR, "diagnose", "--json", *args], capture_output=True, text=True,
                            timeout=60)
    wall = time.monotonic() - start
    return wall, json.loads(result.stdout)


def concurrency(dns_port, ntp_port):
    walls, reported, sums, slowest = [], [], [], []
    for _ in range(RUNS):
        wall, report = run("bench.test", "--dns-server", f"{LOOPBACK}:{dns_port}",
                           "--ntp", f"{LOOPBACK}:{ntp_port}", "--timeout", "5")
        assert report["healthy"], report
        walls.append(wall)
        reported.append(report["seconds"])
        sums.append(sum(p["seconds"] for p in report["probes"]))
        slowest.append(max(p["seconds"] for p in report["probes"]))
    wall, inside, total, top = (statistics.median(x) for x in (walls, reported, sums, slowest))
    print(f"probes per run:                   {len(report['probes'])} "
          f"({', '.join(p['probe'] for p in report['probes'])})")
    print(f"one run, whole process (median):  {wall * 1000:8.1f} ms")
    print(f"one run, probe loop (median):     {inside * 1000:8.1f} ms")
    print(f"baseline: probes one after another (sum of their durations): {total * 1000:8.1f} ms")
    print(f"slowest single probe (lower bound for any schedule): {top * 1000:8.1f} ms")
    print(f"ratio run / sequential:           {inside / total:8.2f}")
    print(f"run minus slowest probe:          {(inside - top) * 1000:8.1f} ms (target: within 20 ms)")


def deadline(name, *args):
    overs = []
    for _ in range(3):
        wall, report = run("--timeout", str(DEADLINE), *args)
        overs.append(wall - DEADLINE)
    print(f"{name:34s} --timeout {DEADLINE:.1f} s: finished after {DEADLINE + max(overs):.3f} s "
          f"(worst overshoot {max(overs) * 1000:.1f} ms, whole process; target < 100 ms)")


def main():
    fast, slow = SlowResponder(0.10), SlowResponder(0.15)
    dns = servers.Dnsmasq([
        f"srv-host=_vlmcs._tcp.bench.test,a.bench.test,{fast.port},0,100",
        f"srv-host=_vlmcs._tcp.bench.test,b.bench.test,{slow.port},0,50",
        f"host-record=a.bench.test,{LOOPBACK}", f"host-record=b.bench.test,{LOOPBACK}",
        "txt-record=probe.test,up"]).start()
    ntp = servers.Chronyd().start()
    silent = servers.SilentUdp()
    mute = servers.Listener(servers.mute)
    full = servers.FullBacklog()
    drip = servers.RpcResponder(servers.ACK_NDR64, drip=True)
    try:
        print("== concurrency: two KMS hosts answering after 100 and 150 ms, DNS and NTP local")
        concurrency(dns.port, ntp.port)
        print("== deadline: peers that never answer")
        ntp_arg = ["--ntp", f"{LOOPBACK}:{ntp.port}"]
        deadline("DNS server that never answers", "bench.test", "--dns-server",
                 f"{LOOPBACK}:{silent.port}", *ntp_arg)
        deadline("TCP connect that never completes", "--kms", f"{LOOPBACK}:{full.port}", *ntp_arg)
        deadline("listener that never speaks", "--kms", f"{LOOPBACK}:{mute.port}", *ntp_arg)
        deadline("RPC peer dripping a byte a second", "--kms", f"{LOOPBACK}:{drip.port}", *ntp_arg)
        deadline("NTP server that never answers", "--kms", f"{LOOPBACK}:{fast.port}",
                 "--ntp", f"{LOOPBACK}:{silent.port}")
    finally:
        for server in (dns, ntp, silent, mute, full, drip, fast, slow):
            server.stop()


if __name__ == "__main__":
    main()
