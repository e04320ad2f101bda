"""A 2-of-2 approval answered by two people: the first from the command line, the second from the console's
approve form, which shows the first decision and the count before it is sent. Against `ssm-console serve`
with a key each."""
from __future__ import annotations

import json
import subprocess
import uuid

import pytest

from conftest import console_environment
from executions import wait_for_status, wait_for_step
from serve_process import AccessKey, ServeProcess, binary_path
from ssm_clients import REGION, Endpoint
from test_console_signals import select
from tmux_console import TmuxConsole

ALICE = AccessKey("AKIAENDTOENDALICE0001", "alice-secret/EndToEnd+Key00000000000001",
                  "arn:aws:iam::123456789012:user/alice")
BOB = AccessKey("AKIAENDTOENDBOB000001", "bob-secret/EndToEnd+Key0000000000000001",
                "arn:aws:iam::123456789012:user/bob")

MESSAGE = ("Restart the payment workers in eu-west-1 tonight; the queue drains first and the runbook rolls back "
           "on its own if the health check fails.")


def two_of_two_document() -> str:
    return json.dumps({
        "schemaVersion": "0.3",
        "description": "Two people approve, then the change runs.",
        "mainSteps": [
            {"name": "ApproveChange", "action": "aws:approve", "timeoutSeconds": 3600,
             "inputs": {"Approvers": [ALICE.principal, BOB.principal], "MinRequiredApprovals": 2, "Message": MESSAGE}},
            {"name": "Done", "action": "aws:sleep", "inputs": {"Duration": "PT1S"}},
        ],
    })


@pytest.fixture(scope="module")
def two_keys(tmp_path_factory):
    process = ServeProcess(tmp_path_factory.mktemp("serve-approvals") / "data", [ALICE, BOB])
    yield process
    process.stop()


def cli(url: str, key: AccessKey, *arguments: str) -> subprocess.CompletedProcess:
    environment = {
        "AWS_ACCESS_KEY_ID": key.access_key_id, "AWS_SECRET_ACCESS_KEY": key.secret,
        "AWS_CONFIG_FILE": "/nonexistent/aws-config", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
        "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin",
    }
    return subprocess.run([str(binary_path()), *arguments, "--endpoint-url", url, "--region", REGION],
                          env=environment, capture_output=True, text=True, timeout=60)


def test_the_second_approver_sees_the_first_decision_and_completes_it(two_keys, tmp_path):
    alice = Endpoint(two_keys.url, ALICE, BOB).client(ALICE)
    name = f"EndToEnd-TwoApprovers-{uuid.uuid4().hex[:8]}"
    alice.create_document(Name=name, Content=two_of_two_document(), DocumentType="Automation", DocumentFormat="JSON")
    execution_id = alice.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    wait_for_step(alice, execution_id, "ApproveChange", "Waiting")
    wait_for_status(alice, execution_id, "Waiting")

    approved = cli(two_keys.url, ALICE, "send-automation-signal", "--automation-execution-id", execution_id,
                   "--signal-type", "Approve", "--payload", "Comment=Queue drained")
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout == ""

    # STS is found through its own endpoint setting, as the AWS CLI finds it: serve answers it too.
    environment = console_environment(tmp_path / "state", BOB) | {"AWS_ENDPOINT_URL_STS": two_keys.url}
    console = TmuxConsole(
        [str(binary_path()), "--endpoint-url", two_keys.url, "--region", REGION, "--refresh", "2"],
        width=100, height=30, environment=environment)
    try:
        # The header says who you are (from GetCallerIdentity) and counts what waits on you.
        header = console.wait_for("1 waiting on you")
        assert "bob" in header.splitlines()[0], header
        select(console, execution_id)
        console.press("a")
        form = console.wait_for("1 of 2 approvals")
        assert "You may approve." in form, form
        assert "alice approved" in form and "Queue drained" in form, form
        assert "Restart the payment workers" in form, form
        assert "Approvers: alice, bob" in form, form
        assert "times out in" in form, form
        console.type("Agreed")
        console.press("Enter")
        console.wait_for(f"Approve sent to {execution_id}: 2 of 2 approvals")
        wait_for_status(alice, execution_id, "Success", timeout=30)
        decisions = wait_for_step(alice, execution_id, "ApproveChange", "Success")["Outputs"]["ApproverDecisions"]
        assert any(BOB.principal in decision and "Agreed" in decision for decision in decisions), decisions
    finally:
        console.close()
