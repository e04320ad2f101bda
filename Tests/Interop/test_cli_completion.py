"""Completion and the manual page with the built binary: the scripts offer every flag the commands' own help
shows, execution IDs come from what earlier commands listed (no call while completing), profiles from the
config file."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from callers import ALICE
from cli_compare import waiting_executions
from serve_process import binary_path
from ssm_clients import cli_environment

PAUSE = json.dumps({
    "schemaVersion": "0.3", "description": "Waits", "parameters": {"Note": {"type": "String", "default": "n"}},
    "mainSteps": [{"name": "Hold", "action": "aws:pause", "inputs": {}, "isEnd": True}],
})


def ours(*arguments: str, environment: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary_path()), *arguments], capture_output=True, text=True, timeout=60,
                          env=environment or cli_environment(ALICE))


def bash_complete(words: list[str], environment: dict[str, str]) -> list[str]:
    script = ours("completion", "bash").stdout
    words_text = " ".join("'" + word + "'" for word in words)
    program = f"""
        source /dev/stdin <<'SCRIPT'
{script}
SCRIPT
        COMP_WORDS=({words_text}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
        _ssm_console
        printf '%s\\n' "${{COMPREPLY[@]}}"
    """
    completed = subprocess.run(["bash", "-c", program], capture_output=True, text=True, timeout=60, env=environment)
    assert completed.returncode == 0, completed.stderr
    return [line for line in completed.stdout.splitlines() if line]


@pytest.mark.parametrize("command", [[], ["serve"], ["watch"]])
def test_the_scripts_offer_every_flag_the_help_shows(command):
    help_text = ours(*command, "--help").stdout
    flags = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", help_text)) - {"--generate-completion-script"}
    assert flags, help_text
    for shell in ("bash", "zsh", "fish"):
        script = ours("completion", shell).stdout
        names = set(re.findall(r"--[a-z][a-z-]+", script)) | {"--" + name for name in re.findall(r" -l ([a-z][a-z-]+)", script)}
        assert flags <= names, f"{shell} lacks {sorted(flags - names)}"


def test_execution_ids_come_from_what_was_listed(endpoint, alice_client, tmp_path):
    waiting_executions(alice_client, "Interop-Completion", PAUSE, count=2)
    environment = cli_environment(ALICE) | {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": f"{binary_path().parent}:/usr/bin:/bin"}
    assert bash_complete(["ssm-console", "get", "--automation-execution-id", ""], environment) == []
    listed = subprocess.run([str(binary_path()), "describe-automation-executions", "--endpoint-url", endpoint.url,
                             "--region", "us-east-1", "--query", "AutomationExecutionMetadataList[].AutomationExecutionId",
                             "--output", "text"], capture_output=True, text=True, timeout=60, env=environment)
    assert listed.returncode == 0, listed.stderr
    ids = listed.stdout.split()
    assert ids
    offered = bash_complete(["ssm-console", "get", "--automation-execution-id", ""], environment)
    assert sorted(offered) == sorted(set(ids))
    assert bash_complete(["ssm-console", "watch", ids[0][:8]], environment) == [i for i in dict.fromkeys(offered) if i.startswith(ids[0][:8])]


def test_profiles_come_from_the_config_files(tmp_path):
    config = tmp_path / "config"
    config.write_text("[default]\nregion = us-east-1\n[profile dev]\n[profile prod]\n")
    credentials = tmp_path / "credentials"
    credentials.write_text("[ci]\naws_access_key_id = x\naws_secret_access_key = y\n")
    environment = cli_environment(ALICE) | {"AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(credentials),
                                            "PATH": f"{binary_path().parent}:/usr/bin:/bin"}
    assert bash_complete(["ssm-console", "list", "--profile", ""], environment) == ["ci", "default", "dev", "prod"]
    assert bash_complete(["ssm-console", "--profile", "p"], environment) == ["prod"]


def test_man_renders(tmp_path):
    page = ours("man").stdout
    assert page.startswith(".TH SSM-CONSOLE 1")
    rendered = subprocess.run(["man", "-l", "-"], input=page, capture_output=True, text=True, timeout=60,
                              env={"MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "100", "PATH": "/usr/bin:/bin"})
    if rendered.returncode != 0 and "not found" in rendered.stderr:
        pytest.skip("man is not installed")
    assert rendered.returncode == 0, rendered.stderr
    assert "describe-automation-executions" in rendered.stdout and "--query" in rendered.stdout
