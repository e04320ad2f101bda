import Foundation
import Logging

/// While curses owns the terminal a log line on stderr would land in the middle of the screen, where nothing
/// repaints it: the console sends the process's logs (the local engine's among them) to a file beside its
/// audit log instead.
public enum ConsoleLogFile {
    /// Sends every logger's output, from here on, to `url` (appended, created 0600 in a 0700 directory).
    /// Throws when the file cannot be opened, so the caller can say so before the screen starts.
    public static func bootstrap(url: URL, level: Logger.Level = .info) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let sink = LogSink(descriptor: descriptor)
        LoggingSystem.bootstrap { label in LogLineHandler(label: label, sink: sink, logLevel: level) }
    }
}

/// One file descriptor, written one whole line at a time (O_APPEND makes each write land at the end).
final class LogSink: Sendable {
    let descriptor: Int32

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ line: String) {
        var data = Data(line.utf8)
        data.append(UInt8(ascii: "\n"))
        _ = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }
}

/// `2026-11-22T01:02:03Z error ssm-console.engine: message key=value`.
struct LogLineHandler: LogHandler {
    let label: String
    let sink: LogSink
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, sink: LogSink, logLevel: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        var fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        if let error = event.error { fields.append("error=\(error)") }
        let time = Date().formatted(.iso8601)
        sink.write("\(time) \(event.level) \(label): \(event.message)" + fields.map { " " + $0 }.joined())
    }
}
