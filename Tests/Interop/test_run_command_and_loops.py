"""The AWS CLI and boto3 read the Run Command commands that aws:runCommand steps send (while they run and after),
and list the step executions of aws:loop iterations with the API's filters."""
from __future__ import annotations

import json
import time
import uuid

import pytest
from botocore.exceptions import ClientError

from callers import ALICE, INSTANCES
from cli_compare import V2_SERVICE_ERROR, error_line, run_both
from ssm_clients import unique_name, wait_for_execution, wait_for_status

INSTANCE = INSTANCES[1]


def growing_command_json(gate: str) -> str:
    """One step that prints a line, waits for `gate` to exist, then prints another."""
    return json.dumps(
        {
            "schemaVersion": "0.3",
            "mainSteps": [
                {
                    "name": "Work",
                    "action": "aws:runCommand",
                    "inputs": {
                        "DocumentName": "AWS-RunShellScript",
                        "InstanceIds": [INSTANCE],
                        "Parameters": {
                            "commands": [
                                "echo first",
                                "echo careful >&2",
                                f"while [ ! -e {gate} ]; do sleep 0.05; done",
                                "echo second",
                            ]
                        },
                    },
                }
            ],
        }
    )


LOOP_YAML = """
schemaVersion: '0.3'
mainSteps:
  - name: EachHost
    action: aws:loop
    inputs:
      Iterators: [web1, web2, web3]
      Steps:
        - name: Nap
          action: aws:sleep
          inputs:
            Duration: PT0S
"""


def poll(read, predicate, what: str, timeout: float = 20):
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = read()
        if predicate(value):
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {timeout} s; last: {value}")


@pytest.fixture()
def running_command(alice_client, tmp_path):
    """An execution whose command has printed its first line and waits for the gate; yields (execution id,
    command id, gate path)."""
    gate = tmp_path / "gate"
    name = unique_name("Interop-Grow")
    alice_client.create_document(Name=name, Content=growing_command_json(str(gate)), DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    execution = wait_for_execution(
        alice_client, execution_id,
        lambda e: bool(e["StepExecutions"][0].get("Outputs", {}).get("CommandId")), "a CommandId on the running step")
    assert execution["StepExecutions"][0]["StepStatus"] == "InProgress"
    command_id = execution["StepExecutions"][0]["Outputs"]["CommandId"][0]
    yield execution_id, command_id, gate
    gate.touch()


def test_boto3_and_the_cli_read_a_command_while_it_runs_and_after(endpoint, alice_client, running_command):
    execution_id, command_id, gate = running_command

    running = poll(
        lambda: alice_client.get_command_invocation(CommandId=command_id, InstanceId=INSTANCE),
        lambda r: r["StandardOutputContent"] == "first\n", "the first line")
    assert running["Status"] == "InProgress"
    assert running["StatusDetails"] == "InProgress"
    assert running["ResponseCode"] == -1
    assert running["StandardErrorContent"] == "careful\n"
    assert running["PluginName"] == "aws:runShellScript"
    assert running["DocumentName"] == "AWS-RunShellScript"

    listed = endpoint.cli_ok("list-commands", "--command-id", command_id)["Commands"]
    assert [c["CommandId"] for c in listed] == [command_id]
    assert listed[0]["Status"] == "InProgress"
    assert listed[0]["InstanceIds"] == [INSTANCE]
    assert listed[0]["TargetCount"] == 1
    assert listed[0]["Parameters"]["commands"][0] == "echo first"
    assert isinstance(listed[0]["RequestedDateTime"], (int, float, str))

    gate.touch()
    wait_for_status(alice_client, execution_id, "Success")

    done = endpoint.cli_ok("get-command-invocation", "--command-id", command_id, "--instance-id", INSTANCE)
    assert done["Status"] == "Success"
    assert done["ResponseCode"] == 0
    assert done["StandardOutputContent"] == "first\nsecond\n"
    assert done["ExecutionElapsedTime"].startswith("PT") and done["ExecutionElapsedTime"].endswith("S")
    assert done["ExecutionStartDateTime"] <= done["ExecutionEndDateTime"]

    invocations = alice_client.list_command_invocations(CommandId=command_id, Details=True)["CommandInvocations"]
    assert [i["InstanceId"] for i in invocations] == [INSTANCE]
    assert invocations[0]["InstanceName"] == "web"
    assert invocations[0]["Status"] == "Success"
    plugin = invocations[0]["CommandPlugins"][0]
    assert plugin["Name"] == "aws:runShellScript"
    assert plugin["ResponseCode"] == 0
    assert plugin["Output"] == "first\nsecond\n----------ERROR-------\ncareful\n"

    cli_invocations = endpoint.cli_ok("list-command-invocations", "--command-id", command_id)["CommandInvocations"]
    assert cli_invocations[0]["CommandPlugins"] == []

    complete = alice_client.list_commands(Filters=[{"key": "ExecutionStage", "value": "Complete"}])["Commands"]
    assert command_id in [c["CommandId"] for c in complete]
    paginator = alice_client.get_paginator("list_commands")
    paged = [c["CommandId"] for page in paginator.paginate(PaginationConfig={"PageSize": 1}) for c in page["Commands"]]
    assert command_id in paged


def test_reads_of_commands_that_do_not_exist_fail_with_run_commands_errors(endpoint, alice_client):
    unknown = str(uuid.uuid4())
    with pytest.raises(ClientError) as caught:
        alice_client.get_command_invocation(CommandId=unknown, InstanceId=INSTANCE)
    assert caught.value.response["Error"]["Code"] == "InvocationDoesNotExist"

    with pytest.raises(ClientError) as caught:
        alice_client.list_command_invocations(CommandId=unknown)
    assert caught.value.response["Error"]["Code"] == "InvalidCommandId"

    with pytest.raises(ClientError) as caught:
        alice_client.list_commands(Filters=[{"key": "Colour", "value": "red"}])
    assert caught.value.response["Error"]["Code"] in ("InvalidFilterKey", "ValidationException")

    result = endpoint.cli("get-command-invocation", "--command-id", unknown, "--instance-id", "web-1")
    assert result.exit_code != 0
    assert "InvalidInstanceId" in result.stderr


def test_the_cli_and_boto3_filter_loop_iterations(endpoint, alice_client):
    name = unique_name("Interop-Loop")
    alice_client.create_document(Name=name, Content=LOOP_YAML, DocumentType="Automation", DocumentFormat="YAML")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    ended = wait_for_status(alice_client, execution_id, "Success")
    loop = next(s for s in ended["StepExecutions"] if s["StepName"] == "EachHost")

    second = endpoint.cli_ok(
        "describe-automation-step-executions", "--automation-execution-id", execution_id,
        "--filters", "Key=ParentStepIteration,Values=2")["StepExecutions"]
    assert [s["StepName"] for s in second] == ["Nap"]
    assert second[0]["ParentStepDetails"] == {
        "StepExecutionId": loop["StepExecutionId"], "StepName": "EachHost", "Action": "aws:loop",
        "Iteration": 2, "IteratorValue": "web2",
    }

    children = alice_client.describe_automation_step_executions(
        AutomationExecutionId=execution_id,
        Filters=[{"Key": "ParentStepExecutionId", "Values": [loop["StepExecutionId"]]}])["StepExecutions"]
    assert [s["ParentStepDetails"]["IteratorValue"] for s in children] == ["web1", "web2", "web3"]

    by_value = alice_client.describe_automation_step_executions(
        AutomationExecutionId=execution_id,
        Filters=[{"Key": "ParentStepIteratorValue", "Values": ["web3"]}])["StepExecutions"]
    assert [s["ParentStepDetails"]["Iteration"] for s in by_value] == [3]


def test_ssm_console_run_command_reads_print_what_the_aws_cli_prints(endpoint, alice_client):
    """`ssm-console list-commands`, `list-command-invocations` and `get-command-invocation` against the installed
    AWS CLI on the same finished command: the same bytes, and the same failure for a missing invocation."""
    name = unique_name("Interop-Done")
    content = json.dumps({
        "schemaVersion": "0.3",
        "mainSteps": [{
            "name": "Hello", "action": "aws:runCommand",
            "inputs": {"DocumentName": "AWS-RunShellScript", "InstanceIds": [INSTANCE],
                       "Parameters": {"commands": ["echo héllo", "echo oops >&2"]}},
        }],
    })
    alice_client.create_document(Name=name, Content=content, DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    ended = wait_for_status(alice_client, execution_id, "Success")
    command_id = ended["StepExecutions"][0]["Outputs"]["CommandId"][0]

    for arguments in (
        ["list-commands", "--command-id", command_id],
        ["list-command-invocations", "--command-id", command_id, "--details"],
        ["get-command-invocation", "--command-id", command_id, "--instance-id", INSTANCE],
        ["get-command-invocation", "--command-id", command_id, "--instance-id", INSTANCE, "--output", "text"],
    ):
        pair = run_both(endpoint.url, ALICE, *arguments)
        assert pair.aws.exit_code == 0, pair.aws.stderr
        assert pair.ours.exit_code == 0, pair.ours.stderr
        assert pair.ours.stdout == pair.aws.stdout, arguments

    missing = run_both(endpoint.url, ALICE, "get-command-invocation", "--command-id", str(uuid.uuid4()),
                       "--instance-id", INSTANCE)
    # ssm-console exits as AWS CLI v2 does for a service error; the installed v1 exits 255.
    assert missing.ours.exit_code == V2_SERVICE_ERROR and missing.aws.exit_code != 0
    assert error_line(missing.ours.stderr) == error_line(missing.aws.stderr)
    assert "InvocationDoesNotExist" in missing.ours.stderr
