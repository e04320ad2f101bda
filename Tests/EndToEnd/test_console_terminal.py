"""The console as a terminal program: resizing, a backend that goes away, and every way out restoring the
terminal and leaving no process behind."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from conftest import OPERATOR, free_port
from serve_process import binary_path
from tmux_console import TmuxConsole, descendants


def test_resize_adapts_and_says_when_too_small(open_console):
    console = open_console(width=120, height=40)
    console.wait_for("EXECUTION ID")
    assert "MODE" in console.wait_for("MODE")
    # At 80 columns the list drops its MODE and EXECUTED BY columns: only a redraw at the new size does that.
    console.resize(80, 24)
    console.wait_for(lambda screen: "EXECUTION ID" in screen and "MODE" not in screen)
    console.resize(30, 8)
    console.wait_for("Terminal too small")
    console.resize(120, 40)
    console.wait_for("EXECUTION ID")


def start_serve(data_dir: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(binary_path()), "serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(data_dir),
         "--access-key", f"{OPERATOR.access_key_id}:{OPERATOR.secret}:{OPERATOR.principal}"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    line = process.stdout.readline().decode()
    assert "listening on" in line, line
    return process


def test_backend_gone_shows_an_error_then_recovers(open_console, tmp_path):
    port = free_port()
    serve = start_serve(tmp_path / "data", port)
    try:
        console = open_console(endpoint=f"http://127.0.0.1:{port}")
        console.wait_for("EXECUTION ID")
        serve.kill()
        serve.wait()
        console.press("R")
        console.wait_for(lambda screen: "connect" in screen.lower() or "ConnectionError" in screen, timeout=30)
        serve = start_serve(tmp_path / "data", port)
        console.press("R")
        console.wait_for(lambda screen: "connect" not in screen.lower() and "EXECUTION ID" in screen, timeout=30)
    finally:
        serve.kill()
        serve.wait()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def local_console(tmp_path: Path, wrapper: str | None = None) -> TmuxConsole:
    arguments = [str(binary_path()), "--local", "--data-dir", str(tmp_path / "engine")]
    if wrapper:
        arguments = ["sh", "-c", wrapper.replace("CONSOLE", " ".join(arguments))]
    return TmuxConsole(arguments, environment={"XDG_STATE_HOME": str(tmp_path / "state"), "USER": "operator"})


def console_process(wrapper_pid: int) -> int:
    """The console under a `sh -c` wrapper."""
    return next(p for p in descendants(wrapper_pid)
                if Path(f"/proc/{p}/cmdline").read_bytes().startswith(str(binary_path()).encode()))


def test_sighup_leaves_no_process_behind(tmp_path):
    # The wrapper records the console's exit status (tmux 3.3 does not report it for every pane); its trap
    # keeps the shell itself from dying of a hangup, and is reset to the default in the console.
    status = tmp_path / "status"
    with local_console(tmp_path, f"trap : HUP; CONSOLE; echo exit=$? > {status}; sleep 30") as console:
        console.wait_for("Demo-SlowCommand", timeout=120)
        pid = console_process(console.pid)
        # The demo's slow command is a shell the engine started; it must go when the console does.
        deadline = time.monotonic() + 30
        children = descendants(pid)
        while not children and time.monotonic() < deadline:
            time.sleep(0.2)
            children = descendants(pid)
        assert children, "the demo should have a running command under the console"
        os.kill(pid, signal.SIGHUP)
        deadline = time.monotonic() + 20
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status.read_text().strip() == "exit=129"
        deadline = time.monotonic() + 10
        while any(alive(child) for child in [pid, *children]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [child for child in [pid, *children] if alive(child)]


def test_quit_and_sigterm_restore_the_terminal(tmp_path):
    for way, status in (("q", 0), ("TERM", 143), ("INT", 130)):
        record = tmp_path / f"stty-{way}"
        wrapper = f"trap : INT; stty -g > {record}.before; CONSOLE; echo exit=$? > {record}.status; stty -g > {record}.after; sleep 30"
        with local_console(tmp_path, wrapper) as console:
            console.wait_for("EXECUTION ID", timeout=120)
            if way == "q":
                console.press("q")
            elif way == "INT":
                console.press("C-c")
            else:
                os.kill(console_process(console.pid), signal.SIGTERM)
            deadline = time.monotonic() + 20
            while not Path(f"{record}.after").exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert Path(f"{record}.before").read_text() == Path(f"{record}.after").read_text(), way
            assert Path(f"{record}.status").read_text().strip() == f"exit={status}", way
            screen = console.screen()
            assert "EXECUTION ID" not in screen, f"the console's screen is still shown after {way}:\n{screen}"


def test_a_crash_even_a_stack_overflow_restores_the_terminal(tmp_path):
    # SSM_CONSOLE_CRASH_TEST crashes the UI thread right after the first frame: a stack overflow (whose
    # SIGSEGV needs the alternate signal stack to be handled at all) and a Swift trap.
    for fault, signals in (("stack-overflow", {signal.SIGSEGV, signal.SIGBUS}),
                           ("trap", {signal.SIGILL, signal.SIGTRAP, signal.SIGABRT})):
        record = tmp_path / f"stty-{fault}"
        console_command = f"{binary_path()} --local --data-dir {tmp_path / 'engine'}"
        wrapper = (f"stty -g > {record}.before; {console_command}; "
                   f"echo exit=$? > {record}.status; stty -g > {record}.after; sleep 30")
        environment = {"XDG_STATE_HOME": str(tmp_path / "state"), "USER": "operator",
                       "SWIFT_BACKTRACE": "enable=no", "SSM_CONSOLE_CRASH_TEST": fault}
        with TmuxConsole(["sh", "-c", wrapper], environment=environment) as console:
            deadline = time.monotonic() + 120
            while not Path(f"{record}.after").exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            status = int(Path(f"{record}.status").read_text().strip().removeprefix("exit="))
            assert status - 128 in signals, f"{fault}: exit status {status}"
            assert Path(f"{record}.before").read_text() == Path(f"{record}.after").read_text(), fault
            alternate = console._tmux("display-message", "-p", "-t", console.session, "#{alternate_on}").strip()
            assert alternate == "0", f"{fault}: the terminal was left on the alternate screen"
