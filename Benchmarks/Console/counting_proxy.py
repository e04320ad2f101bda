"""A plain HTTP proxy in front of `ssm-console serve` that counts calls per operation and throttling answers,
so a benchmark can say how many API calls a console makes and whether any were refused."""
from __future__ import annotations

import http.client
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse


class CountingProxy:
    def __init__(self, upstream: str):
        target = urlparse(upstream)
        self.calls: Counter[str] = Counter()
        self.throttled: Counter[str] = Counter()
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                operation = (self.headers.get("X-Amz-Target") or "?").split(".")[-1]
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection",)}
                connection.request("POST", self.path, body=body, headers=headers)
                answer = connection.getresponse()
                payload = answer.read()
                with proxy.lock:
                    proxy.calls[operation] += 1
                    if answer.status == 400 and b"Throttl" in payload:
                        proxy.throttled[operation] += 1
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                connection.close()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def snapshot(self) -> tuple[Counter, Counter]:
        with self.lock:
            return Counter(self.calls), Counter(self.throttled)

    def stop(self) -> None:
        self.server.shutdown()
