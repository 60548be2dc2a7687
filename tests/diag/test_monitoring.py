#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`slerr diagnose` in monitoring systems: the Nagios plugin output against the monitoring-plugins
guidelines (UNKNOWN for bad arguments, threshold ranges, perfdata, long output), the shipped
Icinga 2 and Nagios definitions checked by the real daemons (icinga2 daemon -C, nagios4 -v), and
the Prometheus textfile output checked by promtool."""

import os
import pwd
import grp
import re
import shutil
import stat
import subprocess
import tempfile
import unittest

import servers
from servers import LOOPBACK
from slerrtest import SLERR, WRAPPER, main, require

ICINGA2_CONF = os.environ["SLERR_ICINGA2_CONF"]
NAGIOS_CFG = os.environ["SLERR_NAGIOS_CFG"]
# label=value[UOM];[warn];[crit];[min];[max], value U when unknown (monitoring-plugins guidelines)
PERFDATA = re.compile(r"^[a-z_]+=(U|-?\d+(\.\d+)?s)(;(@?(-?[\d.]+|~)?:?(-?[\d.]+)?)?){0,4}$")

kms = None
ntp = servers.SharedChronyd()  # for the tests that read a clock, started by the first
_held = []  # the relays and held responders of healthy_args, stopped with the module


def setUpModule():
    global kms
    kms = servers.RpcResponder(servers.ACK_NDR64)


def tearDownModule():
    kms.stop()
    ntp.stop()
    for server in _held:
        server.stop()


def slerr(*args, timeout=60):
    return subprocess.run([*WRAPPER, SLERR, "diagnose", *args], capture_output=True, text=True,
                          timeout=timeout)


def healthy_args(clock=None):
    """A KMS host that answers and a chronyd's clock (`clock`, else the shared one: skips
    without chronyd), for one run. The NTP reply is relayed and the KMS host holds its bind_ack
    until it has passed, so the clock probe's short grace after the KMS probes never races a
    chronyd slowed by a loaded machine (a readiness signal, no sleep)."""
    ntp_port = clock.port if clock else int(ntp.args()[1].rsplit(":", 1)[1])
    relay = servers.UdpRelay(ntp_port)
    held_kms = servers.RpcResponder(servers.ACK_NDR64, hold=relay.answered)
    _held.extend([held_kms, relay])
    return ["-H", f"{LOOPBACK}:{held_kms.port}", "--clock", "ntp", "--ntp", f"{LOOPBACK}:{relay.port}",
            "-t", "5"]


def answering_args():
    """A KMS host that answers, the clock sources closed (the clock is optional): for the tests
    not about the clock, which need no chronyd."""
    return ["-H", f"{LOOPBACK}:{kms.port}", *servers.quiet_clock_args(), "-t", "5"]


class Plugin(unittest.TestCase):
    def test_bad_arguments_are_unknown(self):
        for args in [["--bogus"], ["-w", "2:1"], ["-c", "1,2,3"], ["-w", "abc"], ["--kms", "h:99999"],
                     ["a.test", "b.test"], ["--json"]]:
            with self.subTest(args=args):
                result = slerr("--nagios", *args)
                self.assertEqual(result.returncode, 3, result.stdout)
                self.assertTrue(result.stdout.startswith("KMS UNKNOWN - "), result.stdout)

    def test_status_perfdata_and_one_line_per_probe(self):
        result = slerr("--nagios", *healthy_args())
        self.assertEqual(result.returncode, 0, result.stdout)
        first, *long_lines = result.stdout.splitlines()
        self.assertTrue(first.startswith("KMS OK - "), first)
        text, perf = first.split(" | ")
        for item in perf.split():
            self.assertRegex(item, PERFDATA)
        self.assertIn("clock_offset=", perf)
        self.assertIn(";-3600:3600;-14400:14400", perf, "the default 1 h / 4 h, in seconds")
        kinds = [line.split()[1] for line in long_lines]
        self.assertEqual(sorted(kinds), ["ntp", "rpc", "tcp"], result.stdout)
        self.assertTrue(all(line.startswith("ok ") for line in long_lines), result.stdout)

    def test_time_ranges(self):
        # any answer takes more than a microsecond: outside 0:0.000001 is a WARNING
        result = slerr("--nagios", *healthy_args(), "-w", ",0.000001")
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertRegex(result.stdout, r"kms_time=[\d.]+s;0.000001;;0 ")
        self.assertIn(";-3600:3600;-14400:14400", result.stdout, "an empty OFFSET keeps the default")
        # @0:60 alerts inside the range
        result = slerr("--nagios", *healthy_args(), "-c", "4,@0:60")
        self.assertEqual(result.returncode, 2, result.stdout)
        # 10: alerts below 10 (an offset of less than 10 hours); ~:60 never alerts on a fast answer
        result = slerr("--nagios", *healthy_args(), "-w", "10:,~:60")
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertRegex(result.stdout, r"kms_time=[\d.]+s;~:60;;0 clock_offset=-?[\d.]+s;36000:;")

    def test_offset_ranges_are_hours(self):
        skewed = servers.Chronyd(skew="+2h").start()
        try:
            ok = slerr("--nagios", *healthy_args(skewed), "-w", "3")
            warning = slerr("--nagios", *healthy_args(skewed))
            critical = slerr("--nagios", *healthy_args(skewed), "-c", "1.5")
        finally:
            skewed.stop()
        self.assertEqual(ok.returncode, 0, ok.stdout)
        self.assertEqual(warning.returncode, 1, warning.stdout)
        self.assertRegex(warning.stdout, r"clock_offset=7[12]\d\d\.\d+s;-3600:3600;")
        self.assertEqual(critical.returncode, 2, critical.stdout)

    def test_hostile_peer_cannot_forge_perfdata_or_reach_the_terminal(self):
        evil = servers.bind_ack([(2, 2, servers.NULL_UUID, 0), (0, 0, servers.NDR64, 1)],
                                secondary=b"\x1b]0;owned\x07|evil=1s;2;3\x1b[2J\0")
        responder = servers.RpcResponder(evil)
        try:
            result = slerr("--nagios", "-H", f"{LOOPBACK}:{responder.port}",
                           *servers.quiet_clock_args())
        finally:
            responder.stop()
        self.assertEqual(result.stdout.count("|"), 1, result.stdout)
        self.assertNotIn("\x1b", result.stdout)
        self.assertNotIn("\x07", result.stdout)
        self.assertIn("\\x1b]0;owned", result.stdout, "shown, escaped")


    def test_version(self):
        """-V and --version print the version, as the guidelines ask of every plugin (they
        were 'invalid command line', UNKNOWN)."""
        for flag in ("-V", "--version"):
            with self.subTest(flag=flag):
                result = slerr("--nagios", flag)
                self.assertEqual(result.returncode, 0, result.stdout)
                self.assertRegex(result.stdout, r"^slerr \d+\.\d+\.\d+ \(catalog of ")

    def test_verbosity_adds_detail_lines(self):
        """-v, -vv, -vvv (the guidelines' verbosity) each keep the lines before and add their own:
        the entries to read, then the configuration and thresholds, then each entry's cause and
        remedy (-v was 'invalid command line', UNKNOWN). Only the status line carries a '|'."""
        down = ["-H", f"{LOOPBACK}:{servers.refused_port()}", "--clock", "ntp",
                "--ntp", f"{LOOPBACK}:{servers.refused_port()}", "-t", "5"]
        runs = [slerr("--nagios", *down, *flags) for flags in ([], ["-v"], ["-vv"], ["-v", "-v", "-v"])]
        for level, run in enumerate(runs):
            with self.subTest(level=level):
                self.assertEqual(run.returncode, 2, run.stdout)
                self.assertEqual(run.stdout.count("|"), 1, run.stdout)
        plain, v1, v2, v3 = [run.stdout.splitlines() for run in runs]
        self.assertFalse([line for line in plain if line.startswith(("entry ", "config:", "  cause"))])
        def shape(lines):  # times and the order probes finish in vary from run to run
            return sorted(re.sub(r"\d+(\.\d+)?", "N", line) for line in lines)
        self.assertEqual(shape(v1[:len(plain)]), shape(plain), "-v keeps the default lines")
        self.assertEqual(v1[len(plain):], [
            "entry 0x800706BA RPC_S_SERVER_UNAVAILABLE: The RPC server is unavailable.",
            "entry 0xC004F074 SL_E_VL_BINDING_SERVICE_UNAVAILABLE: The Software Licensing Service "
            "reported that the product could not be activated. No Key Management Service (KMS) "
            "could be contacted. Please see the Application Event Log for additional information."])
        self.assertEqual(shape(v2[:len(plain)]), shape(plain))
        self.assertEqual(v2[len(plain):len(v1)], v1[len(plain):])
        self.assertRegex(v2[len(v1)], r"^config: domain \(none: --kms alone\); kms 127\.0\.0\.1:\d+; .*"
                                      r"clock ntp; ntp 127\.0\.0\.1:\d+; smb-port 445; timeout 5\.000 s$")
        self.assertEqual(v2[len(v1) + 1], "thresholds: clock offset in hours warning 1, critical 4; "
                                          "KMS answer time in seconds warning none, critical none; "
                                          "clock required")
        self.assertEqual(len(v2), len(v1) + 2)
        extra = [line for line in v3[len(plain):] if line not in v2]
        self.assertEqual([line.split(":")[0] for line in extra], ["  cause", "  remedy"] * 2, v3)
        self.assertEqual(v3.index(extra[0]), v3.index(v1[len(plain)]) + 1, "under its entry")

    def test_verbosity_is_a_plugin_option(self):
        result = slerr("-v", "--kms", f"{LOOPBACK}:{kms.port}")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("use it with --nagios", result.stderr)

    def test_offset_thresholds_without_a_measured_offset(self):
        """--clock ntp with no NTP answer: the offset thresholds cannot be judged, so UNKNOWN
        with the reason (it said OK with clock_offset=U); --clock auto takes the clock as
        optional and says so in the status line."""
        dead = f"{LOOPBACK}:{servers.refused_port()}"
        required = slerr("--nagios", "-H", f"{LOOPBACK}:{kms.port}", "--clock", "ntp", "--ntp", dead)
        self.assertEqual(required.returncode, 3, required.stdout)
        first = required.stdout.splitlines()[0]
        self.assertRegex(first, r"^KMS UNKNOWN - clock offset not measured \(ntp 127\.0\.0\.1:\d+"
                                r": nothing listens on the NTP port\), and the offset "
                                r"thresholds need it")
        self.assertIn("clock_offset=U;-3600:3600;-14400:14400;", first)
        optional = slerr("--nagios", "-H", f"{LOOPBACK}:{kms.port}", "--clock", "auto", "--ntp", dead,
                         "--smb-port", str(servers.refused_port()))
        self.assertEqual(optional.returncode, 0, optional.stdout)
        self.assertRegex(optional.stdout, r"^KMS OK - .* answers; clock offset not measured \(")

    def test_a_huge_threshold_is_printed_whole(self):
        """-w 1e30 (hours): perfdata carries every digit of 3.6e33 seconds, not 31 of them."""
        result = slerr("--nagios", *answering_args(), "-w", "1e30")
        perf = result.stdout.splitlines()[0].split(" | ")[1]
        offset = [item for item in perf.split() if item.startswith("clock_offset=")][0]
        self.assertRegex(offset, PERFDATA)
        warn = offset.split(";")[1]
        low, high = warn.split(":")
        self.assertEqual(low, "-" + high)
        self.assertNotIn("e", high)
        self.assertAlmostEqual(float(high) / 3.6e33, 1.0, places=12)

    def test_metrics_file_that_cannot_be_written_is_unknown(self):
        result = slerr("--nagios", *answering_args(), "--prometheus", "/nonexistent/dir/slerr.prom")
        self.assertEqual(result.returncode, 3, result.stdout)
        self.assertTrue(result.stdout.startswith("KMS UNKNOWN - cannot write the metrics file "
                                                 "/nonexistent/dir/slerr.prom: "), result.stdout)


class Definitions(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="slerr-monitoring-")
        self.addCleanup(shutil.rmtree, self.dir)
        self.user = pwd.getpwuid(os.geteuid()).pw_name
        self.group = grp.getgrgid(os.getegid()).gr_name

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def icinga2(self, service_vars):
        require("icinga2")
        conf = self.write("icinga2.conf", f"""
include <itl>
include "{ICINGA2_CONF}"
object Host "kms1" {{ check_command = "dummy"; address = "{LOOPBACK}" }}
object Service "kms" {{
  host_name = "kms1"
  check_command = "slerr_kms"
  {service_vars}
}}
""")
        d = self.dir
        return subprocess.run(["icinga2", "daemon", "-C", "-c", conf, f"-DRunAsUser={self.user}",
                               f"-DRunAsGroup={self.group}", f"-DCacheDir={d}", f"-DLogDir={d}",
                               f"-DDataDir={d}", f"-DInitRunDir={d}"],
                              capture_output=True, text=True, timeout=120)

    def test_icinga2_accepts_the_check_command(self):
        result = self.icinga2('vars.slerr_kms_domain = "corp.example"\n  vars.slerr_kms_clock = "smb"\n'
                              '  vars.slerr_kms_warning = "1,2"\n  vars.slerr_kms_critical = "4"')
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("Instantiated 1 Service", result.stdout)
        self.assertIn("Finished validating", result.stdout)

    def test_icinga2_check_is_not_a_rubber_stamp(self):
        result = self.icinga2('check_command = "slerr_kms_misspelt"')
        self.assertNotEqual(result.returncode, 0, "an unknown command must fail the check")

    def nagios(self, check_command):
        require("nagios4")
        objects = self.write("objects.cfg", f"""
define timeperiod {{
    timeperiod_name always
    alias           always
    monday          00:00-24:00
}}
define command {{
    command_name    notify_nobody
    command_line    /bin/true
}}
define contact {{
    contact_name                  nobody
    host_notifications_enabled    0
    service_notifications_enabled 0
    host_notification_period      always
    service_notification_period   always
    host_notification_options     n
    service_notification_options  n
    host_notification_commands    notify_nobody
    service_notification_commands notify_nobody
}}
define host {{
    host_name           kms1
    address             {LOOPBACK}
    max_check_attempts  1
    check_period        always
    contacts            nobody
    notification_period always
}}
define service {{
    host_name           kms1
    service_description KMS
    check_command       {check_command}
    max_check_attempts  1
    check_interval      5
    retry_interval      1
    check_period        always
    notification_period always
    contacts            nobody
}}
""")
        d = self.dir
        main = self.write("nagios.cfg", "\n".join([
            f"cfg_file={NAGIOS_CFG}", f"cfg_file={objects}", f"log_file={d}/nagios.log",
            f"status_file={d}/status.dat", f"temp_file={d}/nagios.tmp", f"lock_file={d}/nagios.lock",
            f"object_cache_file={d}/objects.cache", f"precached_object_file={d}/objects.precache",
            f"command_file={d}/nagios.cmd", f"check_result_path={d}",
            f"state_retention_file={d}/retention.dat", f"nagios_user={self.user}",
            f"nagios_group={self.group}", ""]))
        return subprocess.run(["nagios4", "-v", main], capture_output=True, text=True, timeout=120)

    def test_nagios4_accepts_the_command_definition(self):
        result = self.nagios("check_slerr_kms!corp.example -w 1 -c 4")
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("Total Errors:   0", result.stdout)

    def test_nagios4_check_is_not_a_rubber_stamp(self):
        result = self.nagios("check_slerr_kms_misspelt!corp.example")
        self.assertNotEqual(result.returncode, 0)


class Prometheus(unittest.TestCase):
    def promtool(self, text):
        require("promtool")
        result = subprocess.run(["promtool", "check", "metrics"], input=text, capture_output=True,
                                text=True, timeout=120)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr + text)

    def metric_names(self, text):
        return {re.split(r"[{ ]", line)[0] for line in text.splitlines() if line and line[0] != "#"}

    def test_healthy_run(self):
        result = slerr("--prometheus", "-", *healthy_args())
        self.assertEqual(result.returncode, 0, result.stderr)
        self.promtool(result.stdout)
        names = self.metric_names(result.stdout)
        self.assertTrue(all(n.startswith("slerr_kms_") for n in names), names)
        self.assertIn("slerr_kms_info", names)
        self.assertIn("slerr_kms_clock_offset_seconds", names)
        self.assertIn("slerr_kms_up 1", result.stdout)
        self.assertIn("slerr_kms_status 0", result.stdout)

    def test_failing_run(self):
        result = slerr("--prometheus", "-", "-H", f"{LOOPBACK}:{servers.refused_port()}",
                       *servers.quiet_clock_args())
        self.assertEqual(result.returncode, 1)
        self.promtool(result.stdout)
        self.assertIn("slerr_kms_up 0", result.stdout)
        self.assertIn('slerr_kms_probes{result="refused",severity="critical"} 1', result.stdout)

    def test_file_written_atomically_next_to_the_text_output(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "slerr.prom")
            result = slerr("--prometheus", path, *answering_args(), "--color=never")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertRegex(result.stdout, r"No problem found \(\d+\.\d\d s\)\. If clients")
            self.assertEqual(os.listdir(d), ["slerr.prom"], "no temporary file left behind")
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o644)
            with open(path) as f:
                self.promtool(f.read())

    def test_a_search_entry_that_is_no_name_never_reaches_a_label(self):
        # resolv.conf's search entries may hold any byte: one that is no DNS name is skipped
        # (the resolver skips it too), so the domain label stays empty and valid
        with tempfile.NamedTemporaryFile("wb", suffix=".conf", delete=False) as f:
            f.write(b'nameserver 127.0.0.1\nsearch we"ird\\x\x1b[2J.test\n')
        self.addCleanup(os.unlink, f.name)
        result = slerr("--prometheus", "-", "--resolv-conf", f.name, "--dns-server",
                       f"{LOOPBACK}:{servers.refused_port()}", "-t", "2", "--clock", "ntp")
        self.promtool(result.stdout)
        self.assertIn('domain=""', result.stdout)
        self.assertNotIn("ird", result.stdout)
        self.assertNotIn("\x1b", result.stdout)
        text = slerr("--resolv-conf", f.name, "--dns-server", f"{LOOPBACK}:{servers.refused_port()}",
                     "-t", "2", "--clock", "ntp", "--color=never")
        self.assertIn("resolv.conf's domain and search entries are no DNS names", text.stdout)

    def test_only_an_absent_or_regular_file_is_replaced(self):
        """The rename replaced whatever FILE was: run as root, --prometheus /dev/full turned the
        device into a regular file and reported success. Now anything but an absent or regular
        file is an error (exit 3) before the run, and stays what it was."""
        with tempfile.TemporaryDirectory() as d:
            fifo = os.path.join(d, "fifo")
            os.mkfifo(fifo)
            link = os.path.join(d, "link")
            target = os.path.join(d, "target.prom")
            with open(target, "w") as f:
                f.write("kept\n")
            os.symlink(target, link)
            loop = os.path.join(d, "loop")
            os.symlink(loop, loop)
            device = os.path.join(d, "full")
            if os.geteuid() == 0:
                os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # as /dev/full
            cases = [(fifo, "not a regular file", stat.S_ISFIFO), (link, "not a regular file", stat.S_ISLNK),
                     (d, "Is a directory", stat.S_ISDIR), (d + "/", "Not a directory", stat.S_ISDIR),
                     (target + "/", "Not a directory", stat.S_ISREG),
                     (loop, "not a regular file", stat.S_ISLNK)]
            if os.geteuid() == 0:
                cases.append((device, "not a regular file", stat.S_ISCHR))
            for path, why, kind in cases:
                with self.subTest(path=os.path.basename(path.rstrip("/")) + path[-1:]):
                    result = slerr("--prometheus", path, *answering_args(), timeout=20)
                    self.assertEqual(result.returncode, 3, result.stderr)
                    self.assertEqual(result.stderr, f"slerr: cannot write {path}: {why}"
                                     + (" (only a regular file is replaced)" if why.startswith("not") else "")
                                     + "\n")
                    self.assertEqual(result.stdout, "", "refused before the run")
                    self.assertTrue(kind(os.lstat(path.rstrip("/")).st_mode), "left as it was")
            with open(target) as f:
                self.assertEqual(f.read(), "kept\n")
            regular = os.path.join(d, "old.prom")
            with open(regular, "w") as f:
                f.write("old\n")
            result = slerr("--prometheus", regular, *answering_args())
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(regular) as f:
                self.assertIn("slerr_kms_up 1", f.read())

    def test_unwritable_file_is_an_error(self):
        result = slerr("--prometheus", "/nonexistent/dir/slerr.prom", *answering_args())
        self.assertEqual(result.returncode, 3)
        self.assertIn("cannot write /nonexistent/dir/slerr.prom", result.stderr)


if __name__ == "__main__":
    main()
