#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Defects that runs against real servers found in `slerr diagnose` (each test failed before its
fix): what a hostile peer can print, text and JSON agreeing, interrupted runs, nothing dropped,
lookups that fail in other ways than NXDOMAIN. Same servers as test_diagnose.py."""

import json
import re
import signal
import subprocess
import unittest

import servers
import test_diagnose as base
from servers import LOOPBACK
from slerrtest import SLERR, WRAPPER, main
from test_diagnose import Scenario, results


def setUpModule():
    base.setUpModule()


def tearDownModule():
    base.tearDownModule()


def run(*args, timeout=60):
    return subprocess.run([*WRAPPER, SLERR, "diagnose", *args], capture_output=True, text=True,
                          timeout=timeout)


WORDS = {"ok": "ok", "note": "note", "warning": "FAIL", "critical": "FAIL", "unknown": "ERR"}
LINE = re.compile(r"^(ok|note|FAIL|ERR) +(\w+) +(.*?): .* \[([a-z-]+), [0-9.]+ ms\]$")


def text_probes(stdout):
    """(word, probe, target, result) of each probe line of the text output."""
    return sorted(m.groups() for m in map(LINE.match, stdout.splitlines()) if m)


def json_probes(report):
    return sorted((WORDS[p["severity"]], p["probe"], p["target"], p["result"]) for p in report["probes"])



class RefusedPortsStayRefused(unittest.TestCase):
    """The tcp-timed-out golden scenario once got an NTP reply from its "closed" port: the port
    had only been found free, and a concurrent test's server took it. A refused port now stays
    taken by this process, and still refuses both protocols."""

    def test_nobody_else_can_take_a_refused_port(self):
        port = servers.refused_port()
        for kind in (servers.socket.SOCK_STREAM, servers.socket.SOCK_DGRAM):
            with servers.socket.socket(servers.socket.AF_INET, kind) as s, \
                    self.assertRaises(OSError):
                s.bind((LOOPBACK, port))

    def test_a_refused_port_refuses_tcp_and_udp(self):
        port = servers.refused_port()
        with self.assertRaises(ConnectionRefusedError):
            servers.socket.create_connection((LOOPBACK, port), timeout=5).close()
        with servers.socket.socket(servers.socket.AF_INET, servers.socket.SOCK_DGRAM) as s:
            s.settimeout(5)
            s.connect((LOOPBACK, port))
            s.send(b"ping")
            with self.assertRaises(ConnectionRefusedError):
                s.recv(16)

class HostileText(Scenario):
    """Defect 11: strings from the network never reach the terminal raw nor forge Nagios fields."""

    def test_escape_sequences_in_the_secondary_address(self):
        evil = b"\x1b]0;TITLE\x07\x1b[2J\x1b[31mX\xc2\x9b\xe2\x80\xae\0"
        responder = servers.RpcResponder(servers.bind_ack([(0, 0, servers.NDR, 2), (2, 2, servers.NULL_UUID, 0)],
                                                          secondary=evil))
        try:
            result = run("--kms", f"{LOOPBACK}:{responder.port}", *self.quiet_clock(), "--color=never",
                         "--timeout", "3")
        finally:
            responder.stop()
        self.assertEqual(result.returncode, 0, result.stdout)
        for raw in ["\x1b", "\x07", "\u009b", "\u202e"]:
            self.assertNotIn(raw, result.stdout)
        self.assertIn("\\x1b]0;TITLE\\x07\\x1b[2J", result.stdout)

    def test_pipe_cannot_start_perfdata(self):
        def liar(listener, conn):
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 400 |forged=1s;2;3 x\r\n\r\n")
            conn.close()
        listener = servers.Listener(liar)
        try:
            result = run("--nagios", "--kms", f"{LOOPBACK}:{listener.port}", *self.quiet_clock(), "--timeout", "3")
        finally:
            listener.stop()
        self.assertEqual(result.returncode, 2, result.stdout)
        first = result.stdout.splitlines()[0]
        self.assertEqual(first.count("|"), 1, first)
        self.assertNotIn("forged=", first.split("|")[1])


class TextAgreesWithJson(Scenario):
    """Defect 5: a failed address of a host whose other address answers is a note in both."""

    def test_dual_stack_host_with_one_dead_address(self):
        dual = servers.Dnsmasq([f"srv-host=_vlmcs._tcp.dual.test,kms.dual.test,{base.kms.port},0,100",
                                f"host-record=kms.dual.test,{LOOPBACK},::1", "txt-record=probe.test,up"]).start()
        try:
            args = ["dual.test", *self.dns_arg(dual), *self.quiet_clock(), "--timeout", "3"]
            text = run(*args, "--color=never")
            status, report = base.diagnose(*args[:-2], timeout=3)
        finally:
            dual.stop()
        self.assertEqual(status, 0, report)
        self.assertEqual(text.returncode, 0, text.stdout)
        self.assertIn("refused", results(report, "tcp"), "the ::1 address must have failed")
        self.assertEqual(text_probes(text.stdout), json_probes(report))
        self.assertNotIn("FAIL", text.stdout)


class Interrupted(Scenario):
    """Defect 4: an interrupted run is not healthy."""

    def test_ctrl_c_with_json(self):
        silent = servers.SilentUdp()
        try:
            proc = subprocess.Popen([*WRAPPER, SLERR, "diagnose", "--json", "good.test", *self.dns_arg(silent),
                                     *self.quiet_clock(), "--timeout", "3600"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            silent.wait_for_query()  # the run is under way (its Ctrl-C handler came before it)
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=base.HANG_GUARD)
        finally:
            silent.stop()
        self.assertEqual(proc.returncode, 130, err)
        report = json.loads(out)
        self.assertTrue(report["cancelled"])
        self.assertFalse(report["healthy"])
        self.assertEqual(report["status"], "unknown")


class NothingDropped(Scenario):
    """Defect 12: 16 hosts with 4 addresses each: every probe is in the text and in JSON."""

    def test_sixteen_hosts_four_addresses(self):
        first = servers.RpcResponder(servers.ACK_NDR64)
        responders = [first] + [servers.RpcResponder(servers.ACK_NDR64, host=f"127.0.0.{i}", port=first.port)
                                for i in (2, 3, 4)]
        lines = [f"srv-host=_vlmcs._tcp.wide.test,h{i:02}.wide.test,{first.port},0,{i}" for i in range(16)]
        lines += [f"host-record=h{i:02}.wide.test,127.0.0.{a}" for i in range(16) for a in (1, 2, 3, 4)]
        lines += ["txt-record=probe.test,up"]
        wide = servers.Dnsmasq(lines).start()
        try:
            args = ["wide.test", *self.dns_arg(wide), *self.quiet_clock(), "--timeout", "8"]
            text = run(*args, "--color=never")
            status, report = base.diagnose(*args[:-2], timeout=8)
        finally:
            wide.stop()
            for r in responders:
                r.stop()
        self.assertEqual(len(text_probes(text.stdout)), len(report["probes"]))
        self.assertEqual(results(report, "rpc"), ["kms-host"] * 64)
        self.assertEqual(report["dropped"], 0)
        self.assertEqual(status, 0, report)


class KmsAndDomain(Scenario):
    """Defect 9: with --kms and DOMAIN, the Nagios OK line names the --kms host."""

    def test_nagios_names_the_kms_host(self):
        result = run("--nagios", "two.test", "--kms", f"{LOOPBACK}:{base.kms_ndr.port}", *self.dns_arg(),
                     *self.quiet_clock(), "--timeout", "3")
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn(f"{LOOPBACK}:{base.kms_ndr.port} answers", result.stdout)



class Lookups(Scenario):
    """Defects 2 and 13: a host lookup that times out or fails is no 'name does not exist', and a
    limit of this machine is no network fault."""

    def test_host_lookup_that_times_out(self):
        silent = servers.SilentUdp()
        slow = servers.Dnsmasq([f"server=/kms.slow.test/{LOOPBACK}#{silent.port}",
                                "srv-host=_vlmcs._tcp.slow.test,kms.slow.test,1688,0,100",
                                "txt-record=probe.test,up"]).start()
        try:
            status, report = self.run_case("slow.test", *self.dns_arg(slow), *self.quiet_clock())
        finally:
            slow.stop()
            silent.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "resolve"), ["host-no-answer"])
        self.assertNotIn("0x8007232B", base.codes(report))

    def test_host_lookup_servfail(self):
        front, back = servers.servfail_pair()
        try:
            status, report = self.run_case("--kms", "kms.servfail.test", *self.dns_arg(front), *self.quiet_clock())
        finally:
            front.stop()
            back.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "resolve"), ["host-servfail"])
        self.assertEqual(base.codes(report), ["0x8007232A"])

    def test_cname_loop(self):
        loop = servers.CnameLoopDns()
        try:
            status, report = self.run_case("--kms", "kms.loop.test", *self.dns_arg(loop), *self.quiet_clock())
        finally:
            loop.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "resolve"), ["cname-loop"])

    def test_cname_chain_too_long(self):
        lines = [f"cname=c{i}.chain.test,c{i + 1}.chain.test" for i in range(60)]
        chain = servers.Dnsmasq(lines + ["txt-record=c60.chain.test,end", "txt-record=probe.test,up"]).start()
        try:
            status, report = self.run_case("--kms", "c0.chain.test", *self.dns_arg(chain), *self.quiet_clock())
        finally:
            chain.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "resolve"), ["cname-loop"])
        self.assertIn("more than 16 links", [p["detail"] for p in report["probes"] if p["probe"] == "resolve"][0])

    def test_out_of_file_descriptors_is_not_the_network(self):
        import resource
        seen = set()
        for limit in range(4, 11):
            def low(limit=limit):
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
            result = subprocess.run([*WRAPPER, SLERR, "diagnose", "--json", "good.test", *self.dns_arg(),
                                     *self.quiet_clock(), "--timeout", "2"], capture_output=True, text=True,
                                    timeout=60, preexec_fn=low)
            if not result.stdout:
                self.assertIn("Too many open files", result.stderr)
                continue
            report = json.loads(result.stdout)
            found = {p["result"] for p in report["probes"]}
            with self.subTest(limit=limit):
                self.assertFalse(found & {"unreachable", "no-answer", "host-no-answer", "refused"}, report)
                if "local-error" in found:
                    self.assertEqual(report["status"], "unknown")
                    self.assertEqual(result.returncode, 3, "as a run that could not run")
            seen |= found
        self.assertIn("local-error", seen)


class Rpc(Scenario):
    def test_user_rejection_of_the_interface(self):
        """Defect 6: impacket rejects an unknown interface with result 1 (user rejection)."""
        reply = servers.bind_ack([(1, 1, servers.NULL_UUID, 0), (1, 2, servers.NULL_UUID, 0)])
        responder = servers.RpcResponder(reply)
        try:
            status, report = self.run_case("--kms", f"{LOOPBACK}:{responder.port}", *self.quiet_clock())
        finally:
            responder.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "rpc"), ["rpc-without-kms"])


class StaleRecord(Scenario):
    def test_failing_srv_host_beside_a_working_one(self):
        """Defect 10: the usual cause is named, with what to do."""
        # half.test of the shared zone (servers.test_zone)
        text = run("half.test", *self.dns_arg(), *self.quiet_clock(), "--color=never", "--timeout", "3")
        _, report = base.diagnose("half.test", *self.dns_arg(), *self.quiet_clock(), timeout=3)
        self.assertIn("retired KMS host", text.stdout)
        self.assertIn("_vlmcs._tcp record", text.stdout)
        self.assertTrue(report["stale_srv_record"])


class Clock(Scenario):
    def test_forged_kiss_of_death_is_ignored(self):
        """Defect 14: a kiss-o'-death whose origin does not match our request does not end the probe."""
        forger = servers.ForgedKissNtp()
        try:
            status, report = self.run_case("good.test", *self.dns_arg(), "--ntp", f"{LOOPBACK}:{forger.port}",
                                           "--clock", "ntp")
        finally:
            forger.stop()
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "ntp"), ["clock-ok"])


if __name__ == "__main__":
    main()
