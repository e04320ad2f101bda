"""Who calls and who approves: STS GetCallerIdentity against serve for each key (the AWS CLI and boto3), a
2-of-3 approval driven by three keys through the AWS CLI, a group approver through a key with groups, and
`ssm-console approvals` / `send-automation-signal --debug` against the same serve."""
from __future__ import annotations

import json
import re
import subprocess

import boto3
import pytest

from callers import ACCOUNT
from serve_process import AccessKey, ServeProcess, binary_path
from ssm_clients import CLI_SERVICE_ERROR_EXIT, REGION, Endpoint, cli_environment, unique_name, wait_for_status

ANN = AccessKey("AKIAAPPROVALANN00001", "ann-secret/Approvals+Key000000000000001", f"arn:aws:iam::{ACCOUNT}:user/ann")
BEN = AccessKey("AKIAAPPROVALBEN00002", "ben-secret/Approvals+Key000000000000002", f"arn:aws:iam::{ACCOUNT}:user/ops/ben")
CAL = AccessKey(
    "AKIAAPPROVALCAL00003",
    "cal-secret/Approvals+Key000000000000003",
    f"arn:aws:sts::{ACCOUNT}:assumed-role/Operators/cal-session",
)
DEE = AccessKey("AKIAAPPROVALDEE00004", "dee-secret/Approvals+Key000000000000004", f"arn:aws:iam::{ACCOUNT}:user/dee")
KEYS = [ANN, BEN, CAL, DEE]

TWO_OF_THREE = f"""\
schemaVersion: '0.3'
mainSteps:
  - name: Approve
    action: aws:approve
    inputs:
      Approvers: [ann, 'arn:aws:iam::{ACCOUNT}:user/ben', 'arn:aws:iam::{ACCOUNT}:role/Operators']
      MinRequiredApprovals: 2
      Message: Rotate the database credentials?
"""

GROUP_APPROVAL = f"""\
schemaVersion: '0.3'
mainSteps:
  - name: Approve
    action: aws:approve
    inputs:
      Approvers: ['arn:aws:iam::{ACCOUNT}:group/Oncall']
"""


@pytest.fixture(scope="module")
def approvals_serve(tmp_path_factory):
    process = ServeProcess(tmp_path_factory.mktemp("approvals") / "data", KEYS, ["--key-groups", f"{DEE.access_key_id}=Oncall,Readers"])
    yield process
    assert process.stop() == 0, process.stderr_text()


@pytest.fixture(scope="module")
def endpoint(approvals_serve) -> Endpoint:
    return Endpoint(url=approvals_serve.url, alice=ANN, bob=BEN)


def sts_cli(url: str, key: AccessKey) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["aws", "sts", "get-caller-identity", "--endpoint-url", url, "--region", REGION, "--output", "json"],
        env=cli_environment(key), capture_output=True, text=True, timeout=60,
    )


def expected_user_id_shape(key: AccessKey) -> re.Pattern:
    if ":assumed-role/" in key.principal:
        return re.compile(r"^AROA[A-Z2-7]{17}:" + re.escape(key.principal.rsplit("/", 1)[1]) + "$")
    return re.compile(r"^AIDA[A-Z2-7]{17}$")


@pytest.mark.parametrize("key", KEYS, ids=lambda k: k.principal.rsplit("/", 1)[1])
def test_aws_sts_get_caller_identity_answers_each_key(approvals_serve, key):
    completed = sts_cli(approvals_serve.url, key)
    assert completed.returncode == 0, completed.stderr
    identity = json.loads(completed.stdout)
    assert identity["Arn"] == key.principal
    assert identity["Account"] == ACCOUNT
    assert expected_user_id_shape(key).match(identity["UserId"]), identity["UserId"]
    # Stable: the same key gets the same UserId again.
    assert json.loads(sts_cli(approvals_serve.url, key).stdout)["UserId"] == identity["UserId"]


@pytest.mark.parametrize("key", KEYS, ids=lambda k: k.principal.rsplit("/", 1)[1])
def test_boto3_sts_client_answers_each_key(approvals_serve, key):
    sts = boto3.client(
        "sts", endpoint_url=approvals_serve.url, region_name=REGION,
        aws_access_key_id=key.access_key_id, aws_secret_access_key=key.secret,
    )
    identity = sts.get_caller_identity()
    assert identity["Arn"] == key.principal
    assert identity["Account"] == ACCOUNT
    assert expected_user_id_shape(key).match(identity["UserId"]), identity["UserId"]
    assert identity["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_sts_refuses_an_unknown_key_as_sts_does(approvals_serve):
    stranger = AccessKey("AKIAAPPROVALNOBODY00", "nobody-secret", f"arn:aws:iam::{ACCOUNT}:user/nobody")
    completed = sts_cli(approvals_serve.url, stranger)
    assert completed.returncode == CLI_SERVICE_ERROR_EXIT
    assert "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation" in completed.stderr


def start(endpoint: Endpoint, content: str) -> str:
    name = unique_name("Interop-Approvals")
    endpoint.cli_ok("create-document", "--name", name, "--content", content, "--document-type", "Automation",
                    "--document-format", "YAML")
    execution_id = endpoint.cli_ok("start-automation-execution", "--document-name", name)["AutomationExecutionId"]
    wait_for_status(endpoint.client(ANN), execution_id, "Waiting")
    return execution_id


def signal(endpoint: Endpoint, execution_id: str, key: AccessKey, comment: str):
    return endpoint.cli("send-automation-signal", "--automation-execution-id", execution_id, "--signal-type", "Approve",
                        "--payload", f"Comment={comment}", key=key)


def approve_step(endpoint: Endpoint, execution_id: str) -> dict:
    steps = endpoint.cli_ok("describe-automation-step-executions", "--automation-execution-id", execution_id)
    return next(step for step in steps["StepExecutions"] if step["StepName"] == "Approve")


def test_two_of_three_approval_through_the_aws_cli(endpoint):
    execution_id = start(endpoint, TWO_OF_THREE)

    first = signal(endpoint, execution_id, ANN, "first")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""
    # Ann again: her second decision replaces her first and is not a second approval.
    again = signal(endpoint, execution_id, ANN, "still yes")
    assert again.exit_code == 0, again.stderr
    step = approve_step(endpoint, execution_id)
    assert step["StepStatus"] == "Waiting"
    decisions = [json.loads(text) for text in step["Outputs"]["ApproverDecisions"]]
    assert [(d["Approver"], d["Comment"]) for d in decisions] == [(ANN.principal, "still yes")]

    # Cal is an assumed-role session of the Operators role, which is an approver.
    second = signal(endpoint, execution_id, CAL, "second")
    assert second.exit_code == 0, second.stderr
    execution = wait_for_status(endpoint.client(ANN), execution_id, "Success")
    assert execution["StepExecutions"][0]["Outputs"]["ApprovalStatus"] == ["Approved"]
    decisions = [json.loads(text) for text in approve_step(endpoint, execution_id)["Outputs"]["ApproverDecisions"]]
    assert [d["Approver"] for d in decisions] == [ANN.principal, CAL.principal]

    # Ben's approval is no longer needed: the execution has ended.
    third = signal(endpoint, execution_id, BEN, "late")
    assert third.exit_code == CLI_SERVICE_ERROR_EXIT
    assert "(InvalidAutomationSignalException)" in third.stderr
    assert "has ended" in third.stderr


def test_a_non_approver_is_refused_naming_the_approvers(endpoint):
    execution_id = start(endpoint, TWO_OF_THREE)
    refused = signal(endpoint, execution_id, DEE, "me?")
    assert refused.exit_code == CLI_SERVICE_ERROR_EXIT
    assert "An error occurred (InvalidAutomationSignalException) when calling the SendAutomationSignal operation" in refused.stderr
    assert DEE.principal in refused.stderr and "role/Operators" in refused.stderr


def test_a_group_approver_through_a_key_with_groups(endpoint):
    execution_id = start(endpoint, GROUP_APPROVAL)
    refused = signal(endpoint, execution_id, ANN, "not in the group")
    assert refused.exit_code == CLI_SERVICE_ERROR_EXIT
    assert "group/Oncall" in refused.stderr
    approved = signal(endpoint, execution_id, DEE, "on call")
    assert approved.exit_code == 0, approved.stderr
    wait_for_status(endpoint.client(ANN), execution_id, "Success")


def ssm_console(url: str, key: AccessKey, *arguments: str) -> subprocess.CompletedProcess:
    environment = cli_environment(key)
    environment.update(AWS_DEFAULT_REGION=REGION, AWS_ENDPOINT_URL_STS=url)
    return subprocess.run([str(binary_path()), *arguments, "--endpoint-url", url], env=environment,
                          capture_output=True, text=True, timeout=60)


def test_ssm_console_approvals_and_the_debug_count(endpoint):
    execution_id = start(endpoint, TWO_OF_THREE)

    listed = ssm_console(endpoint.url, BEN, "approvals")
    assert listed.returncode == 0, listed.stderr
    document = json.loads(listed.stdout)
    assert document["Caller"]["Arn"] == BEN.principal
    mine = [item for item in document["WaitingOnYou"] if item["AutomationExecutionId"] == execution_id]
    assert mine and mine[0]["WaitsFor"] == "Approval"
    assert mine[0]["Approval"]["MinRequiredApprovals"] == 2 and mine[0]["Approval"]["Remaining"] == 2
    assert mine[0]["Approval"]["Message"] == "Rotate the database credentials?"

    sent = ssm_console(endpoint.url, BEN, "send-automation-signal", "--automation-execution-id", execution_id,
                       "--signal-type", "Approve", "--debug")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout == ""
    assert "approvals: 1 of 2 needed\n" in sent.stderr

    after = ssm_console(endpoint.url, BEN, "approvals", "--output", "text")
    assert execution_id not in after.stdout
    assert ssm_console(endpoint.url, DEE, "approvals").returncode == 1
    everyone = ssm_console(endpoint.url, DEE, "approvals", "--all")
    assert everyone.returncode == 0, everyone.stderr
    others = json.loads(everyone.stdout)["WaitingOnOthers"]
    item = next(item for item in others if item["AutomationExecutionId"] == execution_id)
    assert item["Approval"]["Approvals"] == 1 and item["Approval"]["YouMayDecide"] == "No"
    assert "1 more needed" in item["Summary"]
