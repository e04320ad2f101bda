"""The real `ssm-console` (or any program) in a pseudo-terminal of a fixed size, with every byte it writes
recorded with its arrival time, and a terminal emulator (pyte) that keeps the screen as text."""
from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import threading
import time

import pyte


class PtyProgram:
    def __init__(self, arguments: list[str], *, width: int, height: int, environment: dict[str, str]):
        self.width, self.height = width, height
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
               "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
        env.update(environment)
        self.started = time.monotonic()
        self.process = subprocess.Popen(arguments, stdin=slave, stdout=slave, stderr=slave, env=env,
                                        start_new_session=True, pass_fds=())
        os.close(slave)
        self.master = master
        self.chunks: list[tuple[float, bytes]] = []
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.5)
                if not ready:
                    if self.process.poll() is not None:
                        return
                    continue
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.chunks.append((time.monotonic(), data))
                self.stream.feed(data)

    def text(self) -> str:
        with self.lock:
            return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 30) -> float:
        """Seconds since start when `needle` first showed on screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.text():
                return time.monotonic() - self.started
            time.sleep(0.005)
        raise TimeoutError(f"{needle!r} did not appear within {timeout} s; screen:\n{self.text()}")

    def bytes_between(self, start: float, end: float) -> int:
        with self.lock:
            return sum(len(data) for at, data in self.chunks if start <= at < end)

    def last_output_time(self) -> float:
        with self.lock:
            return self.chunks[-1][0] if self.chunks else self.started

    def wait_quiet(self, quiet: float = 0.3, timeout: float = 10) -> float:
        """Waits until nothing has been written for `quiet` seconds; returns the time of the last write."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            last = self.last_output_time()
            if time.monotonic() - last >= quiet:
                return last
            time.sleep(0.01)
        return self.last_output_time()

    def write(self, data: bytes) -> float:
        at = time.monotonic()
        os.write(self.master, data)
        return at

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.master)
