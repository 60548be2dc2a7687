#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: `slerr explain` on a KMS host's log as .evtx against the same events as its XML
export (`wevtutil qe /f:xml`), both written by tests/explain/gen_evtx.py, in the same run.
Prints CPU times, the ratio (target: within 1.5x) and peak RSS; also `evtxexport -f xml`
(libevtx alone, rendering the same records) so the share of libevtx is seen. Never fails on
time; fails when the two files do not give the same records (the same work was not measured).

Environment: SLERR, SLERR_SOURCE_ROOT, EVTX_FLOOR (tests/bench/evtx_floor.c: libevtx alone
reading the records, the floor of any reader built on it), EVTX_RECORDS (tests/unit's
evtx-records: evtx.c reading the records and the fields explain takes, nothing judged), EVENTS (default 50000), CLIENTS (default 5000), RUNS
(default 2), BENCH_DIR (where the files go; default a temporary directory, removed after)."""

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SLERR = os.environ["SLERR"]
EVENTS = int(os.environ.get("EVENTS", "50000"))
CLIENTS = int(os.environ.get("CLIENTS", "5000"))
sys.path.insert(0, os.path.join(os.environ.get("SLERR_SOURCE_ROOT", "."), "tests", "explain"))
import gen_evtx  # noqa: E402


def cpu_of(argv, runs, stdin=None, argv_file=None):
    """The best CPU time (user + system) of `runs` runs, and the exit status; `stdin` a file
    to read from, `argv_file` one more argument."""
    best, rc = None, 0
    argv = argv + ([argv_file] if argv_file else [])
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(stdin or os.devnull, "rb") as f:
            rc = subprocess.run(argv, stdin=f, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = cpu if best is None else min(best, cpu)
    return best, rc


def peak_mib(argv):
    p = subprocess.run(["/usr/bin/time", "-f", "maxrss %M", *argv], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
    return int(last.split()[-1]) / 1024 if last.startswith("maxrss") else 0.0


def records(path):
    """explain's --json records without the file name; SystemTime's fractional digits dropped
    (libevtx writes nine, wevtutil seven)."""
    out = subprocess.run([SLERR, "explain", "--json", path], capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        o = json.loads(line)
        o.pop("file", None)
        rows.append(re.sub(r"(T\d\d:\d\d:\d\d)\.\d+Z", r"\1Z", json.dumps(o)))
    return rows


def main():
    if not os.path.exists("/usr/bin/time"):
        print("explain_evtx: needs GNU time (time): scripts/install-deps")
        return 1
    tmp = tempfile.mkdtemp(prefix="slerr-bench-", dir=os.environ.get("BENCH_DIR"))
    try:
        evtx, xml = os.path.join(tmp, "kms.evtx"), os.path.join(tmp, "kms.xml")
        t0 = time.perf_counter()
        gen_evtx.write_evtx(evtx, gen_evtx.kms_events(EVENTS, CLIENTS))
        gen_evtx.write_xml(xml, gen_evtx.kms_events(EVENTS, CLIENTS))
        print("explain_evtx: %d events 12290 from %d clients: .evtx %.0f MiB, XML %.0f MiB, "
              "generated in %.1f s" % (EVENTS, CLIENTS, os.path.getsize(evtx) / 2**20,
                                       os.path.getsize(xml) / 2**20, time.perf_counter() - t0))
        runs = int(os.environ.get("RUNS", "2"))
        evtx_cpu, rc1 = cpu_of([SLERR, "explain", evtx], runs)
        xml_cpu, rc2 = cpu_of([SLERR, "explain", xml], runs)
        if rc1 not in (0, 1) or rc1 != rc2:
            print("explain_evtx: exit statuses differ or fail: .evtx %d, XML %d" % (rc1, rc2))
            return 1
        if records(evtx) != records(xml):
            print("explain_evtx: the .evtx and its XML export give different records")
            return 1
        print("  best of %d runs, CPU (user+sys); both give the same records" % runs)
        print("  slerr explain FILE.evtx        %7.2f s" % evtx_cpu)
        print("  slerr explain FILE.xml         %7.2f s  (baseline)" % xml_cpu)
        print("  ratio .evtx/XML                %7.2fx  (target <= 1.5x)" % (evtx_cpu / xml_cpu))
        # libevtx's own cost: reading each record of the whole file (its XML tree built and
        # freed, nothing asked of it), as evtxexport reads (through a file handle, which costs
        # libevtx more than evtx.c's chunk at a time from memory); then the floor of explain's
        # reading: evtx.c reading the records and the fields explain takes a 12290 from,
        # nothing judged (evtx-records).
        floors = (("libevtx, whole file, records", "EVTX_FLOOR", []),
                  ("evtx.c, records + fields", "EVTX_RECORDS", ["65536", "fields"]))
        for what, var, args in floors:
            if os.environ.get(var):
                cpu, _ = cpu_of([os.environ[var], *args], runs, stdin=evtx if args else None,
                                argv_file=None if args else evtx)
                print("  %-31s%7.2f s  (%.2fx the baseline)" % (what, cpu, cpu / xml_cpu))
        if shutil.which("evtxexport"):
            export_cpu, _ = cpu_of(["evtxexport", "-f", "xml", evtx], 1)
            print("  evtxexport -f xml FILE.evtx    %7.2f s  (libevtx alone: %.2fx the baseline)"
                  % (export_cpu, export_cpu / xml_cpu))
        print("  slerr peak RSS: .evtx %.1f MiB, XML %.1f MiB"
              % (peak_mib([SLERR, "explain", evtx]), peak_mib([SLERR, "explain", xml])))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
