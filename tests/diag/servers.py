# SPDX-License-Identifier: MIT
"""Real servers for the diagnose tests, all on 127.0.0.1 high ports, started and stopped by the
tests: dnsmasq (DNS), chronyd (NTP, optionally skewed with libfaketime), Samba's smbd (the SMB2
clock, optionally skewed too), a silent UDP server,
TCP listeners (refusing, mute, backlog-full, HTTP) and a DCE/RPC bind responder."""

import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
import uuid

from slerrtest import require

LOOPBACK = "127.0.0.1"
FAKETIME_LIB = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"


def free_port(kind=socket.SOCK_DGRAM):
    """A port that is free on loopback right now, for both UDP and TCP."""
    while True:
        with socket.socket(socket.AF_INET, kind) as s:
            s.bind((LOOPBACK, 0))
            port = s.getsockname()[1]
        other = socket.SOCK_STREAM if kind == socket.SOCK_DGRAM else socket.SOCK_DGRAM
        try:
            with socket.socket(socket.AF_INET, other) as s:
                s.bind((LOOPBACK, port))
            return port
        except OSError:
            continue


def _wait_until(check, what, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.02)
    raise RuntimeError(f"{what} did not come up")


class Process:
    """A server process with its own temporary directory; stop() ends it and cleans up."""

    def __init__(self, argv, env=None):
        self.dir = tempfile.mkdtemp(prefix="slerr-diag-")
        self.argv = argv
        self.env = env
        self.proc = None
        self.new_session = False

    def start(self):
        env = dict(os.environ)
        env.update(self.env or {})
        with open(os.path.join(self.dir, "stderr"), "w") as stderr:
            self.proc = subprocess.Popen(self.argv, stdout=subprocess.DEVNULL, stderr=stderr, env=env,
                                         start_new_session=self.new_session)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def udp_exchange(packet, port, timeout):
    """Sends one datagram to a loopback port; the reply, or None without one in `timeout`."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        s.sendto(packet, (LOOPBACK, port))
        try:
            return s.recv(4096)
        except OSError:
            return None


# ---- DNS ----

def dns_query(name, qtype, port, timeout=0.2):
    """Sends one query; returns the response code, or None without an answer."""
    query_id = int.from_bytes(os.urandom(2), "big")
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    packet = struct.pack(">HHHHHH", query_id, 0x0100, 1, 0, 0, 0) + labels + struct.pack(">HH", qtype, 1)
    reply = udp_exchange(packet, port, timeout)
    return reply[3] & 0x0F if reply and len(reply) >= 12 and reply[:2] == packet[:2] else None


class Dnsmasq(Process):
    """dnsmasq answering for the local zone `test` with the given config lines."""

    def __init__(self, lines, port=None):
        self.port = port or free_port()
        super().__init__([])
        conf = os.path.join(self.dir, "dnsmasq.conf")
        base = [f"port={self.port}", f"listen-address={LOOPBACK}", "bind-interfaces", "no-resolv",
                "no-hosts", "no-poll", "pid-file=", "local=/test/"]
        if os.geteuid() == 0:
            base.append("user=root")
        with open(conf, "w") as f:
            f.write("\n".join(base + list(lines)) + "\n")
        # -k, not no-daemon: in no-daemon mode dnsmasq answers TCP queries in its main process,
        # and c-ares keeps the TCP connection of a truncated answer open, stalling later lookups
        self.argv = ["dnsmasq", "-k", "-C", conf]

    def start(self, probe_name="probe.test"):
        super().start()
        _wait_until(lambda: dns_query(probe_name, 1, self.port) is not None, "dnsmasq")
        return self


def test_zone(kms_port, kms_ndr_port, closed_port):
    """The dnsmasq lines of the zones the diagnose tests ask: good.test (one KMS host), two.test
    (priority 0 on the NDR64 host before priority 10 on the NDR one), half.test (one host
    answers, the other's port is closed), refused.test (the port is closed), dangling.test (a
    target without an address), nosrv.test (a name without the SRV record), dot.test (target
    ".": not offered)."""
    return [
        f"srv-host=_vlmcs._tcp.good.test,kms.good.test,{kms_port},0,100",
        f"host-record=kms.good.test,{LOOPBACK}",
        # two hosts: the priority-0 one must come first even with the lower weight
        f"srv-host=_vlmcs._tcp.two.test,backup.two.test,{kms_ndr_port},10,100",
        f"srv-host=_vlmcs._tcp.two.test,main.two.test,{kms_port},0,5",
        f"host-record=main.two.test,{LOOPBACK}",
        f"host-record=backup.two.test,{LOOPBACK}",
        f"srv-host=_vlmcs._tcp.half.test,up.half.test,{kms_port},0,100",
        f"srv-host=_vlmcs._tcp.half.test,old.half.test,{closed_port},0,50",
        f"host-record=up.half.test,{LOOPBACK}", f"host-record=old.half.test,{LOOPBACK}",
        f"srv-host=_vlmcs._tcp.refused.test,kms.refused.test,{closed_port},0,100",
        f"host-record=kms.refused.test,{LOOPBACK}",
        "srv-host=_vlmcs._tcp.dangling.test,gone.dangling.test,1688,0,100",
        "txt-record=_vlmcs._tcp.nosrv.test,no-kms-here",
        "srv-host=_vlmcs._tcp.dot.test",  # target ".": the service is explicitly not offered
        "txt-record=probe.test,up",
    ]


def servfail_pair():
    """A validating dnsmasq that forwards servfail.test to an unsigned one: its answers are bogus,
    so the front answers SERVFAIL. Returns (front, back)."""
    back = Dnsmasq(["local=/servfail.test/", "txt-record=probe.servfail.test,x",
                    "srv-host=_vlmcs._tcp.servfail.test,kms.servfail.test,1688,0,100"]).start(
                        "probe.servfail.test")
    anchor = "servfail.test,20326,8,2,E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D"
    front = Dnsmasq([f"server=/servfail.test/{LOOPBACK}#{back.port}", "dnssec",
                     f"trust-anchor={anchor}",
                     "conf-file=/usr/share/dnsmasq-base/trust-anchors.conf"]).start()
    return front, back


class SilentUdp:
    """A UDP socket that reads and never answers (a DNS or NTP server that is gone quiet)."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, 0))
        self.port = self.sock.getsockname()[1]

    def wait_for_query(self, timeout=30.0):
        """Waits until a datagram has arrived (left unread): the readiness signal that the run
        under test has started its probes, instead of a sleep that a loaded machine outlasts."""
        ready, _, _ = select.select([self.sock], [], [], timeout)
        if not ready:
            raise RuntimeError("no query reached the silent server")

    def queries(self):
        """How many datagrams arrived so far."""
        self.sock.setblocking(False)
        count = 0
        try:
            while self.sock.recv(4096):
                count += 1
        except BlockingIOError:
            pass
        return count

    def stop(self):
        self.sock.close()


# ---- NTP ----

def ntp_answers(port, timeout=0.2):
    packet = bytes([0x23]) + bytes(39) + struct.pack(">Q", 0x1234567800000000)
    reply = udp_exchange(packet, port, timeout)
    return bool(reply) and len(reply) >= 48 and reply[0] & 7 == 4 and reply[1] != 0


class SharedChronyd:
    """One chronyd for the clock tests of a test module, started by the first test that asks for
    it: the other tests never need it, so they run where chronyd is missing (the clock tests
    skip there, naming the package)."""

    def __init__(self):
        self.server = None

    def args(self):
        """`--ntp` pointing at the shared chronyd; skips the calling test without chronyd."""
        require("chronyd")
        if self.server is None:
            self.server = Chronyd().start()
        return ["--ntp", f"{LOOPBACK}:{self.server.port}"]

    def stop(self):
        if self.server:
            self.server.stop()
            self.server = None


def quiet_clock_args():
    """For the runs that are not about the clock: both clock sources (NTP and SMB, --clock auto)
    point at loopback ports where nothing listens, so each ends at once with a note and no
    server is needed; with --clock auto the clock is optional, so no verdict depends on it."""
    return ["--ntp", f"{LOOPBACK}:{refused_port()}", "--smb-port", str(refused_port())]


class Chronyd(Process):
    """chronyd serving its own clock (local stratum 8) on a loopback port; `skew` like "+5h"
    shifts that clock with libfaketime."""

    def __init__(self, skew=None):
        self.port = free_port()
        super().__init__([])
        conf = os.path.join(self.dir, "chrony.conf")
        with open(conf, "w") as f:
            f.write(f"port {self.port}\nbindaddress {LOOPBACK}\nallow {LOOPBACK}\n"
                    f"local stratum 8\ncmdport 0\nbindcmdaddress /\n"
                    f"pidfile {self.dir}/chronyd.pid\ndriftfile {self.dir}/drift\n")
        self.argv = ["chronyd", "-x", "-d", "-f", conf]
        self.argv += ["-u", "root"] if os.geteuid() == 0 else ["-U"]
        if skew:
            self.env = {"FAKETIME": skew, "LD_PRELOAD": FAKETIME_LIB}

    def start(self):
        require("chronyd")
        super().start()
        _wait_until(lambda: ntp_answers(self.port), "chronyd")
        return self


# ---- SMB ----

def smb_answers(port, timeout=0.5):
    """True once something accepts TCP on the port and answers an SMB2 NEGOTIATE."""
    request = (b"\0\0\0\x6c\xfeSMB" + struct.pack("<HHIHHIIQIIQ16s", 64, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, bytes(16))
               + struct.pack("<HHHHI16sQ4H", 36, 4, 1, 0, 0, bytes(16), 0, 0x202, 0x210, 0x300, 0x302))
    try:
        with socket.create_connection((LOOPBACK, port), timeout=timeout) as s:
            s.sendall(request)
            return s.recv(8)[4:8] == b"\xfeSMB"
    except OSError:
        return False


class Smbd(Process):
    """Samba's smbd on a loopback port with its own config and state directories; `skew` like
    "+5h" shifts its clock with libfaketime."""

    def __init__(self, skew=None):
        self.port = free_port(socket.SOCK_STREAM)
        super().__init__([])
        conf = os.path.join(self.dir, "smb.conf")
        dirs = {name: os.path.join(self.dir, name) for name in ("private", "lock", "state", "cache", "pid", "log",
                                                          "ncalrpc")}
        for path in dirs.values():
            os.mkdir(path)
        with open(conf, "w") as f:
            f.write("[global]\n"
                    f"smb ports = {self.port}\ninterfaces = {LOOPBACK}\nbind interfaces only = yes\n"
                    f"private dir = {dirs['private']}\nlock directory = {dirs['lock']}\n"
                    f"state directory = {dirs['state']}\ncache directory = {dirs['cache']}\n"
                    f"pid directory = {dirs['pid']}\nlog file = {dirs['log']}/log.%m\n"
                    # Samba 4.22 (Debian 13) stops at start without it: /run/samba is made
                    # only when the service is set up by systemd
                    f"ncalrpc dir = {dirs['ncalrpc']}\n"
                    "disable netbios = yes\nserver role = standalone server\n"
                    "load printers = no\nprinting = bsd\nprintcap name = /dev/null\n"
                    "disable spoolss = yes\n")
        self.argv = ["smbd", "-F", "--no-process-group", "-s", conf, "-d", "1"]
        # on SIGTERM smbd signals its whole process group: give it one of its own, not ours
        self.new_session = True
        if skew:
            self.env = {"FAKETIME": skew, "LD_PRELOAD": FAKETIME_LIB}

    def start(self):
        require("smbd")
        super().start()
        _wait_until(lambda: smb_answers(self.port), "smbd", timeout=30)
        return self


# ---- TCP ----

class Listener:
    """A TCP listener on loopback; `serve(conn)` runs per connection in a thread."""

    def __init__(self, serve=None, backlog=16, host=LOOPBACK, port=0):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.sock.listen(backlog)
        self.port = self.sock.getsockname()[1]
        self.serve = serve
        self.received = []
        self.conns = []
        self.stopping = False
        if serve:
            threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.stopping:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            threading.Thread(target=self._run, args=(conn,), daemon=True).start()

    def _run(self, conn):
        try:
            self.serve(self, conn)
        except OSError:
            pass

    def stop(self):
        self.stopping = True
        self.sock.close()
        for conn in self.conns:
            conn.close()


# The sockets that keep refused ports taken until the test process ends.
_refusing = []


def refused_port():
    """A loopback port that refuses TCP and UDP for as long as this process runs. A port merely
    found free could be taken meanwhile by a concurrent test's server, which would then answer
    (a "refused" NTP probe once got a reply): it stays bound here instead. A TCP socket bound
    but not listening refuses a connect; a UDP socket connected to another port matches no
    datagram sent to it, so the kernel answers port unreachable."""
    while True:
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.bind((LOOPBACK, 0))
        port = tcp.getsockname()[1]
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            udp.bind((LOOPBACK, port))
        except OSError:
            tcp.close()
            udp.close()
            continue
        udp.connect((LOOPBACK, 9))
        _refusing.extend((tcp, udp))
        return port


def mute(listener, conn):
    """Accepts and never speaks."""
    while not listener.stopping and conn.recv(4096):
        pass


class FullBacklog(Listener):
    """A listener that never accepts, whose queue is already full: further SYNs are dropped, so a
    connect() hangs until it times out."""

    def __init__(self):
        super().__init__(serve=None, backlog=0)
        self.fillers = []
        for _ in range(3):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            s.connect_ex((LOOPBACK, self.port))
            self.fillers.append(s)
        # readiness, not a sleep: once one filler's handshake is done (it turns writable) the
        # queue of backlog 0 is full and every later SYN is dropped
        _, writable, _ = select.select([], self.fillers, [], 30)
        if not writable:
            raise RuntimeError("no connection reached the backlog")

    def stop(self):
        super().stop()
        for s in self.fillers:
            s.close()


def speak_http(listener, conn):
    """Reads what comes, answers as a web server would to a request it cannot parse, closes."""
    listener.received.append(conn.recv(4096))
    conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    conn.close()


# ---- DCE/RPC bind replies, written from MS-RPCE / C706 ----

KMS_INTERFACE = uuid.UUID("51c82175-844e-4750-b0d8-ec255555bc06")
NDR = uuid.UUID("8a885d04-1ceb-11c9-9fe8-08002b104860")
NDR64 = uuid.UUID("71710533-beba-4937-8319-b5dbef9ccc36")
NULL_UUID = uuid.UUID(int=0)


def _pdu(ptype, body, call_id=2, frag_length=None):
    length = 16 + len(body) if frag_length is None else frag_length
    return struct.pack("<BBBB4sHHI", 5, 0, ptype, 3, b"\x10\0\0\0", length, 0, call_id) + body


def bind_ack(results, secondary=b"1688\0", call_id=2, frag_length=None):
    """results: (result, reason, transfer uuid, version) per offered context."""
    body = struct.pack("<HHI", 5840, 5840, 0x1234) + struct.pack("<H", len(secondary)) + secondary
    body += bytes((-(16 + len(body))) % 4)
    body += struct.pack("<B3x", len(results))
    for result, reason, syntax, version in results:
        body += struct.pack("<HH", result, reason) + syntax.bytes_le + struct.pack("<I", version)
    return _pdu(12, body, call_id, frag_length)


def bind_nak(reason):
    return _pdu(13, struct.pack("<HB", reason, 1) + bytes([5, 0]))


ACK_NDR64 = bind_ack([(2, 2, NULL_UUID, 0), (0, 0, NDR64, 1)])  # newer hosts: NDR64 only
ACK_NDR = bind_ack([(0, 0, NDR, 2), (2, 2, NULL_UUID, 0)])
ACK_NO_INTERFACE = bind_ack([(2, 1, NULL_UUID, 0), (2, 1, NULL_UUID, 0)])
NAK = bind_nak(4)  # reason 4: protocol version not supported


def parse_bind(data):
    """(ptype, call_id, [(abstract uuid, transfer uuid)]) of a bind PDU from the client."""
    ptype, = struct.unpack_from("<B", data, 2)
    call_id, = struct.unpack_from("<I", data, 12)
    count = data[24]
    contexts, pos = [], 28
    for _ in range(count):
        abstract = uuid.UUID(bytes_le=data[pos + 4:pos + 20])
        transfer = uuid.UUID(bytes_le=data[pos + 24:pos + 40])
        contexts.append((abstract, transfer))
        pos += 44
    return ptype, call_id, contexts


class RpcResponder(Listener):
    """Reads the client's bind, keeps it in .received, answers with `reply` bytes (all at once, or
    one byte a second with drip=True), then waits for the client to close (or closes first with
    close=True)."""

    def __init__(self, reply, drip=False, host=LOOPBACK, close=False, port=0, hold=None):
        self.reply = reply
        self.drip = drip
        self.close = close
        self.hold = hold  # a threading.Event the reply waits for (another server's readiness)
        self.done = threading.Event()  # set when a connection's exchange is over (the peer closed)
        super().__init__(serve=type(self)._serve, host=host, port=port)

    def _serve(self, conn):
        try:
            self._exchange(conn)
        finally:
            self.done.set()

    def _exchange(self, conn):
        data = b""
        while len(data) < 10 or len(data) < struct.unpack_from("<H", data, 8)[0]:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        self.received.append(data)
        if self.hold:
            self.hold.wait(30)
        if self.drip:
            for byte in self.reply:
                if self.stopping:
                    return
                conn.sendall(bytes([byte]))
                time.sleep(1)
        else:
            conn.sendall(self.reply)
        if self.close:
            conn.close()
            return
        while conn.recv(4096):
            self.received.append(b"more")


class Relay(Listener):
    """Forwards each connection to a loopback port and sets .answered once the far end has sent
    its first bytes back: a readiness signal for tests that must not race a slow server."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.answered = threading.Event()
        super().__init__(serve=type(self)._serve)

    @staticmethod
    def _pump(src, dst, on_data=None):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
                if on_data:
                    on_data()
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def _serve(self, conn):
        far = socket.create_connection((LOOPBACK, self.target_port), timeout=30)
        far.settimeout(None)
        self.conns.append(far)
        threading.Thread(target=self._pump, args=(far, conn, self.answered.set), daemon=True).start()
        self._pump(conn, far)


class UdpRelay:
    """Forwards datagrams to a loopback port (one client at a time) and sets .answered once the
    far end has replied: the readiness signal that an NTP server has answered, for runs whose
    KMS responder must not finish first (the clock probes' grace would race a slow server)."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.answered = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, 0))
        self.port = self.sock.getsockname()[1]
        self.far = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.far.connect((LOOPBACK, target_port))
        self.client = None
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                ready, _, _ = select.select([self.sock, self.far], [], [])
                if self.sock in ready:
                    data, self.client = self.sock.recvfrom(4096)
                    self.far.send(data)
                if self.far in ready:
                    data = self.far.recv(4096)
                    if self.client:
                        self.sock.sendto(data, self.client)
                        self.answered.set()
            except (OSError, ValueError):
                return

    def stop(self):
        self.sock.close()
        self.far.close()


class AllOf:
    """Readiness of several servers at once, for a responder's `hold` (its reply waits until
    every clock server of the run has answered)."""

    def __init__(self, *events):
        self.events = events

    def wait(self, timeout):
        deadline = time.monotonic() + timeout
        return all(e.wait(max(0.0, deadline - time.monotonic())) for e in self.events)


class ForgedKissNtp:
    """An NTP server that first sends a kiss-o'-death whose origin timestamp does not match the
    request (as an off-path forger would), then the real answer: a client must ignore the first."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    @staticmethod
    def _now():
        t = time.time() + 2208988800
        return int(t) << 32 | int((t % 1) * 2**32)

    def _serve(self):
        while True:
            try:
                request, peer = self.sock.recvfrom(512)
            except OSError:
                return
            if len(request) < 48:
                continue
            origin = request[40:48]
            wrong = struct.pack(">Q", struct.unpack(">Q", origin)[0] ^ 0xFFFF)
            kiss = bytes([0x24, 0, 0, 0]) + bytes(8) + b"DENY" + bytes(8) + wrong + bytes(16)
            self.sock.sendto(kiss, peer)
            time.sleep(0.05)
            now = struct.pack(">Q", self._now())
            answer = bytes([0x24, 2, 0, 0]) + bytes(8) + b"LOCL" + now + origin + now + now
            self.sock.sendto(answer, peer)

    def stop(self):
        self.sock.close()


class CnameLoopDns:
    """A DNS server (UDP) whose answer to any A or AAAA query is a CNAME loop: NAME -> loop.test ->
    NAME, as a misconfigured zone gives (dnsmasq refuses to load one)."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((LOOPBACK, 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    @staticmethod
    def _name(text):
        return b"".join(bytes([len(p)]) + p.encode() for p in text.split(".") if p) + b"\0"

    def _serve(self):
        while True:
            try:
                query, peer = self.sock.recvfrom(512)
            except OSError:
                return
            end = 12
            while end < len(query) and query[end]:
                end += 1 + query[end]
            question = query[12:end + 5]
            other = self._name("loop.test")
            # NAME CNAME loop.test, loop.test CNAME NAME (a pointer to the question's name)
            first = b"\xc0\x0c" + struct.pack(">HHIH", 5, 1, 60, len(other)) + other
            at = 12 + len(question) + 12  # where `other` starts: header, question, RR header
            second = struct.pack(">H", 0xC000 | at) + struct.pack(">HHIH", 5, 1, 60, 2) + b"\xc0\x0c"
            header = query[:2] + struct.pack(">HHHHH", 0x8580, 1, 2, 0, 0)
            self.sock.sendto(header + question + first + second, peer)

    def stop(self):
        self.sock.close()
