import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// moto's server on 127.0.0.1, playing Step Functions and SQS for tests. A small Python launcher starts it,
/// lets Step Functions really execute state machines, says "ready", and stops it when its stdin closes.
final class MotoServer: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    let port: Int
    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    static let launcher = """
        import json, os, sys, urllib.request
        from moto.server import ThreadedMotoServer
        port = int(sys.argv[1])
        # Step Functions' service integrations call back into moto on this port, as moto's own CLI sets up.
        os.environ["MOTO_PORT"] = str(port)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        server.start()
        config = json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/moto-api/config", data=config, method="POST",
                                         headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=10).read()
        print("ready", flush=True)
        sys.stdin.read()
        server.stop()
        """

    init() throws {
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.launcher, String(port)]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Waits for the launcher's "ready" (it ends with an error if moto cannot start).
    func ready() async throws {
        let handle = output.fileHandleForReading
        var text = ""
        while !text.contains("ready") {
            let chunk = handle.availableData
            if chunk.isEmpty {
                throw POSIXError(.ECONNREFUSED)
            }
            text += String(decoding: chunk, as: UTF8.self)
        }
    }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        // Children started from dispatch threads may inherit a blocked SIGTERM; SIGKILL always works.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
