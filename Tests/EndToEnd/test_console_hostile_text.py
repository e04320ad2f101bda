"""Bytes the real console writes to the terminal when the service's answers hold text that would act on a
terminal: escape sequences, bare control characters, C1 controls and bidirectional overrides. An endpoint here
answers with that text in AWS's shapes (GetAutomationExecution, DescribeAutomationExecutions,
DescribeAutomationStepExecutions, STS GetCallerIdentity); tmux's pipe-pane records every byte the console
writes, and nothing but curses' own sequences and the usual cursor-moving bytes may be among them."""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


class HostileEndpoint:
    def __init__(self) -> None:
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
                    row = {k: v for k, v in EXECUTION.items() if k not in ("Outputs", "Parameters")}
                    payload = {"AutomationExecutionMetadataList": [row]}
                elif target == "GetAutomationExecution":
                    payload = {"AutomationExecution": EXECUTION}
                elif target == "DescribeAutomationStepExecutions":
                    payload = {"StepExecutions": STEPS}
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

    assert output, "pipe-pane recorded nothing"
    assert DEVICE_STATUS.encode() not in output and b"\x1b]2;pwned" not in output
    text = output.decode("utf-8", errors="replace")
    for character in BIDI + C1 + "\u0001\u001a\u007f":
        assert character not in text, f"U+{ord(character):04X} reached the terminal"
    rest = CURSES_SEQUENCE.sub(b"", output)
    stray = sorted({byte for byte in rest if (byte < 0x20 or byte == 0x7F) and byte not in CURSES_CONTROLS})
    assert not stray, f"control bytes from the data reached the terminal: {[hex(b) for b in stray]}"
    assert b"\x1b" not in rest, "an escape sequence curses does not send reached the terminal"
    # What was there is shown, as visible escapes.
    assert "\\u{202E}" in screen or "\\u{202E}" in text
