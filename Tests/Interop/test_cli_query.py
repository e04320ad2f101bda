"""--query against the installed AWS CLI on the same `serve` answers: every subcommand's output, in json, text and
table, byte for byte (JMESPath functions, filters, projections, slices, multiselects, pipes and literals)."""
from __future__ import annotations

import json
import re

import pytest

from callers import ALICE
from cli_compare import assert_same_success, run_aws, run_both, run_ours, waiting_executions
from ssm_clients import wait_for_status

PAUSE_TWICE = json.dumps({
    "schemaVersion": "0.3",
    "description": "Two pauses",
    "parameters": {"Note": {"type": "String", "default": "n"}},
    "mainSteps": [
        {"name": "First", "action": "aws:pause", "inputs": {}},
        {"name": "Second", "action": "aws:pause", "inputs": {}, "isEnd": True},
    ],
})
FORMATS = ("json", "text", "table")

LIST_EXPRESSIONS = [
    "AutomationExecutionMetadataList[].AutomationExecutionId",
    "AutomationExecutionMetadataList[0]",
    "AutomationExecutionMetadataList[-1].DocumentName",
    "AutomationExecutionMetadataList[1:].[AutomationExecutionId, AutomationExecutionStatus]",
    "AutomationExecutionMetadataList[::-1].Mode",
    "AutomationExecutionMetadataList[?AutomationExecutionStatus=='Waiting'].AutomationExecutionId | sort(@)",
    "AutomationExecutionMetadataList[?contains(DocumentName, 'Query')] | length(@)",
    "length(AutomationExecutionMetadataList)",
    "AutomationExecutionMetadataList[].{Id: AutomationExecutionId, Started: ExecutionStartTime, Mode: Mode}",
    "max_by(AutomationExecutionMetadataList, &ExecutionStartTime).ExecutionStartTime",
    "min(AutomationExecutionMetadataList[].ExecutionStartTime)",
    "avg(AutomationExecutionMetadataList[].ExecutionStartTime)",
    "sum(AutomationExecutionMetadataList[].ExecutionStartTime)",
    "sort_by(AutomationExecutionMetadataList, &ExecutionStartTime)[].AutomationExecutionId",
    "AutomationExecutionMetadataList[*].Outputs",
    "AutomationExecutionMetadataList[].[DocumentName, `1`, `2.5`, `true`, `null`]",
    "keys(AutomationExecutionMetadataList[0])",
    "values(AutomationExecutionMetadataList[0]) | [?type(@) == 'string']",
    "to_string(length(AutomationExecutionMetadataList))",
    "join(', ', AutomationExecutionMetadataList[].AutomationExecutionStatus)",
    "AutomationExecutionMetadataList[0].ExecutionStartTime | to_number(to_string(@))",
    "not_null(AutomationExecutionMetadataList[0].NoSuchMember, 'fallback')",
    "AutomationExecutionMetadataList[?Mode=='Auto'] | [0].Mode",
    "reverse(AutomationExecutionMetadataList[].ExecutionStartTime)",
    "map(&length(AutomationExecutionId), AutomationExecutionMetadataList)",
    "AutomationExecutionMetadataList[].starts_with(DocumentName, 'Interop')",
    "merge(AutomationExecutionMetadataList[0], {Extra: 'x'}).Extra",
    "`\"a literal\"`",
    "nothing",
    "AutomationExecutionMetadataList[].Targets[]",
    "[AutomationExecutionMetadataList[0].AutomationExecutionId, 'x']",
]

GET_EXPRESSIONS = [
    "AutomationExecution.AutomationExecutionStatus",
    "AutomationExecution.StepExecutions[].[StepName, StepStatus]",
    "AutomationExecution.{Status: AutomationExecutionStatus, Parameters: Parameters, Steps: length(StepExecutions)}",
    "AutomationExecution.StepExecutions[?StepStatus=='Pending'].StepName",
    "AutomationExecution.Parameters.Note[0]",
    "AutomationExecution.ProgressCounters",
    "AutomationExecution.ExecutionStartTime",
    "AutomationExecution.StepExecutions[0].Inputs",
]

STEP_EXPRESSIONS = [
    "StepExecutions[].StepName",
    "StepExecutions[0].{Name: StepName, Action: Action, Status: StepStatus}",
    "length(StepExecutions)",
    "StepExecutions[?StepStatus=='InProgress'] | [0].ExecutionStartTime",
]


@pytest.fixture(scope="module")
def waiting(alice_client):
    return waiting_executions(alice_client, "Interop-Query", PAUSE_TWICE)


def prefix(name):
    return ["--filters", f"Key=DocumentNamePrefix,Values={name}"]


def compare(endpoint, *arguments):
    pair = run_both(endpoint.url, ALICE, *arguments)
    assert_same_success(pair)
    return pair


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("expression", LIST_EXPRESSIONS)
def test_describe_automation_executions(endpoint, waiting, expression, output):
    compare(endpoint, "describe-automation-executions", *prefix(waiting[0]), "--query", expression, "--output", output)


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("expression", GET_EXPRESSIONS)
def test_get_automation_execution(endpoint, waiting, expression, output):
    compare(endpoint, "get-automation-execution", "--automation-execution-id", waiting[1][0], "--query", expression, "--output", output)


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("expression", STEP_EXPRESSIONS)
def test_describe_automation_step_executions(endpoint, waiting, expression, output):
    compare(endpoint, "describe-automation-step-executions", "--automation-execution-id", waiting[1][1], "--query", expression, "--output", output)


@pytest.mark.parametrize("output", FORMATS)
def test_paged_queries_see_the_merged_result_and_its_next_token(endpoint, waiting, output):
    # json and table query the joined pages (NextToken included); text queries page by page, then the resume
    # token's own dict, where length() of a missing list fails after the pages were printed: in both tools.
    for expression in ("[length(AutomationExecutionMetadataList), type(NextToken)]", "AutomationExecutionMetadataList[].Mode"):
        pair = run_both(endpoint.url, ALICE, "describe-automation-executions", *prefix(waiting[0]), "--max-items", "2",
                        "--page-size", "1", "--query", expression, "--output", output)
        assert (pair.ours.exit_code, pair.ours.stdout, pair.ours.stderr) == (pair.aws.exit_code, pair.aws.stdout, pair.aws.stderr)
        assert pair.ours.exit_code == (255 if output == "text" and expression.startswith("[length") else 0)


@pytest.mark.parametrize("output", FORMATS)
def test_start_stop_and_signal_outputs(endpoint, alice_client, waiting, output):
    """The changing operations: each tool acts on its own execution, and prints the same query result."""
    name = waiting[0]
    start = ["start-automation-execution", "--document-name", name, "--query"]
    for expression in ("length(AutomationExecutionId)", "keys(@)", "AutomationExecutionId | type(@)"):
        pair = run_both(endpoint.url, ALICE, *start, expression, "--output", output)
        assert_same_success(pair)
    ids = [alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"] for _ in range(4)]
    for execution_id in ids:
        wait_for_status(alice_client, execution_id, "Waiting")
    # An empty answer: `@` is {} and prints nothing; keys(@) is [] and prints.
    for expression, (first, second) in (("keys(@)", ids[:2]), ("@", ids[2:])):
        ours = run_ours(endpoint.url, ALICE, "send-automation-signal", "--automation-execution-id", first, "--signal-type", "Resume",
                        "--payload", "StepName=First", "--query", expression, "--output", output)
        aws = run_aws(endpoint.url, ALICE, "send-automation-signal", "--automation-execution-id", second, "--signal-type", "Resume",
                      "--payload", "StepName=First", "--query", expression, "--output", output)
        assert (ours.exit_code, ours.stdout) == (aws.exit_code, aws.stdout) == (0, aws.stdout), ours.stderr + aws.stderr
    for expression, (first, second) in (("keys(@)", ids[:2]), ("@", ids[2:])):
        ours = run_ours(endpoint.url, ALICE, "stop-automation-execution", "--automation-execution-id", first, "--type", "Cancel",
                        "--query", expression, "--output", output)
        aws = run_aws(endpoint.url, ALICE, "stop-automation-execution", "--automation-execution-id", second, "--type", "Cancel",
                      "--query", expression, "--output", output)
        assert (ours.exit_code, ours.stdout) == (aws.exit_code, aws.stdout) == (0, aws.stdout), ours.stderr + aws.stderr


@pytest.mark.parametrize("expression", ["[", "a[?", "foo.", "`{", "a ||", ""])
def test_invalid_expressions_print_the_aws_cli_error(endpoint, waiting, expression):
    pair = run_both(endpoint.url, ALICE, "get-automation-execution", "--automation-execution-id", waiting[1][0], "--query", expression)
    assert pair.aws.exit_code == 255 and pair.ours.exit_code == 252, pair.ours.stderr
    assert pair.ours.stderr == pair.aws.stderr
    assert pair.ours.stdout == pair.aws.stdout == ""


@pytest.mark.parametrize("expression", ["abs(AutomationExecution)", "no_such(@)", "length(`1`, `2`)", "sort_by(@, &x)"])
def test_evaluation_errors_print_python_jmespaths_message(endpoint, waiting, expression):
    pair = run_both(endpoint.url, ALICE, "get-automation-execution", "--automation-execution-id", waiting[1][0], "--query", expression)
    assert pair.aws.exit_code == pair.ours.exit_code == 255, pair.ours.stderr
    assert pair.ours.stderr == pair.aws.stderr
    assert pair.ours.stdout == pair.aws.stdout == ""


def test_query_works_before_or_after_the_subcommand(endpoint, waiting):
    arguments = ["--query", "AutomationExecution.AutomationExecutionId", "--output", "text"]
    before = run_ours(endpoint.url, ALICE, *arguments, "get-automation-execution", "--automation-execution-id", waiting[1][0])
    assert before.exit_code == 0 and before.stdout == waiting[1][0] + "\n", before.stderr
    assert re.fullmatch(r"[0-9a-f-]{36}\n", before.stdout)
