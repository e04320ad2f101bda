"""Following a running aws:runCommand step's output from the console, against `ssm-console serve`."""
from __future__ import annotations

import json

from executions import start, wait_for_status
from ssm_clients import unique_name


def ticking_document(gate: str) -> str:
    """A command that prints a numbered line every half second until `gate` exists, then a last line."""
    return json.dumps({
        "schemaVersion": "0.3",
        "mainSteps": [{
            "name": "Tick",
            "action": "aws:runCommand",
            "inputs": {
                "DocumentName": "AWS-RunShellScript",
                "InstanceIds": ["mi-00000000000000001"],
                "Parameters": {"commands": [
                    f"i=0; while [ ! -e {gate} ]; do i=$((i+1)); echo tick $i; sleep 0.5; done",
                    "echo all-done",
                ]},
            },
        }],
    })


def test_follow_a_running_commands_output_as_it_grows(ssm, open_console, tmp_path):
    gate = tmp_path / "gate"
    name = unique_name("EndToEnd-Tick")
    ssm.create_document(Name=name, Content=ticking_document(str(gate)), DocumentType="Automation")
    execution_id = start(ssm, name)
    try:
        console = open_console()
        console.wait_for("EXECUTION ID")
        console.wait_for(execution_id[:8], timeout=30)
        console.press("/")
        console.type(execution_id)
        console.press("Enter")
        console.press("Enter")
        console.wait_for("Tick")
        console.wait_for("o Command output", timeout=30)
        console.press("o")
        console.wait_for("INSTANCE")
        console.wait_for("mi-00000000000000001")
        console.press("Enter")
        console.wait_for("following")
        first = console.wait_for("tick 2")
        # The same view shows later lines as the command writes them, with no key pressed.
        grown = console.wait_for("tick 8", timeout=30)
        assert "tick 2" in first and "tick 8" in grown
        gate.touch()
        done = console.wait_for("all-done", timeout=30)
        console.wait_for("Success, exit 0", timeout=30)
        assert "all-done" in done
    finally:
        gate.touch()
    wait_for_status(ssm, execution_id, "Success", timeout=30)
