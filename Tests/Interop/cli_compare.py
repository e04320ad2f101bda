"""Runs ssm-console's parity subcommands and `aws ssm` with the same arguments against the same endpoint."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass

from serve_process import binary_path
from ssm_clients import REGION, CliResult, cli_environment, unique_name, wait_for_status

# AWS CLI v1 (the one installed) exits 255 for service errors and 252/255 for bad input; ssm-console follows
# AWS CLI v2's codes (252 bad input, 253 configuration, 254 service error, 255 other). Where they differ the
# tests compare "both failed" and the error line on stderr.
V2_SERVICE_ERROR = 254
V2_INPUT_ERROR = 252


@dataclass
class Pair:
    ours: CliResult
    aws: CliResult


def run_ours(url: str, key, *arguments: str, global_arguments: tuple[str, ...] | None = None) -> CliResult:
    extra = ("--endpoint-url", url, "--region", REGION) if global_arguments is None else global_arguments
    completed = subprocess.run(
        [str(binary_path()), *arguments, *extra], env=cli_environment(key), capture_output=True, text=True, timeout=60
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def run_aws(url: str, key, *arguments: str) -> CliResult:
    completed = subprocess.run(
        ["aws", "ssm", *arguments, "--endpoint-url", url, "--region", REGION],
        env=cli_environment(key), capture_output=True, text=True, timeout=60,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def run_both(url: str, key, *arguments: str) -> Pair:
    return Pair(ours=run_ours(url, key, *arguments), aws=run_aws(url, key, *arguments))


def error_line(stderr: str) -> str:
    """The 'An error occurred (Code) when calling the X operation: ...' line both tools print."""
    lines = [line for line in stderr.splitlines() if line.startswith("An error occurred")]
    assert lines, f"no 'An error occurred' line in stderr:\n{stderr}"
    return lines[0]


def assert_same_success(pair: Pair) -> None:
    assert pair.aws.exit_code == 0, f"aws failed ({pair.aws.exit_code}): {pair.aws.stderr}"
    assert pair.ours.exit_code == 0, f"ssm-console failed ({pair.ours.exit_code}): {pair.ours.stderr}"
    assert pair.ours.stdout == pair.aws.stdout


def waiting_executions(client, prefix: str, content: str, count: int = 3) -> tuple[str, list[str]]:
    """A new document named after `prefix` and `count` executions of it, each with its own Note, all Waiting
    before this returns, so nothing changes between the two CLIs' calls."""
    name = unique_name(prefix)
    client.create_document(Name=name, Content=content, DocumentType="Automation")
    ids = [
        client.start_automation_execution(DocumentName=name, Parameters={"Note": [f"run {index}"]})["AutomationExecutionId"]
        for index in range(count)
    ]
    for execution_id in ids:
        wait_for_status(client, execution_id, "Waiting")
    return name, ids
