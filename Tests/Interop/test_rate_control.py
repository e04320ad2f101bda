"""Rate-controlled executions on `serve`, driven by boto3 and the AWS CLI: Targets and TargetMaps fan out into
child executions, listed with the ParentExecutionId filter and a paginator; the CLI's new flags match `aws`."""
from __future__ import annotations

import json
import re

import pytest

from callers import ALICE, INSTANCES
from cli_compare import V2_SERVICE_ERROR, assert_same_success, error_line, run_both, run_ours
from ssm_clients import unique_name, wait_for_execution

PER_TARGET_JSON = json.dumps(
    {
        "schemaVersion": "0.3",
        "description": "One short sleep per target; fails for the target 'bad'",
        "parameters": {"Target": {"type": "String"}, "Note": {"type": "String", "default": "n"}},
        "mainSteps": [
            {
                "name": "Check",
                "action": "aws:branch",
                "inputs": {"Choices": [{"NextStep": "Fail", "Variable": "{{ Target }}", "StringEquals": "bad"}], "Default": "Work"},
            },
            {"name": "Work", "action": "aws:sleep", "inputs": {"Duration": "PT0.1S"}, "isEnd": True},
            {"name": "Fail", "action": "aws:executeScript", "inputs": {"Runtime": "python3.11", "Handler": "fail", "Script": "def fail(events, context):\n    raise Exception('bad target')\n"}, "isEnd": True},
        ],
    }
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def per_target(alice_client):
    name = unique_name("Interop-Fleet")
    alice_client.create_document(Name=name, Content=PER_TARGET_JSON, DocumentType="Automation")
    return name


def ended(client, execution_id, timeout=30):
    return wait_for_execution(
        client, execution_id, lambda e: e["AutomationExecutionStatus"] in ("Success", "Failed", "Cancelled", "TimedOut"),
        "an end", timeout,
    )


def test_boto3_starts_a_fleet_and_pages_through_its_children(alice_client, per_target):
    values = [f"host-{n}" for n in range(1, 8)]
    parent_id = alice_client.start_automation_execution(
        DocumentName=per_target, Targets=[{"Key": "ParameterValues", "Values": values}], TargetParameterName="Target",
        MaxConcurrency="3", MaxErrors="1", Parameters={"Note": ["fleet"]},
    )["AutomationExecutionId"]
    parent = ended(alice_client, parent_id)
    assert parent["AutomationExecutionStatus"] == "Success"
    assert parent["Targets"] == [{"Key": "ParameterValues", "Values": values}]
    assert parent["TargetParameterName"] == "Target"
    assert parent["MaxConcurrency"] == "3" and parent["MaxErrors"] == "1"
    assert parent["ResolvedTargets"] == {"ParameterValues": values, "Truncated": False}

    paginator = alice_client.get_paginator("describe_automation_executions")
    pages = list(paginator.paginate(
        Filters=[{"Key": "ParentExecutionId", "Values": [parent_id]}], PaginationConfig={"PageSize": 2}))
    assert len(pages) == 4
    children = [row for page in pages for row in page["AutomationExecutionMetadataList"]]
    assert sorted(child["Target"] for child in children) == sorted(values)
    assert {child["ParentAutomationExecutionId"] for child in children} == {parent_id}
    assert {child["AutomationExecutionStatus"] for child in children} == {"Success"}
    child = alice_client.get_automation_execution(AutomationExecutionId=children[0]["AutomationExecutionId"])
    assert child["AutomationExecution"]["Parameters"] == {"Target": [children[0]["Target"]], "Note": ["fleet"]}


def test_boto3_reads_an_error_threshold_and_a_tag_target(alice_client, per_target):
    parent_id = alice_client.start_automation_execution(
        DocumentName=per_target, Targets=[{"Key": "ParameterValues", "Values": ["bad", "ok-1", "ok-2"]}],
        TargetParameterName="Target", MaxConcurrency="1", MaxErrors="0",
    )["AutomationExecutionId"]
    parent = ended(alice_client, parent_id)
    assert parent["AutomationExecutionStatus"] == "Failed"
    assert "2 targets were not started" in parent["FailureMessage"]
    tagged = alice_client.start_automation_execution(
        DocumentName=per_target, Targets=[{"Key": "tag:Role", "Values": ["test"]}], TargetParameterName="Target",
    )["AutomationExecutionId"]
    assert ended(alice_client, tagged)["ResolvedTargets"]["ParameterValues"] == [INSTANCES[1]]


def test_boto3_gets_aws_error_codes_for_bad_combinations(alice_client, per_target):
    errors = alice_client.exceptions
    with pytest.raises(errors.InvalidAutomationExecutionParametersException, match="not a parameter"):
        alice_client.start_automation_execution(
            DocumentName=per_target, Targets=[{"Key": "ParameterValues", "Values": ["a"]}], TargetParameterName="Nope")
    with pytest.raises(errors.InvalidTarget, match="resolve to no managed instance"):
        alice_client.start_automation_execution(
            DocumentName=per_target, Targets=[{"Key": "tag:Role", "Values": ["none"]}], TargetParameterName="Target")
    with pytest.raises(alice_client.exceptions.ClientError, match="ValidationException"):
        alice_client.start_automation_execution(
            DocumentName=per_target, Targets=[{"Key": "ParameterValues", "Values": ["a"]}], TargetParameterName="Target",
            MaxConcurrency="0")


def test_cli_rate_control_flags_match_the_aws_cli(endpoint, alice_client, per_target):
    arguments = [
        "start-automation-execution", "--document-name", per_target, "--targets", "Key=ParameterValues,Values=a,b,c",
        "--target-parameter-name", "Target", "--max-concurrency", "2", "--max-errors", "50%",
    ]
    pair = run_both(endpoint.url, ALICE, *arguments)
    assert pair.ours.exit_code == pair.aws.exit_code == 0, pair.ours.stderr + pair.aws.stderr
    assert UUID.sub("ID", pair.ours.stdout) == UUID.sub("ID", pair.aws.stdout)
    ours, theirs = (json.loads(result.stdout)["AutomationExecutionId"] for result in (pair.ours, pair.aws))
    for parent_id in (ours, theirs):
        parent = ended(alice_client, parent_id)
        assert parent["Targets"] == [{"Key": "ParameterValues", "Values": ["a", "b", "c"]}]
        assert (parent["MaxConcurrency"], parent["MaxErrors"]) == ("2", "50%")
    # The describe commands show the new fields alike, and the children list pages alike.
    assert_same_success(run_both(endpoint.url, ALICE, "get-automation-execution", "--automation-execution-id", ours))
    children = ["describe-automation-executions", "--filters", f"Key=ParentExecutionId,Values={theirs}"]
    assert_same_success(run_both(endpoint.url, ALICE, *children))
    assert_same_success(run_both(endpoint.url, ALICE, *children, "--page-size", "1", "--max-items", "2", "--query",
                                 "AutomationExecutionMetadataList[].[Target,ParentAutomationExecutionId]"))


def test_cli_target_maps_match_the_aws_cli(endpoint, alice_client, per_target):
    maps = json.dumps([{"Target": ["m1"], "Note": ["x"]}, {"Target": ["m2"]}])
    pair = run_both(endpoint.url, ALICE, "start-automation-execution", "--document-name", per_target, "--target-maps", maps)
    assert pair.ours.exit_code == pair.aws.exit_code == 0, pair.ours.stderr + pair.aws.stderr
    for result in (pair.ours, pair.aws):
        parent = ended(alice_client, json.loads(result.stdout)["AutomationExecutionId"])
        assert parent["TargetMaps"] == [{"Target": ["m1"], "Note": ["x"]}, {"Target": ["m2"]}]
        assert parent["AutomationExecutionStatus"] == "Success"


@pytest.mark.parametrize(
    "extra",
    [
        ["--targets", "Key=ParameterValues,Values=a", "--target-maps", '[{"Target": ["b"]}]', "--target-parameter-name", "Target"],
        ["--targets", "Key=ParameterValues,Values=a"],
        ["--targets", "Key=ParameterValues,Values=a", "--target-parameter-name", "Target", "--max-errors", "101%"],
    ],
)
def test_cli_refusals_print_the_same_error_line(endpoint, per_target, extra):
    pair = run_both(endpoint.url, ALICE, "start-automation-execution", "--document-name", per_target, *extra)
    assert pair.aws.exit_code != 0 and pair.ours.exit_code == V2_SERVICE_ERROR, pair.ours.stderr
    assert error_line(pair.ours.stderr) == error_line(pair.aws.stderr)


def test_watch_reports_children_and_exits_one_when_one_failed(endpoint, alice_client, per_target):
    parent_id = alice_client.start_automation_execution(
        DocumentName=per_target, Targets=[{"Key": "ParameterValues", "Values": ["ok", "bad"]}],
        TargetParameterName="Target", MaxErrors="1",
    )["AutomationExecutionId"]
    watched = run_ours(endpoint.url, ALICE, "watch", parent_id, "--interval", "0.5")
    assert watched.exit_code == 1, watched.stderr
    assert re.search(r"child [0-9a-f-]{36} on ok: Success", watched.stdout)
    assert re.search(r"child [0-9a-f-]{36} on bad: Failed", watched.stdout)
    assert "children: 1 succeeded, 1 did not, of 2 targets" in watched.stdout
