"""Files as the AWS CLI reads them, compared with the installed `aws` on the same `serve`: config and
credentials paths that are no regular file, CRLF config files; file:// from a FIFO, from a process
substitution and from /dev/stdin."""
from __future__ import annotations

import os
import shlex
import subprocess
import threading

import pytest

from callers import ALICE
from cli_compare import assert_same_success, Pair
from documents import pause_then_sleep_json
from serve_process import binary_path
from ssm_clients import REGION, CliResult, cli_environment, unique_name, wait_for_status


@pytest.fixture(scope="module")
def execution_id(alice_client):
    name = unique_name("Interop-Files")
    alice_client.create_document(Name=name, Content=pause_then_sleep_json("PT1S"), DocumentType="Automation")
    execution_id = alice_client.start_automation_execution(DocumentName=name)["AutomationExecutionId"]
    wait_for_status(alice_client, execution_id, "Waiting")
    return execution_id


def run_in_bash(command: str, environment: dict[str, str], stdin: str | None = None) -> CliResult:
    completed = subprocess.run(["bash", "-c", command], env=environment, input=stdin, capture_output=True, text=True, timeout=60)
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def both_in_bash(endpoint, arguments: str, environment: dict[str, str] | None = None, stdin: str | None = None) -> Pair:
    """The same bash command line with `ssm-console` and with `aws ssm`, so bash makes the process substitutions."""
    environment = environment or cli_environment(ALICE)
    tail = f"{arguments} --endpoint-url {shlex.quote(endpoint.url)}"
    return Pair(
        ours=run_in_bash(f"{shlex.quote(str(binary_path()))} {tail}", environment, stdin),
        aws=run_in_bash(f"aws ssm {tail}", environment, stdin),
    )


def test_file_from_a_process_substitution(endpoint, execution_id):
    pair = both_in_bash(
        endpoint, f"get-automation-execution --region {REGION} --automation-execution-id file://<(printf %s {execution_id})")
    assert_same_success(pair)
    assert execution_id in pair.ours.stdout


def test_file_from_dev_stdin(endpoint, execution_id):
    pair = both_in_bash(endpoint, f"get-automation-execution --region {REGION} --automation-execution-id file:///dev/stdin",
                        stdin=execution_id)
    assert_same_success(pair)


def test_file_from_a_fifo(endpoint, execution_id, tmp_path):
    fifo = tmp_path / "id.fifo"
    os.mkfifo(fifo)
    results = []
    for program in ([str(binary_path())], ["aws", "ssm"]):
        # The writer blocks until the reader opens the FIFO, as a pipe's writer does.
        writer = threading.Thread(target=lambda: fifo.write_text(execution_id))
        writer.start()
        completed = subprocess.run(
            [*program, "get-automation-execution", "--automation-execution-id", f"file://{fifo}", "--endpoint-url", endpoint.url,
             "--region", REGION], env=cli_environment(ALICE), capture_output=True, text=True, timeout=60)
        writer.join(timeout=10)
        results.append(CliResult(completed.returncode, completed.stdout, completed.stderr))
    assert_same_success(Pair(ours=results[0], aws=results[1]))


def test_missing_file_and_directory_name_the_file_and_the_reason(endpoint, tmp_path):
    for value in (f"file://{tmp_path}/missing", f"file://{tmp_path}", f"fileb://{tmp_path}"):
        pair = both_in_bash(endpoint, f"get-automation-execution --region {REGION} --automation-execution-id {shlex.quote(value)}")
        assert pair.aws.exit_code != 0 and pair.ours.exit_code == 252, pair.ours.stderr
        # The same message; AWS CLI v1 puts a blank line before it, which ssm-console leaves out for input errors.
        assert pair.ours.stderr.strip() == pair.aws.stderr.strip()


@pytest.mark.parametrize("config", ["/dev/null", "fifo", "directory", "crlf"])
def test_config_files_that_are_no_regular_file_or_use_crlf(endpoint, execution_id, tmp_path, config):
    environment = cli_environment(ALICE)
    environment.pop("AWS_ACCESS_KEY_ID")
    environment.pop("AWS_SECRET_ACCESS_KEY")
    credentials = tmp_path / "credentials"
    credentials.write_bytes(
        f"[default]\r\naws_access_key_id = {ALICE.access_key_id}\r\naws_secret_access_key = {ALICE.secret}\r\n".encode())
    environment["AWS_SHARED_CREDENTIALS_FILE"] = str(credentials)
    region_flag = f"--region {REGION}"
    if config == "fifo":
        os.mkfifo(tmp_path / "config")
        environment["AWS_CONFIG_FILE"] = str(tmp_path / "config")
    elif config == "directory":
        environment["AWS_CONFIG_FILE"] = str(tmp_path)
    elif config == "crlf":
        (tmp_path / "config").write_bytes(f"[default]\r\nregion = {REGION}\r\noutput = text\r\n".encode())
        environment["AWS_CONFIG_FILE"] = str(tmp_path / "config")
        region_flag = ""  # the region and the output format come from the CRLF file
    else:
        environment["AWS_CONFIG_FILE"] = config
    pair = both_in_bash(endpoint, f"get-automation-execution {region_flag} --automation-execution-id {execution_id}", environment)
    assert_same_success(pair)
    if config == "crlf":
        assert pair.ours.stdout.startswith("AUTOMATIONEXECUTION\t"), pair.ours.stdout
