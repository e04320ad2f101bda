"""Ctrl-C on a --local parity subcommand: the engine in the process shuts down before it exits, so the
commands its steps run (each in a session of its own) do not outlive it."""
from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

from serve_process import binary_path


def sessions_of(marker: str) -> set[int]:
    """Session IDs of the processes whose command line holds `marker`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() not in (entry / "cmdline").read_bytes():
                continue
            found.add(int((entry / "stat").read_text().rsplit(")", 1)[1].split()[3]))
        except (OSError, IndexError, ValueError):
            continue
    return found


def live_processes_in(session: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


def test_ctrl_c_on_local_start_leaves_no_step_process(tmp_path):
    seconds = str(random.randint(3000, 9999))
    marker = f"seq 1 {seconds}"
    process = subprocess.Popen(
        [str(binary_path()), "start-automation-execution", "--local", "--data-dir", str(tmp_path / "engine"),
         "--document-name", "Demo-SlowCommand", "--parameters", f"Seconds={seconds}", "--region", "us-east-1"],
        env={"HOME": str(tmp_path), "USER": "operator", "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        # The execution ID on stdout means the start was answered; then wait for the step's command to run.
        assert process.stdout.readline() == "{\n"
        assert "AutomationExecutionId" in process.stdout.readline()
        deadline = time.monotonic() + 30
        sessions: set[int] = set()
        while not sessions and time.monotonic() < deadline:
            sessions = sessions_of(marker)
            time.sleep(0.1)
        assert sessions, "the step's command never started"
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
        assert process.returncode == 130, process.stderr.read()
        left = [pid for session in sessions for pid in live_processes_in(session)]
        assert left == [], f"step processes left running after Ctrl-C: {left}"
    finally:
        if process.poll() is None:
            process.kill()
        for session in sessions_of(marker):
            subprocess.run(["kill", "-KILL", "--", f"-{session}"], check=False, capture_output=True)
