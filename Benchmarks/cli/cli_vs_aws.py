#!/usr/bin/env python3
"""Whole-process wall time of ssm-console's parity subcommands against the AWS CLI, on one `ssm-console serve`.

Installs ssm-console with scripts/install (the release build, Swift runtime linked statically) into a temporary
prefix, or uses --binary, starts serve on 127.0.0.1 with a fresh data directory, seeds 1,000 waiting executions,
then times N runs of each command with each tool (interleaved) and prints medians and the ratio:
  send-automation-signal           (Resume on a waiting execution; every run signals a different one)
  get-automation-execution         (one execution)
  describe-automation-executions   (all 1,000, following NextToken pages)
  describe-automation-executions --query 'length(AutomationExecutionMetadataList)'   (the same, counted)
and what --query adds to ssm-console's own time for that list.

    python3 Benchmarks/cli/cli_vs_aws.py [--runs 10] [--executions 1000] [--binary PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3

ROOT = Path(__file__).resolve().parents[2]
KEY_ID, SECRET = "AKIABENCHMARK0000001", "benchmark-secret-key-000000000000000001"
REGION = "us-east-1"
PAUSE_DOCUMENT = json.dumps(
    {"schemaVersion": "0.3", "description": "Waits until resumed",
     "mainSteps": [{"name": "Hold", "action": "aws:pause", "inputs": {}, "isEnd": True}]}
)


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_ACCESS_KEY_ID=KEY_ID, AWS_SECRET_ACCESS_KEY=SECRET, AWS_DEFAULT_REGION=REGION,
               AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent",
               AWS_EC2_METADATA_DISABLED="true", AWS_PAGER="")
    return env


def start_serve(binary: Path, data_dir: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [str(binary), "serve", "--port", "0", "--data-dir", str(data_dir), "--access-key", f"{KEY_ID}:{SECRET}"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    first = process.stdout.readline()
    match = re.search(r"listening on (http://\S+)", first)
    if not match:
        process.kill()
        sys.exit(f"serve did not start: {first!r}")
    return process, match.group(1)


def boto3_client(url: str):
    return boto3.client("ssm", endpoint_url=url, region_name=REGION, aws_access_key_id=KEY_ID,
                        aws_secret_access_key=SECRET)


def seed(url: str, name: str, count: int) -> list[str]:
    client = boto3_client(url)
    client.create_document(Name=name, Content=PAUSE_DOCUMENT, DocumentType="Automation")
    ids = [client.start_automation_execution(DocumentName=name)["AutomationExecutionId"] for _ in range(count)]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        page = client.describe_automation_executions(
            Filters=[{"Key": "DocumentNamePrefix", "Values": [name]}, {"Key": "ExecutionStatus", "Values": ["Waiting"]}])
        if len(page["AutomationExecutionMetadataList"]) == min(count, 50):
            return ids
        time.sleep(0.2)
    sys.exit(f"executions of {name} did not all reach Waiting")


def timed(command: list[str]) -> tuple[float, str]:
    """Wall time of one whole run and what it printed; a failed run ends the benchmark."""
    started = time.perf_counter()
    completed = subprocess.run(command, env=environment(), capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} failed ({completed.returncode}): {completed.stderr}")
    return elapsed, completed.stdout


def signal_time(command: list[str]) -> float:
    elapsed, printed = timed(command)
    if printed:
        sys.exit(f"{command[0]} printed {printed!r} for a signal; it should print nothing, as the AWS CLI does")
    return elapsed


def listing_time(command: list[str], expected: int) -> float:
    elapsed, printed = timed(command)
    listed = len(json.loads(printed)["AutomationExecutionMetadataList"])
    if listed != expected:
        sys.exit(f"{command[0]} listed {listed} executions; {expected} expected")
    return elapsed


def printed_time(command: list[str], expected: str) -> float:
    elapsed, printed = timed(command)
    if printed != expected:
        sys.exit(f"{command[0]} printed {printed[:200]!r}; {expected[:200]!r} expected")
    return elapsed


def installed_binary(scratch: Path) -> Path:
    """scripts/install into a throwaway prefix: the same release build and binary a user installs."""
    prefix = scratch / "prefix"
    subprocess.run(["bash", str(ROOT / "scripts" / "install"), str(prefix)], cwd=ROOT, check=True)
    return prefix / "bin" / "ssm-console"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--executions", type=int, default=1000)
    parser.add_argument("--binary", type=Path, help="an installed ssm-console to time instead of installing one")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        binary = options.binary.resolve() if options.binary else installed_binary(Path(scratch))
        version = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True).stdout.strip()
        serve, url = start_serve(binary, Path(scratch) / "data")
        try:
            listed = seed(url, "Bench-Listed", options.executions)
            signalled = seed(url, "Bench-Signals", 2 * options.runs)
            tools = {"ssm-console": [str(binary)], "aws": ["aws", "ssm"]}
            common = ["--endpoint-url", url, "--region", REGION]
            listing = ["describe-automation-executions", "--filters", "Key=DocumentNamePrefix,Values=Bench-Listed"]
            count = ["--query", "length(AutomationExecutionMetadataList)"]
            get = ["get-automation-execution", "--automation-execution-id", listed[0]]
            expected_get = timed(["aws", "ssm", *get, *common])[1]
            names = ["send-automation-signal", "get-automation-execution", "describe-automation-executions",
                     "describe-automation-executions --query"]
            results: dict[str, dict[str, list[float]]] = {name: {tool: [] for tool in tools} for name in names}
            targets = iter(signalled)
            # Interleaved, so a slow moment of the machine falls on both tools alike.
            for _ in range(options.runs):
                for tool, prefix in tools.items():
                    results["send-automation-signal"][tool].append(
                        signal_time(prefix + ["send-automation-signal", "--automation-execution-id", next(targets),
                                              "--signal-type", "Resume", "--payload", "StepName=Hold"] + common))
                    results["get-automation-execution"][tool].append(printed_time(prefix + get + common, expected_get))
                    results["describe-automation-executions"][tool].append(listing_time(prefix + listing + common, len(listed)))
                    results["describe-automation-executions --query"][tool].append(
                        printed_time(prefix + listing + count + common, f"{len(listed)}\n"))
            # What --query itself costs inside ssm-console (the answer converted to JMESPath values, evaluated,
            # converted back), as --debug reports it: the whole-process times above also differ by printing one
            # number instead of 1,000 executions.
            query_ms = []
            for _ in range(options.runs):
                completed = subprocess.run([str(binary), *listing, *count, *common, "--debug"], env=environment(),
                                           capture_output=True, text=True, check=True)
                found = re.search(r"--query '.*' took ([0-9.]+) ms", completed.stderr)
                if not found:
                    sys.exit("ssm-console --debug did not report the --query time")
                query_ms.append(float(found.group(1)))
            still_waiting = boto3_client(url).describe_automation_executions(
                Filters=[{"Key": "DocumentNamePrefix", "Values": ["Bench-Signals"]},
                         {"Key": "ExecutionStatus", "Values": ["Waiting"]}])["AutomationExecutionMetadataList"]
            if still_waiting:
                sys.exit(f"{len(still_waiting)} signalled executions still wait: a Resume did not take effect")
        finally:
            serve.terminate()
            serve.wait(timeout=30)
    print(f"\n{version}: {options.runs} runs each, whole-process wall time, against ssm-console serve at {url};"
          f" {len(listed)} executions listed\n")
    print(f"{'command':<42}{'ssm-console median':>20}{'aws median':>14}{'aws / ssm-console':>20}")
    for command, by_tool in results.items():
        ours, theirs = statistics.median(by_tool["ssm-console"]), statistics.median(by_tool["aws"])
        print(f"{command:<42}{ours * 1000:>17.1f} ms{theirs * 1000:>11.1f} ms{theirs / ours:>19.1f}x")
    print(f"\n--query 'length(AutomationExecutionMetadataList)' on {len(listed)} executions, inside ssm-console:"
          f" median {statistics.median(query_ms):.3f} ms, at most {max(query_ms):.3f} ms (conversions included).")
    print("Goals: at least 25x for get-automation-execution, 8x for the list of 1,000; --query under 1 ms.")


if __name__ == "__main__":
    main()
