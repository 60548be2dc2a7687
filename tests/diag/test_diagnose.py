#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Integration tests of `slerr diagnose` against real servers on loopback: every row of
the finding -> entry table (src/diag/verdict.c, examples in slerr(1)) comes from a scenario here.
A run that must end by its deadline is judged by what it reports (the probe that waited says it
timed out, or that the grace ended it), never by a stopwatch: the subprocess timeouts are hang
guards only, far above any deadline. Only the clock tests need chronyd; the others point both
clock sources at closed loopback ports, so they run where chronyd is missing."""

import contextlib
import json
import os
import signal
import subprocess
import tempfile
import unittest

import servers
from servers import LOOPBACK
from slerrtest import SLERR, WRAPPER, main

TIMEOUT = 1.0     # --timeout of scenarios that must wait for a silent peer
HANG_GUARD = 120  # seconds a run may take before the test calls it hung (valgrind, a loaded runner)
HEALTHY_CODES = ["0xC004F038", "0xC004F041"]

dns = None            # the main dnsmasq, set up once for the module
ntp = servers.SharedChronyd()  # for the clock tests only, started by the first
kms = None            # an RPC responder that accepts like a newer KMS host (NDR64)
kms_ndr = None        # one that accepts NDR
refused_port = None
_others = []


def setUpModule():
    global dns, kms, kms_ndr, refused_port
    kms = servers.RpcResponder(servers.ACK_NDR64)
    kms_ndr = servers.RpcResponder(servers.ACK_NDR)
    refused_port = servers.refused_port()
    dns = servers.Dnsmasq(servers.test_zone(kms.port, kms_ndr.port, refused_port)).start()
    _others.extend([dns, ntp, kms, kms_ndr])


def tearDownModule():
    for server in _others:
        server.stop()


def diagnose(*args, timeout=TIMEOUT):
    """Runs `slerr diagnose ... --json`; returns (exit status, parsed JSON)."""
    argv = [*WRAPPER, SLERR, "diagnose", "--json", "--timeout", str(timeout), *args]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=HANG_GUARD)
    try:
        report = json.loads(result.stdout)
    except ValueError:
        raise AssertionError(f"not JSON: {result.stdout!r} {result.stderr!r}")
    assert result.stdout.count("\n") == 1, "--json prints one object on one line"
    return result.returncode, report


def codes(report):
    return [s["code"] for s in report["suggestions"]]


def results(report, probe):
    return [p["result"] for p in report["probes"] if p["probe"] == probe]


class Scenario(unittest.TestCase):
    def run_case(self, *args, timeout=TIMEOUT):
        return diagnose(*args, timeout=timeout)

    def quiet_clock(self):
        """Clock sources that end at once (runs not about the clock): no chronyd needed."""
        return servers.quiet_clock_args()

    def chronyd_arg(self):
        """`--ntp` at the shared chronyd (the clock tests); skips without chronyd."""
        return ntp.args()

    @contextlib.contextmanager
    def clock_held(self, ntp_port=None):
        """`--ntp` through a relay to chronyd (the shared one unless a port is given), the shared
        KMS responder holding its bind_ack until the NTP reply has passed: the clock probe's
        short grace after the KMS probes never races a chronyd slowed by a loaded machine (a
        readiness signal, no sleep)."""
        if ntp_port is None:
            ntp_port = int(self.chronyd_arg()[1].rsplit(":", 1)[1])
        relay = servers.UdpRelay(ntp_port)
        kms.hold = relay.answered
        try:
            yield ["--ntp", f"{LOOPBACK}:{relay.port}"]
        finally:
            kms.hold = None
            relay.stop()

    def dns_arg(self, server=None):
        return ["--dns-server", f"{LOOPBACK}:{server.port if server else dns.port}"]


class Dns(Scenario):
    def test_nxdomain(self):
        status, report = self.run_case("missing.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), ["nxdomain"])
        self.assertEqual(codes(report), ["0x8007232B"])

    def test_name_without_srv_record(self):
        status, report = self.run_case("nosrv.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), ["no-srv-record"])
        self.assertEqual(codes(report), ["0x8007251D"])

    def test_servfail(self):
        front, back = servers.servfail_pair()
        try:
            status, report = self.run_case("servfail.test", *self.dns_arg(front), *self.quiet_clock())
        finally:
            front.stop()
            back.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), ["servfail"])
        self.assertEqual(codes(report), ["0x8007232A"])

    def test_refused_outside_the_zone(self):
        status, report = self.run_case("example.com", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(results(report, "dns"), ["servfail"])
        self.assertEqual(codes(report), ["0x8007232A"])

    def test_silent_server_ends_at_the_deadline(self):
        silent = servers.SilentUdp()
        try:
            status, report = self.run_case("good.test", *self.dns_arg(silent), *self.quiet_clock())
        finally:
            silent.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), ["no-answer"])
        self.assertEqual(codes(report), ["0x8007232A"])

    def test_srv_target_without_address(self):
        status, report = self.run_case("dangling.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "resolve"), ["host-not-found"])
        self.assertEqual(codes(report), ["0x8007232B"])

    def test_dot_target_is_not_a_missing_record(self):
        status, report = self.run_case("dot.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), ["srv-not-offered"])
        self.assertIn("not offered", [p for p in report["probes"] if p["probe"] == "dns"][0]["detail"])
        self.assertEqual(codes(report), ["0xC004F074"])

    def test_twenty_records_with_the_live_host_last(self):
        """More records than are probed: the selection is over all of them (the only live host has
        priority 0 and comes last in the answer, which needs TCP), the rest is counted, and
        identical runs agree."""
        lines = [f"srv-host=_vlmcs._tcp.many.test,h{i:02}.many.test,{refused_port},{i + 1},0"
                 for i in range(19)]
        lines += [f"srv-host=_vlmcs._tcp.many.test,live.many.test,{kms.port},0,0",
                  f"host-record=live.many.test,{LOOPBACK}", "txt-record=probe.test,up"]
        many = servers.Dnsmasq(lines).start()
        try:
            runs = [self.run_case("many.test", *self.dns_arg(many), *self.quiet_clock(), timeout=5)
                    for _ in range(2)]
        finally:
            many.stop()
        for status, report in runs:
            srv = [p for p in report["probes"] if p["probe"] == "dns"][0]
            self.assertEqual(srv["result"], "srv-found")
            self.assertTrue(srv["detail"].startswith("live.many.test:"), srv["detail"])
            self.assertIn("4 more records not probed", srv["detail"])
            self.assertEqual(results(report, "rpc"), ["kms-host"], "the live host was probed")
            self.assertEqual(len(results(report, "resolve")), 16)
        self.assertEqual(*[[p["target"] for p in r["probes"] if p["probe"] == "resolve"] for _, r in runs])

    def test_kms_and_domain_together(self):
        status, report = self.run_case("two.test", "--kms", f"{LOOPBACK}:{kms.port}", *self.dns_arg(),
                                       *self.quiet_clock())
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "dns"), ["srv-found"])
        self.assertEqual(len(results(report, "rpc")), 3, "the --kms host and both SRV hosts, once each")

    def test_kms_name_that_does_not_resolve(self):
        status, report = self.run_case("--kms", "nosuchhost.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), [], "--kms skips the SRV lookup")
        self.assertEqual(codes(report), ["0x8007232B"])

    def test_ipv6_dns_server(self):
        v6 = servers.Dnsmasq(["listen-address=::1",
                              f"srv-host=_vlmcs._tcp.good.test,kms.good.test,{kms.port},0,100",
                              f"host-record=kms.good.test,{LOOPBACK}", "txt-record=probe.test,up"]).start()
        try:
            status, report = self.run_case("good.test", "--dns-server", f"[::1]:{v6.port}", *self.quiet_clock())
        finally:
            v6.stop()
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "rpc"), ["kms-host"])

    def test_two_records_in_client_order(self):
        status, report = self.run_case("two.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 0, report)
        srv = [p for p in report["probes"] if p["probe"] == "dns"][0]
        self.assertLess(srv["detail"].index("main.two.test"), srv["detail"].index("backup.two.test"))
        rpc = {p["target"].split(":")[0]: p["detail"] for p in report["probes"] if p["probe"] == "rpc"}
        self.assertIn("(NDR64)", rpc["main.two.test"])
        self.assertIn("(NDR)", rpc["backup.two.test"])


class ResolvConf(Scenario):
    def resolv_conf(self, text):
        f = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
        f.write(text)
        f.close()
        self.addCleanup(os.unlink, f.name)
        return ["--resolv-conf", f.name]

    def test_no_server_configured(self):
        status, report = self.run_case("good.test", *self.resolv_conf("search good.test\n"),
                                       *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), ["no-dns-server"])
        self.assertEqual(codes(report), ["0x8007267C"])

    def test_no_domain_anywhere(self):
        status, report = self.run_case(*self.resolv_conf(f"nameserver {LOOPBACK}\n"), *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "dns"), ["no-domain"])
        self.assertEqual(codes(report), ["0x8007007B"])  # rendered even before the catalog has it

    def run_failure(self, *args):
        result = subprocess.run([*WRAPPER, SLERR, "diagnose", "good.test", *self.dns_arg(), *self.quiet_clock(),
                                 "--timeout", "3", *args], capture_output=True, text=True, timeout=HANG_GUARD)
        return result.returncode, result.stderr

    def test_missing_file_is_an_error_that_says_so(self):
        status, err = self.run_failure("--resolv-conf", "/nonexistent/resolv.conf")
        self.assertEqual(status, 3)  # a read error (cli.h), not "a problem found"
        self.assertIn("/nonexistent/resolv.conf: No such file or directory", err)

    def test_fifo_and_device_do_not_block(self):
        directory = tempfile.mkdtemp()
        self.addCleanup(os.rmdir, directory)
        fifo = os.path.join(directory, "resolv.conf")
        os.mkfifo(fifo)
        self.addCleanup(os.unlink, fifo)
        for path in [fifo, "/dev/zero"]:
            with self.subTest(path=path):
                # a FIFO without a writer would block open() for ever: the hang guard catches it
                status, err = self.run_failure("--resolv-conf", path)
                self.assertEqual(status, 3)
                self.assertIn(f"{path}: is not a regular file", err)

    def test_nagios_says_unknown_and_why(self):
        result = subprocess.run([*WRAPPER, SLERR, "diagnose", "--nagios", "good.test", "--resolv-conf",
                                 "/nonexistent/resolv.conf"], capture_output=True, text=True, timeout=HANG_GUARD)
        self.assertEqual(result.returncode, 3)
        self.assertIn("UNKNOWN - cannot read /nonexistent/resolv.conf", result.stdout)

    def test_domain_from_the_search_line(self):
        status, report = self.run_case(*self.resolv_conf(f"nameserver {LOOPBACK}\nsearch good.test other.test\n"),
                                       *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 0, report)
        self.assertEqual(report["domain"], "good.test")


class Tcp(Scenario):
    def test_refused(self):
        status, report = self.run_case("refused.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "tcp"), ["refused"])
        self.assertEqual(codes(report), ["0x800706BA", "0xC004F074"])

    def test_connect_that_never_completes(self):
        full = servers.FullBacklog()
        try:
            status, report = self.run_case("--kms", f"{LOOPBACK}:{full.port}", *self.quiet_clock())
        finally:
            full.stop()
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "tcp"), ["timed-out"])
        self.assertEqual(codes(report), ["0x800706BA", "0xC004F074"])


class NotKms(Scenario):
    """Ports that accept connections but are no KMS RPC endpoint: always 0xC004F074."""

    def probe(self, listener):
        try:
            return self.run_case("--kms", f"{LOOPBACK}:{listener.port}", *self.quiet_clock())
        finally:
            listener.stop()

    def assert_not_kms(self, listener, result):
        status, report = self.probe(listener)
        self.assertEqual(status, 1)
        self.assertEqual(results(report, "tcp"), ["connected"])
        self.assertEqual(results(report, "rpc"), [result])
        self.assertEqual(codes(report), ["0xC004F074"])
        return report

    def test_listener_that_never_speaks(self):
        self.assert_not_kms(servers.Listener(servers.mute), "no-reply")

    def test_listener_that_speaks_http(self):
        report = self.assert_not_kms(servers.Listener(servers.speak_http), "not-rpc")
        self.assertIn("HTTP/1.1 400", [p for p in report["probes"] if p["probe"] == "rpc"][0]["detail"])

    def test_rpc_server_without_the_kms_interface(self):
        self.assert_not_kms(servers.RpcResponder(servers.ACK_NO_INTERFACE), "rpc-without-kms")

    def test_bind_nak(self):
        self.assert_not_kms(servers.RpcResponder(servers.NAK), "bind-rejected")

    def test_wrong_call_id(self):
        reply = servers.bind_ack([(0, 0, servers.NDR, 2), (2, 2, servers.NULL_UUID, 0)], call_id=7)
        self.assert_not_kms(servers.RpcResponder(reply), "not-rpc")

    def test_close_without_reply(self):
        self.assert_not_kms(servers.RpcResponder(b"", close=True), "closed")

    def test_peer_that_drips_one_byte_a_second(self):
        self.assert_not_kms(servers.RpcResponder(servers.ACK_NDR64, drip=True), "no-reply")


class Rpc(Scenario):
    def test_bind_only_never_a_request(self):
        responder = servers.RpcResponder(servers.ACK_NDR64)
        try:
            status, report = self.run_case("--kms", f"{LOOPBACK}:{responder.port}", *self.quiet_clock())
            # readiness: the responder saw the client close (anything sent after the bind is in)
            self.assertTrue(responder.done.wait(HANG_GUARD), "the client never closed")
        finally:
            responder.stop()
        self.assertEqual(status, 0, report)
        self.assertEqual(len(responder.received), 1, "exactly one PDU, then the client closes")
        ptype, call_id, contexts = servers.parse_bind(responder.received[0])
        self.assertEqual((ptype, call_id), (11, 2))
        self.assertEqual(contexts, [(servers.KMS_INTERFACE, servers.NDR),
                                    (servers.KMS_INTERFACE, servers.NDR64)])

    def test_address_literals_are_not_sent_to_the_dns_server(self):
        silent = servers.SilentUdp()
        try:
            status, report = self.run_case("--kms", f"{LOOPBACK}:{kms.port}", *self.dns_arg(silent),
                                           *self.quiet_clock())
            self.assertEqual(silent.queries(), 0)
        finally:
            silent.stop()
        self.assertEqual(status, 0, report)

    def test_ipv6(self):
        responder = servers.RpcResponder(servers.ACK_NDR, host="::1")
        try:
            status, report = self.run_case("--kms", f"[::1]:{responder.port}", *self.quiet_clock())
        finally:
            responder.stop()
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "rpc"), ["kms-host"])


class Clock(Scenario):
    def test_skew_above_four_hours(self):
        skewed = servers.Chronyd(skew="+5h").start()
        try:
            with self.clock_held(skewed.port) as ntp_args:
                status, report = self.run_case("good.test", *self.dns_arg(), *ntp_args)
        finally:
            skewed.stop()
        self.assertEqual(status, 1, report)
        clock = [p for p in report["probes"] if p["probe"] == "ntp"][0]
        self.assertEqual(clock["result"], "clock-skew")
        self.assertAlmostEqual(clock["offset"], 5 * 3600, delta=60)
        self.assertEqual(codes(report), ["0xC004F06C"])

    def test_silent_ntp_server_is_only_a_note(self):
        silent = servers.SilentUdp()
        try:
            status, report = self.run_case("good.test", *self.dns_arg(), "--ntp", f"{LOOPBACK}:{silent.port}")
        finally:
            silent.stop()
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "ntp"), ["ntp-no-reply"])


class SmbClock(Scenario):
    """The KMS host's own clock from its SMB2 NEGOTIATE reply, read from a real smbd."""

    def smb_run(self, smbd_port, *args, timeout=TIMEOUT):
        return self.run_case("--kms", f"{LOOPBACK}:{kms.port}", "--clock", "smb", "--smb-port",
                             str(smbd_port), *args, timeout=timeout)

    def answered_run(self, server_port, *args, clock=("--clock", "smb"), ntp_port=None, timeout=5):
        """A run against a server that answers: its reply is relayed, and the KMS responder holds
        its bind_ack until that reply has passed (and an NTP server's, with ntp_port), so the
        clock probe's short grace after the KMS probes never races a server slowed by a loaded
        machine (a readiness signal, no sleep)."""
        relay = servers.Relay(server_port)
        ntp_relay = servers.UdpRelay(ntp_port) if ntp_port else None
        ntp_args = ["--ntp", f"{LOOPBACK}:{ntp_relay.port}"] if ntp_relay else []
        hold = servers.AllOf(relay.answered, *([ntp_relay.answered] if ntp_relay else []))
        held_kms = servers.RpcResponder(servers.ACK_NDR64, hold=hold)
        try:
            return self.run_case("--kms", f"{LOOPBACK}:{held_kms.port}", *clock, "--smb-port",
                                 str(relay.port), *ntp_args, *args, timeout=timeout)
        finally:
            held_kms.stop()
            relay.stop()
            if ntp_relay:
                ntp_relay.stop()

    def test_samba_clock(self):
        smbd = servers.Smbd().start()
        try:
            status, report = self.answered_run(smbd.port)
        finally:
            smbd.stop()
        self.assertEqual(status, 0, report)
        clock = [p for p in report["probes"] if p["probe"] == "smb"]
        self.assertEqual([p["result"] for p in clock], ["smb-clock-ok"], report)
        self.assertLess(abs(clock[0]["offset"]), 60)
        self.assertEqual(results(report, "ntp"), [], "--clock smb asks no NTP server")

    def test_samba_five_hours_ahead(self):
        smbd = servers.Smbd(skew="+5h").start()
        try:
            status, report = self.answered_run(smbd.port)
        finally:
            smbd.stop()
        self.assertEqual(status, 1, report)
        clock = [p for p in report["probes"] if p["probe"] == "smb"][0]
        self.assertEqual(clock["result"], "smb-clock-skew")
        self.assertEqual(clock["severity"], "critical")
        self.assertAlmostEqual(clock["offset"], 5 * 3600, delta=60)
        self.assertEqual(codes(report), ["0xC004F06C"])

    def test_auto_prefers_the_hosts_own_clock(self):
        smbd = servers.Smbd(skew="+5h").start()
        try:
            chronyd_port = int(self.chronyd_arg()[1].rsplit(":", 1)[1])
            status, report = self.answered_run(smbd.port, clock=(), ntp_port=chronyd_port)
        finally:
            smbd.stop()
        self.assertEqual(results(report, "smb"), ["smb-clock-skew"])
        self.assertEqual(results(report, "ntp"), ["clock-ok"], "--ntp named a server: it is asked too")
        self.assertEqual(codes(report), ["0xC004F06C"])

    def test_closed_smb_port_is_only_a_note(self):
        status, report = self.smb_run(servers.refused_port())
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "smb"), ["smb-no-reply"])

    def test_not_smb(self):
        status, report = self.answered_run(servers.Listener(servers.speak_http).port)
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "smb"), ["smb-bad-reply"])
        self.assertIn("not an SMB reply", [p for p in report["probes"] if p["probe"] == "smb"][0]["detail"])


class OptionalProbesDoNotHoldTheVerdict(Scenario):
    """Once the KMS probes are done, a silent clock source gets DIAG_CLOCK_GRACE (0.1 s), not the
    rest of --timeout (issue 14, defect 8). Judged on what the run reports, not on a stopwatch:
    the clock probe says the grace ended it (a deadline would say so instead), the grace was
    given in full (a lower bound holds on any machine), and the run ended before --timeout."""

    def assert_ends_soon_after_kms(self, report, probe):
        kms_end = max(p["finished"] for p in report["probes"] if p["probe"] in ("tcp", "rpc"))
        clock = [p for p in report["probes"] if p["probe"] == probe][0]
        self.assertEqual(clock["severity"], "note")
        self.assertIn("after the KMS probes ended", clock["detail"])
        self.assertNotIn("deadline", clock["detail"])
        self.assertGreaterEqual(clock["finished"] - kms_end, 0.095, "the grace was given")
        self.assertLess(report["seconds"], 20, "not held until --timeout 20")

    def test_silent_ntp_port(self):
        silent = servers.SilentUdp()
        try:
            status, report = self.run_case("--kms", f"{LOOPBACK}:{kms.port}", "--clock", "ntp",
                                           "--ntp", f"{LOOPBACK}:{silent.port}", timeout=20)
        finally:
            silent.stop()
        self.assertEqual(status, 0, report)
        self.assertEqual(results(report, "ntp"), ["ntp-no-reply"])
        self.assertEqual(report["status"], "note")
        self.assert_ends_soon_after_kms(report, "ntp")

    def test_silent_smb_port(self):
        listener = servers.Listener(servers.mute)
        try:
            status, report = self.run_case("--kms", f"{LOOPBACK}:{kms.port}", "--clock", "smb",
                                           "--smb-port", str(listener.port), timeout=20)
        finally:
            listener.stop()
        self.assertEqual(status, 0, report)
        self.assert_ends_soon_after_kms(report, "smb")


class Healthy(Scenario):
    def test_everything_answers(self):
        with self.clock_held() as ntp_args:
            status, report = self.run_case("good.test", *self.dns_arg(), *ntp_args, timeout=5)
        self.assertEqual(status, 0, report)
        self.assertTrue(report["healthy"])
        self.assertEqual(results(report, "dns"), ["srv-found"])
        self.assertEqual(results(report, "resolve"), ["resolved"])
        self.assertEqual(results(report, "tcp"), ["connected"])
        self.assertEqual(results(report, "rpc"), ["kms-host"])
        self.assertEqual(results(report, "ntp"), ["clock-ok"])
        self.assertLess(abs([p for p in report["probes"] if p["probe"] == "ntp"][0]["offset"]), 60)
        self.assertEqual(codes(report), HEALTHY_CODES)

    def test_text_lists_each_probe_then_the_entries(self):
        result = subprocess.run([*WRAPPER, SLERR, "diagnose", "good.test", *self.dns_arg(), *self.quiet_clock(),
                                 "--color=never"], capture_output=True, text=True, timeout=HANG_GUARD)
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertIn("ok   dns     _vlmcs._tcp.good.test: kms.good.test:", result.stdout)
        self.assertIn("_vlmcs._tcp.good.test", result.stdout)
        self.assertRegex(result.stdout, r"No problem found \(\d+\.\d\d s\)\. If clients")
        self.assertIn("SL_E_VL_NOT_ENOUGH_COUNT", result.stdout)
        self.assertNotIn("\033", result.stdout)


class Nagios(Scenario):
    def nagios(self, *args):
        result = subprocess.run([*WRAPPER, SLERR, "diagnose", "--nagios", "--timeout", str(TIMEOUT), *args],
                                capture_output=True, text=True, timeout=HANG_GUARD)
        lines = result.stdout.splitlines()
        self.assertEqual(result.stdout.count("|"), 1, "perfdata only on the status line")
        return result.returncode, lines[0]

    def test_ok_line_with_perfdata(self):
        with self.clock_held() as ntp_args:
            status, line = self.nagios("good.test", *self.dns_arg(), *ntp_args)
        self.assertEqual(status, 0, line)
        self.assertTrue(line.startswith("KMS OK - "), line)
        perf = line.split("|")[1].split()
        self.assertEqual([p.split("=")[0] for p in perf], ["dns_time", "kms_time", "clock_offset"])
        self.assertRegex(perf[0], r"^dns_time=\d+\.\d+s;;;0$")

    def test_critical_on_nxdomain(self):
        status, line = self.nagios("missing.test", *self.dns_arg(), *self.quiet_clock())
        self.assertEqual(status, 2)
        self.assertTrue(line.startswith("KMS CRITICAL - _vlmcs._tcp.missing.test"), line)

    def test_offset_thresholds(self):
        with self.clock_held() as ntp_args:
            status, line = self.nagios("good.test", *self.dns_arg(), *ntp_args, "--clock", "ntp",
                                       "-w", "0", "-c", "1")
        self.assertEqual(status, 1, line)
        self.assertTrue(line.startswith("KMS WARNING"), line)

    def test_one_of_two_hosts_down_is_a_warning(self):
        status, line = self.nagios("half.test", *self.dns_arg(), *self.quiet_clock())  # servers.test_zone
        self.assertEqual(status, 1, line)


class Interrupt(Scenario):
    def test_ctrl_c_ends_the_run_at_once(self):
        silent = servers.SilentUdp()
        try:
            # the closed NTP port answers at once: its line shows the run (and its handler) started
            # --timeout 3600: a run that waited for its deadline instead of Ctrl-C meets the hang
            # guard long before it, on any machine
            proc = subprocess.Popen([*WRAPPER, SLERR, "diagnose", "good.test", *self.dns_arg(silent),
                                     "--ntp", f"{LOOPBACK}:{servers.refused_port()}", "--timeout", "3600"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            self.assertIn("ntp", proc.stdout.readline())
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=HANG_GUARD)
        finally:
            silent.stop()
        self.assertEqual(proc.returncode, 130, err)
        self.assertIn("slerr: interrupted", err)
        self.assertNotIn("no-answer", out, "the silent DNS server was not waited out")


class Usage(unittest.TestCase):
    def test_bad_options(self):
        for args in [["--kms", "host:99999"], ["--dns-server", "not-an-address"], ["--timeout", "0"],
                     ["--timeout", "abc"], ["a.test", "b.test"],
                     ["--ntp", "[::1"], ["--clock", "sntp"], ["--smb-port", "0"], ["--smb-port", "70000"],
                     ["--clock", "smb", "--ntp", "ntp.test"], ["--clock", "ntp", "--smb-port", "4445"],
                     # an IPv6 address with a port needs brackets; nothing ambiguous is guessed
                     ["--kms", "::1:1688"], ["--kms", "::1:16882"], ["--ntp", "2001:db8::1:123"],
                     # a domain too long for a DNS name with _vlmcs._tcp., or malformed
                     ["a" * 60 + "." + "b" * 60 + "." + "c" * 60 + "." + "d" * 60 + ".e" * 32],
                     ["corp..example"], ["corp example"], ["bad\033]0;title\007.test"]]:
            with self.subTest(args=args):
                result = subprocess.run([*WRAPPER, SLERR, "diagnose", *args], capture_output=True, text=True,
                                        timeout=HANG_GUARD)
                self.assertEqual(result.returncode, 2)
                self.assertTrue(result.stderr.startswith("slerr: "), result.stderr)


if __name__ == "__main__":
    main()
