#!/usr/bin/env bash
# GetAutomationExecution throughput and p50/p99 latency of `ssm-console serve` on 127.0.0.1 with 32 concurrent
# connections, next to moto's server answering GetDocument under the same load. Each request is signed once with
# botocore and replayed by wrk (a SigV4 signature stays valid for five minutes; each run lasts 10 s).
# Goal: serve answers at least 20 times as many requests per second as moto.
#
#   Benchmarks/serve-throughput.sh          # uses .build-release/release/ssm-console when it exists
#
# Build the release binary with: swift build -c release --product ssm-console --scratch-path .build-release
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=10s
CONNECTIONS=32
THREADS=2
GOAL=20
KEY_ID=AKIABENCHMARK0000001
SECRET=benchmark-secret-0000000000000000000000
HERE=Benchmarks/ServeThroughput

if [ -x .build-release/release/ssm-console ]; then
    BINARY=.build-release/release/ssm-console
    BUILD="release build"
elif [ -x .build/debug/ssm-console ]; then
    BINARY=.build/debug/ssm-console
    BUILD="DEBUG build (figures understate serve; build a release one: swift build -c release --product ssm-console --scratch-path .build-release)"
else
    echo "No ssm-console binary: run 'swift build --product ssm-console' (or the release build above) first." >&2
    exit 1
fi

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi
python3 -c "import boto3, moto.server" 2>/dev/null || {
    echo "boto3 and moto's server are needed: python3 -m pip install boto3 'moto[server]'" >&2
    exit 1
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/serve-throughput.XXXXXX")
STARTED_PIDS=()
stop_started() {
    for pid in "${STARTED_PIDS[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap stop_started EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs wrk against URL with the request in REQUEST_FILE; prints its RESULT line.
load() {
    local url=$1 request=$2 name=$3
    REQUEST_FILE="$request" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s -s "$HERE/replay.lua" "$url" \
        >"$WORK/$name.wrk" 2>&1 || { cat "$WORK/$name.wrk" >&2; echo "wrk failed against $name" >&2; exit 1; }
    local result
    result=$(grep '^RESULT ' "$WORK/$name.wrk") || { cat "$WORK/$name.wrk" >&2; exit 1; }
    echo "$result"
}

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# ssm-console serve
"$BINARY" serve --host 127.0.0.1 --port 0 --data-dir "$WORK/serve-data" --quotas none \
    --access-key "$KEY_ID:$SECRET:arn:aws:iam::123456789012:user/benchmark" >"$WORK/serve.out" 2>"$WORK/serve.err" &
STARTED_PIDS+=($!)
SERVE_URL=""
for _ in $(seq 1 600); do
    SERVE_URL=$(sed -n 's/^ssm-console serve: listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$WORK/serve.out")
    [ -n "$SERVE_URL" ] && break
    kill -0 "${STARTED_PIDS[0]}" 2>/dev/null || { cat "$WORK/serve.err" >&2; echo "ssm-console serve exited" >&2; exit 1; }
    sleep 0.1
done
[ -n "$SERVE_URL" ] || { cat "$WORK/serve.err" >&2; echo "ssm-console serve did not listen within 60 s" >&2; exit 1; }

SERVE_OPERATION=$(python3 "$HERE/presign.py" serve "$SERVE_URL" "$KEY_ID" "$SECRET" "$WORK/serve.request")
SERVE_RESULT=$(load "$SERVE_URL" "$WORK/serve.request" serve)
kill -TERM "${STARTED_PIDS[0]}"
wait "${STARTED_PIDS[0]}" || { echo "ssm-console serve did not exit cleanly after SIGTERM" >&2; exit 1; }

# moto's server
MOTO_PORT=$(free_port)
MOTO_URL="http://127.0.0.1:$MOTO_PORT"
python3 -m moto.server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 &
STARTED_PIDS+=($!)
for _ in $(seq 1 300); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', $MOTO_PORT), 0.2).close()" 2>/dev/null && break
    kill -0 "${STARTED_PIDS[1]}" 2>/dev/null || { cat "$WORK/moto.log" >&2; echo "moto's server exited" >&2; exit 1; }
    sleep 0.1
done
MOTO_OPERATION=$(AWS_ACCESS_KEY_ID=$KEY_ID AWS_SECRET_ACCESS_KEY=$SECRET \
    python3 "$HERE/presign.py" moto "$MOTO_URL" "$KEY_ID" "$SECRET" "$WORK/moto.request")
MOTO_RESULT=$(load "$MOTO_URL" "$WORK/moto.request" moto)

for result in "$SERVE_RESULT" "$MOTO_RESULT"; do
    if [ "$(field "$result" non2xx)" != 0 ] || [ "$(field "$result" socket_errors)" != 0 ]; then
        echo "Some requests failed, so the figures do not count: $result" >&2
        exit 1
    fi
done

SERVE_RPS=$(field "$SERVE_RESULT" rps)
MOTO_RPS=$(field "$MOTO_RESULT" rps)
RATIO=$(python3 -c "print(f'{$SERVE_RPS / $MOTO_RPS:.1f}')")
MET=$(python3 -c "print('met' if $SERVE_RPS >= $GOAL * $MOTO_RPS else 'NOT met')")

echo "Loopback, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per run, one pre-signed request replayed."
echo "ssm-console: $BINARY ($BUILD)"
echo "Load average before the runs: $LOAD_BEFORE on $(nproc) cores (other work on the machine lowers both figures)."
printf '%-40s %12s %10s %10s %10s\n' "server / operation" "requests" "req/s" "p50 ms" "p99 ms"
printf '%-40s %12s %10s %10s %10s\n' "ssm-console serve / $SERVE_OPERATION" "$(field "$SERVE_RESULT" requests)" \
    "$SERVE_RPS" "$(field "$SERVE_RESULT" p50_ms)" "$(field "$SERVE_RESULT" p99_ms)"
printf '%-40s %12s %10s %10s %10s\n' "moto server / $MOTO_OPERATION" "$(field "$MOTO_RESULT" requests)" \
    "$MOTO_RPS" "$(field "$MOTO_RESULT" p50_ms)" "$(field "$MOTO_RESULT" p99_ms)"
echo "serve / moto throughput: ${RATIO}x (goal: at least ${GOAL}x, $MET)"
