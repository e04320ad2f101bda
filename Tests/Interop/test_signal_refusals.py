"""Every refused signal and stop, with its AWS error code, through boto3 and the AWS CLI."""
from __future__ import annotations

import uuid

import pytest
from botocore.exceptions import ClientError, ParamValidationError

from callers import ALICE, BOB
from documents import APPROVAL_YAML, pause_then_sleep_json
from ssm_clients import CLI_SERVICE_ERROR_EXIT, steps_by_name, unique_name, wait_for_status


@pytest.fixture(scope="module")
def waiting_approval(alice_client):
    """An execution waiting at an aws:approve step whose only approver is alice."""
    name = unique_name("Interop-RefusedApproval")
    alice_client.create_document(Name=name, Content=APPROVAL_YAML, DocumentType="Automation", DocumentFormat="YAML")
    execution_id = alice_client.start_automation_execution(
        DocumentName=name, Parameters={"Approvers": [ALICE.principal]}
    )["AutomationExecutionId"]
    wait_for_status(alice_client, execution_id, "Waiting")
    return execution_id


@pytest.fixture(scope="module")
def paused(alice_client):
    """An execution paused at its Hold step."""
    name = unique_name("Interop-RefusedPause")
    alice_client.create_document(Name=name, Content=pause_then_sleep_json(), DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    wait_for_status(alice_client, execution_id, "Waiting")
    return execution_id


def error_code(raised: pytest.ExceptionInfo) -> str:
    return raised.value.response["Error"]["Code"]


def signal(client, execution_id: str, signal_type: str, payload: dict | None = None):
    arguments = {"AutomationExecutionId": execution_id, "SignalType": signal_type}
    if payload is not None:
        arguments["Payload"] = payload
    return client.send_automation_signal(**arguments)


def test_approval_by_a_principal_who_is_not_an_approver_is_refused_and_changes_nothing(
    endpoint, alice_client, bob_client, waiting_approval
):
    with pytest.raises(ClientError) as refused:
        signal(bob_client, waiting_approval, "Approve", {"Comment": ["me too"]})
    assert error_code(refused) == "InvalidAutomationSignalException"
    assert BOB.principal in refused.value.response["Error"]["Message"]

    rejected = endpoint.cli(
        "send-automation-signal", "--automation-execution-id", waiting_approval, "--signal-type", "Reject", key=BOB
    )
    assert rejected.exit_code == CLI_SERVICE_ERROR_EXIT
    assert (
        "An error occurred (InvalidAutomationSignalException) when calling the SendAutomationSignal operation"
        in rejected.stderr
    )
    execution = alice_client.get_automation_execution(AutomationExecutionId=waiting_approval)["AutomationExecution"]
    assert execution["AutomationExecutionStatus"] == "Waiting"
    assert steps_by_name(execution)["Approve"]["StepStatus"] == "Waiting"


def test_signals_that_do_not_fit_the_state_are_invalid(alice_client, waiting_approval, paused):
    cases = [
        (paused, "Approve", None),  # nothing to approve
        (waiting_approval, "Resume", {"StepName": ["Approve"]}),  # not a paused step
        (paused, "StartStep", {"StepName": ["Finish"]}),  # Auto mode
        (paused, "Revoke", None),  # not a change request
        (paused, "Resume", {"StepName": ["Finish"]}),  # Finish is not the paused step
    ]
    for execution_id, signal_type, payload in cases:
        with pytest.raises(ClientError) as refused:
            signal(alice_client, execution_id, signal_type, payload)
        assert error_code(refused) == "InvalidAutomationSignalException", (signal_type, payload)
        assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_unknown_steps_are_not_found(endpoint, alice_client, paused):
    with pytest.raises(ClientError) as unknown_name:
        signal(alice_client, paused, "Resume", {"StepName": ["NoSuchStep"]})
    assert error_code(unknown_name) == "AutomationStepNotFoundException"
    assert "Hold" in unknown_name.value.response["Error"]["Message"], "the message lists the document's steps"

    unknown_step_execution = endpoint.cli(
        "send-automation-signal", "--automation-execution-id", paused, "--signal-type", "StopStep",
        "--payload", f"StepExecutionId={uuid.uuid4()}",
    )
    assert unknown_step_execution.exit_code == CLI_SERVICE_ERROR_EXIT
    assert (
        "An error occurred (AutomationStepNotFoundException) when calling the SendAutomationSignal operation"
        in unknown_step_execution.stderr
    )


def test_stop_step_of_a_step_that_is_not_running_is_invalid(alice_client, paused):
    execution = alice_client.get_automation_execution(AutomationExecutionId=paused)["AutomationExecution"]
    finish = steps_by_name(execution)["Finish"]
    with pytest.raises(ClientError) as refused:
        signal(alice_client, paused, "StopStep", {"StepExecutionId": [finish["StepExecutionId"]]})
    assert error_code(refused) == "InvalidAutomationSignalException"


def test_unknown_executions_are_not_found(endpoint, alice_client):
    missing = str(uuid.uuid4())
    for call in (
        lambda: signal(alice_client, missing, "Approve"),
        lambda: alice_client.get_automation_execution(AutomationExecutionId=missing),
        lambda: alice_client.stop_automation_execution(AutomationExecutionId=missing),
        lambda: alice_client.describe_automation_step_executions(AutomationExecutionId=missing),
    ):
        with pytest.raises(ClientError) as refused:
            call()
        assert error_code(refused) == "AutomationExecutionNotFoundException"

    by_cli = endpoint.cli("get-automation-execution", "--automation-execution-id", missing)
    assert by_cli.exit_code == CLI_SERVICE_ERROR_EXIT
    assert (
        "An error occurred (AutomationExecutionNotFoundException) when calling the GetAutomationExecution operation"
        in by_cli.stderr
    )
    assert by_cli.stdout == ""


def test_a_malformed_execution_id_is_a_validation_error(endpoint):
    # botocore checks the 36-character length itself; with its checks off the server must refuse too.
    unchecked = endpoint.client(ALICE, parameter_validation=False)
    for bad in ("not-an-id", "x" * 37):
        with pytest.raises(ClientError) as refused:
            unchecked.send_automation_signal(AutomationExecutionId=bad, SignalType="Approve")
        assert error_code(refused) == "ValidationException"
        assert "36" in refused.value.response["Error"]["Message"]

    with pytest.raises(ParamValidationError):
        endpoint.client(ALICE).get_automation_execution(AutomationExecutionId="short")
    by_cli = endpoint.cli("send-automation-signal", "--automation-execution-id", "short", "--signal-type", "Approve")
    assert by_cli.exit_code == CLI_SERVICE_ERROR_EXIT
    assert "Parameter validation failed" in by_cli.stderr


def test_unknown_signal_type_is_a_validation_error(endpoint, paused):
    unchecked = endpoint.client(ALICE, parameter_validation=False)
    with pytest.raises(ClientError) as refused:
        unchecked.send_automation_signal(AutomationExecutionId=paused, SignalType="Shout")
    assert error_code(refused) == "ValidationException"


def test_signals_to_an_ended_execution_are_invalid(endpoint, alice_client):
    name = unique_name("Interop-Ended")
    alice_client.create_document(Name=name, Content=pause_then_sleep_json(), DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    wait_for_status(alice_client, execution_id, "Waiting")
    alice_client.stop_automation_execution(AutomationExecutionId=execution_id, Type="Cancel")
    wait_for_status(alice_client, execution_id, "Cancelled")

    with pytest.raises(ClientError) as refused:
        signal(alice_client, execution_id, "Resume", {"StepName": ["Hold"]})
    assert error_code(refused) == "InvalidAutomationSignalException"
    stopped = endpoint.cli("stop-automation-execution", "--automation-execution-id", execution_id)
    assert stopped.exit_code == CLI_SERVICE_ERROR_EXIT
    assert "(InvalidAutomationStatusUpdateException)" in stopped.stderr
