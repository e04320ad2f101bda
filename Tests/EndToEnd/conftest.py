"""End-to-end tests: the real `ssm-console` binary in tmux against `ssm-console serve` (or `--local`)."""
from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "Interop")]

from serve_process import AccessKey, ServeProcess, binary_path  # noqa: E402
from ssm_clients import REGION, Endpoint  # noqa: E402
from tmux_console import TmuxConsole  # noqa: E402

OPERATOR = AccessKey("AKIAENDTOENDOPERATOR", "operator-secret/EndToEnd+Key000000000001",
                     "arn:aws:iam::123456789012:user/operator")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def console_environment(state_dir: Path, key: AccessKey = OPERATOR) -> dict[str, str]:
    return {
        "AWS_ACCESS_KEY_ID": key.access_key_id,
        "AWS_SECRET_ACCESS_KEY": key.secret,
        "AWS_CONFIG_FILE": "/nonexistent/aws-config",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
        "AWS_EC2_METADATA_DISABLED": "true",
        "XDG_STATE_HOME": str(state_dir),
    }


@pytest.fixture(scope="session")
def serve(tmp_path_factory) -> Iterator[ServeProcess]:
    data_dir = tmp_path_factory.mktemp("serve") / "data"
    process = ServeProcess(data_dir, [OPERATOR])
    yield process
    process.stop()


@pytest.fixture(scope="session")
def ssm(serve):
    return Endpoint(serve.url, OPERATOR, OPERATOR).client(OPERATOR)


@pytest.fixture
def open_console(serve, tmp_path) -> Iterator:
    """Starts the console in tmux against the suite's serve (or other arguments); closes every one it opened."""
    opened: list[TmuxConsole] = []

    def start(*extra: str, endpoint: str | None = None, width: int = 120, height: int = 40,
              arguments: list[str] | None = None) -> TmuxConsole:
        if arguments is None:
            arguments = ["--endpoint-url", endpoint or serve.url, "--region", REGION, "--refresh", "2", *extra]
        console = TmuxConsole([str(binary_path()), *arguments], width=width, height=height,
                              environment=console_environment(tmp_path / "state"))
        opened.append(console)
        return console

    yield start
    for console in opened:
        console.close()
