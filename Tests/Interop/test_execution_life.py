"""Whole lives of executions driven by the AWS CLI and boto3: start, get, step executions, every accepted
signal, stop with Complete and Cancel."""
from __future__ import annotations

from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from callers import ALICE, BOB, INSTANCES
from documents import APPROVAL_YAML, INTERACTIVE_YAML, pause_then_sleep_json, run_command_json
from ssm_clients import (
    parse_cli_time,
    step_statuses,
    steps_by_name,
    unique_name,
    wait_for_execution,
    wait_for_status,
)


@pytest.fixture(scope="module")
def approval_document(alice_client):
    name = unique_name("Interop-Approval")
    alice_client.create_document(Name=name, Content=APPROVAL_YAML, DocumentType="Automation", DocumentFormat="YAML")
    return name


@pytest.fixture(scope="module")
def pause_document(alice_client):
    name = unique_name("Interop-Pause")
    alice_client.create_document(Name=name, Content=pause_then_sleep_json(), DocumentType="Automation")
    return name


@pytest.fixture(scope="module")
def interactive_document(alice_client):
    name = unique_name("Interop-Interactive")
    alice_client.create_document(Name=name, Content=INTERACTIVE_YAML, DocumentType="Automation", DocumentFormat="YAML")
    return name


def test_cli_approval_by_a_listed_approver_runs_the_execution_to_success(endpoint, approval_document, alice_client):
    started = endpoint.cli_ok(
        "start-automation-execution", "--document-name", approval_document,
        "--parameters", f"Approvers={ALICE.principal},Note=interop-note",
    )
    execution_id = started["AutomationExecutionId"]
    assert len(execution_id) == 36

    waiting = wait_for_status(alice_client, execution_id, "Waiting")
    assert waiting["CurrentStepName"] == "Approve"
    assert waiting["CurrentAction"] == "aws:approve"

    got = endpoint.cli_ok("get-automation-execution", "--automation-execution-id", execution_id)["AutomationExecution"]
    assert got["AutomationExecutionId"] == execution_id
    assert got["DocumentName"] == approval_document
    assert got["DocumentVersion"] == "1"
    assert got["Mode"] == "Auto"
    assert got["ExecutedBy"] == ALICE.principal
    assert got["AutomationExecutionStatus"] == "Waiting"
    assert got["Parameters"] == {"Approvers": [ALICE.principal], "Note": ["interop-note"]}
    parse_cli_time(got["ExecutionStartTime"])
    assert [(s["StepName"], s["StepStatus"]) for s in got["StepExecutions"]] == [
        ("Approve", "Waiting"), ("Report", "Pending")
    ]
    assert "ExecutionStartTime" not in got["StepExecutions"][1], "a step that never ran has no timestamps"

    approved = endpoint.cli(
        "send-automation-signal", "--automation-execution-id", execution_id, "--signal-type", "Approve",
        "--payload", "Comment=Looks good",
    )
    assert approved.exit_code == 0, approved.stderr
    assert approved.stdout.strip() in ("", "{}")

    done = wait_for_status(alice_client, execution_id, "Success")
    assert isinstance(done["ExecutionStartTime"], datetime)
    assert isinstance(done["ExecutionEndTime"], datetime)
    assert done["ExecutionEndTime"] >= done["ExecutionStartTime"]
    assert done["ExecutedBy"] == ALICE.principal
    assert done["Outputs"]["Approve.ApprovalStatus"] == ["Approved"]
    assert done["Outputs"]["Report.Note"] == ["approved interop-note"]
    assert "FailureMessage" not in done
    steps = steps_by_name(done)
    assert steps["Approve"]["StepStatus"] == "Success"
    assert steps["Approve"]["Outputs"]["ApprovalStatus"] == ["Approved"]
    decisions = " ".join(steps["Approve"]["Outputs"]["ApproverDecisions"])
    assert ALICE.principal in decisions and "Looks good" in decisions
    assert steps["Report"]["StepStatus"] == "Success"
    assert steps["Report"]["Outputs"]["Note"] == ["approved interop-note"]
    for step in done["StepExecutions"]:
        assert isinstance(step["ExecutionStartTime"], datetime)
        assert isinstance(step["ExecutionEndTime"], datetime)
    assert done["ProgressCounters"]["TotalSteps"] == 2
    assert done["ProgressCounters"]["SuccessSteps"] == 2

    described = endpoint.cli_ok("describe-automation-step-executions", "--automation-execution-id", execution_id)
    assert [(s["StepName"], s["StepStatus"], s["Action"]) for s in described["StepExecutions"]] == [
        ("Approve", "Success", "aws:approve"), ("Report", "Success", "aws:executeScript")
    ]
    reversed_report = endpoint.cli_ok(
        "describe-automation-step-executions", "--automation-execution-id", execution_id,
        "--filters", "Key=StepName,Values=Report", "--reverse-order",
    )["StepExecutions"]
    assert [s["StepName"] for s in reversed_report] == ["Report"]


def test_boto3_reject_fails_the_approval_and_the_execution(alice_client, bob_client, approval_document):
    execution_id = bob_client.start_automation_execution(
        DocumentName=approval_document, Parameters={"Approvers": [ALICE.principal]}
    )["AutomationExecutionId"]
    wait_for_status(alice_client, execution_id, "Waiting")

    alice_client.send_automation_signal(
        AutomationExecutionId=execution_id, SignalType="Reject", Payload={"Comment": ["not today"]}
    )
    failed = wait_for_status(alice_client, execution_id, "Failed")
    assert failed["ExecutedBy"] == BOB.principal, "ExecutedBy is whoever started it, not who decided"
    # The engine fills the execution's Outputs from steps that succeeded; the rejection shows on the step.
    assert "Report.Note" not in failed.get("Outputs", {})
    assert failed.get("Outputs", {}).get("Approve.ApprovalStatus") != ["Approved"]
    assert "Rejected by " + ALICE.principal in failed["FailureMessage"]
    assert "not today" in failed["FailureMessage"]
    assert step_statuses(failed) == [("Approve", "Failed"), ("Report", "Pending")]
    approve = steps_by_name(failed)["Approve"]
    assert approve["Outputs"]["ApprovalStatus"] == ["Rejected"]
    assert approve["FailureDetails"]["FailureType"] == "Rejected"
    assert isinstance(failed["ExecutionEndTime"], datetime)


def test_resume_and_stop_step_in_auto_mode(endpoint, alice_client, pause_document):
    execution_id = alice_client.start_automation_execution(DocumentName=pause_document)["AutomationExecutionId"]
    held = wait_for_execution(
        alice_client, execution_id, lambda e: e.get("CurrentStepName") == "Hold" and e["AutomationExecutionStatus"] == "Waiting",
        "a Waiting Hold step",
    )
    assert steps_by_name(held)["Hold"]["StepStatus"] == "Waiting"

    resumed = endpoint.cli(
        "send-automation-signal", "--automation-execution-id", execution_id, "--signal-type", "Resume",
        "--payload", "StepName=Hold",
    )
    assert resumed.exit_code == 0, resumed.stderr
    sleeping = wait_for_execution(
        alice_client, execution_id, lambda e: e.get("CurrentStepName") == "LongSleep", "the LongSleep step"
    )
    assert sleeping["AutomationExecutionStatus"] == "InProgress"
    long_sleep = steps_by_name(sleeping)["LongSleep"]
    assert long_sleep["StepStatus"] == "InProgress"

    alice_client.send_automation_signal(
        AutomationExecutionId=execution_id, SignalType="StopStep",
        Payload={"StepExecutionId": [long_sleep["StepExecutionId"]]},
    )
    done = wait_for_status(alice_client, execution_id, "Success")
    assert step_statuses(done) == [("Hold", "Success"), ("LongSleep", "Cancelled"), ("Finish", "Success")]
    assert "StopStep" in steps_by_name(done)["LongSleep"]["FailureMessage"]


def test_interactive_mode_start_step_stop_step_and_complete(endpoint, alice_client, interactive_document):
    execution_id = endpoint.cli_ok(
        "start-automation-execution", "--document-name", interactive_document, "--mode", "Interactive"
    )["AutomationExecutionId"]
    started = alice_client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
    assert started["Mode"] == "Interactive"
    assert started["AutomationExecutionStatus"] == "Waiting"
    assert step_statuses(started) == [("First", "Pending"), ("Long", "Pending"), ("Last", "Pending")]

    alice_client.send_automation_signal(
        AutomationExecutionId=execution_id, SignalType="StartStep", Payload={"StepName": ["First"]}
    )
    between = wait_for_execution(
        alice_client, execution_id,
        lambda e: steps_by_name(e)["First"]["StepStatus"] == "Success" and e["AutomationExecutionStatus"] == "Waiting",
        "First done and waiting",
    )
    assert steps_by_name(between)["First"]["ValidNextSteps"] == ["Long"]

    started_long = endpoint.cli(
        "send-automation-signal", "--automation-execution-id", execution_id, "--signal-type", "StartStep",
        "--payload", "StepName=Long",
    )
    assert started_long.exit_code == 0, started_long.stderr
    running = wait_for_execution(
        alice_client, execution_id, lambda e: steps_by_name(e)["Long"]["StepStatus"] == "InProgress", "Long running"
    )
    assert running["AutomationExecutionStatus"] == "InProgress"
    assert running["CurrentStepName"] == "Long"

    with pytest.raises(ClientError) as busy:
        alice_client.send_automation_signal(
            AutomationExecutionId=execution_id, SignalType="StartStep", Payload={"StepName": ["Last"]}
        )
    assert busy.value.response["Error"]["Code"] == "InvalidAutomationSignalException"

    with pytest.raises(ClientError) as not_now:
        alice_client.stop_automation_execution(AutomationExecutionId=execution_id, Type="Complete")
    assert not_now.value.response["Error"]["Code"] == "InvalidAutomationStatusUpdateException"

    stopped = endpoint.cli(
        "send-automation-signal", "--automation-execution-id", execution_id, "--signal-type", "StopStep",
        "--payload", f"StepExecutionId={steps_by_name(running)['Long']['StepExecutionId']}",
    )
    assert stopped.exit_code == 0, stopped.stderr
    idle = wait_for_execution(
        alice_client, execution_id,
        lambda e: steps_by_name(e)["Long"]["StepStatus"] == "Cancelled" and e["AutomationExecutionStatus"] == "Waiting",
        "Long cancelled and waiting",
    )
    assert steps_by_name(idle)["Long"]["ValidNextSteps"] == ["Long", "Last"]

    completed = endpoint.cli("stop-automation-execution", "--automation-execution-id", execution_id, "--type", "Complete")
    assert completed.exit_code == 0, completed.stderr
    done = wait_for_status(alice_client, execution_id, "Success")
    assert step_statuses(done) == [("First", "Success"), ("Long", "Cancelled"), ("Last", "Pending")]
    assert isinstance(done["ExecutionEndTime"], datetime)

    again = endpoint.cli("stop-automation-execution", "--automation-execution-id", execution_id, "--type", "Complete")
    assert again.exit_code == 255
    assert "An error occurred (InvalidAutomationStatusUpdateException) when calling the StopAutomationExecution operation" in again.stderr


def test_cancel_stops_the_waiting_step_and_ends_the_execution(endpoint, alice_client, pause_document):
    execution_id = alice_client.start_automation_execution(DocumentName=pause_document)["AutomationExecutionId"]
    wait_for_status(alice_client, execution_id, "Waiting")

    cancelled = endpoint.cli("stop-automation-execution", "--automation-execution-id", execution_id, "--type", "Cancel")
    assert cancelled.exit_code == 0, cancelled.stderr
    done = wait_for_status(alice_client, execution_id, "Cancelled")
    assert step_statuses(done) == [("Hold", "Cancelled"), ("LongSleep", "Pending"), ("Finish", "Pending")]
    assert isinstance(done["ExecutionEndTime"], datetime)

    with pytest.raises(ClientError) as ended:
        alice_client.stop_automation_execution(AutomationExecutionId=execution_id, Type="Cancel")
    assert ended.value.response["Error"]["Code"] == "InvalidAutomationStatusUpdateException"
    assert ended.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_run_command_on_a_configured_instance(alice_client):
    name = unique_name("Interop-RunCommand")
    alice_client.create_document(Name=name, Content=run_command_json(INSTANCES[1]), DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    done = wait_for_status(alice_client, execution_id, "Success")
    output = " ".join(done["Outputs"]["Hello.Output"])
    assert f"hello from {execution_id}" in output
    hello = steps_by_name(done)["Hello"]
    assert hello["Outputs"]["Status"] == ["Success"]
