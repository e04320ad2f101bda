import Foundation

/// A scripted HTTP server on 127.0.0.1 (python3 http.server in a subprocess) that stands in for AWS
/// endpoints, STS, container agents and instance metadata. Each route ("METHOD /path", "* /path",
/// "METHOD *" or "*") answers with its responses in order, repeating the last; every request is recorded.
final class StandInServer: @unchecked Sendable {
    struct Response: Encodable {
        var status = 200
        var headers: [String: String] = [:]
        var body = ""
        /// Seconds to wait before answering.
        var delay: Double?
        /// "close" drops the connection without answering.
        var action: String?

        static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Response {
            Response(status: status, headers: ["Content-Type": "application/x-amz-json-1.1"].merging(headers) { $1 }, body: body)
        }
        static let closeConnection = Response(action: "close")
    }

    struct RecordedRequest: Decodable {
        var method: String
        var path: String
        var headers: [[String]]
        var body: String

        func header(_ name: String) -> String? {
            headers.first { $0[0].lowercased() == name.lowercased() }?[1]
        }
    }

    let port: Int
    private let process: Process
    private let directory: URL
    private var logURL: URL { directory.appendingPathComponent("requests.jsonl") }
    private(set) var scheme = "http"

    var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }
    var url: URL { URL(string: baseURL)! }

    /// - Parameter tls: a PEM certificate and key; the server then speaks HTTPS.
    init(routes: [String: [Response]], tls: (certificate: String, key: String)? = nil) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("standin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("routes.json")
        try JSONEncoder().encode(["routes": routes]).write(to: config)
        let script = directory.appendingPathComponent("server.py")
        try Data(Self.script.utf8).write(to: script)
        let portFile = directory.appendingPathComponent("port")
        let logURL = directory.appendingPathComponent("requests.jsonl")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: portFile.path, contents: nil)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, config.path, logURL.path]
            + (tls.map { [$0.certificate, $0.key] } ?? [])
        process.standardOutput = try FileHandle(forWritingTo: portFile)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var port: Int?
        for _ in 0..<500 {
            let text = String(decoding: (try? Data(contentsOf: portFile)) ?? Data(), as: UTF8.self)
            if text.hasSuffix("\n"), let number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                port = number
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        guard let port else {
            kill(process.processIdentifier, SIGKILL)
            throw ChildProcess.Failure(description: "the stand-in server did not report its port within 10 s")
        }
        self.port = port
        if tls != nil { scheme = "https" }
    }

    /// Every request received so far, in arrival order.
    func requests() throws -> [RecordedRequest] {
        let text = try String(contentsOf: logURL, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(RecordedRequest.self, from: Data($0.utf8)) }
    }

    /// Kills the server. SIGKILL, because a child started from a dispatch thread inherits its blocked
    /// SIGTERM.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }

    private static let script = """
        import http.server, json, socket, sys, threading, time
        routes = json.load(open(sys.argv[1]))["routes"]
        log_path = sys.argv[2]
        lock = threading.Lock()
        counters = {}

        def pick(method, path):
            bare = path.split("?")[0]
            for key in (method + " " + bare, "* " + bare, method + " *", "*"):
                if key in routes:
                    with lock:
                        index = counters.get(key, 0)
                        counters[key] = index + 1
                    answers = routes[key]
                    return answers[min(index, len(answers) - 1)]
            return {"status": 404, "headers": {}, "body": "no route for " + method + " " + bare}

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *args):
                pass
            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                entry = {"method": self.command, "path": self.path,
                         "headers": [[k, v] for k, v in self.headers.items()],
                         "body": body.decode("utf-8", "replace")}
                with lock:
                    with open(log_path, "a") as log:
                        log.write(json.dumps(entry) + "\\n")
                response = pick(self.command, self.path)
                if response.get("delay"):
                    time.sleep(response["delay"])
                if response.get("action") == "close":
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                data = response.get("body", "").encode()
                try:
                    self.send_response(response.get("status", 200))
                    for name, value in response.get("headers", {}).items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass
            do_GET = do_POST = do_PUT = do_DELETE = answer

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

        server = Server(("127.0.0.1", 0), Handler)
        if len(sys.argv) > 4:
            import ssl
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(sys.argv[3], sys.argv[4])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """
}
