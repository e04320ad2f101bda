import Foundation

/// A `file://path` value, read as the AWS CLI reads it: `~` and `$VARIABLES` expanded, UTF-8 text with
/// universal newlines. Any other value is not a file reference.
enum ParamFile {
    struct LoadError: Error, Sendable {
        let message: String
    }

    /// The file's text, or nil when `value` does not start with `file://`.
    static func contents(of value: String) throws(LoadError) -> String? {
        if value.hasPrefix("fileb://") {
            // The Automation operations take no binary members, so raw bytes would have nowhere to go.
            throw LoadError(message: "Unable to load paramfile \(value): fileb:// is for binary values and no "
                + "Automation parameter takes one; use file://\(value.dropFirst("fileb://".count)) for text.")
        }
        guard value.hasPrefix("file://") else { return nil }
        let path = expandVariables(expandUser(String(value.dropFirst("file://".count))))
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(message: "Unable to load paramfile \(value): \(reason(for: error, path: path))")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LoadError(message: "Unable to load paramfile (\(path)), text contents could not be decoded.  "
                + "If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.")
        }
        // Python's text mode: "\r\n" and a lone "\r" both read as "\n".
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func reason(for error: any Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? "[Errno 21] Is a directory: '\(path)'" : "[Errno 13] Permission denied: '\(path)'"
        }
        return "[Errno 2] No such file or directory: '\(path)'"
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
