"""Answering executions from the console with one key, against `ssm-console serve`."""
from __future__ import annotations

import re
import time

from conftest import OPERATOR
from executions import execution, start, steps, wait_for_status, wait_for_step


def select(console, execution_id: str) -> None:
    """Filters the executions view down to one execution, which is then the selected row."""
    console.wait_for("EXECUTION ID")
    console.wait_for(execution_id[:8], timeout=30)
    console.press("/")
    console.type(execution_id)
    console.press("Enter")


def test_approve_with_a_comment_moves_the_execution_on(ssm, open_console):
    execution_id = start(ssm, "Demo-ApproveRestart", {"Approvers": [OPERATOR.principal]})
    wait_for_status(ssm, execution_id, "Waiting")
    console = open_console()
    select(console, execution_id)
    console.press("a")
    console.wait_for("send-automation-signal")
    console.type("Looks good from tmux")
    console.press("Enter")
    approved = wait_for_step(ssm, execution_id, "ApproveRestart", "Success")
    decisions = approved["Outputs"]["ApproverDecisions"]
    assert any("Looks good from tmux" in decision and OPERATOR.principal in decision for decision in decisions), decisions
    wait_for_status(ssm, execution_id, "InProgress", "Success", timeout=30)


def test_start_step_on_an_interactive_execution(ssm, open_console):
    execution_id = start(ssm, "Demo-InteractiveMaintenance", mode="Interactive")
    wait_for_status(ssm, execution_id, "Waiting")
    console = open_console()
    select(console, execution_id)
    console.press("s")
    console.wait_for("StartStep signal")
    console.wait_for("▶ CheckHealth")
    console.press("Enter")
    wait_for_step(ssm, execution_id, "CheckHealth", "Success")


def test_resume_a_paused_execution(ssm, open_console):
    execution_id = start(ssm, "Demo-PauseAndResume")
    wait_for_step(ssm, execution_id, "WaitForOperator", "Waiting", "Pending", "InProgress")
    wait_for_status(ssm, execution_id, "Waiting")
    console = open_console()
    select(console, execution_id)
    console.press("u")
    console.wait_for("Resume signal")
    console.wait_for("▶ WaitForOperator")
    console.press("Enter")
    wait_for_step(ssm, execution_id, "FinishWork", "Success")
    wait_for_status(ssm, execution_id, "Success")


def test_stop_step_on_a_running_step(ssm, open_console):
    execution_id = start(ssm, "Demo-SlowCommand", {"Seconds": ["120"]})
    wait_for_step(ssm, execution_id, "SlowCommand", "InProgress")
    console = open_console()
    select(console, execution_id)
    console.press("x")
    console.wait_for("StopStep signal")
    console.wait_for("▶ SlowCommand (InProgress)")
    console.press("Enter")
    console.wait_for("y yes")
    console.press("y")
    stopped = wait_for_step(ssm, execution_id, "SlowCommand", "Cancelled", "Failed", timeout=30)
    assert stopped["StepStatus"] in ("Cancelled", "Failed")


def test_read_only_offers_no_signals(ssm, open_console, tmp_path):
    execution_id = start(ssm, "Demo-ApproveRestart", {"Approvers": [OPERATOR.principal]})
    wait_for_status(ssm, execution_id, "Waiting")
    console = open_console("--read-only")
    console.wait_for("READ-ONLY")
    select(console, execution_id)
    for key in ("a", "r", "s", "x", "u", "n", "c"):
        console.press(key)
        time.sleep(0.3)
        assert "send-automation-signal" not in console.screen()
        console.press("Escape")
    console.press("?")
    help_screen = console.wait_for("Keys")
    assert "Read-only" in help_screen
    for title in ("Approve", "Reject", "StartStep", "StopStep", "Resume", "Start", "Stop"):
        assert not re.search(rf"│ \S+\s+{title}\b", help_screen), f"help offers {title} in read-only mode:\n{help_screen}"
    time.sleep(3)
    # Nothing was sent: the execution still waits and the audit log has no record (it is not even created).
    assert not (tmp_path / "state" / "ssm-console" / "audit.log").exists()
    assert execution(ssm, execution_id)["AutomationExecutionStatus"] == "Waiting"
    assert steps(ssm, execution_id)["ApproveRestart"]["StepStatus"] == "Waiting"
