"""Runs the real `ssm-console` binary in a tmux pane and reads its screen back, for end-to-end tests and
screenshots. Each instance has its own tmux server (its own socket), so nothing touches the user's tmux."""
from __future__ import annotations

import os
import re
import shlex
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path


class ScreenTimeout(AssertionError):
    pass


class TmuxConsole:
    def __init__(self, arguments: list[str], *, width: int = 120, height: int = 40,
                 environment: dict[str, str] | None = None, cwd: Path | None = None):
        self.socket = f"ssmc-{uuid.uuid4().hex[:12]}"
        self.session = "console"
        env = {
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/tmp"),
        }
        env.update(environment or {})
        # `env -i` so the pane sees exactly this environment, not the tmux server's.
        command = "exec env -i " + " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items()) + " " + \
            " ".join(shlex.quote(a) for a in arguments)
        self._tmux("-f", "/dev/null", "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                   *(["-c", str(cwd)] if cwd else []), command)
        # Keep the pane after the program exits so its exit status and last screen can be read.
        self._tmux("set-option", "-t", self.session, "remain-on-exit", "on")

    def _tmux(self, *arguments: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *arguments], capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(arguments)} failed: {result.stderr.strip()}")
        return result.stdout

    # Reading

    def screen(self, *, escapes: bool = False) -> str:
        """The visible pane as text (with SGR escapes when `escapes`)."""
        # -N keeps trailing spaces, which carry a background colour (a status bar) when escapes are asked for.
        return self._tmux("capture-pane", "-p", *(["-e", "-N"] if escapes else []), "-t", self.session)

    def wait_for(self, condition: str | re.Pattern | Callable[[str], bool], timeout: float = 20) -> str:
        """Polls the screen until `condition` (text, regex or predicate) holds; fails with the last screen."""
        if isinstance(condition, str):
            check = lambda screen: condition in screen  # noqa: E731
        elif isinstance(condition, re.Pattern):
            check = lambda screen: condition.search(screen) is not None  # noqa: E731
        else:
            check = condition
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise ScreenTimeout(f"waited {timeout} s for {condition!r}; the screen was:\n{screen}")

    # Input

    def press(self, *keys: str) -> None:
        """tmux key names: 'Enter', 'Escape', 'Down', 'C-c', or single characters."""
        self._tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.session, "-l", text)

    def resize(self, width: int, height: int) -> None:
        self._tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    # The process

    @property
    def pid(self) -> int:
        return int(self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").strip())

    def exit_status(self, timeout: float = 15) -> int:
        """Waits for the program to exit; its status (128+N for a signal)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            fields = self._tmux("display-message", "-p", "-t", self.session,
                                "#{pane_dead} #{pane_dead_status} #{pane_dead_signal}").split()
            # tmux can mark the pane dead a moment before it has filled in how the program ended.
            if fields and fields[0] == "1" and len(fields) > 1:
                status = fields[1]
                signal_number = fields[2] if len(fields) > 2 else ""
                if signal_number:
                    return 128 + int(signal_number)
                return int(status)
            time.sleep(0.1)
        raise ScreenTimeout(f"the console did not exit within {timeout} s; the screen was:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def __enter__(self) -> "TmuxConsole":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def descendants(pid: int) -> list[int]:
    """Every process whose parent chain reaches `pid`, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found
