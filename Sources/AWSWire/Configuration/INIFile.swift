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

        for (offset, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let text = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
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

    static func load(path: String) throws(AWSConfigurationError) -> INIFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AWSConfigurationError(.invalidFile, "\(path) exists but cannot be read. Check its permissions.")
        }
        guard let contents = String(data: data, encoding: .utf8) else {
            throw AWSConfigurationError(.invalidFile, "\(path) is not UTF-8 text. Save it as UTF-8.")
        }
        return try parse(contents, path: path)
    }
}
