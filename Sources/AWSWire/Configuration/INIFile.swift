import Foundation

/// A shared config or credentials file, read with the rules of Python's `configparser` as botocore uses it:
/// `[section]` headers, `key = value` or `key: value` (keys lower-cased), full-line `#`/`;` comments, indented
/// continuation lines, and one level of nesting (`s3 =` followed by indented `key = value` lines).
struct INIFile: Sendable, Equatable {
    enum Value: Sendable, Equatable {
        case text(String)
        case nested([String: String])

        var text: String? {
            if case .text(let value) = self { return value }
            return nil
        }
    }

    var sections: [String: [String: Value]] = [:]

    static func parse(_ contents: String, path: String) throws(AWSConfigurationError) -> INIFile {
        var raw: [String: [(key: String, value: String)]] = [:]
        var sectionOrder: [String] = []
        var current: String?
        var currentKeyIndent = 0
        var lastKey: String?

        // Python's universal newlines: "\r\n" and a lone "\r" end a line as "\n" does (Swift reads "\r\n" as one
        // Character, so splitting on "\n" alone would keep CRLF lines whole).
        let lines = contents.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (offset, line) in lines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let text = String(line)
            let stripped = text.trimmingCharacters(in: .whitespaces)
            if stripped.hasPrefix("#") || stripped.hasPrefix(";") { continue }
            if stripped.isEmpty {
                continue
            }
            let indent = text.prefix { $0 == " " || $0 == "\t" }.count
            if let section = current, lastKey != nil, indent > currentKeyIndent {
                // A continuation line belongs to the key above it.
                var entries = raw[section]!
                let last = entries.removeLast()
                entries.append((last.key, last.value + "\n" + stripped))
                raw[section] = entries
                continue
            }
            if stripped.hasPrefix("["), let close = stripped.lastIndex(of: "]") {
                let name = String(stripped[stripped.index(after: stripped.startIndex)..<close])
                guard raw[name] == nil else {
                    throw AWSConfigurationError(
                        .invalidFile,
                        "\(path), line \(lineNumber): section [\(name)] appears twice. Merge the two sections into one.")
                }
                raw[name] = []
                sectionOrder.append(name)
                current = name
                lastKey = nil
                continue
            }
            guard let section = current else {
                throw AWSConfigurationError(
                    .invalidFile,
                    "\(path), line \(lineNumber): '\(stripped)' comes before any [section] header. Put settings under a section such as [default].")
            }
            guard let separator = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw AWSConfigurationError(
                    .invalidFile,
                    "\(path), line \(lineNumber): '\(stripped)' is not a 'key = value' line. Fix or remove it.")
            }
            let key = stripped[..<separator].trimmingCharacters(in: .whitespaces).lowercased()
            let value = stripped[stripped.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            guard !raw[section]!.contains(where: { $0.key == key }) else {
                throw AWSConfigurationError(
                    .invalidFile,
                    "\(path), line \(lineNumber): '\(key)' is set twice in [\(section)]. Keep one of them.")
            }
            raw[section]!.append((key, value))
            lastKey = key
            currentKeyIndent = indent
        }

        var file = INIFile()
        for name in sectionOrder {
            var values: [String: Value] = [:]
            for entry in raw[name]! {
                values[entry.key] = try nestedOrText(entry.value, key: entry.key, section: name, path: path)
            }
            file.sections[name] = values
        }
        return file
    }

    /// A value that starts with a line break (`key =` then indented lines) is a nested block of `k = v` lines.
    private static func nestedOrText(
        _ value: String, key: String, section: String, path: String
    ) throws(AWSConfigurationError) -> Value {
        guard value.hasPrefix("\n") else { return .text(value) }
        var nested: [String: String] = [:]
        for line in value.split(separator: "\n") {
            let stripped = line.trimmingCharacters(in: .whitespaces)
            if stripped.isEmpty { continue }
            guard let equals = stripped.firstIndex(of: "=") else {
                throw AWSConfigurationError(
                    .invalidFile,
                    "\(path): in [\(section)], the nested setting '\(stripped)' under '\(key)' is not a 'key = value' line.")
            }
            nested[stripped[..<equals].trimmingCharacters(in: .whitespaces)] =
                stripped[stripped.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return .nested(nested)
    }

    /// The file at `path`, or nil when there is none. botocore reads only a regular file (`os.path.isfile`,
    /// which follows links): /dev/null, a FIFO or a directory counts as no file, and a FIFO is never opened,
    /// so nothing waits on a writer.
    static func load(path: String) throws(AWSConfigurationError) -> INIFile? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let bytes: [UInt8]
        do {
            bytes = try RegularFileReader.contents(of: path)
        } catch {
            throw AWSConfigurationError(
                .invalidFile, "Unable to read config file \(path): \(error.reason). Check its permissions.")
        }
        return try parse(decoded(bytes, path: path), path: path)
    }

    /// The bytes as UTF-8 text, without the byte order mark an editor may have saved in front of it. botocore's
    /// configparser fails on such a file ("no section header"); reading it is what an operator expects of a file
    /// that looks right in every editor, and no file that botocore reads is read differently.
    static func decoded(_ bytes: [UInt8], path: String) throws(AWSConfigurationError) -> String {
        let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw AWSConfigurationError(
                .invalidFile, "Unable to parse config file: \(path): it is not UTF-8 text. Save it as UTF-8.")
        }
        return text
    }
}
