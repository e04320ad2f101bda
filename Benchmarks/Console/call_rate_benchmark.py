"""API calls per minute, per operation, for each view of the real console at the default refresh, against
`serve --quotas aws` through a counting proxy (the console in a pseudo-terminal, one console per view).

    python3 Benchmarks/Console/call_rate_benchmark.py [--binary PATH] [--minutes 1]

The views: the executions list; an execution of 150 steps of which 10 are not final (140 done, the 141st an
aws:pause that waits, 9 Pending after it); a rate-controlled parent with 500 children (500 managed instances
registered with `serve --instance`; 16 children end at once, which opens rate control's start-up window, and
the other 484 wait on an aws:pause); one instance's live Run Command output;
and an execution that has ended. Goal: at most one call per operation per refresh interval (12 a minute at the
default 5 s) for any view, no call for the ended execution (the list behind it refreshes as behind any
view), and nothing throttled. Each count starts
once the view has loaded (its first reads are not the steady state) and lasts --minutes.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "Tests" / "Interop")]

# terminal_benchmark installs pyte, which pty_console reads the screen with, when it is missing.
from terminal_benchmark import HEIGHT, KEY, WIDTH, aws_env, default_binary  # noqa: E402
from command_output_benchmark import ticking_document  # noqa: E402
from counting_proxy import CountingProxy  # noqa: E402
from pty_console import PtyProgram  # noqa: E402
from serve_process import ServeProcess  # noqa: E402
from ssm_clients import REGION, Endpoint  # noqa: E402

DEFAULT_REFRESH = 5.0
CHILDREN = 500
LOCALHOST = "mi-00000000000000001"


def step(name: str, action: str, inputs: dict) -> dict:
    return {"name": name, "action": action, "inputs": inputs}


def long_document() -> str:
    """150 steps: 140 that end at once, then a pause that waits, then 9 that stay Pending behind it."""
    steps = [step(f"check{n}", "aws:sleep", {"Duration": "PT0S"}) for n in range(1, 141)]
    steps.append({"name": "hold141", "action": "aws:pause", "inputs": {}})
    steps += [step(f"after{n}", "aws:sleep", {"Duration": "PT0S"}) for n in range(142, 151)]
    return json.dumps({"schemaVersion": "0.3", "mainSteps": steps})


# The first 16 targets' instance IDs: their children end at once, so rate control's exponential start-up (the
# window doubles each time a child ends) opens to all 500; every other child then waits on its pause.
QUICK_PREFIX = "mi-0000000000010000"


def child_document() -> str:
    return json.dumps({
        "schemaVersion": "0.3",
        "parameters": {"InstanceId": {"type": "String"}},
        "mainSteps": [
            {"name": "quick", "action": "aws:branch", "inputs": {
                "Choices": [{"NextStep": "done", "Variable": "{{ InstanceId }}", "StartsWith": QUICK_PREFIX}],
                "Default": "hold"}},
            {"name": "hold", "action": "aws:pause", "inputs": {}, "isEnd": True},
            {"name": "done", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "isEnd": True},
        ],
    })


def done_document() -> str:
    return json.dumps({"schemaVersion": "0.3", "mainSteps": [step("only", "aws:sleep", {"Duration": "PT0S"})]})


def wait_for_status(client, execution_id: str, statuses: set[str], timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        execution = client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
        if execution["AutomationExecutionStatus"] in statuses or time.monotonic() > deadline:
            return execution
        time.sleep(0.2)


def count_children(client, parent_id: str) -> int:
    total, token = 0, None
    while True:
        page = client.describe_automation_executions(
            Filters=[{"Key": "ParentExecutionId", "Values": [parent_id]}], **({"NextToken": token} if token else {}))
        total += len(page.get("AutomationExecutionMetadataList", []))
        token = page.get("NextToken")
        if not token:
            return total


class Bench:
    def __init__(self, binary: Path, serve: ServeProcess, minutes: float):
        self.binary, self.serve, self.minutes = binary, serve, minutes
        self.results: list[tuple[str, dict[str, float], int]] = []

    def measure(self, view: str, open_view) -> None:
        """Starts a console behind a fresh counting proxy, opens the view with `open_view(console)`, lets its
        first reads settle, then counts for --minutes."""
        proxy = CountingProxy(self.serve.url)
        console = PtyProgram([str(self.binary), "--endpoint-url", proxy.url, "--region", REGION],
                             width=WIDTH, height=HEIGHT,
                             environment={**aws_env(), "XDG_STATE_HOME": tempfile.mkdtemp()})
        try:
            console.wait_for("EXECUTION ID", timeout=60)
            try:
                open_view(console)
            except TimeoutError as error:
                # Reported with the others rather than losing them.
                self.results.append((view, {"(view not reached)": 0.0}, 0))
                print(f"  {view}: could not open the view: {str(error).splitlines()[0]}", flush=True)
                return
            # Two refresh intervals for the first load (every page of steps, the children's first page).
            time.sleep(2 * DEFAULT_REFRESH + 1)
            before, throttled_before = proxy.snapshot()
            time.sleep(60 * self.minutes)
            after, throttled_after = proxy.snapshot()
        finally:
            console.write(b"q")
            console.stop()
            proxy.stop()
        per_minute = {operation: round(count / self.minutes, 1) for operation, count in sorted((after - before).items())}
        self.results.append((view, per_minute, sum((throttled_after - throttled_before).values())))

    def report(self) -> bool:
        limit = 60 / DEFAULT_REFRESH
        print(f"binary: {self.binary}  terminal: {WIDTH}x{HEIGHT}  refresh: every {DEFAULT_REFRESH:g} s "
              f"(goal: at most {limit:g} calls/min per operation; none for an ended execution)  "
              f"counted over {self.minutes:g} min per view")
        ok = True
        for view, per_minute, throttled in self.results:
            # The ended execution itself is never read again; the list behind it (DescribeAutomationExecutions)
            # still refreshes, within the goal like any view's.
            final = view.startswith("an ended execution")
            over = {op: n for op, n in per_minute.items()
                    if n > (0 if final and op != "DescribeAutomationExecutions" else limit) or op.startswith("(")}
            ok = ok and not over and throttled == 0
            calls = ", ".join(f"{op} {n:g}/min" for op, n in per_minute.items()) or "no calls"
            verdict = "meets the goal" if not over and throttled == 0 else f"EXCEEDS: {over}"
            print(f"  {view}: {calls}; throttled {throttled} -> {verdict}")
        return ok


def open_execution(execution_id: str, ready: str, query: str):
    """Lists what `query` (a `:` command, a filter the service applies) finds, as an operator would to reach an
    execution past the first page, picks the execution by its ID and opens it."""
    def open_view(console: PtyProgram) -> None:
        console.write(b":" + query.encode() + b"\r")
        console.wait_for(execution_id[:8], timeout=60)
        console.write(b"/" + execution_id.encode() + b"\r")
        console.write(b"\r")
        console.wait_for(ready, timeout=60)
    return open_view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", type=Path, default=default_binary())
    parser.add_argument("--minutes", type=float, default=1.0)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        gate = Path(directory) / "gate"
        instances = [LOCALHOST] + [f"mi-{n:017x},Env=bench" for n in range(0x100000, 0x100000 + CHILDREN)]
        serve = ServeProcess(
            Path(directory) / "data", [KEY], ["--quotas", "aws"] + [a for i in instances for a in ("--instance", i)])
        bench = Bench(arguments.binary, serve, arguments.minutes)
        try:
            client = Endpoint(serve.url, KEY, KEY).client(KEY)
            for name, content in [("Bench-Long", long_document()), ("Bench-Child", child_document()),
                                  ("Bench-Done", done_document()), ("Bench-Tick", ticking_document(str(gate)))]:
                client.create_document(Name=name, Content=content, DocumentType="Automation")
            done_id = client.start_automation_execution(DocumentName="Bench-Done")["AutomationExecutionId"]
            wait_for_status(client, done_id, {"Success"})
            long_id = client.start_automation_execution(DocumentName="Bench-Long")["AutomationExecutionId"]
            long_execution = wait_for_status(client, long_id, {"Waiting"})
            steps = client.describe_automation_step_executions(AutomationExecutionId=long_id, MaxResults=50)
            parent_id = client.start_automation_execution(
                DocumentName="Bench-Child", TargetParameterName="InstanceId",
                Targets=[{"Key": "tag:Env", "Values": ["bench"]}], MaxConcurrency="100%", MaxErrors="100%",
            )["AutomationExecutionId"]
            deadline = time.monotonic() + 300
            while count_children(client, parent_id) < CHILDREN and time.monotonic() < deadline:
                time.sleep(2)
            tick_id = client.start_automation_execution(DocumentName="Bench-Tick")["AutomationExecutionId"]
            print(f"set up: 150-step execution {long_execution['AutomationExecutionStatus']} at "
                  f"{long_execution.get('CurrentStepName')} (first page of steps: {len(steps['StepExecutions'])}); "
                  f"parent with {count_children(client, parent_id)} children", flush=True)

            bench.measure("the executions list", lambda console: None)
            bench.measure("an execution with 150 steps, 10 not final", open_execution(long_id, "hold141", "doc Bench-Long"))
            bench.measure(f"a parent with {CHILDREN} children", open_execution(parent_id, "Children:", "status InProgress"))

            def open_output(console: PtyProgram) -> None:
                open_execution(tick_id, "o Command output", "doc Bench-Tick")(console)
                console.write(b"o")
                console.wait_for("INSTANCE", timeout=30)
                # Enter opens the instance's output once its row is listed (and does nothing in the output).
                deadline = time.monotonic() + 60
                while "following" not in console.text() and time.monotonic() < deadline:
                    console.write(b"\r")
                    time.sleep(2)
                console.wait_for("following", timeout=5)
            bench.measure("an instance's live Run Command output", open_output)
            bench.measure("an ended execution (Success)", open_execution(done_id, "DETAILS", "doc Bench-Done"))
        finally:
            gate.touch()
            serve.stop()
        ok = bench.report()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
