import AutomationModel

/// A document as read from YAML or JSON, keeping mapping order (the parameters list needs it)
/// and each scalar's original text (so `schemaVersion: 0.3` or `default: 3.10` read as written).
indirect enum DocumentNode: Sendable, Hashable {
    case scalar(JSONValue, text: String)
    case sequence([DocumentNode])
    case mapping([Entry])

    struct Entry: Sendable, Hashable {
        var key: String
        var value: DocumentNode
    }

    /// The value as JSON: how step inputs and parameter defaults are kept.
    var jsonValue: JSONValue {
        switch self {
        case .scalar(let value, _): return value
        case .sequence(let items): return .array(items.map(\.jsonValue))
        case .mapping(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries { object[entry.key] = entry.value.jsonValue }
            return .object(object)
        }
    }

    /// A scalar's text as written; nil for lists and maps.
    var scalarText: String? {
        if case .scalar(let value, let text) = self {
            return value == .null ? nil : text
        }
        return nil
    }

    var isNull: Bool {
        if case .scalar(.null, _) = self { return true }
        return false
    }

    /// How an error message describes what was found instead of what was expected.
    var kindDescription: String {
        switch self {
        case .scalar(.null, _): return "nothing (null)"
        case .scalar(.string(let text), _): return "the text '\(text.count > 60 ? text.prefix(60) + "…" : Substring(text))'"
        case .scalar(.number, let text): return "the number \(text)"
        case .scalar(.bool, let text): return "the boolean \(text)"
        case .scalar(_, let text): return "'\(text)'"
        case .sequence(let items): return "a list of \(items.count) item\(items.count == 1 ? "" : "s")"
        case .mapping: return "a map"
        }
    }
}
