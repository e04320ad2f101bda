-- Replays one pre-signed request (the file named by REQUEST_FILE, written by presign.py) and prints one line
-- of figures for serve-throughput.sh: requests per second, p50 and p99 latency, and anything that was not a 2xx.
local file = assert(io.open(os.getenv("REQUEST_FILE"), "r"), "REQUEST_FILE must name a file written by presign.py")
wrk.method = file:read("*l")
wrk.path = file:read("*l")
wrk.body = file:read("*l")
for line in file:lines() do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end
file:close()

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
