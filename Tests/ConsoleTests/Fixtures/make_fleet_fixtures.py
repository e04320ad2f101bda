"""Writes the fleet fixtures: a rate-controlled parent over 40 instances (tag:Env=prod) and its children, as
DescribeAutomationExecutions and GetAutomationExecution answer them, written from the SSM API reference
(AutomationExecutionMetadata, AutomationExecution, ResolvedTargets) and not from our engine's output.
Times are epoch seconds, as the JSON 1.1 protocol sends them, around the tests' clock (Fixtures.now).

    python3 make_fleet_fixtures.py
"""
import json
import os

NOW = 1_795_000_000
ACCOUNT = "123456789012"
ALICE = f"arn:aws:iam::{ACCOUNT}:user/alice"
PARENT = "5f1e0c2a-7b1d-4c3e-9a8f-0123456789ab"
DOCUMENT = "Ops-RestartService"
INSTANCES = [f"i-0{n:016x}" for n in range(0xA11CE0, 0xA11CE0 + 40)]
TARGETS = [{"Key": "tag:Env", "Values": ["prod"]}]


def child_id(n):
    return f"c{n:07x}-3f2a-4b6c-8d1e-{0xFEED0000 + n:012x}"


def child(n, instance):
    """Children start in waves as rate control allows: 1, then 2, 4, 8, then 10 at a time."""
    started = NOW - 1800 + n * 40
    row = {
        "AutomationExecutionId": child_id(n),
        "DocumentName": DOCUMENT,
        "DocumentVersion": "3",
        "ExecutionStartTime": started,
        "ExecutedBy": ALICE,
        "LogFile": "",
        "Mode": "Auto",
        "ParentAutomationExecutionId": PARENT,
        "Target": instance,
        "TargetParameterName": "InstanceId",
        "AutomationType": "Local",
        "Outputs": {},
    }
    if n < 29:
        row.update(AutomationExecutionStatus="Success", ExecutionEndTime=started + 35)
    elif n < 31:
        row.update(
            AutomationExecutionStatus="Failed", ExecutionEndTime=started + 20,
            FailureMessage=f"Step fails when it is Executing. Fail to run restartService on {instance}: "
            "exit status 3 (systemctl: unit nginx.service failed)")
    elif n == 31:
        row.update(AutomationExecutionStatus="Waiting", CurrentStepName="approveRestart", CurrentAction="aws:approve")
    elif n < 36:
        row.update(AutomationExecutionStatus="InProgress", CurrentStepName="restartService", CurrentAction="aws:runCommand")
    return row


children = [child(n, instance) for n, instance in enumerate(INSTANCES[:36])]
parent_row = {
    "AutomationExecutionId": PARENT,
    "DocumentName": DOCUMENT,
    "DocumentVersion": "3",
    "AutomationExecutionStatus": "InProgress",
    "ExecutionStartTime": NOW - 1805,
    "ExecutedBy": ALICE,
    "LogFile": "",
    "Mode": "Auto",
    "Outputs": {},
    "TargetParameterName": "InstanceId",
    "Targets": TARGETS,
    "ResolvedTargets": {"ParameterValues": INSTANCES, "Truncated": False},
    "MaxConcurrency": "10",
    "MaxErrors": "3",
    "AutomationType": "Local",
}
others = [
    {"AutomationExecutionId": "9e3779b1-2d4e-4f60-8a1b-000000000001", "DocumentName": "Demo-Approval",
     "DocumentVersion": "1", "AutomationExecutionStatus": "Waiting", "ExecutionStartTime": NOW - 120,
     "ExecutedBy": ALICE, "LogFile": "", "Mode": "Auto", "CurrentStepName": "approveChange",
     "CurrentAction": "aws:approve", "AutomationType": "Local", "Outputs": {}},
    {"AutomationExecutionId": "daa66d13-2d4e-4f60-8a1b-000000000003", "DocumentName": "AWS-RestartEC2Instance",
     "DocumentVersion": "1", "AutomationExecutionStatus": "Success", "ExecutionStartTime": NOW - 3600,
     "ExecutionEndTime": NOW - 3475, "ExecutedBy": ALICE, "LogFile": "", "Mode": "Auto",
     "AutomationType": "Local", "Outputs": {}},
]

newest_first = lambda rows: sorted(rows, key=lambda r: (r["ExecutionStartTime"], r["AutomationExecutionId"]), reverse=True)
# Without filters the service lists every execution, children included, newest first, 50 a page.
everything = newest_first(children + [parent_row] + others)
describe_all = {"AutomationExecutionMetadataList": everything[:50]}
# The ParentExecutionId filter lists only the parent's children.
describe_children = {"AutomationExecutionMetadataList": newest_first(children)}
parent = dict(parent_row)
del parent["LogFile"], parent["AutomationType"]
parent.update(
    Parameters={"InstanceId": ["{{ TARGET }}"], "ServiceName": ["nginx"]}, StepExecutions=[],
    StepExecutionsTruncated=False)
get_parent = {"AutomationExecution": parent}

here = os.path.dirname(os.path.abspath(__file__))
for name, answer in [("fleet-describe-all", describe_all), ("fleet-describe-children", describe_children),
                     ("fleet-get-parent", get_parent)]:
    with open(os.path.join(here, name + ".json"), "w") as f:
        json.dump(answer, f, indent=1)
        f.write("\n")
