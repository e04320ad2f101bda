"""A rolling restart across the demo fleet, driven from the console in tmux against `ssm-console serve`: open the
parent, open the child that waits for an approval, approve it, go back to the parent and cancel the rest.

The approval is on the first prod instance, so with the exponential start-up (the first child runs alone) the
fleet waits on it: nothing else starts until it is approved, and after that the remaining seven children take
at least 4 s each, two at a time, which leaves the test time to cancel a parent that is still running."""
from __future__ import annotations

import re

from conftest import OPERATOR, console_environment
from executions import execution, wait_for, wait_for_status, wait_for_step
from serve_process import binary_path
from ssm_clients import REGION
from test_console_signals import select
from tmux_console import TmuxConsole

DOCUMENT = "Demo-RollingRestart"
COMMENT = "Approved from the fleet view"
TERMINAL = ("Success", "Failed", "Cancelled", "TimedOut")
STOP_QUESTION = re.compile(
    r"It is a parent: (\d+) running child(?:ren)? will be cancelled and (\d+) not started will not start "
    r"\((\d+) already finished\)\.")


def children(ssm, parent_id: str) -> list[dict]:
    """The parent's children, every page of the ParentExecutionId filter."""
    paginator = ssm.get_paginator("describe_automation_executions")
    pages = paginator.paginate(Filters=[{"Key": "ParentExecutionId", "Values": [parent_id]}])
    return [row for page in pages for row in page["AutomationExecutionMetadataList"]]


def prod_instances(ssm) -> list[str]:
    listed = ssm.describe_instance_information(Filters=[{"Key": "tag:Env", "Values": ["prod"]}])
    return [instance["InstanceId"] for instance in listed["InstanceInformationList"]]


def children_table(screen: str) -> list[str]:
    """The rows of a parent's children table: the lines under its TARGET header, up to the first blank one."""
    lines = screen.splitlines()
    header = next(index for index, line in enumerate(lines) if line.lstrip().startswith("TARGET"))
    rows = []
    for line in lines[header + 1:]:
        if not line.strip():
            break
        rows.append(line)
    return rows


def box_text(screen: str) -> str:
    """The text inside the dialog box drawn over the view, its wrapped lines joined by spaces."""
    inside = [match.group(1).strip() for match in re.finditer(r"│(.*?)│", screen)]
    return " ".join(part for part in inside if part)


def test_approve_a_child_then_cancel_its_parent_from_the_console(serve, ssm, tmp_path):
    prod = prod_instances(ssm)
    assert len(prod) == 8, prod
    gated = prod[0]
    parent_id = ssm.start_automation_execution(
        DocumentName=DOCUMENT, Targets=[{"Key": "tag:Env", "Values": ["prod"]}], TargetParameterName="InstanceId",
        MaxConcurrency="2", MaxErrors="1",
        Parameters={"ApprovalInstanceId": [gated], "Approvers": [OPERATOR.principal]},
    )["AutomationExecutionId"]
    child = wait_for(
        lambda: next((row for row in children(ssm, parent_id)
                      if row.get("Target") == gated and row["AutomationExecutionStatus"] == "Waiting"), None),
        f"the child of {parent_id} on {gated} to wait for its approval")
    child_id = child["AutomationExecutionId"]
    wait_for_step(ssm, child_id, "ApproveRestart", "Waiting")
    assert execution(ssm, parent_id)["AutomationExecutionStatus"] == "InProgress"

    # STS through its own endpoint setting, as in the approvals test, so the console knows it may approve.
    environment = console_environment(tmp_path / "state") | {"AWS_ENDPOINT_URL_STS": serve.url}
    console = TmuxConsole(
        [str(binary_path()), "--endpoint-url", serve.url, "--region", REGION, "--refresh", "2"],
        width=160, height=48, environment=environment)
    try:
        # The parent's row shows how far the fleet is, of its 8 targets.
        select(console, parent_id)
        listed = console.wait_for(
            lambda screen: any(parent_id[:8] in line and DOCUMENT in line and re.search(r"\b\d/8\b", line)
                               for line in screen.splitlines()))
        assert "conc 2" in listed or "MaxConcurrency 2" in listed, listed

        # Enter opens the parent: its summary, its targets and its children table with the waiting child.
        console.press("Enter")
        parent_view = f"Executions › {parent_id} {DOCUMENT}"
        opened = console.wait_for(
            lambda screen: parent_view in screen and "Children: " in screen
            and any(gated in row and "Waiting" in row and child_id in row for row in children_table(screen)))
        assert re.search(r"Children: \d/8 done, \d running, \d not started", opened), opened
        assert "MaxConcurrency 2, MaxErrors 1" in opened, opened
        assert "Targets: tag:Env=prod  TargetParameterName: InstanceId  ResolvedTargets: 8" in opened, opened

        # Down to the waiting child's row, found by its ID (the first row today: the fleet waits on it), then Enter
        # opens it: the breadcrumb is the path, parent then child.
        rows = children_table(opened)
        position = next(index for index, row in enumerate(rows) if child_id in row)
        for _ in range(position):
            console.press("j")
        console.press("Enter")
        child_view = f"Executions › {parent_id[:8]}… › {child_id} {DOCUMENT}"
        console.wait_for(lambda screen: child_view in screen and "ApproveRestart" in screen)

        # The approve form says what is approved and that you may; Enter sends it with the comment.
        console.press("a")
        form = console.wait_for("You may approve.")
        assert child_id in form, form
        assert f"Restart demo-web on {gated}" in box_text(form), form
        assert "Approvers: operator" in form, form
        console.type(COMMENT)
        console.press("Enter")
        console.wait_for(f"Approve sent to {child_id}")
        decisions = wait_for_step(ssm, child_id, "ApproveRestart", "Success")["Outputs"]["ApproverDecisions"]
        assert any(OPERATOR.principal in decision and COMMENT in decision for decision in decisions), decisions
        assert execution(ssm, child_id)["AutomationExecutionStatus"] in ("InProgress", "Success")

        # Esc goes back along the path to the parent's view and its children table.
        console.press("Escape")
        back = console.wait_for(lambda screen: parent_view in screen and bool(children_table(screen)))
        assert child_view not in back, back
        assert "Enter Open child" in back, back

        # c asks first, and says what cancelling the parent does to its children.
        console.press("c")
        question = console.wait_for(f"Cancel execution {parent_id}?")
        assert "y Cancel" in question, question
        counted = STOP_QUESTION.search(box_text(question))
        assert counted, question
        running, not_started, finished = map(int, counted.groups())
        assert running >= 1 and not_started >= 1, question
        assert running + not_started + finished == 8, question
        console.press("y")
        console.wait_for(f"Cancel sent to {parent_id}")

        # The parent ends Cancelled once its running children are; the targets not started never get a child.
        wait_for_status(ssm, parent_id, "Cancelled", timeout=30)
        ended = children(ssm, parent_id)
        statuses = {row["Target"]: row["AutomationExecutionStatus"] for row in ended}
        assert all(status in TERMINAL for status in statuses.values()), statuses
        assert "Cancelled" in statuses.values(), statuses
        assert statuses[gated] in ("Success", "Cancelled"), statuses
        assert len(ended) >= running + finished, (statuses, question)
        assert len(ended) < 8, statuses
        assert set(statuses) <= set(prod), statuses

        # The console's parent view follows: Cancelled, with the cancelled children counted.
        console.wait_for(
            lambda screen: "Status: Cancelled" in screen
            and re.search(r"Children: \d/8 done, 0 running, \d not started, [1-8] cancelled", screen) is not None)
    finally:
        console.close()
