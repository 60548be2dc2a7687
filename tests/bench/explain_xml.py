#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Benchmark: `slerr explain` on a generated XML export of a KMS host's log as
`wevtutil qe "Key Management Service" /f:xml /e:Events` writes it (1,000,000 events 12290 from
50,000 clients, one per line; /e:Events adds the root element xmllint needs) against `xmllint --stream --noout` (the baseline:
libxml2 merely parsing) on the same file, in the same run. Prints both wall times, the ratio
(target: within 1.0x) and slerr's peak RSS (target: under 64 MiB). Never fails on time.

Environment: SLERR (the program), EVENTS (default 1000000), CLIENTS (default 50000), RUNS
(timed runs of each, default 2), BENCH_DIR (where the file is written; default a temporary
directory, removed afterwards)."""

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SLERR = os.environ["SLERR"]
EVENTS = int(os.environ.get("EVENTS", "1000000"))
CLIENTS = int(os.environ.get("CLIENTS", "50000"))

PRODUCTS = [  # activation IDs and the count each needs
    ("2de67392-b7a7-462a-b1ca-108dd189f588", 25),
    ("73111121-5638-40f6-bc11-f1d7b0d64300", 25),
    ("ca87f5b6-cd46-40c0-b06d-8ecd57a4373f", 5),
]

HEAD = ("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
        "<Provider Name='Microsoft-Windows-Security-SPP' "
        "Guid='{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}' EventSourceName='KmsRequests'/>"
        "<EventID Qualifiers='16384'>12290</EventID><Version>0</Version><Level>4</Level>"
        "<Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords>")


def generate(path):
    """Clients request in turn over 90 days; a few are clones, a few have skewed clocks."""
    start = 1_700_000_000
    step = 90 * 86400 / EVENTS
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("<Events>\n")
        lines = []
        for i in range(EVENTS):
            c = (i * 7919) % CLIENTS
            act, need = PRODUCTS[c % len(PRODUCTS)]
            t = int(start + i * step)
            tm = time.gmtime(t)
            cmid = "%08x-%04x-4%03x-8%03x-%012x" % (c * 2654435761 & 0xFFFFFFFF, c & 0xFFFF,
                                                   c & 0xFFF, (c >> 4) & 0xFFF, c * 40503)
            name = "PC%05d.contoso.com" % c
            if c % 997 == 0 and i % 2:  # a clone: same CMID, another name
                name = "CLONE%05d.contoso.com" % c
            result = "0xC004F06C" if c % 1009 == 0 else "0x0"
            lines.append(
                "%s<TimeCreated SystemTime='%s.%07dZ'/><EventRecordID>%d</EventRecordID>"
                "<Correlation/><Execution ProcessID='0' ThreadID='0'/>"
                "<Channel>Key Management Service</Channel><Computer>kms01.contoso.com</Computer>"
                "<Security/></System><EventData><Data>%s,%d,%s,%s,%d/%d/%d %d:%02d,%d,%d,%d,%s"
                "</Data></EventData></Event>\n"
                % (HEAD, time.strftime("%Y-%m-%dT%H:%M:%S", tm), i % 10_000_000, i + 1, result,
                   need, name, cmid, tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   c % 4 == 0, 1 if result == "0x0" else 2, 259200 - (i % 10080), act))
            if len(lines) == 10000:
                f.writelines(lines)
                lines = []
        f.writelines(lines)
        f.write("</Events>\n")


def timed(argv):
    """Wall time, CPU time (user + system), exit status and stderr of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode, proc.stderr.decode(errors="replace"), None


def best_of(argv, runs):
    """The best wall and CPU times of `runs` runs (a busy machine only ever adds time)."""
    walls, cpus, rc, err = [], [], 0, ""
    for _ in range(runs):
        wall, cpu, rc, err, _ = timed(argv)
        walls.append(wall)
        cpus.append(cpu)
    return min(walls), min(cpus), rc, err


def main():
    if not shutil.which("xmllint") or not os.path.exists("/usr/bin/time"):
        print("explain_xml: needs xmllint (libxml2-utils) and GNU time (time): scripts/install-deps")
        return 1
    tmp = tempfile.mkdtemp(prefix="slerr-bench-", dir=os.environ.get("BENCH_DIR"))
    try:
        path = os.path.join(tmp, "kms-host.xml")
        t0 = time.perf_counter()
        generate(path)
        size = os.path.getsize(path)
        print("explain_xml: %d events 12290 from %d clients, %.0f MiB, generated in %.1f s"
              % (EVENTS, CLIENTS, size / 2**20, time.perf_counter() - t0))
        # Peak RSS from GNU time: RUSAGE_CHILDREN would count the forked Python's pages too.
        _, _, rc, err, _ = timed(["/usr/bin/time", "-f", "maxrss %M", SLERR, "explain", path])
        peak_kib = int(err.strip().splitlines()[-1].split()[-1]) if "maxrss" in err else 0
        if rc not in (0, 1):
            print("explain_xml: slerr explain exited %d: %s" % (rc, err.strip()))
            return 1
        runs = int(os.environ.get("RUNS", "2"))
        slerr_wall, slerr_cpu, _, _ = best_of([SLERR, "explain", path], runs)
        lint_wall, lint_cpu, xrc, xerr = best_of(["xmllint", "--stream", "--noout", path], runs)
        if xrc != 0:
            print("explain_xml: xmllint rejected the file: %s" % xerr.strip())
            return 1
        print("  best of %d runs                  wall       CPU (user+sys)" % runs)
        print("  slerr explain FILE            %7.2f s  %7.2f s  (%.0f MiB/s CPU)"
              % (slerr_wall, slerr_cpu, size / 2**20 / slerr_cpu))
        print("  xmllint --stream --noout FILE %7.2f s  %7.2f s  (baseline)" % (lint_wall, lint_cpu))
        print("  ratio slerr/xmllint           %7.2fx   %7.2fx  (target <= 1.0x)"
              % (slerr_wall / lint_wall, slerr_cpu / lint_cpu))
        print("  slerr peak RSS                %7.1f MiB (target < 64 MiB)" % (peak_kib / 1024))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
