"""One `ssm-console serve` for the whole interoperability suite, with two callers: alice and bob."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from callers import ALICE, BOB, INSTANCES
from serve_process import ServeProcess
from ssm_clients import Endpoint


@pytest.fixture(scope="session")
def serve(tmp_path_factory) -> Iterator[ServeProcess]:
    """Starts the built binary on 127.0.0.1, port 0, in a fresh data directory; stops it with SIGTERM and
    checks that it exits cleanly."""
    data_dir = tmp_path_factory.mktemp("serve") / "data"
    process = ServeProcess(
        data_dir,
        [ALICE, BOB],
        ["--instance", f"{INSTANCES[0]},Name=localhost", "--instance", f"{INSTANCES[1]},Name=web,Role=test"],
    )
    yield process
    code = process.stop()
    assert code == 0, f"ssm-console serve exited {code} after SIGTERM (want 0). stderr:\n{process.stderr_text()}"


@pytest.fixture(scope="session")
def endpoint(serve) -> Endpoint:
    return Endpoint(url=serve.url, alice=ALICE, bob=BOB)


@pytest.fixture(scope="session")
def alice_client(endpoint):
    return endpoint.client(ALICE)


@pytest.fixture(scope="session")
def bob_client(endpoint):
    return endpoint.client(BOB)
