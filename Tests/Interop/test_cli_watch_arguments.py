"""`ssm-console watch` and the parity subcommands' command line: refusals before anything is sent, with the
AWS CLI's bad-input exit code, and global options accepted before the subcommand's name."""
from __future__ import annotations

import subprocess

import pytest

from callers import ALICE
from cli_compare import V2_INPUT_ERROR, run_ours
from serve_process import binary_path
from ssm_clients import cli_environment

EXECUTION_ID = "11111111-2222-3333-4444-555555555555"


def run_bare(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(binary_path()), *arguments], env=cli_environment(ALICE), capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("interval", ["inf", "1e30", "nan", "-1", "0.1", "3601"])
def test_watch_refuses_an_interval_out_of_range(interval):
    result = run_bare("watch", EXECUTION_ID, f"--interval={interval}", "--region", "us-east-1")
    assert result.returncode == V2_INPUT_ERROR, result.stderr
    assert "--interval" in result.stderr and "3600" in result.stderr, result.stderr


def test_watch_usage_errors_exit_252_and_name_the_command():
    result = run_bare("watch")
    assert result.returncode == V2_INPUT_ERROR, result.stderr
    assert "ssm-console watch" in result.stderr, result.stderr
    result = run_bare("watch", EXECUTION_ID, "--bogus")
    assert result.returncode == V2_INPUT_ERROR, result.stderr


def test_watch_refuses_a_negative_timeout():
    result = run_bare("watch", EXECUTION_ID, "--cli-read-timeout=-3", "--region", "us-east-1")
    assert result.returncode == V2_INPUT_ERROR, result.stderr
    assert "--cli-read-timeout: -3 is negative" in result.stderr, result.stderr


def test_watch_help_exits_0():
    result = run_bare("watch", "--help")
    assert result.returncode == 0, result.stderr
    assert "ssm-console watch" in result.stdout


def test_paging_options_before_the_subcommand(endpoint):
    # Each option's value must not be read as the subcommand's name.
    for option, value in (("--max-items", "1"), ("--page-size", "5"), ("--starting-token", "eyJOZXh0VG9rZW4iOiBudWxsfQ==")):
        result = run_ours(endpoint.url, ALICE, option, value, "describe-automation-executions")
        assert result.exit_code == 0, f"{option} {value}: {result.stderr}"
        assert result.stdout.startswith("{"), result.stdout
