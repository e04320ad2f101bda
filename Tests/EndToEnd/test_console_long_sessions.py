"""Long sessions: switching profile and region without a restart (two `serve` instances standing for two
accounts), copying an execution ID to the clipboard with OSC 52, and the config file's keys and refusals."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from executions import start, wait_for_status
from serve_process import AccessKey, ServeProcess, binary_path
from ssm_clients import REGION, Endpoint
from tmux_console import TmuxConsole

ACCOUNT_A = AccessKey("AKIAACCOUNTAOPERATOR", "account-a-secret/EndToEnd+Key00000000001",
                      "arn:aws:iam::111111111111:user/operator-a")
ACCOUNT_B = AccessKey("AKIAACCOUNTBOPERATOR", "account-b-secret/EndToEnd+Key00000000002",
                      "arn:aws:iam::222222222222:user/operator-b")


@pytest.fixture(scope="module")
def accounts(tmp_path_factory):
    """Two serves, one per account, each with an execution of its own."""
    a = ServeProcess(tmp_path_factory.mktemp("account-a") / "data", [ACCOUNT_A])
    b = ServeProcess(tmp_path_factory.mktemp("account-b") / "data", [ACCOUNT_B])
    try:
        ids = {}
        for name, serve, key in (("a", a, ACCOUNT_A), ("b", b, ACCOUNT_B)):
            ssm = Endpoint(serve.url, key, key).client(key)
            ids[name] = start(ssm, "Demo-ApproveRestart", {"Approvers": [key.principal]})
            wait_for_status(ssm, ids[name], "Waiting")
        yield {"a": (a, ids["a"]), "b": (b, ids["b"])}
    finally:
        a.stop()
        b.stop()


def aws_files(directory: Path, accounts) -> dict[str, str]:
    """An AWS config file with profiles a and b, each with its serve as endpoint_url, and their keys."""
    directory.mkdir(parents=True, exist_ok=True)
    config = directory / "config"
    credentials = directory / "credentials"
    config.write_text("".join(
        f"[profile {name}]\nregion = {REGION}\nendpoint_url = {accounts[name][0].url}\n\n" for name in ("a", "b")))
    credentials.write_text(
        f"[a]\naws_access_key_id = {ACCOUNT_A.access_key_id}\naws_secret_access_key = {ACCOUNT_A.secret}\n\n"
        f"[b]\naws_access_key_id = {ACCOUNT_B.access_key_id}\naws_secret_access_key = {ACCOUNT_B.secret}\n")
    return {"AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(credentials)}


def environment(tmp_path: Path, accounts, config_yaml: str | None = None) -> dict[str, str]:
    env = aws_files(tmp_path / "aws", accounts)
    env.update({
        "AWS_EC2_METADATA_DISABLED": "true",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    })
    if config_yaml is not None:
        folder = tmp_path / "config" / "ssm-console"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "config.yaml").write_text(config_yaml)
    return env


@pytest.fixture
def consoles():
    opened: list[TmuxConsole] = []
    yield opened
    for console in opened:
        console.close()


def test_switch_profile_and_region_without_restarting(accounts, tmp_path, consoles):
    config = "read-only-profiles: [b]\n"
    console = TmuxConsole([str(binary_path()), "--profile", "a", "--refresh", "2"], width=140, height=40,
                          environment=environment(tmp_path, accounts, config))
    consoles.append(console)
    id_a, id_b = accounts["a"][1], accounts["b"][1]
    console.wait_for(id_a[:8], timeout=30)
    screen = console.wait_for("AWS profile a")
    assert "operator-a" in console.wait_for("operator-a")
    assert id_b[:8] not in screen
    pid = console.pid
    # A filter typed before the switch stays.
    console.press("/")
    console.type("Demo-Approve")
    console.press("Enter")
    console.press(":")
    console.type("profile b")
    console.press("Enter")
    screen = console.wait_for(lambda s: "AWS profile b" in s and id_b[:8] in s, timeout=30)
    assert id_a[:8] not in screen
    assert "operator-b" in console.wait_for("operator-b")
    assert "Demo-Approve" in screen, "the filter survives the switch"
    # Profile b is read-only in the config file: the console says so and refuses a change.
    assert "read-only" in screen.lower()
    console.press("a")
    console.wait_for("Read-only")
    # Another region, same profile: the header shows it (serve answers in any region).
    console.press(":")
    console.type("region eu-west-2")
    console.press("Enter")
    console.wait_for(lambda s: "AWS profile b · eu-west-2" in s and id_b[:8] in s, timeout=30)
    # Back to a: its execution again, and never b's.
    console.press(":")
    console.type("profile a")
    console.press("Enter")
    screen = console.wait_for(lambda s: "AWS profile a" in s and id_a[:8] in s, timeout=30)
    assert id_b[:8] not in screen
    assert console.pid == pid, "the same process all along"
    # An unknown profile is refused and the console stays where it is.
    console.press(":")
    console.type("profile nope")
    console.press("Enter")
    screen = console.wait_for("Could not switch to profile nope", timeout=30)
    assert "AWS profile a" in screen


@pytest.mark.parametrize("inside_tmux", [False, True])
def test_copy_an_execution_id_with_osc52(accounts, tmp_path, consoles, inside_tmux):
    env = environment(tmp_path, accounts)
    if inside_tmux:
        # The console then also sends the sequence through tmux's passthrough; tmux still takes the plain one.
        env["TMUX"] = "/tmp/tmux-test/default,1,0"
    console = TmuxConsole([str(binary_path()), "--profile", "a", "--refresh", "2"], width=140, height=40,
                          environment=env)
    consoles.append(console)
    # tmux puts what an application copies with OSC 52 into its paste buffer when set-clipboard is on.
    console._tmux("set-option", "-s", "set-clipboard", "on")
    id_a = accounts["a"][1]
    console.wait_for(id_a[:8], timeout=30)
    console.press("/")
    console.type(id_a)
    console.press("Enter")
    console.press("y")
    console.wait_for("Copied execution ID")
    deadline_screen = console.screen()
    buffer = console._tmux("show-buffer")
    assert buffer == id_a, deadline_screen
    console.press("Y")
    console.wait_for("Copied the aws ssm command")
    buffer = console._tmux("show-buffer")
    assert buffer.startswith("aws ssm get-automation-execution --profile a --region us-east-1 --endpoint-url ")
    assert buffer.endswith(f"--automation-execution-id {id_a}")


def test_clipboard_off_in_the_config_file(accounts, tmp_path, consoles):
    console = TmuxConsole([str(binary_path()), "--profile", "a", "--refresh", "2"], width=140, height=40,
                          environment=environment(tmp_path, accounts, "clipboard: false\n"))
    consoles.append(console)
    console._tmux("set-option", "-s", "set-clipboard", "on")
    console.wait_for(accounts["a"][1][:8], timeout=30)
    console.press("y")
    console.wait_for("copying is off")
    with pytest.raises(RuntimeError):
        console._tmux("show-buffer")


def console_ended(console, timeout: float = 15) -> bool:
    """The console's process has exited. Read from /proc rather than from tmux's pane_dead: tmux at times leaves an
    exited program unreaped (a zombie) for many seconds before it marks the pane dead."""
    pid = int(console._tmux("display-message", "-p", "-t", console.session, "#{pane_pid}").strip())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def test_rebound_keys_work_and_show_in_the_footer(accounts, tmp_path, consoles):
    config = "keys:\n  executions:\n    help: F2\n    quit: [Q]\n"
    console = TmuxConsole([str(binary_path()), "--profile", "a", "--refresh", "2"], width=140, height=40,
                          environment=environment(tmp_path, accounts, config))
    consoles.append(console)
    screen = console.wait_for("EXECUTION ID", timeout=30)
    footer = screen.rstrip("\n").splitlines()[-1]
    assert "F2 Help" in footer and "Q Quit" in footer, footer
    console.press("q")
    console.press("F2")
    console.wait_for("Keys (executions view)")
    console.press("Escape")
    console.press("Q")
    assert console_ended(console)


def test_a_bad_config_file_stops_the_console_with_the_line_and_setting(accounts, tmp_path):
    env = environment(tmp_path, accounts, "refresh: 5\nkeys:\n  executions:\n    approve: r\n")
    result = subprocess.run([str(binary_path()), "config"], env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    path = tmp_path / "config" / "ssm-console" / "config.yaml"
    assert f"{path}:4:14: keys.executions.approve: r for 'approve' is already 'reject'" in result.stderr


def test_a_bad_config_file_refuses_to_start_the_console(accounts, tmp_path, consoles):
    env = environment(tmp_path, accounts, "bell: maybe\n")
    console = TmuxConsole([str(binary_path()), "--profile", "a"], width=140, height=40, environment=env)
    consoles.append(console)
    assert console.exit_status() == 2
    # With the scrollback, wrapped lines joined: the message may be longer than the pane is wide.
    screen = console._tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", console.session)
    assert "config.yaml:1:7: bell: expected true or false, got 'maybe'" in screen, screen
    assert "fix the config file" in screen


def test_config_default_prints_every_setting():
    result = subprocess.run([str(binary_path()), "config", "--default"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0
    for setting in ("refresh: 5", "profile: \"\"", "region: \"\"", "read-only: false", "read-only-profiles: []",
                    "bell: true", "title: true", "clipboard: true", "mouse: false", "skin: default", "colors: {}",
                    "keys: {}"):
        assert f"\n{setting}\n" in result.stdout, setting


def read_until(master: int, needle: bytes, timeout: float = 30) -> bytes:
    """What the console wrote to its terminal until `needle` appeared."""
    import os
    import select
    import time
    received = b""
    deadline = time.monotonic() + timeout
    while needle not in received and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                received += os.read(master, 65536)
            except OSError:
                break
    return received


@pytest.mark.parametrize("inside_tmux", [False, True])
def test_osc52_bytes_as_the_terminal_receives_them_in_a_pty(accounts, tmp_path, inside_tmux):
    """The real binary on a pty: `y` writes OSC 52 with the ID in base64, and inside tmux the same sequence
    again wrapped in tmux's passthrough with its ESC doubled."""
    import base64
    import fcntl
    import os
    import pty
    import struct
    import termios
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "HOME": str(tmp_path), **environment(tmp_path, accounts)}
    if inside_tmux:
        env["TMUX"] = "/tmp/tmux-test/default,1,0"
    id_a = accounts["a"][1]
    pid, master = pty.fork()
    if pid == 0:
        os.execve(str(binary_path()), [str(binary_path()), "--profile", "a", "--refresh", "2"], env)
    try:
        fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
        read_until(master, id_a[:8].encode())
        os.write(master, b"/" + id_a.encode() + b"\r")
        time.sleep(0.5)
        os.write(master, b"y")
        osc52 = b"\x1b]52;c;" + base64.b64encode(id_a.encode()) + b"\x07"
        wrapped = b"\x1bPtmux;" + osc52.replace(b"\x1b", b"\x1b\x1b") + b"\x1b\\"
        received = read_until(master, wrapped if inside_tmux else osc52)
        assert osc52 in received
        assert (wrapped in received) == inside_tmux
        if inside_tmux:
            assert received.index(osc52) < received.index(wrapped)
        os.write(master, b"q")
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.close(master)
