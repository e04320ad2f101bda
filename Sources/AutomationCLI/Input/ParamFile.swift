import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `file://path` or `fileb://path` value, read as the AWS CLI reads it (awscli.paramfile.get_file): `~` and
/// `$VARIABLES` expanded, then the whole file read to its end, so FIFOs, process substitutions (`<(...)`),
/// `/dev/stdin` and `/dev/null` work as regular files do. `file://` is UTF-8 text with universal newlines;
/// `fileb://` is the bytes as they are. Any other value is not a file reference.
enum ParamFile {
    struct LoadError: Error, Sendable {
        let message: String
    }

    enum Contents: Sendable, Equatable {
        case text(String)
        case bytes([UInt8])
    }

    /// The file's contents, or nil when `value` starts with neither prefix.
    static func load(_ value: String) throws(LoadError) -> Contents? {
        let binary: Bool
        if value.hasPrefix("fileb://") {
            binary = true
        } else if value.hasPrefix("file://") {
            binary = false
        } else {
            return nil
        }
        let prefixLength = binary ? "fileb://".count : "file://".count
        let path = expandVariables(expandUser(String(value.dropFirst(prefixLength))))
        let bytes: [UInt8]
        do {
            bytes = try readAll(path)
        } catch {
            throw LoadError(message: "Unable to load paramfile \(value): \(error.pythonText)")
        }
        if binary { return .bytes(bytes) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError(message: "Unable to load paramfile (\(path)), text contents could not be decoded.  "
                + "If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.")
        }
        // Python's text mode: "\r\n" and a lone "\r" both read as "\n".
        return .text(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// The text of a `file://` value, or nil for a value that is no file reference. `fileb://` is refused with
    /// `binaryRefusal`, for places where raw bytes have nowhere to go.
    static func contents(of value: String, binaryRefusal: @autoclosure () -> String) throws(LoadError) -> String? {
        switch try load(value) {
        case nil: return nil
        case .text(let text): return text
        case .bytes: throw LoadError(message: binaryRefusal())
        }
    }

    /// An OS error as Python words an OSError: `[Errno 2] No such file or directory: 'path'`.
    struct OSFailure: Error {
        let code: Int32
        let path: String

        var pythonText: String {
            "[Errno \(code)] \(String(cString: strerror(code))): \(PythonRepr.quoted(path))"
        }
    }

    /// Reads until end of file with plain open(2)/read(2): no size is asked for first, so files whose size
    /// says nothing (pipes, terminals, /proc) are read whole.
    static func readAll(_ path: String) throws(OSFailure) -> [UInt8] {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw OSFailure(code: errno, path: path) }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return result }
            if count < 0 {
                if errno == EINTR { continue }
                throw OSFailure(code: errno, path: path)
            }
            result.append(contentsOf: buffer[0..<count])
        }
    }

    /// os.path.expanduser: `~` and `~/…` are $HOME, `~name/…` that user's home directory.
    static func expandUser(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let name = path[path.index(after: path.startIndex)..<slash]
        let home: String?
        if name.isEmpty {
            home = ProcessInfo.processInfo.environment["HOME"] ?? homeDirectory(of: nil)
        } else {
            home = homeDirectory(of: String(name))
        }
        guard let home else { return path }
        let rest = path[slash...]
        return (home == "/" && rest.hasPrefix("/") ? "" : home) + rest
    }

    private static func homeDirectory(of user: String?) -> String? {
        let entry = user.map { getpwnam($0) } ?? getpwuid(getuid())
        guard let entry, let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// os.path.expandvars: `$NAME` and `${NAME}` of variables that are set; others stay as written.
    static func expandVariables(_ path: String) -> String {
        guard path.contains("$") else { return path }
        let pattern = try! NSRegularExpression(pattern: "\\$(\\w+|\\{[^}/]*\\})")
        let environment = ProcessInfo.processInfo.environment
        var result = ""
        var last = path.startIndex
        for match in pattern.matches(in: path, range: NSRange(path.startIndex..., in: path)) {
            guard let whole = Range(match.range, in: path), let nameRange = Range(match.range(at: 1), in: path) else { continue }
            var name = String(path[nameRange])
            if name.hasPrefix("{") { name = String(name.dropFirst().dropLast()) }
            result += path[last..<whole.lowerBound]
            result += environment[name] ?? String(path[whole])
            last = whole.upperBound
        }
        return result + path[last...]
    }
}
