"""Automation documents the tests create, in JSON and YAML."""
from __future__ import annotations

import json

# An approval, then a Python step whose output becomes an execution output.
APPROVAL_YAML = """\
description: Interop approval
schemaVersion: '0.3'
parameters:
  Approvers:
    type: StringList
    description: Who may approve.
  Note:
    type: String
    description: Echoed by the script.
    default: from-the-default
mainSteps:
  - name: Approve
    action: aws:approve
    inputs:
      Message: 'Approve {{ Note }}?'
      Approvers: '{{ Approvers }}'
  - name: Report
    action: aws:executeScript
    inputs:
      Runtime: python3.11
      Handler: report
      InputPayload:
        note: '{{ Note }}'
      Script: |-
        def report(events, context):
            return {"note": "approved " + events["note"]}
    outputs:
      - Name: Note
        Selector: $.Payload.note
        Type: String
    isEnd: true
outputs:
  - Approve.ApprovalStatus
  - Report.Note
"""


def pause_then_sleep_json(sleep: str = "PT60S") -> str:
    """A pause, a long sleep that continues on failure (so StopStep leads on), then a short finish."""
    return json.dumps(
        {
            "schemaVersion": "0.3",
            "description": "Interop pause, sleep, finish",
            "mainSteps": [
                {"name": "Hold", "action": "aws:pause", "inputs": {}},
                {"name": "LongSleep", "action": "aws:sleep", "onFailure": "Continue", "inputs": {"Duration": sleep}},
                {"name": "Finish", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "isEnd": True},
            ],
        }
    )


# Three steps for Interactive mode: quick, long, quick.
INTERACTIVE_YAML = """\
schemaVersion: '0.3'
description: Interop interactive
mainSteps:
  - name: First
    action: aws:sleep
    inputs:
      Duration: PT0S
  - name: Long
    action: aws:sleep
    inputs:
      Duration: PT60S
  - name: Last
    action: aws:sleep
    inputs:
      Duration: PT0S
    isEnd: true
"""

# One waiting step: executions of it stay Waiting until they are stopped.
PAUSE_ONLY_JSON = json.dumps(
    {"schemaVersion": "0.3", "mainSteps": [{"name": "Hold", "action": "aws:pause", "inputs": {}}]}
)


def run_command_json(instance_id: str) -> str:
    return json.dumps(
        {
            "schemaVersion": "0.3",
            "mainSteps": [
                {
                    "name": "Hello",
                    "action": "aws:runCommand",
                    "inputs": {
                        "DocumentName": "AWS-RunShellScript",
                        "InstanceIds": [instance_id],
                        "Parameters": {"commands": ["echo hello from {{ automation:EXECUTION_ID }}"]},
                    },
                    "isEnd": True,
                }
            ],
            "outputs": ["Hello.Output"],
        }
    )
