#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The DNS suffix search of `slerr diagnose` against dnsmasq: records in a parent zone (found by
devolution), in a sibling zone (a connection-specific suffix), nowhere (missed), and which hosts a
client so configured would then use."""

import json
import os
import subprocess
import tempfile
import unittest

import servers
from servers import LOOPBACK
from slerrtest import SLERR, WRAPPER, main

dns = None
parent_kms = None   # the KMS host named under corp.test
sibling_kms = None  # the one named under lab.test


def setUpModule():
    global dns, parent_kms, sibling_kms
    parent_kms = servers.RpcResponder(servers.ACK_NDR64)
    sibling_kms = servers.RpcResponder(servers.ACK_NDR)
    dns = servers.Dnsmasq([
        f"srv-host=_vlmcs._tcp.corp.test,kms.corp.test,{parent_kms.port},0,100",
        f"host-record=kms.corp.test,{LOOPBACK}",
        f"srv-host=_vlmcs._tcp.lab.test,kms.lab.test,{sibling_kms.port},0,100",
        f"host-record=kms.lab.test,{LOOPBACK}",
        "txt-record=probe.test,up",
    ]).start()


def tearDownModule():
    for server in (dns, parent_kms, sibling_kms):
        server.stop()


def diagnose(*args):
    argv = [*WRAPPER, SLERR, "diagnose", "--json", "--timeout", "5", "--clock", "ntp",
            "--ntp", f"{LOOPBACK}:{servers.refused_port()}", "--dns-server", f"{LOOPBACK}:{dns.port}", *args]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    try:
        return result.returncode, json.loads(result.stdout)
    except ValueError:
        raise AssertionError(f"not JSON: {result.stdout!r} {result.stderr!r}")


def srv_probes(report):
    return [(p["target"].removeprefix("_vlmcs._tcp."), p["result"], p["severity"])
            for p in report["probes"] if p["probe"] == "dns"]


def search(report):
    found = [p for p in report["probes"] if p["probe"] == "search"]
    assert len(found) == 1, report
    return found[0]


def rpc_ports(report):
    return sorted(int(p["target"].split(" ")[0].rsplit(":", 1)[1]) for p in report["probes"]
                  if p["probe"] == "rpc")


class Suffixes(unittest.TestCase):
    def test_parent_zone_found_by_devolution(self):
        status, report = diagnose("--suffixes", "emea.corp.test")
        self.assertEqual(status, 0, report)
        self.assertEqual(srv_probes(report), [("emea.corp.test", "nxdomain", "note"),
                                              ("corp.test", "srv-found", "ok")],
                         "devolution stops at two labels: 'test' alone is never asked")
        s = search(report)
        self.assertEqual(s["result"], "suffix-search-finds")
        self.assertIn("under corp.test, the second suffix it tries (parent of the primary)", s["detail"])
        self.assertEqual(rpc_ports(report), [parent_kms.port])

    def test_sibling_zone_as_a_connection_specific_suffix(self):
        status, report = diagnose("--suffixes", "emea.west.test,lab.test")
        self.assertEqual(status, 0, report)
        self.assertEqual([s for s, _, _ in srv_probes(report)], ["emea.west.test", "west.test", "lab.test"])
        self.assertIn("under lab.test, the third suffix it tries (connection-specific)", search(report)["detail"])
        self.assertEqual(rpc_ports(report), [sibling_kms.port])

    def test_missed_everywhere(self):
        status, report = diagnose("--suffixes", "emea.other.test,else.test")
        self.assertEqual(status, 1, report)
        self.assertEqual(srv_probes(report), [("emea.other.test", "nxdomain", "critical"),
                                              ("other.test", "nxdomain", "critical"),
                                              ("else.test", "nxdomain", "critical")])
        s = search(report)
        self.assertEqual((s["result"], s["severity"]), ("suffix-search-misses", "critical"))
        self.assertIn("publish it under emea.other.test", s["detail"])
        self.assertEqual([c["code"] for c in report["suggestions"]], ["0x8007232B"])

    def test_resolv_conf_domain_and_search_list(self):
        with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as f:
            f.write(f"nameserver {LOOPBACK}\nsearch emea.corp.test lab.test\n")
        self.addCleanup(os.unlink, f.name)
        status, report = diagnose("--resolv-conf", f.name)
        self.assertEqual(status, 0, report)
        self.assertEqual(report["domain"], "emea.corp.test")
        probes = srv_probes(report)
        self.assertEqual([s for s, _, _ in probes], ["emea.corp.test", "corp.test", "lab.test"])
        lab = [p for p in report["probes"] if p["target"] == "_vlmcs._tcp.lab.test"][0]
        self.assertIn("a client stops at corp.test first", lab["detail"])
        self.assertEqual(rpc_ports(report), [parent_kms.port], "only the hosts a client would use")

    def test_search_entries_that_are_no_names_are_skipped(self):
        """'a..b' (an empty label) is skipped as the system's resolver skips it: it was queried
        as is and reported as a resolver failure."""
        with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as f:
            f.write(f"nameserver {LOOPBACK}\nsearch a..b emea.corp.test .. lab.test\n")
        self.addCleanup(os.unlink, f.name)
        status, report = diagnose("--resolv-conf", f.name)
        self.assertEqual(status, 0, report)
        self.assertEqual([s for s, _, _ in srv_probes(report)],
                         ["emea.corp.test", "corp.test", "lab.test"])
        self.assertEqual([p for p in report["probes"] if p["severity"] == "unknown"], [])

    def test_domain_argument_is_asked_alone(self):
        status, report = diagnose("emea.corp.test")
        self.assertEqual(status, 1, report)
        self.assertEqual(srv_probes(report), [("emea.corp.test", "nxdomain", "critical")])
        self.assertEqual([p for p in report["probes"] if p["probe"] == "search"], [])

    def test_text_output_names_the_suffix(self):
        result = subprocess.run([*WRAPPER, SLERR, "diagnose", "--suffixes", "emea.corp.test", "--color=never",
                                 "--clock", "ntp", "--ntp", f"{LOOPBACK}:{servers.refused_port()}",
                                 "--dns-server", f"{LOOPBACK}:{dns.port}"],
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertRegex(result.stdout, r"(?m)^ok   search  emea.corp.test, corp.test: a client with these "
                                        r"suffixes finds the record under corp.test")

    def test_bad_suffixes_are_usage_errors(self):
        # "." vanished once parsed: alone it passed this check and failed later (exit 1); first,
        # it let the next suffix take the primary's place
        for args in [["--suffixes", "a.test,,b.test"], ["--suffixes", ""], ["--suffixes", "bad name.test"],
                     ["--suffixes", "."], ["--suffixes", ".,x.test"], ["--suffixes", "x.test,.."],
                     ["x.test", "--suffixes", "a.test"], ["--suffixes", ",".join(f"s{i}.test" for i in range(9))]]:
            with self.subTest(args=args):
                result = subprocess.run([*WRAPPER, SLERR, "diagnose", *args], capture_output=True, text=True,
                                        timeout=60)
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertTrue(result.stderr.startswith("slerr: "), result.stderr)


if __name__ == "__main__":
    main()
