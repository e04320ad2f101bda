"""Starts and stops `ssm-console serve` for the interoperability tests."""
from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
LISTENING_LINE = re.compile(r"^ssm-console serve: listening on (http://127\.0\.0\.1:\d+)$")


def binary_path() -> Path:
    """The built executable; SSM_CONSOLE_BINARY points elsewhere (a release build, say)."""
    configured = os.environ.get("SSM_CONSOLE_BINARY")
    return Path(configured).resolve() if configured else PACKAGE_ROOT / ".build" / "debug" / "ssm-console"


def limit_open_files(count: int) -> None:
    import resource
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (count, hard))


@dataclass(frozen=True)
class AccessKey:
    access_key_id: str
    secret: str
    principal: str

    @property
    def argument(self) -> str:
        return f"{self.access_key_id}:{self.secret}:{self.principal}"


class ServeProcess:
    """One `ssm-console serve` on 127.0.0.1 with a port the system picks."""

    def __init__(self, data_dir: Path, keys: list[AccessKey], extra_arguments: list[str] = (),
                 open_files: int | None = None):
        """`open_files` lowers the soft limit on serve's file descriptors (RLIMIT_NOFILE)."""
        binary = binary_path()
        if not binary.exists():
            raise RuntimeError(
                f"{binary} does not exist. Build it first: swift build --product ssm-console "
                "(or set SSM_CONSOLE_BINARY to a built ssm-console)."
            )
        self.stderr_path = data_dir.parent / "serve-stderr.log"
        self._stderr = open(self.stderr_path, "wb")
        arguments = [str(binary), "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", str(data_dir)]
        for key in keys:
            arguments += ["--access-key", key.argument]
        arguments += list(extra_arguments)
        self.arguments = arguments
        self.process = subprocess.Popen(
            arguments, stdout=subprocess.PIPE, stderr=self._stderr, stdin=subprocess.DEVNULL, cwd=PACKAGE_ROOT,
            preexec_fn=None if open_files is None else lambda: limit_open_files(open_files),
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.stdout_lines: list[str] = []
        # Drains stdout for the whole run so the server never blocks on a full pipe.
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self.url = self._wait_for_listening_line(timeout=60)

    def _read_stdout(self) -> None:
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.stdout_lines.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def _wait_for_listening_line(self, timeout: float) -> str:
        try:
            first = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.process.kill()
            raise RuntimeError(f"ssm-console serve printed nothing within {timeout} s. stderr:\n{self.stderr_text()}")
        if first is None:
            code = self.process.wait()
            raise RuntimeError(f"ssm-console serve exited with {code} before listening. stderr:\n{self.stderr_text()}")
        match = LISTENING_LINE.match(first)
        if not match:
            self.stop()
            raise RuntimeError(
                f"ssm-console serve's first line should be 'ssm-console serve: listening on http://127.0.0.1:PORT'; "
                f"got {first!r}"
            )
        return match.group(1)

    def stderr_text(self) -> str:
        if not self._stderr.closed:
            self._stderr.flush()
        return self.stderr_path.read_text(errors="replace")

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM, then the exit status; kills it (and says so) when it does not stop in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                self._stderr.close()
                raise RuntimeError(f"ssm-console serve did not stop within {timeout} s of SIGTERM; it was killed.")
        self._stderr.close()
        return self.process.returncode
