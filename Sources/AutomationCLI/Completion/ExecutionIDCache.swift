import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The execution IDs that commands listed or fetched in the last few minutes, for shell completion: completing
/// `--automation-execution-id` reads this file instead of calling the service on every Tab. Each line is
/// `epoch-seconds<TAB>id<TAB>description`; entries older than `lifetime` are dropped when read or rewritten.
/// Lives in $XDG_CACHE_HOME/ssm-console (~/.cache/ssm-console when unset).
public struct ExecutionIDCache: Sendable {
    public static let lifetime: TimeInterval = 300
    /// Enough for the executions a person picks from; small enough that reading and rewriting it stays cheap.
    static let capacity = 200

    public let url: URL
    public var now: @Sendable () -> Date = { Date() }

    public init(environment: [String: String]) {
        let base: URL
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = URL(fileURLWithPath: cache)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        }
        url = base.appendingPathComponent("ssm-console").appendingPathComponent("execution-ids")
    }

    public struct Entry: Sendable, Equatable {
        public let id: String
        public let description: String
        public let seen: TimeInterval
    }

    /// The unexpired entries, newest first.
    public func entries() -> [Entry] {
        guard let bytes = try? ParamFile.readAll(url.path), String(validating: bytes, as: UTF8.self) != nil else {
            return []
        }
        let oldest = now().timeIntervalSince1970 - Self.lifetime
        // Split as bytes (tab and newline are single bytes in UTF-8): splitting the text as Characters took
        // a few tenths of a millisecond of every command once the file held a listing's 200 entries.
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line -> Entry? in
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let seen = TimeInterval(String(decoding: fields[0], as: UTF8.self)), seen >= oldest
            else { return nil }
            return Entry(
                id: String(decoding: fields[1], as: UTF8.self), description: String(decoding: fields[2], as: UTF8.self),
                seen: seen)
        }.sorted { $0.seen > $1.seen }
    }

    /// Adds the executions named in these answers (a listing's metadata, one execution, a start's new ID).
    /// A cache that cannot be written only means fewer completions, so failures are ignored rather than
    /// reported on every command. Plain system calls: FileManager's first use costs milliseconds of a
    /// command that takes thirty.
    public func record(_ answers: [WireJSON]) {
        var found: [(id: String, description: String)] = []
        for answer in answers { Self.collect(answer, into: &found) }
        guard !found.isEmpty else { return }
        let time = now().timeIntervalSince1970
        var merged = found.map { Entry(id: $0.id, description: $0.description, seen: time) }
        let fresh = Set(merged.map(\.id))
        merged += entries().filter { !fresh.contains($0.id) }
        let text = merged.prefix(Self.capacity).map { "\(Int($0.seen))\t\($0.id)\t\($0.description)\n" }.joined()
        let directory = url.deletingLastPathComponent().path
        guard Self.makeDirectories(directory) else { return }
        // Written beside and renamed over, so a reader never sees half a file.
        let temporary = directory + "/.execution-ids.\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        if written != bytes.count || rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    /// mkdir -p, private to the user; true when the directory exists afterwards.
    private static func makeDirectories(_ path: String) -> Bool {
        var built = ""
        for component in path.split(separator: "/") {
            built += "/" + String(component)
            if mkdir(built, 0o700) != 0 && errno != EEXIST { return false }
        }
        return true
    }

    /// Objects with an AutomationExecutionId, at the top level or one or two levels down: the first `capacity`,
    /// which are all the file keeps (a listing of 1,000 executions is not walked to the end).
    private static func collect(_ value: WireJSON, into found: inout [(id: String, description: String)], depth: Int = 0) {
        guard found.count < capacity else { return }
        switch value {
        case .object(let members):
            if let id = value["AutomationExecutionId"]?.stringValue {
                let words = [value["DocumentName"]?.stringValue, value["AutomationExecutionStatus"]?.stringValue]
                let description = words.compactMap { $0 }.joined(separator: " ")
                let breaksLines = description.utf8.contains { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }
                found.append((id, breaksLines ? String(description.map { $0 == "\t" || $0 == "\n" ? " " : $0 }) : description))
            }
            guard depth < 2 else { return }
            for member in members where member.value.isArray || member.value.isObject {
                collect(member.value, into: &found, depth: depth + 1)
            }
        case .array(let items):
            for item in items where found.count < capacity { collect(item, into: &found, depth: depth) }
        default:
            return
        }
    }
}
