import Foundation
import Logging
import Testing
@testable import TerminalBackend

/// Log lines go to the file, one whole line per record, never to the terminal the console draws on.
@Suite struct ConsoleLogFileTests {
    @Test func linesCarryTimeLevelLabelMessageAndMetadata() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("console.log")
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        #expect(descriptor >= 0)
        let sink = LogSink(descriptor: descriptor)
        var logger = Logger(label: "ssm-console.engine") { LogLineHandler(label: $0, sink: sink, logLevel: .info) }
        logger[metadataKey: "execution"] = "e-1"
        logger.debug("not written: below the level")
        logger.error("step failed", metadata: ["step": "Restart"])
        close(descriptor)

        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        try #require(lines.count == 1)
        let fields = lines[0].split(separator: " ", maxSplits: 1)
        #expect(ISO8601DateFormatter().date(from: String(fields[0])) != nil)
        #expect(fields[1] == "error ssm-console.engine: step failed execution=e-1 step=Restart")
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
