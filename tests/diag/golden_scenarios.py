# SPDX-License-Identifier: MIT
"""The diagnose scenarios with a golden `--json` file each (tests/diag/golden/NAME.json): real
dnsmasq, chronyd and Samba on loopback, and the Python peers of servers.py. scripts/update-golden
writes the files, the diagnose-golden test compares; both go through golden_text() here, so
both sides are made alike.

What changes from run to run is normalized, so that a diff shows only what the program says:
times become "*", a clock offset its whole hours ("5 h"), a duration in a detail "N s", each port
of a server the lab started its role ("{kms}"), and the probes are sorted (they are reported in
the order they finish, which the machine's load decides)."""

import json
import os
import re
import subprocess
import tempfile

import servers
from servers import LOOPBACK

GOLDEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
PROBE_ORDER = ["dns", "search", "resolve", "tcp", "rpc", "ntp", "smb"]


class Lab:
    """The servers of one scenario, each started on first use and all stopped by close();
    `ports` names each port it handed out, for the normalization."""

    def __init__(self):
        self.running = []
        self.ports = {}
        self.shared = {}

    def add(self, server, role=None):
        self.running.append(server)
        if role:
            self.ports[server.port] = role
        return server

    def port(self, role):
        """A loopback port that refuses TCP and UDP, named `role`."""
        port = servers.refused_port()
        self.ports[port] = role
        return port

    def once(self, role, make):
        if role not in self.shared:
            self.shared[role] = self.add(make(), role)
        return self.shared[role]

    def kms(self):
        return self.once("kms", lambda: servers.RpcResponder(servers.ACK_NDR64))

    def dns(self):
        """dnsmasq with the zones of servers.test_zone()."""
        return self.once("dns", lambda: servers.Dnsmasq(servers.test_zone(
            self.kms().port, self.once("kms-ndr", lambda: servers.RpcResponder(servers.ACK_NDR)).port,
            self.port("closed-kms"))).start())

    def dns_arg(self, server=None):
        return ["--dns-server", f"{LOOPBACK}:{(server or self.dns()).port}"]

    def chronyd(self, skew=None):
        servers.require("chronyd")
        return self.add(servers.Chronyd(skew=skew).start(), "ntp")

    def quiet_clock(self):
        return ["--ntp", f"{LOOPBACK}:{self.port('closed-ntp')}",
                "--smb-port", str(self.port("closed-smb"))]

    def resolv_conf(self, text):
        f = tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False)
        f.write(text)
        f.close()
        self.running.append(_Unlink(f.name))
        return ["--resolv-conf", f.name]

    def close(self):
        for server in reversed(self.running):
            server.stop()


class _Unlink:
    def __init__(self, path):
        self.path = path

    def stop(self):
        os.unlink(self.path)


def _answered_smb(lab, skew):
    """Samba's clock, with the KMS responder holding its bind_ack until Samba's reply has
    passed the relay: the clock probe's grace never races a slow smbd."""
    servers.require("smbd")
    smbd = lab.add(servers.Smbd(skew=skew).start())
    relay = lab.add(servers.Relay(smbd.port), "smb")
    held = lab.add(servers.RpcResponder(servers.ACK_NDR64, hold=relay.answered), "kms")
    return ["--kms", f"{LOOPBACK}:{held.port}", "--clock", "smb", "--smb-port", str(relay.port)]


def _answered_ntp(lab, domain, skew=None):
    """chronyd's clock through a relay, with the KMS responder of the zone holding its bind_ack
    until chronyd's reply has passed: the grace never races a slow chronyd (no sleep)."""
    relay = lab.add(servers.UdpRelay(lab.chronyd(skew).port), "ntp")
    lab.shared["kms"] = lab.add(servers.RpcResponder(servers.ACK_NDR64, hold=relay.answered), "kms")
    return [domain, *lab.dns_arg(), "--clock", "ntp", "--ntp", f"{LOOPBACK}:{relay.port}"]


def _not_kms(lab, listener):
    return ["--kms", f"{LOOPBACK}:{lab.add(listener, 'peer').port}", *lab.quiet_clock()]


# name: (what it shows, a function of the lab giving the arguments, --timeout)
SCENARIOS = {
    "healthy": ("every probe answers, NTP from chronyd", lambda lab: _answered_ntp(lab, "good.test"), 5),
    "two-hosts": ("two SRV hosts in client order, NDR64 and NDR", lambda lab: [
        "two.test", *lab.dns_arg(), *lab.quiet_clock()], 5),
    "nxdomain": ("no such domain", lambda lab: ["missing.test", *lab.dns_arg(), *lab.quiet_clock()], 1),
    "no-srv-record": ("the name exists, the SRV record does not", lambda lab: [
        "nosrv.test", *lab.dns_arg(), *lab.quiet_clock()], 1),
    "srv-not-offered": ("an SRV record whose target is '.'", lambda lab: [
        "dot.test", *lab.dns_arg(), *lab.quiet_clock()], 1),
    "refused-zone": ("a DNS server that refuses the zone", lambda lab: [
        "example.com", *lab.dns_arg(), *lab.quiet_clock()], 1),
    "silent-dns": ("a DNS server that never answers", lambda lab: [
        "good.test", *lab.dns_arg(lab.add(servers.SilentUdp(), "dns")), *lab.quiet_clock()], 1),
    "host-not-found": ("an SRV target without an address", lambda lab: [
        "dangling.test", *lab.dns_arg(), *lab.quiet_clock()], 1),
    "cname-loop": ("a KMS host name whose CNAME chain loops", lambda lab: [
        "--kms", "kms.loop.test", *lab.dns_arg(lab.add(servers.CnameLoopDns(), "dns")),
        *lab.quiet_clock()], 1),
    "no-dns-server": ("a resolv.conf without a nameserver", lambda lab: [
        "good.test", *lab.resolv_conf("search good.test\n"), *lab.quiet_clock()], 1),
    "no-domain": ("no domain anywhere", lambda lab: [
        *lab.resolv_conf(f"nameserver {LOOPBACK}\n"), *lab.quiet_clock()], 1),
    "tcp-refused": ("the SRV host's port is closed", lambda lab: [
        "refused.test", *lab.dns_arg(), *lab.quiet_clock()], 1),
    "tcp-timed-out": ("a connect that never completes (backlog full)", lambda lab: [
        "--kms", f"{LOOPBACK}:{lab.add(servers.FullBacklog(), 'peer').port}", *lab.quiet_clock()], 1),
    "rpc-no-reply": ("a port that accepts and never speaks", lambda lab: _not_kms(
        lab, servers.Listener(servers.mute)), 1),
    "rpc-http": ("a web server on the KMS port", lambda lab: _not_kms(
        lab, servers.Listener(servers.speak_http)), 1),
    "rpc-without-kms": ("an RPC server without the KMS interface", lambda lab: _not_kms(
        lab, servers.RpcResponder(servers.ACK_NO_INTERFACE)), 1),
    "rpc-bind-nak": ("an RPC server that rejects the bind", lambda lab: _not_kms(
        lab, servers.RpcResponder(servers.NAK)), 1),
    "rpc-closed": ("a peer that closes without a reply", lambda lab: _not_kms(
        lab, servers.RpcResponder(b"", close=True)), 1),
    "stale-srv-record": ("one SRV host answers, the other is closed", lambda lab: [
        "half.test", *lab.dns_arg(), *lab.quiet_clock()], 5),
    "ntp-skew": ("chronyd five hours ahead", lambda lab: _answered_ntp(lab, "good.test", "+5h"), 5),
    "ntp-silent": ("a silent NTP server: a note after the grace", lambda lab: [
        "--kms", f"{LOOPBACK}:{lab.kms().port}", "--clock", "ntp", "--ntp",
        f"{LOOPBACK}:{lab.add(servers.SilentUdp(), 'ntp').port}"], 20),
    "smb-clock": ("the KMS host's own clock from Samba", lambda lab: _answered_smb(lab, None), 5),
    "smb-skew": ("Samba five hours ahead", lambda lab: _answered_smb(lab, "+5h"), 5),
}


def _normalize_text(text, ports):
    def port(m):
        number = int(m.group(2))
        return m.group(1) + ("{" + ports[number] + "}" if number in ports else m.group(2))
    text = re.sub(r"(:|port )(\d+)\b", port, text)
    return re.sub(r"[-+]?\d+\.\d+ (m?s)\b", r"N \1", text)


def normalize(report, ports):
    """The report with what differs between two identical runs made constant (module doc)."""
    report["seconds"] = "*"
    for probe in report["probes"]:
        probe["target"] = _normalize_text(probe["target"], ports)
        probe["detail"] = _normalize_text(probe["detail"], ports)
        probe["seconds"] = probe["finished"] = "*"
        if "offset" in probe:
            probe["offset"] = f"{round(probe['offset'] / 3600)} h"
            probe["delay"] = "*"
    report["probes"].sort(key=lambda p: (PROBE_ORDER.index(p["probe"]) if p["probe"] in PROBE_ORDER
                                         else len(PROBE_ORDER), p["target"], p["result"]))
    return report


def golden_path(name):
    return os.path.join(GOLDEN, name + ".json")


def golden_text(slerr, name, wrapper=()):
    """The golden text of scenario `name`: exit status and the normalized report, one field a
    line. Starts and stops the scenario's servers (a missing one raises unittest.SkipTest)."""
    _, make, timeout = SCENARIOS[name]
    lab = Lab()
    try:
        args = make(lab)
        result = subprocess.run([*wrapper, slerr, "diagnose", "--json", "--timeout", str(timeout), *args],
                                capture_output=True, text=True, timeout=120,
                                env={**os.environ, "NO_COLOR": "1"})
    finally:
        lab.close()
    report = normalize(json.loads(result.stdout), lab.ports)
    text = json.dumps({"exit": result.returncode, "output": report}, indent=2, ensure_ascii=False)
    return text + "\n"
