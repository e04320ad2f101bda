"""DescribeAutomationExecutions with filters and pagination: more than one page, every execution exactly once,
newest first, through boto3's paginator and the AWS CLI's automatic paging."""
from __future__ import annotations

from datetime import datetime

import pytest
from botocore.exceptions import ClientError

from callers import ALICE, BOB
from documents import PAUSE_ONLY_JSON
from ssm_clients import parse_cli_time, unique_name, wait_for_status

STARTED = 57
CANCELLED = 5


@pytest.fixture(scope="module")
def listed_executions(alice_client, bob_client):
    """57 executions of one document, started one after another (alternating callers); the first five are
    cancelled. Returns the document name, the IDs in start order and the cancelled IDs."""
    name = unique_name("Interop-List")
    alice_client.create_document(Name=name, Content=PAUSE_ONLY_JSON, DocumentType="Automation")
    ids = []
    for index in range(STARTED):
        client = alice_client if index % 2 == 0 else bob_client
        ids.append(client.start_automation_execution(DocumentName=name)["AutomationExecutionId"])
    cancelled = ids[:CANCELLED]
    for execution_id in cancelled:
        alice_client.stop_automation_execution(AutomationExecutionId=execution_id, Type="Cancel")
    for execution_id in cancelled:
        wait_for_status(alice_client, execution_id, "Cancelled")
    return name, ids, cancelled


def prefix_filter(name: str) -> list[dict]:
    return [{"Key": "DocumentNamePrefix", "Values": [name]}]


def test_boto3_paginator_gives_every_execution_once_newest_first(alice_client, listed_executions):
    name, ids, cancelled = listed_executions
    pages = list(
        alice_client.get_paginator("describe_automation_executions").paginate(
            Filters=prefix_filter(name), PaginationConfig={"PageSize": 8}
        )
    )
    assert len(pages) == 8, "57 executions in pages of 8"
    assert all(len(page["AutomationExecutionMetadataList"]) == 8 for page in pages[:-1])
    assert "NextToken" not in pages[-1] or not pages[-1]["NextToken"]
    listed = [item for page in pages for item in page["AutomationExecutionMetadataList"]]
    assert [item["AutomationExecutionId"] for item in listed] == list(reversed(ids))
    start_times = [item["ExecutionStartTime"] for item in listed]
    assert all(isinstance(t, datetime) for t in start_times)
    assert start_times == sorted(start_times, reverse=True)
    for index, item in enumerate(reversed(listed)):
        assert item["DocumentName"] == name
        assert item["ExecutedBy"] == (ALICE.principal if index % 2 == 0 else BOB.principal)
        assert item["AutomationExecutionStatus"] == ("Cancelled" if index < CANCELLED else "Waiting")
        assert item["Mode"] == "Auto"


def test_default_page_size_is_fifty(alice_client, listed_executions):
    name, ids, _ = listed_executions
    first = alice_client.describe_automation_executions(Filters=prefix_filter(name))
    assert len(first["AutomationExecutionMetadataList"]) == 50
    second = alice_client.describe_automation_executions(Filters=prefix_filter(name), NextToken=first["NextToken"])
    assert len(second["AutomationExecutionMetadataList"]) == STARTED - 50
    assert not second.get("NextToken")


def test_cli_automatic_paging_gives_every_execution_once(endpoint, listed_executions):
    name, ids, _ = listed_executions
    for extra in ([], ["--page-size", "10"]):
        listed = endpoint.cli_ok(
            "describe-automation-executions", "--filters", f"Key=DocumentNamePrefix,Values={name}", *extra
        )["AutomationExecutionMetadataList"]
        assert [item["AutomationExecutionId"] for item in listed] == list(reversed(ids)), extra
        times = [parse_cli_time(item["ExecutionStartTime"]) for item in listed]
        assert times == sorted(times, reverse=True)

    limited = endpoint.cli_ok(
        "describe-automation-executions", "--filters", f"Key=DocumentNamePrefix,Values={name}",
        "--max-items", "12", "--page-size", "5",
    )
    assert [item["AutomationExecutionId"] for item in limited["AutomationExecutionMetadataList"]] == list(reversed(ids))[:12]
    assert limited["NextToken"], "--max-items leaves a token to continue from"


def test_filters_by_status_id_and_their_combination(endpoint, alice_client, listed_executions):
    name, ids, cancelled = listed_executions

    def listed(filters):
        pages = alice_client.get_paginator("describe_automation_executions").paginate(Filters=filters)
        return [item["AutomationExecutionId"] for page in pages for item in page["AutomationExecutionMetadataList"]]

    assert listed(prefix_filter(name) + [{"Key": "ExecutionStatus", "Values": ["Cancelled"]}]) == list(reversed(cancelled))
    waiting = listed(prefix_filter(name) + [{"Key": "ExecutionStatus", "Values": ["Waiting"]}])
    assert waiting == list(reversed(ids[CANCELLED:]))
    assert listed([{"Key": "ExecutionId", "Values": [ids[7], ids[3]]}]) == [ids[7], ids[3]]
    assert listed(prefix_filter(name[:-3] + "zzz")) == []

    by_cli = endpoint.cli_ok(
        "describe-automation-executions",
        "--filters", f"Key=DocumentNamePrefix,Values={name}", "Key=ExecutionStatus,Values=Cancelled",
    )["AutomationExecutionMetadataList"]
    assert [item["AutomationExecutionId"] for item in by_cli] == list(reversed(cancelled))


def test_bad_filters_and_tokens_are_refused(endpoint, alice_client, listed_executions):
    name, _, _ = listed_executions
    with pytest.raises(ClientError) as bad_status:
        alice_client.describe_automation_executions(
            Filters=[{"Key": "ExecutionStatus", "Values": ["Sleeping"]}]
        )
    assert bad_status.value.response["Error"]["Code"] == "InvalidFilterValue"

    with pytest.raises(ClientError) as bad_token:
        alice_client.describe_automation_executions(Filters=prefix_filter(name), NextToken="bm90LWEtdG9rZW4=")
    assert bad_token.value.response["Error"]["Code"] == "InvalidNextToken"

    bad_key = endpoint.client(ALICE, parameter_validation=False)
    with pytest.raises(ClientError) as refused:
        bad_key.describe_automation_executions(Filters=[{"Key": "Colour", "Values": ["blue"]}])
    assert refused.value.response["Error"]["Code"] == "InvalidFilterKey"
