"""ssm-console's `aws ssm` parity subcommands against the installed AWS CLI on the same `serve`: the same
arguments print the same bytes (or, where each call starts its own execution, the same JSON but for the ID)
and fail alike."""
from __future__ import annotations

import base64
import json
import re

import pytest

from callers import ALICE
from cli_compare import waiting_executions, V2_INPUT_ERROR, V2_SERVICE_ERROR, assert_same_success, error_line, run_aws, run_both, run_ours
from documents import pause_then_sleep_json
from ssm_clients import unique_name, wait_for_status

PAUSE_TWICE_JSON = json.dumps(
    {
        "schemaVersion": "0.3",
        "description": "Two pauses: stays Waiting until resumed",
        "parameters": {"Note": {"type": "String", "default": "n"}},
        "mainSteps": [
            {"name": "First", "action": "aws:pause", "inputs": {}},
            {"name": "Second", "action": "aws:pause", "inputs": {}, "isEnd": True},
        ],
    }
)
MISSING_ID = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(scope="module")
def waiting(alice_client, endpoint):
    """A document of two pauses and three executions of it, all Waiting (so nothing changes between calls)."""
    return waiting_executions(alice_client, "Interop-Cli", PAUSE_TWICE_JSON)


def both(endpoint, *arguments):
    return run_both(endpoint.url, ALICE, *arguments)


def prefix(name):
    return ["--filters", f"Key=DocumentNamePrefix,Values={name}"]


def test_get_automation_execution_prints_the_same_bytes(endpoint, waiting):
    pair = both(endpoint, "get-automation-execution", "--automation-execution-id", waiting[1][0])
    assert_same_success(pair)
    assert json.loads(pair.ours.stdout)["AutomationExecution"]["AutomationExecutionStatus"] == "Waiting"
    alias = run_ours(endpoint.url, ALICE, "get", "--automation-execution-id", waiting[1][0])
    assert alias.stdout == pair.aws.stdout


def test_describe_automation_executions_prints_the_same_bytes(endpoint, waiting):
    pair = both(endpoint, "describe-automation-executions", *prefix(waiting[0]))
    assert_same_success(pair)
    assert len(json.loads(pair.ours.stdout)["AutomationExecutionMetadataList"]) == 3


def test_paging_flags_match_the_aws_cli(endpoint, waiting):
    first = both(endpoint, "describe-automation-executions", *prefix(waiting[0]), "--max-items", "2")
    assert_same_success(first)
    token = json.loads(first.ours.stdout)["NextToken"]
    rest = both(endpoint, "describe-automation-executions", *prefix(waiting[0]), "--starting-token", token)
    assert_same_success(rest)
    assert len(json.loads(rest.ours.stdout)["AutomationExecutionMetadataList"]) == 1
    small_pages = both(endpoint, "describe-automation-executions", *prefix(waiting[0]), "--page-size", "1", "--max-items", "2")
    assert small_pages.ours.exit_code == small_pages.aws.exit_code == 0
    ours, aws = json.loads(small_pages.ours.stdout), json.loads(small_pages.aws.stdout)
    # serve writes its own NextToken's JSON members in no fixed order, so two calls can get differently spelled
    # tokens for the same position: compare what the tokens say.
    assert decoded_token(ours.pop("NextToken")) == decoded_token(aws.pop("NextToken"))
    assert ours == aws


def decoded_token(token):
    outer = json.loads(base64.b64decode(token))
    outer["NextToken"] = json.loads(base64.b64decode(outer["NextToken"]))
    return outer


def test_describe_automation_step_executions_prints_the_same_bytes(endpoint, waiting):
    pair = both(endpoint, "describe-automation-step-executions", "--automation-execution-id", waiting[1][1])
    assert_same_success(pair)
    reverse = both(
        endpoint, "describe-automation-step-executions", "--automation-execution-id", waiting[1][1], "--reverse-order"
    )
    assert_same_success(reverse)


def test_text_output_matches(endpoint, waiting):
    for arguments in (
        ["describe-automation-executions", *prefix(waiting[0]), "--output", "text"],
        ["describe-automation-executions", *prefix(waiting[0]), "--output", "text", "--max-items", "1"],
        ["get-automation-execution", "--automation-execution-id", waiting[1][2], "--output", "text"],
    ):
        assert_same_success(both(endpoint, *arguments))


def test_start_prints_the_same_json_but_for_the_new_id(endpoint, alice_client, waiting):
    arguments = ["start-automation-execution", "--document-name", waiting[0], "--parameters", "Note=started"]
    pair = both(endpoint, *arguments)
    assert pair.ours.exit_code == pair.aws.exit_code == 0, pair.ours.stderr + pair.aws.stderr
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    assert uuid.sub("ID", pair.ours.stdout) == uuid.sub("ID", pair.aws.stdout)
    for output in (pair.ours.stdout, pair.aws.stdout):
        execution_id = json.loads(output)["AutomationExecutionId"]
        alice_client.stop_automation_execution(AutomationExecutionId=execution_id, Type="Cancel")


def test_signal_and_stop_print_nothing_on_success(endpoint, alice_client, waiting):
    name = waiting[0]
    ids = [alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"] for _ in range(4)]
    for execution_id in ids:
        wait_for_status(alice_client, execution_id, "Waiting")
    signal = ["send-automation-signal", "--signal-type", "Resume", "--payload", "StepName=First"]
    ours = run_ours(endpoint.url, ALICE, *signal, "--automation-execution-id", ids[0])
    aws = run_aws(endpoint.url, ALICE, *signal, "--automation-execution-id", ids[1])
    assert (ours.exit_code, ours.stdout, aws.exit_code, aws.stdout) == (0, "", 0, "")
    stop = ["stop-automation-execution", "--type", "Cancel", "--automation-execution-id"]
    ours = run_ours(endpoint.url, ALICE, *stop, ids[2])
    aws = run_aws(endpoint.url, ALICE, *stop, ids[3])
    assert (ours.exit_code, ours.stdout, aws.exit_code, aws.stdout) == (0, "", 0, "")
    for execution_id in ids[2:]:
        wait_for_status(alice_client, execution_id, "Cancelled")


def test_cli_input_json_with_flag_override(endpoint, waiting):
    document = json.dumps({"AutomationExecutionId": MISSING_ID})
    pair = both(
        endpoint, "get-automation-execution", "--cli-input-json", document, "--automation-execution-id", waiting[1][0]
    )
    assert_same_success(pair)


@pytest.mark.parametrize(
    "arguments",
    [
        ["get-automation-execution", "--automation-execution-id", MISSING_ID],
        ["describe-automation-step-executions", "--automation-execution-id", MISSING_ID],
        ["stop-automation-execution", "--automation-execution-id", MISSING_ID],
        ["send-automation-signal", "--automation-execution-id", MISSING_ID, "--signal-type", "Approve"],
        ["start-automation-execution", "--document-name", "No-Such-Document-Anywhere"],
    ],
)
def test_service_errors_print_the_same_error_line(endpoint, arguments):
    pair = both(endpoint, *arguments)
    assert pair.aws.exit_code != 0 and pair.ours.exit_code == V2_SERVICE_ERROR, pair.ours.stderr
    assert error_line(pair.ours.stderr) == error_line(pair.aws.stderr)
    assert pair.ours.stdout == pair.aws.stdout == ""


@pytest.mark.parametrize(
    "arguments, hint",
    [
        (["get-automation-execution", "--automation-execution-id", "too-short"], "36 characters"),
        (["get-automation-execution"], "--automation-execution-id"),
        (["send-automation-signal", "--automation-execution-id", MISSING_ID], "--signal-type"),
        (["get-automation-execution", "--automation-execution-id", MISSING_ID, "--no-such-flag"], "--no-such-flag"),
    ],
)
def test_bad_input_fails_in_both_and_exits_252_here(endpoint, arguments, hint):
    pair = both(endpoint, *arguments)
    assert pair.aws.exit_code != 0
    assert pair.ours.exit_code == V2_INPUT_ERROR, pair.ours.stderr
    assert hint in pair.ours.stderr


@pytest.mark.parametrize(
    "arguments, hint",
    [
        (["--signal-type", "StartStep"], "StepName"),
        (["--signal-type", "Resume", "--payload", "Comment=x"], "StepName"),
        (["--signal-type", "StopStep"], "StepExecutionId"),
        (["--signal-type", "Wave"], "Unknown signal type 'Wave'"),
    ],
)
def test_signal_validation_happens_before_sending(endpoint, waiting, arguments, hint):
    """The AWS CLI sends these and the service refuses them; ssm-console refuses them itself, with 252."""
    pair = both(endpoint, "send-automation-signal", "--automation-execution-id", waiting[1][0], *arguments)
    assert pair.aws.exit_code != 0
    assert pair.ours.exit_code == V2_INPUT_ERROR, pair.ours.stderr
    assert hint in pair.ours.stderr


def blank_strings(value):
    """The skeleton with every string emptied: botocore fills an enum member with a random one of its values."""
    if isinstance(value, dict):
        return {key: blank_strings(item) for key, item in value.items()}
    if isinstance(value, list):
        return [blank_strings(item) for item in value]
    return "" if isinstance(value, str) else value


@pytest.mark.parametrize("kind", ["input", "output"])
def test_skeletons_match(endpoint, kind):
    # AWS CLI v1 insists on the required parameters even with --generate-cli-skeleton; ssm-console does not.
    for operation, required in (
        ("send-automation-signal", ["--automation-execution-id", MISSING_ID, "--signal-type", "Approve"]),
        ("describe-automation-executions", []),
        ("start-automation-execution", ["--document-name", "x"]),
    ):
        if kind == "output" and operation != "send-automation-signal":
            continue  # AWS CLI v1 validates its made-up answer (IDs of 21 characters) against the model and fails.
        pair = both(endpoint, operation, "--generate-cli-skeleton", kind, *required)
        assert pair.ours.exit_code == pair.aws.exit_code == 0, pair.ours.stderr + pair.aws.stderr
        if kind == "output":
            assert pair.ours.stdout == pair.aws.stdout
        else:
            assert blank_strings(json.loads(pair.ours.stdout)) == blank_strings(json.loads(pair.aws.stdout))
        alone = run_ours(endpoint.url, ALICE, operation, "--generate-cli-skeleton", kind)
        assert alone.exit_code == 0 and alone.stdout == pair.ours.stdout


def test_missing_region_is_a_configuration_error(endpoint, waiting):
    result = run_ours(
        endpoint.url, ALICE, "get-automation-execution", "--automation-execution-id", waiting[1][0],
        global_arguments=("--endpoint-url", endpoint.url),
    )
    assert result.exit_code == 253, result.stderr
    assert "region" in result.stderr


def test_debug_logs_the_exchange_without_secrets(endpoint, waiting):
    result = run_ours(endpoint.url, ALICE, "get-automation-execution", "--automation-execution-id", waiting[1][0], "--debug")
    assert result.exit_code == 0, result.stderr
    assert "X-Amz-Target: AmazonSSM.GetAutomationExecution" in result.stderr
    assert "Signature=****" in result.stderr
    assert ALICE.secret not in result.stderr and ALICE.secret not in result.stdout


def test_watch_follows_an_execution_to_its_end(endpoint, alice_client):
    name = unique_name("Interop-Watch")
    # Long enough that watch's first poll sees the execution InProgress.
    alice_client.create_document(Name=name, Content=pause_then_sleep_json("PT3S"), DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    wait_for_status(alice_client, execution_id, "Waiting")
    alice_client.send_automation_signal(AutomationExecutionId=execution_id, SignalType="Resume", Payload={"StepName": ["Hold"]})
    result = run_ours(endpoint.url, ALICE, "watch", execution_id, "--interval", "0.5")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"LongSleep: .* → Success", result.stdout), result.stdout
    execution_lines = [line[11:] for line in result.stdout.splitlines() if f"execution {execution_id}" in line]
    assert execution_lines == [f"execution {execution_id}: - → InProgress", f"execution {execution_id}: InProgress → Success"], result.stdout

    stopped = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    wait_for_status(alice_client, stopped, "Waiting")
    alice_client.stop_automation_execution(AutomationExecutionId=stopped, Type="Cancel")
    wait_for_status(alice_client, stopped, "Cancelled")
    result = run_ours(endpoint.url, ALICE, "watch", stopped, "--interval", "0.5")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert "Cancelled" in result.stdout.splitlines()[-1]


def test_local_engine_held_by_serve_is_a_clear_error(serve, endpoint):
    data_dir = serve.arguments[serve.arguments.index("--data-dir") + 1]
    result = run_ours(
        endpoint.url, ALICE, "describe-automation-executions", "--local", "--data-dir", data_dir, global_arguments=()
    )
    assert result.exit_code == 255, result.stderr
    assert f"(process {serve.process.pid})" in result.stderr and data_dir in result.stderr


def test_ctrl_c_ends_watch_with_130(endpoint, waiting):
    import signal
    import subprocess

    from serve_process import binary_path
    from ssm_clients import REGION, cli_environment

    process = subprocess.Popen(
        [str(binary_path()), "watch", waiting[1][0], "--endpoint-url", endpoint.url, "--region", REGION],
        env=cli_environment(ALICE), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    # Interrupt once the first poll has been reported, not after a guessed delay.
    execution_id = waiting[1][0]
    seen = []
    while not any(f"execution {execution_id}" in line for line in seen):
        line = process.stdout.readline()
        assert line, f"watch ended before reporting the execution: {seen}, {process.stderr.read()}"
        seen.append(line)
    process.send_signal(signal.SIGINT)
    process.communicate(timeout=10)
    assert process.returncode == 130
    assert re.fullmatch(rf"\d\d:\d\d:\d\dZ  execution {execution_id}: - → Waiting\n", seen[-1]), seen
