"""`--output table` from ssm-console's `aws ssm` parity subcommands against the installed AWS CLI on the same
`serve`: the same arguments print the same bytes, through a pipe (80 columns, no colour unless --color on) and
through a pseudo-terminal (its width, colour on by default); the default format comes from AWS_DEFAULT_OUTPUT,
then the profile's `output`."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import termios

import pytest

from callers import ALICE
from cli_compare import waiting_executions, assert_same_success, run_aws, run_both, run_ours
from serve_process import binary_path
from ssm_clients import REGION, cli_environment, wait_for_status

# A shell step (so steps have Inputs and Outputs maps to nest), then a pause that keeps each execution Waiting.
COMMAND_THEN_PAUSE_JSON = json.dumps(
    {
        "schemaVersion": "0.3",
        "description": "Runs a command, then waits to be resumed",
        "parameters": {"Note": {"type": "String", "default": "n"}},
        "mainSteps": [
            {
                "name": "Greet",
                "action": "aws:runCommand",
                "inputs": {
                    "DocumentName": "AWS-RunShellScript",
                    "InstanceIds": ["mi-00000000000000001"],
                    "Parameters": {"commands": ["echo {{ Note }}"]},
                },
            },
            {"name": "Hold", "action": "aws:pause", "inputs": {}, "isEnd": True},
        ],
    }
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def waiting(alice_client, endpoint):
    """Three executions of the command-then-pause document, all Waiting, so nothing changes between calls."""
    return waiting_executions(alice_client, "Interop-Table", COMMAND_THEN_PAUSE_JSON)


def table(endpoint, *arguments):
    pair = run_both(endpoint.url, ALICE, *arguments, "--output", "table")
    assert_same_success(pair)
    return pair.ours.stdout


def prefix(name):
    return ["--filters", f"Key=DocumentNamePrefix,Values={name}"]


def test_get_automation_execution_table(endpoint, waiting):
    printed = table(endpoint, "get-automation-execution", "--automation-execution-id", waiting[1][0])
    assert printed.startswith("-" * 10) and "GetAutomationExecution" in printed and "StepExecutions" in printed


def test_describe_automation_executions_table_with_several_rows(endpoint, waiting):
    printed = table(endpoint, "describe-automation-executions", *prefix(waiting[0]))
    assert all(execution_id in printed for execution_id in waiting[1])


def test_describe_automation_executions_table_with_next_token(endpoint, waiting):
    printed = table(endpoint, "describe-automation-executions", *prefix(waiting[0]), "--max-items", "2")
    assert "NextToken" in printed
    assert sum(execution_id in printed for execution_id in waiting[1]) == 2


def test_describe_automation_step_executions_table(endpoint, waiting):
    printed = table(endpoint, "describe-automation-step-executions", "--automation-execution-id", waiting[1][1])
    assert "Outputs" in printed and "Inputs" in printed
    table(endpoint, "describe-automation-step-executions", "--automation-execution-id", waiting[1][1], "--reverse-order")


def test_start_automation_execution_table_but_for_the_new_id(endpoint, alice_client, waiting):
    arguments = ["start-automation-execution", "--document-name", waiting[0], "--output", "table"]
    pair = run_both(endpoint.url, ALICE, *arguments)
    assert pair.ours.exit_code == pair.aws.exit_code == 0, pair.ours.stderr + pair.aws.stderr
    assert UUID.sub("ID", pair.ours.stdout) == UUID.sub("ID", pair.aws.stdout)
    assert "StartAutomationExecution" in pair.ours.stdout
    for output in (pair.ours.stdout, pair.aws.stdout):
        (execution_id,) = UUID.findall(output)
        alice_client.stop_automation_execution(AutomationExecutionId=execution_id, Type="Cancel")


def test_stop_prints_no_table(endpoint, alice_client, waiting):
    ids = [alice_client.start_automation_execution(DocumentName=waiting[0])["AutomationExecutionId"] for _ in range(2)]
    for execution_id in ids:
        wait_for_status(alice_client, execution_id, "Waiting")
    stop = ["stop-automation-execution", "--type", "Cancel", "--output", "table", "--automation-execution-id"]
    ours = run_ours(endpoint.url, ALICE, *stop, ids[0])
    aws = run_aws(endpoint.url, ALICE, *stop, ids[1])
    assert (ours.exit_code, ours.stdout, aws.exit_code, aws.stdout) == (0, "", 0, "")


def test_color_on_through_a_pipe_prints_the_same_escapes(endpoint, waiting):
    printed = table(endpoint, "get-automation-execution", "--automation-execution-id", waiting[1][2], "--color", "on")
    assert "\x1b[1m\x1b[34m" in printed and "\x1b[0m" in printed
    assert "\x1b[" not in table(endpoint, "get-automation-execution", "--automation-execution-id", waiting[1][2], "--color", "off")


def run_configured(command, endpoint, arguments, environment):
    completed = subprocess.run(
        [*command, *arguments, "--endpoint-url", endpoint.url, "--region", REGION],
        env=environment, capture_output=True, text=True, timeout=60,
    )
    assert completed.returncode == 0, f"{command[0]} failed ({completed.returncode}): {completed.stderr}"
    return completed.stdout


@pytest.mark.parametrize("setting", ["environment", "profile"])
def test_the_default_format_comes_from_the_environment_then_the_profile(endpoint, waiting, tmp_path, setting):
    environment = cli_environment(ALICE)
    if setting == "environment":
        environment["AWS_DEFAULT_OUTPUT"] = "table"
    else:
        config = tmp_path / "config"
        config.write_text("[profile tables]\noutput = table\n")
        environment.update(AWS_CONFIG_FILE=str(config), AWS_PROFILE="tables")
    arguments = ["get-automation-execution", "--automation-execution-id", waiting[1][0]]
    ours = run_configured([str(binary_path())], endpoint, arguments, environment)
    aws = run_configured(["aws", "ssm"], endpoint, arguments, environment)
    assert ours == aws
    assert ours.startswith("-" * 10) and "GetAutomationExecution" in ours


def run_in_terminal(command, columns, environment):
    """Runs a command with stdout on a pseudo-terminal `columns` wide; returns what it printed there."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    process = subprocess.Popen(command, stdout=terminal, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=environment)
    os.close(terminal)
    chunks = []
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        assert ready, f"{command[0]} printed nothing for 60 seconds"
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the command has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.wait(timeout=60) == 0, f"{command[0]} failed: {process.stderr.read().decode()}"
    process.stderr.close()
    return b"".join(chunks)


@pytest.mark.parametrize("columns", [100, 250])
def test_on_a_terminal_the_width_and_colour_follow_the_terminal(endpoint, waiting, columns):
    arguments = [
        "describe-automation-step-executions", "--automation-execution-id", waiting[1][0], "--output", "table",
        "--endpoint-url", endpoint.url, "--region", REGION,
    ]
    environment = cli_environment(ALICE)
    ours = run_in_terminal([str(binary_path()), *arguments], columns, environment)
    aws = run_in_terminal(["aws", "ssm", *arguments], columns, environment)
    assert ours == aws
    assert b"\x1b[1m\x1b[34m" in ours
    no_color = run_in_terminal([str(binary_path()), *arguments, "--color", "off"], columns, environment)
    assert b"\x1b[" not in no_color
    assert no_color == run_in_terminal(["aws", "ssm", *arguments, "--color", "off"], columns, environment)


def test_an_empty_answer_on_a_coloured_terminal_is_one_reset(endpoint, alice_client, waiting):
    ids = [alice_client.start_automation_execution(DocumentName=waiting[0])["AutomationExecutionId"] for _ in range(2)]
    for execution_id in ids:
        wait_for_status(alice_client, execution_id, "Waiting")
    stop = ["stop-automation-execution", "--type", "Cancel", "--output", "table", "--endpoint-url", endpoint.url,
            "--region", REGION, "--automation-execution-id"]
    environment = cli_environment(ALICE)
    ours = run_in_terminal([str(binary_path()), *stop, ids[0]], 80, environment)
    aws = run_in_terminal(["aws", "ssm", *stop, ids[1]], 80, environment)
    assert ours == aws == b"\x1b[0m"
