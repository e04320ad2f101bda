"""Requests the endpoint must refuse before doing anything: bad credentials, no signature, an operation it
does not offer."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from unittest import mock

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from callers import ALICE
from documents import PAUSE_ONLY_JSON
from serve_process import AccessKey
from ssm_clients import CLI_SERVICE_ERROR_EXIT, unique_name

WRONG_SECRET = AccessKey(ALICE.access_key_id, "not-alice-secret", ALICE.principal)
UNKNOWN_KEY = AccessKey("AKIAUNKNOWNKEY000009", "whatever", "arn:aws:iam::123456789012:user/mallory")


def execution_ids(client) -> set[str]:
    pages = client.get_paginator("describe_automation_executions").paginate()
    return {item["AutomationExecutionId"] for page in pages for item in page["AutomationExecutionMetadataList"]}


@pytest.mark.parametrize(
    ("key", "code"), [(WRONG_SECRET, "InvalidSignatureException"), (UNKNOWN_KEY, "UnrecognizedClientException")]
)
def test_bad_credentials_are_refused_and_change_nothing(endpoint, alice_client, key, code):
    name = unique_name("Interop-Auth")
    alice_client.create_document(Name=name, Content=PAUSE_ONLY_JSON, DocumentType="Automation")
    before = execution_ids(alice_client)
    intruder = endpoint.client(key)

    for call in (
        lambda: intruder.start_automation_execution(DocumentName=name),
        lambda: intruder.create_document(Name=name + "-x", Content=PAUSE_ONLY_JSON, DocumentType="Automation"),
        lambda: intruder.describe_automation_executions(),
        lambda: intruder.delete_document(Name=name),
    ):
        with pytest.raises(ClientError) as refused:
            call()
        assert refused.value.response["Error"]["Code"] == code
        assert refused.value.response["ResponseMetadata"]["RetryAttempts"] == 0

    assert execution_ids(alice_client) == before
    assert alice_client.describe_document(Name=name)["Document"]["Name"] == name
    with pytest.raises(ClientError) as missing:
        alice_client.get_document(Name=name + "-x")
    assert missing.value.response["Error"]["Code"] == "InvalidDocument"

    by_cli = endpoint.cli("describe-automation-executions", key=key)
    assert by_cli.exit_code == CLI_SERVICE_ERROR_EXIT
    assert f"An error occurred ({code}) when calling the DescribeAutomationExecutions operation" in by_cli.stderr


def post(url: str, target: str, body: dict, headers: dict | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(
        url + "/",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": f"AmazonSSM.{target}", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_unsigned_and_malformed_requests_are_refused(endpoint):
    status, body = post(endpoint.url, "ListDocuments", {})
    assert status in (400, 403), "a refusal, never a 5xx that clients would retry"
    assert body["__type"].split("#")[-1] == "MissingAuthenticationTokenException"

    status, body = post(endpoint.url, "ListDocuments", {}, {"Authorization": "AWS4-HMAC-SHA256 Credential=nonsense"})
    assert status == 400
    assert body["__type"].split("#")[-1] == "IncompleteSignatureException"
    assert body.get("message") or body.get("Message")


def test_an_unsupported_operation_is_a_400_json_error_and_not_retried(endpoint, alice_client):
    with pytest.raises(ClientError) as refused:
        alice_client.describe_parameters()
    response = refused.value.response
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert response["ResponseMetadata"]["RetryAttempts"] == 0
    assert response["Error"]["Code"]
    assert "DescribeParameters" in response["Error"]["Message"]

    by_cli = endpoint.cli("describe-parameters", "--debug")
    assert by_cli.exit_code == CLI_SERVICE_ERROR_EXIT
    error_line = [line for line in by_cli.stderr.splitlines() if line.startswith("An error occurred (")]
    assert error_line, by_cli.stderr[-2000:]
    assert "when calling the DescribeParameters operation" in error_line[-1]
    assert by_cli.stderr.count("Sending http request") == 1, "a 400 must not be retried"
    lines = by_cli.stderr.splitlines()
    body_at = [i for i, line in enumerate(lines) if line.rstrip().endswith("Response body:")]
    assert body_at, "botocore's debug output shows the response body"
    assert '"__type"' in lines[body_at[-1] + 1], f"the error body is JSON with __type: {lines[body_at[-1] + 1]}"


def test_bob_can_read_what_alice_started(endpoint, alice_client, bob_client):
    name = unique_name("Interop-Shared")
    alice_client.create_document(Name=name, Content=PAUSE_ONLY_JSON, DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    seen = bob_client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
    assert seen["ExecutedBy"] == ALICE.principal
    bob_client.stop_automation_execution(AutomationExecutionId=execution_id)
    ended = alice_client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
    assert ended["AutomationExecutionStatus"] in ("Cancelling", "Cancelled")
    assert ended["ExecutedBy"] == ALICE.principal


def signed_post(url: str, key: AccessKey, target: str, body: dict, service: str = "ssm", at: datetime | None = None):
    """A request signed by botocore as `key` for `service`, at time `at` (now when None)."""
    request = AWSRequest(
        method="POST", url=url + "/", data=json.dumps(body),
        headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": f"AmazonSSM.{target}"},
    )
    signer = SigV4Auth(Credentials(key.access_key_id, key.secret), service, "us-east-1")
    if at is None:
        signer.add_auth(request)
    else:
        with mock.patch("botocore.auth.get_current_datetime", return_value=at):
            signer.add_auth(request)
    return post(url, target, body, {name: value for name, value in request.headers.items()})


def test_a_signature_from_more_than_five_minutes_ago_or_for_another_service_is_refused(endpoint):
    status, body = signed_post(endpoint.url, ALICE, "ListDocuments", {})
    assert status == 200, body

    stale = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(minutes=10)
    status, body = signed_post(endpoint.url, ALICE, "ListDocuments", {}, at=stale)
    assert 400 <= status < 500
    assert body["__type"].split("#")[-1] == "InvalidSignatureException"
    assert "expired" in (body.get("message") or body.get("Message")).lower()

    status, body = signed_post(endpoint.url, ALICE, "ListDocuments", {}, service="sqs")
    assert 400 <= status < 500
    assert body["__type"].split("#")[-1] == "InvalidSignatureException"
