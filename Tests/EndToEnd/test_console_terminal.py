"""The console as a terminal program: resizing, a backend that goes away, and every way out restoring the
terminal and leaving no process behind."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

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


# The supervisor: the process the shell starts stays a small supervisor and runs the real console as its child,
# so the terminal is restored however the console dies, even where no code of the console can run.

def supervised_console(wrapper_pid: int, timeout: float = 20) -> tuple[int, int]:
    """The supervisor (the binary the wrapper started) and the console (the binary the supervisor started)."""
    binary = str(binary_path()).encode()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for supervisor in descendants(wrapper_pid):
            try:
                if not Path(f"/proc/{supervisor}/cmdline").read_bytes().startswith(binary):
                    continue
            except OSError:
                continue
            for child in descendants(supervisor):
                try:
                    parent = int(Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[1])
                    if parent == supervisor and Path(f"/proc/{child}/cmdline").read_bytes().startswith(binary):
                        return supervisor, child
                except OSError:
                    continue
        time.sleep(0.1)
    raise AssertionError("no console under a supervisor")


def pane_flags(console: TmuxConsole) -> tuple[str, str]:
    """Whether the pane is on the alternate screen, and whether its cursor is shown."""
    return tuple(console._tmux("display-message", "-p", "-t", console.session,
                               "#{alternate_on} #{cursor_flag}").split())


def test_the_console_runs_under_a_supervisor_that_the_environment_does_not_leak_from(tmp_path):
    with local_console(tmp_path, "CONSOLE; sleep 30") as console:
        console.wait_for("EXECUTION ID", timeout=120)
        supervisor, child = supervised_console(console.pid)
        # The same process group (the terminal's signals reach both) and the same arguments.
        assert os.getpgid(supervisor) == os.getpgid(child)
        assert Path(f"/proc/{supervisor}/cmdline").read_bytes() == Path(f"/proc/{child}/cmdline").read_bytes()
        # The marker is taken out of the console's environment at once; the kernel keeps the environment the
        # process started with in /proc/PID/environ, so the processes the engine starts are what tell.
        deadline = time.monotonic() + 60
        engine_children = []
        while not engine_children and time.monotonic() < deadline:
            engine_children = [p for p in descendants(child)
                               if not Path(f"/proc/{p}/cmdline").read_bytes().startswith(str(binary_path()).encode())]
            time.sleep(0.2)
        assert engine_children, "the demo should have a running command under the console"
        for process in engine_children:
            try:
                environment = Path(f"/proc/{process}/environ").read_bytes().split(b"\0")
            except OSError:
                continue
            assert not [v for v in environment if v.startswith(b"SSM_CONSOLE_SUPERVISOR_PID=")], process


@pytest.mark.parametrize("fault", ["SIGKILL", "engine-thread-stack-overflow"])
def test_the_supervisor_restores_the_terminal_however_the_console_dies(tmp_path, fault):
    """SIGKILL (the OOM killer's) and a stack overflow on an engine thread (which no handler can run on) leave
    nothing in the console able to restore the terminal: its supervisor does, and says what happened."""
    record = tmp_path / "record"
    console_command = f"{binary_path()} --local --data-dir {tmp_path / 'engine'}"
    wrapper = (f"echo BEFORE-THE-CONSOLE; {console_command}; echo exit=$? > {record}.status; "
               f"stty -a > {record}.stty; sleep 60")
    environment = {"XDG_STATE_HOME": str(tmp_path / "state"), "USER": "operator", "SWIFT_BACKTRACE": "enable=no"}
    if fault != "SIGKILL":
        environment["SSM_CONSOLE_CRASH_TEST"] = fault
    with TmuxConsole(["sh", "-c", wrapper], environment=environment) as console:
        if fault == "SIGKILL":
            console.wait_for("EXECUTION ID", timeout=120)
            assert pane_flags(console) == ("1", "0"), "curses should own the terminal before the kill"
            supervisor, child = supervised_console(console.pid)
            os.kill(child, signal.SIGKILL)
            expected = {signal.SIGKILL}
        else:
            expected = {signal.SIGSEGV, signal.SIGBUS}
        deadline = time.monotonic() + 120
        while not Path(f"{record}.stty").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        status = int(Path(f"{record}.status").read_text().strip().removeprefix("exit="))
        assert status - 128 in expected, f"{fault}: exit status {status}"
        stty = Path(f"{record}.stty").read_text().split()
        assert "icanon" in stty and "echo" in stty and "-icanon" not in stty, f"{fault}: not cooked:\n{stty}"
        assert pane_flags(console) == ("0", "1"), f"{fault}: alternate screen or hidden cursor left"
        screen = console.screen()
        assert "BEFORE-THE-CONSOLE" in screen, f"{fault}: the shell's earlier output is not back:\n{screen}"
        signal_number = status - 128
        name = signal.Signals(signal_number).name
        assert (f"ssm-console: the console was killed by signal {signal_number} ({name}); "
                "the terminal has been restored") in screen.replace("\n", ""), screen


def test_without_the_supervisor_an_engine_thread_crash_leaves_the_terminal_raw(tmp_path):
    """What the supervisor is for: the same crash with it turned off leaves curses' modes behind. (If this ever
    fails, the console learnt to restore the terminal from any thread by itself.)"""
    record = tmp_path / "record"
    console_command = f"{binary_path()} --local --data-dir {tmp_path / 'engine'}"
    wrapper = f"{console_command}; echo exit=$? > {record}.status; stty -a > {record}.stty; sleep 60"
    environment = {"XDG_STATE_HOME": str(tmp_path / "state"), "USER": "operator", "SWIFT_BACKTRACE": "enable=no",
                   "SSM_CONSOLE_CRASH_TEST": "engine-thread-stack-overflow", "SSM_CONSOLE_NO_SUPERVISOR": "1"}
    with TmuxConsole(["sh", "-c", wrapper], environment=environment) as console:
        deadline = time.monotonic() + 120
        while not Path(f"{record}.stty").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        status = int(Path(f"{record}.status").read_text().strip().removeprefix("exit="))
        assert status - 128 in {signal.SIGSEGV, signal.SIGBUS}, status
        assert "-icanon" in Path(f"{record}.stty").read_text().split()
        assert pane_flags(console) == ("1", "0")


def test_ctrl_z_suspends_the_console_and_fg_brings_it_back(tmp_path):
    shell = ["bash", "--norc", "--noprofile", "-i"]
    environment = {"XDG_STATE_HOME": str(tmp_path / "state"), "USER": "operator", "PS1": "PROMPT$ "}
    with TmuxConsole(shell, environment=environment) as console:
        console.wait_for("PROMPT$")
        console.type(f"{binary_path()} --local --data-dir {tmp_path / 'engine'}")
        console.press("Enter")
        console.wait_for("EXECUTION ID", timeout=120)
        supervisor, child = supervised_console(console.pid)
        console.press("C-z")
        screen = console.wait_for("Stopped")
        assert pane_flags(console) == ("0", "1"), screen
        for process in (supervisor, child):
            state = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()[0]
            assert state == "T", f"process {process} is {state}, not stopped"
        console.type("fg")
        console.press("Enter")
        console.wait_for("EXECUTION ID")
        assert pane_flags(console) == ("1", "0")
        console.press("q")
        console.wait_for(lambda screen: "EXECUTION ID" not in screen and "PROMPT$" in screen)
        console.type("echo exit=$?")
        console.press("Enter")
        console.wait_for("exit=0")
