import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The record of every signal, start and stop the console sent: JSON Lines appended to
/// `$XDG_STATE_HOME/ssm-console/audit.log`, readable only by its owner.
public struct AuditLog: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// `$XDG_STATE_HOME/ssm-console/audit.log`, or `~/.local/state/ssm-console/audit.log` when it is unset
    /// or not absolute (as the XDG spec says to treat it).
    public static func standard(
        environment: [String: String] = ProcessInfo.processInfo.environment, home: String = NSHomeDirectory()
    ) -> AuditLog {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? URL(fileURLWithPath: environment["HOME"] ?? home).appendingPathComponent(".local/state").path
        return AuditLog(url: URL(fileURLWithPath: state).appendingPathComponent("ssm-console/audit.log"))
    }

    /// Appends one record as one line with one write, so records from two consoles never interleave.
    public func append(_ record: AuditRecord) throws(AuditLogError) {
        var line: Data
        do {
            line = try Self.encoder.encode(record)
        } catch {
            throw AuditLogError(path: url.path, reason: "could not encode the record: \(error)")
        }
        line.append(UInt8(ascii: "\n"))
        try createDirectories(url.deletingLastPathComponent().path)
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditLogError(path: url.path, errno: errno) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            throw written < 0
                ? AuditLogError(path: url.path, errno: errno)
                : AuditLogError(path: url.path, reason: "only \(written) of \(line.count) bytes were written")
        }
    }

    /// Creates each missing directory of `path` with mode 0700; existing ones are left as they are.
    private func createDirectories(_ path: String) throws(AuditLogError) {
        var current = ""
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o700) == 0 { continue }
            guard errno == EEXIST else { throw AuditLogError(path: current, errno: errno) }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw AuditLogError(path: current, reason: "it exists and is not a directory; move it away or set XDG_STATE_HOME")
            }
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// The audit log could not be written.
public struct AuditLogError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    public var description: String { "could not write the audit log \(path): \(reason)" }
}
