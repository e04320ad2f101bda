"""Bytes the real console writes to the terminal when the service's answers hold text that would act on a
terminal: escape sequences, bare control characters, C1 controls and bidirectional overrides. An endpoint here
answers with that text in AWS's shapes (GetAutomationExecution, DescribeAutomationExecutions,
DescribeAutomationStepExecutions, STS GetCallerIdentity); tmux's pipe-pane records every byte the console
writes, and nothing but curses' own sequences and the usual cursor-moving bytes may be among them.

The same check runs for every fixture of the console's snapshot tests (Tests/ConsoleTests/Fixtures/aws-shaped/,
which FidelityTests keeps equal to the fixtures): cross-account, loop, variables, alarms, 150 steps, huge and
non-ASCII values, control and bidirectional characters, and members of a later API."""
from __future__ import annotations

import json
import re
import threading
import time
import unicodedata
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import botocore.session
import pytest

from conftest import console_environment
from serve_process import binary_path
from ssm_clients import REGION
from tmux_console import TmuxConsole

EXECUTION_ID = "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
NOW = time.time()
# Canaries: sequences curses never sends, so finding one in the output means the data reached the terminal.
DEVICE_STATUS = "\u001b[6n"
TITLE = "\u001b]2;pwned\u0007"
BIDI = "\u202e\u2066\u200f\u061c"
C1 = "\u0085\u009b"

EXECUTION = {
    "AutomationExecutionId": EXECUTION_ID,
    "DocumentName": f"Ops-evil{BIDI}doc",
    "DocumentVersion": "1",
    "ExecutionStartTime": NOW - 60,
    "ExecutionEndTime": NOW - 10,
    "AutomationExecutionStatus": "Failed",
    "Mode": "Auto",
    "ExecutedBy": "arn:aws:iam::123456789012:user/operator",
    "FailureMessage": f"boom{DEVICE_STATUS}\u0001soh\u001a\u007fdel{C1}\r\n{TITLE} second line",
    "Outputs": {"run.Log": [f"a{DEVICE_STATUS}b\tc\u0008d", f"{TITLE}"]},
}
STEPS = [{
    "StepName": f"run{BIDI}gnp.exe",
    "Action": "aws:executeScript",
    "StepStatus": "Failed",
    "ExecutionStartTime": NOW - 60,
    "ExecutionEndTime": NOW - 10,
    "StepExecutionId": "step-1",
    "Outputs": {"run.Output": [f"{DEVICE_STATUS}{BIDI}{C1}\u0007bell"]},
    "FailureMessage": f"{TITLE}{DEVICE_STATUS}",
}]


FIXTURES = Path(__file__).resolve().parent.parent / "ConsoleTests" / "Fixtures" / "aws-shaped"
# The members a DescribeAutomationExecutions row has, from botocore's model: the row is the execution cut to them.
METADATA_MEMBERS = set(
    botocore.session.get_session().get_service_model("ssm").shape_for("AutomationExecutionMetadata").members)


def describe_steps(steps: list[dict], request: dict) -> dict:
    """DescribeAutomationStepExecutions over `steps`: the StepExecutionStatus, StepName and StepExecutionId
    filters, ReverseOrder, and pages of MaxResults (at most 50) with an opaque NextToken."""
    selected = steps
    for condition in request.get("Filters") or []:
        field = {"StepExecutionStatus": "StepStatus", "StepName": "StepName",
                 "StepExecutionId": "StepExecutionId"}.get(condition["Key"])
        if field:
            selected = [step for step in selected if step.get(field) in condition["Values"]]
    if request.get("ReverseOrder"):
        selected = list(reversed(selected))
    start = int(request.get("NextToken") or 0)
    size = min(int(request.get("MaxResults") or 50), 50)
    page = {"StepExecutions": selected[start:start + size]}
    if start + size < len(selected):
        page["NextToken"] = str(start + size)
    return page


class HostileEndpoint:
    """Answers with `execution` (a GetAutomationExecution body's AutomationExecution) and its `steps`."""

    def __init__(self, execution: dict = EXECUTION, steps: list[dict] = STEPS) -> None:
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                target = (self.headers.get("X-Amz-Target") or "").split(".")[-1]
                if not target and b"GetCallerIdentity" in body:
                    answer = (b'<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
                              b"<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/operator</Arn>"
                              b"<UserId>AIDAOPERATOR</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
                              b"<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>")
                    return self.answer(answer, "text/xml")
                if target == "DescribeAutomationExecutions":
                    row = {k: v for k, v in execution.items() if k in METADATA_MEMBERS and k != "Outputs"}
                    payload = {"AutomationExecutionMetadataList": [row]}
                elif target == "GetAutomationExecution":
                    payload = {"AutomationExecution": execution}
                elif target == "DescribeAutomationStepExecutions":
                    payload = describe_steps(steps, json.loads(body or b"{}"))
                else:
                    payload = {"__type": "UnknownOperationException", "message": target}
                    return self.answer(json.dumps(payload).encode(), "application/x-amz-json-1.1", 400)
                self.answer(json.dumps(payload).encode(), "application/x-amz-json-1.1")

            def answer(self, data: bytes, content_type: str, status: int = 200) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# What curses writes on its own: CSI sequences, OSC (the console's own title), charset and keypad selections.
CURSES_SEQUENCE = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-9A-Za-z]|\x1b[=>78cDEHMZ]")
# Bytes curses sends to move the cursor or switch character sets.
CURSES_CONTROLS = set(b"\r\n\t\x08\x07\x0e\x0f")


def test_no_control_or_bidi_character_from_the_service_reaches_the_terminal(tmp_path):
    endpoint = HostileEndpoint()
    recording = tmp_path / "terminal-bytes"
    recording.touch()
    environment = console_environment(tmp_path / "state") | {"AWS_ENDPOINT_URL_STS": endpoint.url}
    console = TmuxConsole([str(binary_path()), "--endpoint-url", endpoint.url, "--region", REGION, "--refresh", "2"],
                          width=120, height=40, environment=environment)
    try:
        console._tmux("pipe-pane", "-o", "-t", console.session, f"cat >> {recording}")
        # The list, then the execution view with its details pane scrolled through, then a resize.
        console.wait_for("Ops-evil")
        console.press("Enter")
        console.wait_for("DETAILS")
        for _ in range(12):
            console.press("J")
        console.resize(80, 24)
        console.wait_for(lambda screen: "DETAILS" in screen or "too small" in screen)
        time.sleep(1)
        screen = console.screen()
        output = recording.read_bytes()
    finally:
        console.close()
        endpoint.stop()

    text = check_terminal_bytes(output)
    assert DEVICE_STATUS.encode() not in output and b"\x1b]2;pwned" not in output
    for character in BIDI + C1 + "\u0001\u001a\u007f":
        assert character not in text, f"U+{ord(character):04X} reached the terminal"
    # What was there is shown, as visible escapes.
    assert "\\u{202E}" in screen or "\\u{202E}" in text


def check_terminal_bytes(output: bytes) -> str:
    """Fails if any byte below 0x20 (or DEL) other than curses' own sequences and cursor-moving bytes, any
    escape sequence curses does not send, or any bidirectional control or other format character (Unicode
    category Cf: marks, embeddings, overrides, isolates, zero-width characters) is in `output`; the
    output as text otherwise."""
    assert output, "pipe-pane recorded nothing"
    rest = CURSES_SEQUENCE.sub(b"", output)
    stray = sorted({byte for byte in rest if (byte < 0x20 or byte == 0x7F) and byte not in CURSES_CONTROLS})
    assert not stray, f"control bytes from the data reached the terminal: {[hex(b) for b in stray]}"
    assert b"\x1b" not in rest, "an escape sequence curses does not send reached the terminal"
    text = output.decode("utf-8", errors="replace")
    # C1 controls (U+0080-U+009F), line and paragraph separators, and format characters.
    acting = sorted({f"U+{ord(c):04X}" for i, c in enumerate(text)
                     if unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp") and c not in "\r\n\t\b\x07\x0e\x0f\x1b"
                     and not joins_emoji(text, i)})
    assert not acting, f"characters that act on the terminal reached it: {acting}"
    return text


def joins_emoji(text: str, index: int) -> bool:
    """A ZERO WIDTH JOINER or tag character that is part of an emoji sequence (a family, a flag), which the
    terminal draws as one picture: after an emoji (past variation selectors, skin tones and tags)."""
    character = text[index]
    if character != "\u200d" and not 0xE0020 <= ord(character) <= 0xE007F:
        return False
    before = index - 1
    while before >= 0 and (text[before] == "\ufe0f" or 0x1F3FB <= ord(text[before]) <= 0x1F3FF
                           or 0xE0020 <= ord(text[before]) <= 0xE007F):
        before -= 1
    return before >= 0 and unicodedata.category(text[before]) == "So"


def fixture_names() -> list[str]:
    return sorted(path.stem for path in FIXTURES.glob("*.json"))


def test_every_snapshot_fixture_is_here():
    # The fixtures of the console's fidelity snapshots, so none is left out of the byte check below.
    assert {"aws-cross-account", "aws-cross-account-url-only", "aws-loop", "aws-150-steps", "aws-huge-non-ascii",
            "aws-control-characters", "aws-future-members"} <= set(fixture_names())


@pytest.mark.parametrize("name", fixture_names())
def test_no_control_or_format_character_reaches_the_terminal_for_any_fixture(tmp_path, name):
    answers = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    execution = answers["GetAutomationExecution"]["AutomationExecution"]
    steps = answers["DescribeAutomationStepExecutions"]["StepExecutions"]
    endpoint = HostileEndpoint(execution, steps)
    recording = tmp_path / "terminal-bytes"
    recording.touch()
    environment = console_environment(tmp_path / "state") | {"AWS_ENDPOINT_URL_STS": endpoint.url}
    console = TmuxConsole([str(binary_path()), "--endpoint-url", endpoint.url, "--region", REGION, "--refresh", "2"],
                          width=160, height=48, environment=environment)
    try:
        console._tmux("pipe-pane", "-o", "-t", console.session, f"cat >> {recording}")
        # The list row, then the execution view: each of the first steps with its details scrolled through,
        # the last step, then the same at 80x24.
        console.wait_for(execution["AutomationExecutionId"][:8])
        console.press("Enter")
        console.wait_for("DETAILS")
        for _ in range(min(len(steps), 10)):
            console.press(*(["J"] * 8))
            console.press("Down")
        console.press("G", *(["J"] * 8))
        console.resize(80, 24)
        console.wait_for(lambda screen: "DETAILS" in screen or "too small" in screen)
        console.press("g", *(["J"] * 30))
        time.sleep(1)
        output = recording.read_bytes()
    finally:
        console.close()
        endpoint.stop()
    check_terminal_bytes(output)
