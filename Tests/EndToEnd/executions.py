"""Starting demo executions through boto3 and waiting on their state, for the end-to-end tests."""
from __future__ import annotations

import time


def start(ssm, document: str, parameters: dict | None = None, mode: str = "Auto") -> str:
    return ssm.start_automation_execution(DocumentName=document, Parameters=parameters or {}, Mode=mode)[
        "AutomationExecutionId"]


def execution(ssm, execution_id: str) -> dict:
    return ssm.get_automation_execution(AutomationExecutionId=execution_id)["AutomationExecution"]


def steps(ssm, execution_id: str) -> dict[str, dict]:
    listed = ssm.describe_automation_step_executions(AutomationExecutionId=execution_id)["StepExecutions"]
    return {step["StepName"]: step for step in listed}


def wait_for(check, what: str, timeout: float = 30):
    """Polls `check()` until it returns something truthy; fails naming `what` and the last value."""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"waited {timeout} s for {what}; last saw {value!r}")


def wait_for_status(ssm, execution_id: str, *statuses: str, timeout: float = 30) -> dict:
    return wait_for(
        lambda: (lambda found: found if found["AutomationExecutionStatus"] in statuses else None)(
            execution(ssm, execution_id)),
        f"{execution_id} to be {' or '.join(statuses)}", timeout)


def wait_for_step(ssm, execution_id: str, step: str, *statuses: str, timeout: float = 30) -> dict:
    return wait_for(
        lambda: (lambda found: found if found and found.get("StepStatus") in statuses else None)(
            steps(ssm, execution_id).get(step)),
        f"step {step} of {execution_id} to be {' or '.join(statuses)}", timeout)
