"""Output conventions on real `serve` answers: cli_timestamp_format against the installed `aws`, AWS CLI v2's
yaml and yaml-stream (checked with ruamel.yaml, which v2 prints with, and read back with PyYAML), --version."""
from __future__ import annotations

import io
import json
import subprocess

import pytest
import yaml
from ruamel.yaml import YAML

from callers import ALICE
from cli_compare import assert_same_success, run_both, run_ours, waiting_executions
from serve_process import binary_path
from ssm_clients import REGION, CliResult, cli_environment

PAUSE = json.dumps({
    "schemaVersion": "0.3", "description": "Waits", "parameters": {"Note": {"type": "String", "default": "n"}},
    "mainSteps": [{"name": "Hold", "action": "aws:pause", "inputs": {}, "isEnd": True}],
})


@pytest.fixture(scope="module")
def waiting(alice_client):
    return waiting_executions(alice_client, "Interop-Output", PAUSE)


def run(program: list[str], arguments: list[str], environment: dict[str, str]) -> CliResult:
    completed = subprocess.run([*program, *arguments], env=environment, capture_output=True, text=True, timeout=60)
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Asia/Kolkata"])
@pytest.mark.parametrize("output", ["json", "text", "table"])
def test_iso8601_timestamps_from_the_profile_match_the_aws_cli(endpoint, waiting, tmp_path, zone, output):
    config = tmp_path / "config"
    config.write_text("[default]\ncli_timestamp_format = iso8601\n")
    environment = cli_environment(ALICE) | {"AWS_CONFIG_FILE": str(config), "TZ": zone}
    connection = ["--endpoint-url", endpoint.url, "--region", REGION]
    arguments = ["describe-automation-executions", "--filters", f"Key=DocumentNamePrefix,Values={waiting[0]}", *connection]
    for extra in (["--output", output], ["--output", output, "--query", "AutomationExecutionMetadataList[0].ExecutionStartTime"]):
        ours = run([str(binary_path())], [*arguments, *extra], environment)
        aws = run(["aws", "ssm"], [*arguments, *extra], environment)
        assert ours.exit_code == aws.exit_code == 0, ours.stderr + aws.stderr
        assert ours.stdout == aws.stdout
    if output == "json":
        started = json.loads(ours.stdout)
        assert started[10] == "T" and started[-6] in "+-", started


def test_an_unknown_timestamp_format_is_a_configuration_error(endpoint, waiting, tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\ncli_timestamp_format = epoch\n")
    environment = cli_environment(ALICE) | {"AWS_CONFIG_FILE": str(config)}
    ours = run([str(binary_path())], ["get-automation-execution", "--automation-execution-id", waiting[1][0],
                                      "--endpoint-url", endpoint.url, "--region", REGION], environment)
    assert ours.exit_code == 253 and ours.stdout == ""
    assert 'Unknown cli_timestamp_format value: epoch, valid values are "none", "wire" or "iso8601"' in ours.stderr


def ruamel_dump(value) -> str:
    dumper = YAML(typ="safe")
    dumper.default_flow_style = False
    out = io.StringIO()
    dumper.dump(value, out)
    return out.getvalue()


@pytest.mark.parametrize("arguments", [
    ["get-automation-execution", "--automation-execution-id", "{id}"],
    ["describe-automation-executions", "--filters", "Key=DocumentNamePrefix,Values={name}"],
    ["describe-automation-step-executions", "--automation-execution-id", "{id}"],
    ["describe-automation-executions", "--filters", "Key=DocumentNamePrefix,Values={name}", "--max-items", "1"],
    ["get-automation-execution", "--automation-execution-id", "{id}", "--query", "AutomationExecution.StepExecutions[0]"],
    ["get-automation-execution", "--automation-execution-id", "{id}", "--query", "AutomationExecution.DocumentName"],
])
def test_yaml_is_the_aws_json_answer_as_ruamel_yaml_prints_it(endpoint, waiting, arguments):
    arguments = [word.format(id=waiting[1][0], name=waiting[0]) for word in arguments]
    aws_json = run_both(endpoint.url, ALICE, *arguments).aws
    assert aws_json.exit_code == 0, aws_json.stderr
    ours = run_ours(endpoint.url, ALICE, *arguments, "--output", "yaml")
    assert ours.exit_code == 0, ours.stderr
    expected = json.loads(aws_json.stdout)
    assert ours.stdout == ruamel_dump(expected)
    assert yaml.safe_load(ours.stdout) == expected


def test_yaml_stream_prints_each_page_as_a_list_item(endpoint, waiting):
    arguments = ["describe-automation-executions", "--filters", f"Key=DocumentNamePrefix,Values={waiting[0]}", "--page-size", "1"]
    whole = run_ours(endpoint.url, ALICE, *arguments)
    stream = run_ours(endpoint.url, ALICE, *arguments, "--output", "yaml-stream")
    assert whole.exit_code == stream.exit_code == 0, stream.stderr
    pages = yaml.safe_load(stream.stdout)
    assert len(pages) == 3 and [bool(page.get("NextToken")) for page in pages] == [True, True, False]
    assert [item for page in pages for item in page["AutomationExecutionMetadataList"]] == \
        json.loads(whole.stdout)["AutomationExecutionMetadataList"]
    assert stream.stdout == "".join(ruamel_dump([page]) for page in pages)
    counted = run_ours(endpoint.url, ALICE, *arguments, "--output", "yaml-stream", "--query", "length(AutomationExecutionMetadataList)")
    assert counted.stdout == "- 1\n- 1\n- 1\n"


def test_no_paginate_and_page_size_match_the_aws_cli(endpoint, waiting):
    base = ["describe-automation-executions", "--filters", f"Key=DocumentNamePrefix,Values={waiting[0]}"]
    for extra in (["--page-size", "2"], ["--no-paginate", "--max-results", "2"], ["--page-size", "1", "--output", "text"]):
        pair = run_both(endpoint.url, ALICE, *base, *extra)
        if "--no-paginate" in extra:
            # serve spells its own NextToken's JSON members in no fixed order: compare what they say.
            ours, aws = json.loads(pair.ours.stdout), json.loads(pair.aws.stdout)
            assert pair.ours.exit_code == pair.aws.exit_code == 0
            assert bool(ours.pop("NextToken")) and bool(aws.pop("NextToken")) and ours == aws
        else:
            assert_same_success(pair)


def test_version_is_the_same_line_everywhere():
    top = subprocess.run([str(binary_path()), "--version"], capture_output=True, text=True, timeout=30)
    sub = subprocess.run([str(binary_path()), "get-automation-execution", "--version"], capture_output=True, text=True, timeout=30)
    assert top.returncode == sub.returncode == 0
    assert top.stdout == sub.stdout and top.stdout.startswith("ssm-console/0.")
