"""A first start of `ssm-console --local` on a fresh data directory, in a pseudo-terminal, as
terminal_benchmark.py measures a start: the time to the first full screen, then to the first row of the demo
and to its last (the demo is seeded after the first screen, and the list shows each execution as it is seeded).

    python3 Benchmarks/Console/first_start_benchmark.py [--binary PATH] [--runs 5]

Goal: the first screen within 300 ms. Uses the release build when it exists, else the debug build.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

from pty_console import PtyProgram  # noqa: E402
from terminal_benchmark import HEIGHT, READY_TEXT, WIDTH, default_binary  # noqa: E402

# The first execution the demo starts, and the last (the newest, listed at the top).
FIRST_DEMO_ROW = "Demo-BranchOnEnvironment"
LAST_DEMO_ROW = "Demo-RollingRestart"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", type=Path, default=default_binary())
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    first_screen, first_row, last_row = [], [], []
    for _ in range(arguments.runs):
        with tempfile.TemporaryDirectory() as directory:
            console = PtyProgram([str(arguments.binary), "--local", "--data-dir", directory], width=WIDTH,
                                 height=HEIGHT, environment={"XDG_STATE_HOME": directory,
                                                             "XDG_CONFIG_HOME": directory})
            try:
                first_screen.append(console.wait_for(READY_TEXT, timeout=60))
                first_row.append(console.wait_for(FIRST_DEMO_ROW, timeout=60))
                last_row.append(console.wait_for(LAST_DEMO_ROW, timeout=60))
            finally:
                console.stop()
    print(f"first start of --local on a fresh data directory ({arguments.binary}), {arguments.runs} runs:")
    for label, values in [("first full screen", first_screen), ("first demo row shown", first_row),
                          ("last demo row shown", last_row)]:
        print(f"  {label}: median {statistics.median(values) * 1000:.0f} ms "
              f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})")
    print(f"  goal, first screen within 300 ms: {'met' if statistics.median(first_screen) <= 0.3 else 'NOT met'}")


if __name__ == "__main__":
    main()
