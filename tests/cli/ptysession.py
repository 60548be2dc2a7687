# SPDX-License-Identifier: MIT
"""Drives slerr on a real pseudo-terminal, as a person at a keyboard would: send keys, wait
for text. Waits end with a failure after a generous deadline (a hang), never on speed."""

import errno
import fcntl
import os
import pty
import re
import select
import struct
import termios
import time

from slerrtest import SLERR, WRAPPER

DEADLINE = float(os.environ.get("SLERR_PTY_DEADLINE", "600" if WRAPPER else "60"))  # seconds before a missing reply counts as a hang (sanitizer builds are slow)
PROMPT = "slerr> "
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\x07\x08]")


class PtySession:
    def __init__(self, *args, env=None):
        full_env = dict(os.environ)
        full_env.update({"TERM": "xterm", "NO_COLOR": "1", "EDITRC": "/dev/null"})
        full_env.update(env or {})
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: slerr with the pty as its terminal
            try:
                os.execvpe(([*WRAPPER, SLERR])[0], [*WRAPPER, SLERR, *args], full_env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.raw = ""
        self.seen = 0  # expect() looks only at what arrived after the previous match
        self.status = None

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError as e:  # EIO: the child closed the terminal
            if e.errno != errno.EIO:
                raise
            data = b""
        if not data:
            raise EOFError("slerr closed the terminal; output so far:\n" + self.text())
        self.raw += data.decode("utf-8", "replace")
        return True

    def text(self):
        """Everything shown so far, without terminal control sequences and carriage returns."""
        return ESCAPES.sub("", self.raw).replace("\r", "")

    def expect(self, needle):
        """Waits until `needle` appears in new output; returns the output up to and with it."""
        deadline = DEADLINE
        while True:
            text = self.text()
            found = text.find(needle, self.seen)
            if found >= 0:
                chunk = text[self.seen:found + len(needle)]
                self.seen = found + len(needle)
                return chunk
            if deadline <= 0:
                raise AssertionError(f"no {needle!r} in output:\n{text[self.seen:]}")
            if not self._read(0.25):
                deadline -= 0.25

    def expect_prompt(self):
        """Waits for the prompt and for the line editor to take the terminal out of line mode:
        keys sent earlier would meet the kernel's line discipline (where Ctrl-D is not a key)."""
        chunk = self.expect(PROMPT)
        waited = 0.0
        while termios.tcgetattr(self.fd)[3] & termios.ICANON:
            if waited > DEADLINE:
                raise AssertionError("the line editor never took the terminal")
            time.sleep(0.01)
            waited += 0.01
        return chunk[:-len(PROMPT)]

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def command(self, line):
        """Types a line and Enter; returns what it printed before the next prompt."""
        self.send(line + "\r")
        return self.expect_prompt()

    def wait(self):
        """Waits for slerr to exit; returns its exit status."""
        try:
            while self._read(DEADLINE):
                pass
            raise AssertionError("slerr did not exit; output:\n" + self.text())
        except EOFError:
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except ProcessLookupError:
                pass
            os.close(self.fd)
            self.status = -9
