"""What the console costs a terminal and the SSM API, measured on the real binary in a pseudo-terminal.

    python3 Benchmarks/Console/terminal_benchmark.py [--binary PATH] [--api-minutes 1]

Prints:
  1. time from start to the first full screen with --local, and from a keypress to the redrawn screen;
  2. bytes written per refresh at 120x40 with nothing changed (goal 0) and with one execution's step changing
     status (goal under 300), next to `watch -n 2 aws ssm describe-automation-executions` in the same terminal;
  3. API calls per minute while watching 200 executions at the default refresh interval, through a counting
     proxy in front of `serve --quotas aws`, and how many were throttled (goal 0).
Uses .build-release/release/ssm-console when it exists (build it with
`scripts/install`, or `swift build -c release --static-swift-stdlib --product ssm-console --scratch-path .build-release`), else the debug build.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "Tests" / "Interop")]

try:
    import pyte  # noqa: F401  (the terminal emulator pty_console reads the screen with)
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pyte"], check=True)

from counting_proxy import CountingProxy  # noqa: E402
from pty_console import PtyProgram  # noqa: E402
from serve_process import AccessKey, ServeProcess  # noqa: E402
from ssm_clients import REGION, Endpoint, cli_environment  # noqa: E402

KEY = AccessKey("AKIABENCHCONSOLE0001", "bench-console-secret-000000000000000000", "arn:aws:iam::123456789012:user/bench")
WIDTH, HEIGHT = 120, 40
# Text the executions view shows once its rows are drawn (the header's column title).
READY_TEXT = os.environ.get("CONSOLE_READY_TEXT", "EXECUTION ID")


def default_binary() -> Path:
    release = ROOT / ".build-release" / "release" / "ssm-console"
    return release if release.exists() else ROOT / ".build" / "debug" / "ssm-console"


def start_executions(client, count: int, document: str, parameters: dict) -> list[str]:
    return [client.start_automation_execution(DocumentName=document, Parameters=parameters)["AutomationExecutionId"]
            for _ in range(count)]


def wait_until(client, execution_id: str, statuses: set[str], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"][
            "AutomationExecutionStatus"]
        if status in statuses:
            return status
        time.sleep(0.2)
    raise TimeoutError(f"{execution_id} did not reach {statuses}")


def startup_and_keypress(binary: Path) -> None:
    with tempfile.TemporaryDirectory() as directory:
        # The first start seeds the demo; time the second, the start an operator sees every day.
        for run in ("first start (seeds the demo)", "later start"):
            console = PtyProgram([str(binary), "--local", "--data-dir", directory], width=WIDTH, height=HEIGHT,
                                 environment={"XDG_STATE_HOME": directory})
            seconds = console.wait_for(READY_TEXT, timeout=120)
            console.wait_quiet(0.5)
            print(f"  start to first full screen, --local, {run}: {seconds * 1000:.0f} ms")
            if run == "later start":
                latencies = []
                for index in range(20):
                    sent = console.write(b"j" if index % 2 == 0 else b"k")
                    time.sleep(0.25)
                    # The redraw is the burst of writes that follows the key; a later write is the clock's.
                    after = [at for at, _ in console.chunks if at >= sent]
                    burst = after[:1]
                    for at in after[1:]:
                        if at - burst[-1] > 0.005:
                            break
                        burst.append(at)
                    if burst:
                        latencies.append((burst[-1] - sent) * 1000)
                if latencies:
                    print(f"  keypress (j/k) to redrawn screen: median {statistics.median(latencies):.1f} ms, "
                          f"max {max(latencies):.1f} ms over {len(latencies)} presses")
            console.write(b"q")
            console.process.wait(timeout=15)
            console.stop()


def bytes_per_refresh(binary: Path, serve: ServeProcess, endpoint: Endpoint) -> None:
    """Rows a minute old, so their relative times hold still for a minute; the console behind a counting proxy,
    so the window's refreshes are counted, not assumed."""
    client = endpoint.client(KEY)
    seeded_at = time.monotonic()
    finished = start_executions(client, 5, "Demo-SleepThenFinish", {"SleepDuration": ["PT1S"]})
    waiting = start_executions(client, 1, "Demo-ApproveRestart", {"Approvers": [KEY.principal]})[0]
    for execution_id in finished:
        wait_until(client, execution_id, {"Success"})
    wait_until(client, waiting, {"Waiting"})
    # Past the first minute every row's STARTED and DURATION text changes once a minute; measure between.
    time.sleep(max(0.0, seeded_at + 62 - time.monotonic()))
    refresh = 2
    proxy = CountingProxy(serve.url)
    console = PtyProgram(
        [str(binary), "--endpoint-url", proxy.url, "--region", REGION, "--refresh", str(refresh)],
        width=WIDTH, height=HEIGHT, environment={**aws_env(), "XDG_STATE_HOME": tempfile.mkdtemp()})
    console.wait_for(READY_TEXT, timeout=60)
    console.wait_for(waiting[:8], timeout=60)
    # The waiting execution is the newest row and so the selected one; select another, as when watching.
    console.write(b"j")
    console.wait_quiet(1.0)
    window = 10 * refresh
    calls_before, _ = proxy.snapshot()
    start = time.monotonic()
    time.sleep(window)
    idle = console.bytes_between(start, time.monotonic())
    calls_after, _ = proxy.snapshot()
    refreshes = calls_after["DescribeAutomationExecutions"] - calls_before["DescribeAutomationExecutions"]
    print(f"  ssm-console, nothing changed: {idle} bytes over {window} s and {refreshes} refreshes = "
          f"{idle / max(1, refreshes):.1f} bytes per refresh (goal 0)")
    console.wait_quiet(0.3)
    start = time.monotonic()
    client.send_automation_signal(AutomationExecutionId=waiting, SignalType="Approve")
    time.sleep(refresh + 1)
    changed = console.bytes_between(start, time.monotonic())
    if os.environ.get("SHOW_BYTES"):
        print("\n".join(repr(data) for at, data in console.chunks if at >= start))
    print(f"  ssm-console, one execution's step changing status (Waiting to InProgress to Success): {changed} bytes (goal under 300)")
    if seeded_at + 118 < time.monotonic():
        print("  (the measurement crossed a minute boundary of the rows' ages; figures include that tick)")
    console.write(b"q")
    console.stop()
    proxy.stop()

    if shutil.which("watch") and shutil.which("aws"):
        command = ["watch", "-n", str(refresh), f"aws ssm describe-automation-executions --endpoint-url {serve.url} --region {REGION}"]
        watcher = PtyProgram(command, width=WIDTH, height=HEIGHT, environment=aws_env())
        watcher.wait_for("AutomationExecutionMetadataList", timeout=60)
        time.sleep(refresh)
        start = time.monotonic()
        time.sleep(window)
        idle = watcher.bytes_between(start, time.monotonic())
        print(f"  watch -n {refresh} aws ssm describe-automation-executions, nothing changed: "
              f"{idle / (window / refresh):.0f} bytes per refresh")
        watcher.wait_quiet(0.3)
        second = start_executions(client, 1, "Demo-ApproveRestart", {"Approvers": [KEY.principal]})[0]
        wait_until(client, second, {"Waiting"})
        time.sleep(2 * refresh)
        watcher.wait_quiet(0.3)
        start = time.monotonic()
        client.send_automation_signal(AutomationExecutionId=second, SignalType="Approve")
        time.sleep(2 * refresh + 1)
        changed = watcher.bytes_between(start, time.monotonic())
        print(f"  watch -n {refresh} aws ssm describe-automation-executions, one execution changing status: {changed} bytes")
        watcher.stop()


def aws_env() -> dict[str, str]:
    env = cli_environment(KEY)
    return {k: v for k, v in env.items() if k.startswith("AWS_")}


def api_calls(binary: Path, data_dir: Path, minutes: float) -> None:
    seed = ServeProcess(data_dir, [KEY])
    client = Endpoint(seed.url, KEY, KEY).client(KEY)
    ids = start_executions(client, 200, "Demo-SleepThenFinish", {"SleepDuration": ["PT1S"]})
    for execution_id in ids[-5:]:
        wait_until(client, execution_id, {"Success", "Failed"})
    seed.stop()
    serve = ServeProcess(data_dir, [KEY], ["--quotas", "aws"])
    proxy = CountingProxy(serve.url)
    console = PtyProgram([str(binary), "--endpoint-url", proxy.url, "--region", REGION], width=WIDTH, height=HEIGHT,
                         environment={**aws_env(), "XDG_STATE_HOME": tempfile.mkdtemp()})
    console.wait_for(READY_TEXT, timeout=60)
    before, _ = proxy.snapshot()
    time.sleep(60 * minutes)
    after, throttled = proxy.snapshot()
    calls = after - before
    per_minute = {operation: count / minutes for operation, count in sorted(calls.items())}
    print(f"  watching 200 executions for {minutes:g} min at the default interval: "
          f"{sum(calls.values()) / minutes:.1f} calls/min {per_minute}; throttled: {sum(throttled.values())} (goal 0)")
    console.write(b"q")
    console.stop()
    proxy.stop()
    serve.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", type=Path, default=default_binary())
    parser.add_argument("--api-minutes", type=float, default=1.0)
    arguments = parser.parse_args()
    print(f"binary: {arguments.binary}  terminal: {WIDTH}x{HEIGHT}")
    print("Start and keypress:")
    startup_and_keypress(arguments.binary)
    with tempfile.TemporaryDirectory() as directory:
        serve = ServeProcess(Path(directory) / "data", [KEY])
        endpoint = Endpoint(serve.url, KEY, KEY)
        print("Bytes written to the terminal:")
        bytes_per_refresh(arguments.binary, serve, endpoint)
        serve.stop()
    with tempfile.TemporaryDirectory() as directory:
        print("API calls:")
        api_calls(arguments.binary, Path(directory) / "data", arguments.api_minutes)


if __name__ == "__main__":
    main()
