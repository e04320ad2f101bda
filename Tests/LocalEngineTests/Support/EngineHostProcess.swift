import Foundation

/// The `engine-test-host` executable running an engine in its own process, so a test can kill it.
final class EngineHostProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private(set) var startedExecutionId: String?

    init(dataDirectory: URL, start document: String, parameters: [String] = []) throws {
        process.executableURL = Self.executable
        process.arguments = [dataDirectory.path, "start", document] + parameters
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Reads the host's lines until it says it is ready.
    func waitUntilReady() throws {
        var buffer = ""
        let handle = output.fileHandleForReading
        while !buffer.contains("ready\n") {
            let chunk = handle.availableData
            if chunk.isEmpty { throw POSIXError(.EPIPE) }
            buffer += String(decoding: chunk, as: UTF8.self)
        }
        startedExecutionId = buffer.split(separator: "\n").first { $0.hasPrefix("started ") }
            .map { String($0.dropFirst("started ".count)) }
    }

    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("engine-test-host")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/engine-test-host")
    }
}
