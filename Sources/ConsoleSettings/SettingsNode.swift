import Yams

/// A value of the config file with where it is, and readers that say what was expected when it is not that.
struct SettingsNode {
    var node: Node
    /// The setting's path, as `colors.header.fg`.
    var path: String
    var file: String

    var line: Int { node.mark?.line ?? 0 }
    var column: Int { node.mark?.column ?? 0 }

    func problem(_ message: String) -> SettingsProblem {
        SettingsProblem(file: file, line: line, column: column, setting: path, message: message)
    }

    var text: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    /// A plain `true` or `false` (YAML 1.2: `yes` and `on` are text, and refused here).
    func bool() throws(SettingsProblem) -> Bool {
        switch text {
        case "true": return true
        case "false": return false
        default: throw problem("expected true or false, got \(shown)")
        }
    }

    func number() throws(SettingsProblem) -> Double {
        guard let text, let value = Double(text), value.isFinite else { throw problem("expected a number, got \(shown)") }
        return value
    }

    /// Text; an empty string reads as nil (not set).
    func optionalString() throws(SettingsProblem) -> String? {
        guard case .scalar(let scalar) = node else { throw problem("expected text, got \(shown)") }
        if scalar.style == .plain, scalar.string == "null" || scalar.string == "~" { return nil }
        return scalar.string.isEmpty ? nil : scalar.string
    }

    func string() throws(SettingsProblem) -> String {
        guard let text, case .scalar = node else { throw problem("expected text, got \(shown)") }
        return text
    }

    /// A list, or a single value read as a list of one.
    func items() -> [SettingsNode] {
        switch node {
        case .sequence(let sequence):
            return sequence.enumerated().map { SettingsNode(node: $0.element, path: "\(path)[\($0.offset)]", file: file) }
        default:
            return [self]
        }
    }

    /// The entries of a mapping, in the file's order.
    func entries() throws(SettingsProblem) -> [(key: String, value: SettingsNode, keyNode: SettingsNode)] {
        guard case .mapping(let mapping) = node else { throw problem("expected settings under it (a mapping), got \(shown)") }
        var result: [(String, SettingsNode, SettingsNode)] = []
        for (key, value) in mapping {
            let name = key.string ?? "\(key)"
            let child = path.isEmpty ? name : "\(path).\(name)"
            if result.contains(where: { $0.0 == name }) {
                throw SettingsNode(node: key, path: child, file: file).problem("is set more than once; keep one")
            }
            result.append((name, SettingsNode(node: value, path: child, file: file), SettingsNode(node: key, path: child, file: file)))
        }
        return result
    }

    /// The value as the message quotes it.
    var shown: String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}
