"""API calls per minute while the console follows one instance's live output, on the real binary in a
pseudo-terminal, through a counting proxy in front of `serve --quotas aws`.

    python3 Benchmarks/Console/command_output_benchmark.py [--binary PATH] [--minutes 1]

Prints the calls per minute of each operation while the command output view shows a running command's output at
the default refresh interval, and how many were throttled. Goal: GetCommandInvocation at most once per refresh
interval (12 a minute at the default 5 s), no ListCommandInvocations while one instance's output is open, and
nothing throttled.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "Tests" / "Interop")]

# terminal_benchmark installs pyte, which pty_console reads the screen with, when it is missing.
from terminal_benchmark import HEIGHT, KEY, WIDTH, aws_env, default_binary  # noqa: E402
from counting_proxy import CountingProxy  # noqa: E402
from pty_console import PtyProgram  # noqa: E402
from serve_process import ServeProcess  # noqa: E402
from ssm_clients import REGION, Endpoint  # noqa: E402


def ticking_document(gate: str) -> str:
    return json.dumps({
        "schemaVersion": "0.3",
        "mainSteps": [{
            "name": "Tick",
            "action": "aws:runCommand",
            "inputs": {
                "DocumentName": "AWS-RunShellScript",
                "InstanceIds": ["mi-00000000000000001"],
                "Parameters": {"commands": [f"i=0; while [ ! -e {gate} ]; do i=$((i+1)); echo tick $i; sleep 1; done"]},
            },
        }],
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", type=Path, default=default_binary())
    parser.add_argument("--minutes", type=float, default=1.0)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        gate = Path(directory) / "gate"
        serve = ServeProcess(Path(directory) / "data", [KEY], ["--quotas", "aws"])
        client = Endpoint(serve.url, KEY, KEY).client(KEY)
        client.create_document(Name="Bench-Tick", Content=ticking_document(str(gate)), DocumentType="Automation")
        execution_id = client.start_automation_execution(DocumentName="Bench-Tick")["AutomationExecutionId"]
        proxy = CountingProxy(serve.url)
        console = PtyProgram([str(arguments.binary), "--endpoint-url", proxy.url, "--region", REGION],
                             width=WIDTH, height=HEIGHT, environment={**aws_env(), "XDG_STATE_HOME": tempfile.mkdtemp()})
        try:
            console.wait_for("EXECUTION ID", timeout=60)
            console.wait_for(execution_id[:8], timeout=60)
            console.write(b"/" + execution_id.encode() + b"\r")
            console.write(b"\r")
            console.wait_for("o Command output", timeout=60)
            console.write(b"o")
            console.wait_for("INSTANCE", timeout=30)
            console.write(b"\r")
            console.wait_for("following", timeout=30)
            before, _ = proxy.snapshot()
            time.sleep(60 * arguments.minutes)
            after, throttled = proxy.snapshot()
            screen = console.text()
        finally:
            gate.touch()
            console.write(b"q")
            console.stop()
            proxy.stop()
            serve.stop()
        calls = after - before
        per_minute = {operation: round(count / arguments.minutes, 1) for operation, count in sorted(calls.items())}
        print(f"binary: {arguments.binary}  terminal: {WIDTH}x{HEIGHT}")
        print(f"following one instance's live output for {arguments.minutes:g} min at the default interval: "
              f"{sum(calls.values()) / arguments.minutes:.1f} calls/min {per_minute}; "
              f"throttled: {sum(throttled.values())} (goal 0)")
        print(f"  GetCommandInvocation: {per_minute.get('GetCommandInvocation', 0)}/min (goal at most 12 at 5 s); "
              f"ListCommandInvocations: {per_minute.get('ListCommandInvocations', 0)}/min (goal 0 while the output is open)")
        last_tick = [line for line in screen.splitlines() if "tick" in line][-1:]
        print(f"  last output line on screen: {last_tick[0].strip() if last_tick else '(none)'}")


if __name__ == "__main__":
    main()
