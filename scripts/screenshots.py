"""Drives `ssm-console --local` in tmux through the screens the README shows and saves each as a PNG."""
from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "Tests" / "EndToEnd")]

from ansi_to_png import render  # noqa: E402
from tmux_console import TmuxConsole  # noqa: E402

WIDTH, HEIGHT = 120, 32
OUTPUT = ROOT / "Screenshots"


def save(console: TmuxConsole, name: str) -> None:
    time.sleep(0.4)  # let the last frame settle
    render(console.screen(escapes=True), WIDTH, HEIGHT, OUTPUT / f"{name}.png")
    print(f"Screenshots/{name}.png")


def select_row(console: TmuxConsole, document: str) -> None:
    """Filters the list down to `document`'s executions, leaving the first selected."""
    console.press("/")
    console.type(document)
    console.wait_for(f"/{document}")
    console.press("Enter")


def main() -> None:
    binary = ROOT / ".build" / "debug" / "ssm-console"
    with tempfile.TemporaryDirectory() as state:
        environment = {"XDG_STATE_HOME": state, "USER": "operator"}
        with TmuxConsole([str(binary), "--local", "--data-dir", f"{state}/engine"], width=WIDTH, height=HEIGHT,
                         environment=environment) as console:
            console.wait_for("Demo-ApproveRestart", timeout=120)
            console.wait_for(re.compile(r"Waiting"), timeout=60)
            save(console, "executions")

            console.press("i")
            console.wait_for("Inbox")
            save(console, "inbox")
            console.press("i")

            select_row(console, "Demo-ApproveRestart")
            console.press("a")
            console.wait_for("send-automation-signal")
            console.type("Change window agreed with the on-call team")
            save(console, "approval-form")
            console.press("Escape")
            console.press("Escape")

            select_row(console, "Demo-FlakyStepWithRetries")
            console.press("Enter")
            console.wait_for("STEP")
            save(console, "execution")
            console.press("Escape")
            console.press("Escape")  # and the filter

            console.press("?")
            console.wait_for("Keys")
            save(console, "help")
            console.press("Escape")
            console.press("q")
            console.exit_status()


if __name__ == "__main__":
    main()
