"""`serve` under hostile load: idle connections, slow header senders and oversized bodies never keep a signed
client waiting, and are closed or refused in AWS's error shape."""
from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from botocore.exceptions import ClientError

from callers import ALICE, BOB
from serve_process import ServeProcess
from ssm_clients import Endpoint


@pytest.fixture
def limited_serve(tmp_path) -> Iterator:
    """A serve of its own with the limits a test gives."""
    started: list[ServeProcess] = []

    def start(*arguments: str, open_files: int | None = None) -> tuple[ServeProcess, Endpoint]:
        process = ServeProcess(tmp_path / f"data-{len(started)}", [ALICE, BOB], list(arguments), open_files=open_files)
        started.append(process)
        return process, Endpoint(url=process.url, alice=ALICE, bob=BOB)

    yield start
    for process in started:
        process.stop()


def address(serve: ServeProcess) -> tuple[str, int]:
    url = urlparse(serve.url)
    return url.hostname, url.port


def open_idle(serve: ServeProcess, count: int) -> list[socket.socket]:
    sockets = []
    for _ in range(count):
        connection = socket.create_connection(address(serve), timeout=5)
        sockets.append(connection)
    return sockets


def closed_by_server(connection: socket.socket, within: float) -> bool:
    """True when the server closes (or resets) the connection within `within` seconds."""
    connection.settimeout(within)
    try:
        return connection.recv(1) == b""
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def signed_call_seconds(endpoint: Endpoint) -> float:
    # Short timeouts: a call that gets no answer fails in seconds rather than after botocore's 60 s per attempt.
    client = endpoint.client(ALICE, connect_timeout=5, read_timeout=5)
    started = time.monotonic()
    client.describe_automation_executions(MaxResults=1)
    return time.monotonic() - started


def test_idle_connections_beyond_serves_descriptors_do_not_slow_a_signed_call(limited_serve):
    # The defect at a smaller scale: about 20,000 idle connections used up serve's descriptors and a signed call
    # waited 19 s. Here serve has 256 descriptors and 400 idle connections arrive; the cap (below the
    # descriptors) closes the longest-idle ones, so the signed call is accepted and answered at once.
    serve, endpoint = limited_serve("--max-connections", "150", open_files=256)
    idle = open_idle(serve, 400)
    try:
        seconds = signed_call_seconds(endpoint)
        assert seconds < 2, f"a signed call took {seconds:.2f} s beside 400 idle connections"
    finally:
        for connection in idle:
            connection.close()


def test_beyond_the_cap_the_longest_idle_connections_make_room(limited_serve):
    serve, endpoint = limited_serve("--max-connections", "50")
    idle = open_idle(serve, 300)
    try:
        # A signed client beyond the cap is served: the oldest idle connections were closed to make room.
        seconds = signed_call_seconds(endpoint)
        assert seconds < 2, f"a signed call took {seconds:.2f} s with 300 idle connections and a cap of 50"
        assert closed_by_server(idle[0], within=2), "the longest-idle connection should have been closed"
        assert not closed_by_server(idle[-1], within=0.2), "the newest idle connection should still be open"
    finally:
        for connection in idle:
            connection.close()


def test_a_slow_header_sender_is_closed(limited_serve):
    serve, endpoint = limited_serve("--header-timeout", "1", "--idle-timeout", "30")
    connection = socket.create_connection(address(serve), timeout=5)
    started = time.monotonic()
    connection.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    closed = False
    # One header byte every 0.2 s: the connection never idles, but the headers never end.
    while time.monotonic() - started < 5:
        try:
            connection.sendall(b"X")
        except (BrokenPipeError, ConnectionResetError):
            closed = True
            break
        if closed_by_server(connection, within=0.2):
            closed = True
            break
    elapsed = time.monotonic() - started
    assert closed, "a client sending its headers a byte at a time was never closed"
    assert 0.8 < elapsed < 3, f"closed after {elapsed:.2f} s; the header timeout is 1 s"
    assert signed_call_seconds(endpoint) < 2


def test_an_idle_connection_is_closed_after_the_idle_timeout(limited_serve):
    serve, _ = limited_serve("--idle-timeout", "1")
    connection = socket.create_connection(address(serve), timeout=5)
    started = time.monotonic()
    assert closed_by_server(connection, within=4)
    assert time.monotonic() - started > 0.8


def test_an_oversized_body_is_refused_by_its_length_before_it_is_sent(limited_serve):
    serve, _ = limited_serve("--max-body-size", "4096")
    connection = socket.create_connection(address(serve), timeout=5)
    # Headers only: a server that buffered the body first would wait for 10 MB that never come.
    connection.sendall(
        b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
        b"X-Amz-Target: AmazonSSM.CreateDocument\r\nContent-Length: 10000000\r\n\r\n")
    connection.settimeout(5)
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += connection.recv(65536)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413"), head
    length = int(next(line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")))
    while len(body) < length:
        body += connection.recv(65536)
    error = json.loads(body)
    assert error["__type"] == "ValidationException"
    assert "10000000 bytes" in error["message"] and "4096" in error["message"]
    assert closed_by_server(connection, within=2)


def test_boto3_gets_the_body_limit_as_a_validation_error(limited_serve):
    _, endpoint = limited_serve("--max-body-size", "4096")
    client = endpoint.client(ALICE)
    content = json.dumps({"schemaVersion": "0.3", "description": "x" * 8000,
                          "mainSteps": [{"name": "Hold", "action": "aws:pause", "inputs": {}}]})
    with pytest.raises(ClientError) as refused:
        client.create_document(Name="TooLarge", Content=content, DocumentType="Automation", DocumentFormat="JSON")
    assert refused.value.response["Error"]["Code"] == "ValidationException"
    assert "4096" in refused.value.response["Error"]["Message"]
    # The endpoint answers normally afterwards.
    client.describe_automation_executions(MaxResults=1)
