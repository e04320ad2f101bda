#!/usr/bin/env python3
"""A signed call's latency while `ssm-console serve` holds thousands of idle connections (the attack of issue
"hostile input": about 20,000 idle connections once exhausted serve's descriptors and a signed call waited 19 s).

    Benchmarks/serve-idle-connections.py [--connections 19000] [--max-connections 1000] [--binary PATH]

Opens the idle connections (as fast as the server accepts them), then makes 20 signed
DescribeAutomationExecutions calls with boto3 and prints their p50 and worst latency, how many idle connections
the server closed to make room, and serve's peak RSS. Goal: every signed call under 1 s.
"""
from __future__ import annotations

import argparse
import resource
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "Tests" / "Interop")]

from callers import ALICE, BOB  # noqa: E402
from serve_process import ServeProcess  # noqa: E402
from ssm_clients import Endpoint  # noqa: E402


def peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=19000)
    parser.add_argument("--max-connections", type=int, default=None)
    arguments = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    wanted = min(arguments.connections, hard - 200)
    extra = ["--max-connections", str(arguments.max_connections)] if arguments.max_connections else []
    with tempfile.TemporaryDirectory() as directory:
        serve = ServeProcess(Path(directory) / "data", [ALICE, BOB], extra)
        try:
            url = urlparse(serve.url)
            client = Endpoint(url=serve.url, alice=ALICE, bob=BOB).client(ALICE)
            client.describe_automation_executions(MaxResults=1)
            idle: list[socket.socket] = []
            started = time.monotonic()
            failures = 0
            for _ in range(wanted):
                try:
                    idle.append(socket.create_connection((url.hostname, url.port), timeout=5))
                except OSError:
                    failures += 1
            opened_in = time.monotonic() - started
            latencies = []
            for _ in range(20):
                call = time.monotonic()
                client.describe_automation_executions(MaxResults=1)
                latencies.append(time.monotonic() - call)
            still_open = 0
            for connection in idle:
                connection.setblocking(False)
                try:
                    still_open += connection.recv(1) != b""
                except BlockingIOError:
                    still_open += 1
                except OSError:
                    pass
            print(f"idle connections opened: {len(idle)} in {opened_in:.1f} s ({failures} failed to open)")
            print(f"still open on the server: {still_open} (the rest were closed to make room)")
            print(f"signed DescribeAutomationExecutions: p50 {statistics.median(latencies) * 1000:.1f} ms, "
                  f"worst {max(latencies) * 1000:.1f} ms over {len(latencies)} calls")
            print(f"serve peak RSS: {peak_rss_kib(serve.process.pid) / 1024:.1f} MiB")
            verdict = max(latencies) < 1
            print("goal (every signed call under 1 s):", "met" if verdict else "NOT met")
            for connection in idle:
                connection.close()
            return 0 if verdict else 1
        finally:
            serve.stop()


if __name__ == "__main__":
    sys.exit(main())
