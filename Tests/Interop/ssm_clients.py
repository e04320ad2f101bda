"""The AWS CLI and boto3 pointed at a running `ssm-console serve`."""
from __future__ import annotations

import json
import os
import subprocess
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

import boto3
from botocore.config import Config

from serve_process import AccessKey

REGION = "us-east-1"
CLI_SERVICE_ERROR_EXIT = 255  # awscli v1 exits 255 for any failure, service errors included


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        return json.loads(self.stdout) if self.stdout.strip() else None


def cli_environment(key: AccessKey) -> dict[str, str]:
    """Only these credentials and no configuration files, so nothing on the machine changes the result."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("AWS_") and name not in ("BOTO_CONFIG",)
    }
    environment.update(
        AWS_ACCESS_KEY_ID=key.access_key_id,
        AWS_SECRET_ACCESS_KEY=key.secret,
        AWS_CONFIG_FILE="/nonexistent/aws-config",
        AWS_SHARED_CREDENTIALS_FILE="/nonexistent/aws-credentials",
        AWS_EC2_METADATA_DISABLED="true",
        AWS_PAGER="",
    )
    return environment


@dataclass
class Endpoint:
    url: str
    alice: AccessKey
    bob: AccessKey

    def client(self, key: AccessKey | None = None, **config: Any):
        key = key or self.alice
        return boto3.client(
            "ssm",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=key.access_key_id,
            aws_secret_access_key=key.secret,
            config=Config(retries={"mode": "standard", "max_attempts": 3}, **config),
        )

    def cli(self, *arguments: str, key: AccessKey | None = None, timeout: float = 60) -> CliResult:
        """`aws ssm ARGUMENTS` against this endpoint, as `key`."""
        command = ["aws", "ssm", *arguments, "--endpoint-url", self.url, "--region", REGION, "--output", "json"]
        completed = subprocess.run(
            command, env=cli_environment(key or self.alice), capture_output=True, text=True, timeout=timeout
        )
        return CliResult(completed.returncode, completed.stdout, completed.stderr)

    def cli_ok(self, *arguments: str, key: AccessKey | None = None) -> Any:
        result = self.cli(*arguments, key=key)
        assert result.exit_code == 0, f"aws ssm {' '.join(arguments)} exited {result.exit_code}: {result.stderr}"
        return result.json


def unique_name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def wait_for_execution(
    client, execution_id: str, predicate: Callable[[dict], bool], what: str, timeout: float = 20
) -> dict:
    """Polls GetAutomationExecution until `predicate` holds for the execution."""
    deadline = time.monotonic() + timeout
    execution: dict = {}
    while time.monotonic() < deadline:
        execution = client.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]
        if predicate(execution):
            return execution
        time.sleep(0.1)
    raise AssertionError(f"Execution {execution_id} did not reach {what} within {timeout} s; last seen: {execution}")


def wait_for_status(client, execution_id: str, status: str, timeout: float = 20) -> dict:
    return wait_for_execution(
        client, execution_id, lambda e: e["AutomationExecutionStatus"] == status, f"status {status}", timeout
    )


def steps_by_name(execution: dict) -> dict[str, dict]:
    return {step["StepName"]: step for step in execution["StepExecutions"]}


def step_statuses(execution: dict) -> list[tuple[str, str]]:
    return [(step["StepName"], step["StepStatus"]) for step in execution["StepExecutions"]]


def parse_cli_time(value: Any) -> datetime:
    """awscli v1 prints a timestamp as it came over the wire (epoch seconds) unless cli_timestamp_format is
    iso8601, which prints ISO 8601 with an offset; either must be a time near now."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        parsed = datetime.fromtimestamp(value, timezone.utc)
    else:
        assert isinstance(value, str), f"CLI timestamp {value!r} is neither epoch seconds nor ISO 8601"
        parsed = datetime.fromisoformat(value)
        assert parsed.tzinfo is not None, f"CLI timestamp {value!r} has no time zone"
    assert abs((datetime.now(timezone.utc) - parsed).total_seconds()) < 3600, f"CLI timestamp {value!r} is not near now"
    return parsed
