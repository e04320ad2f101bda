import AutomationModel

/// Reads step inputs the lenient way SSM does: parameters are string lists on the wire, so a list of one
/// value stands for that value, and numbers may arrive as text.
struct ActionInputs: Sendable {
    let values: [String: JSONValue]
    let action: String

    init(_ values: [String: JSONValue], action: String) {
        self.values = values
        self.action = action
    }

    /// The first input present under any of `names`, with the name it was found under.
    func entry(_ names: [String]) -> (name: String, value: JSONValue)? {
        for name in names {
            if let value = values[name], value != .null { return (name, value) }
        }
        return nil
    }

    func requiredString(_ names: String...) throws(ActionFailure) -> String {
        guard let found = entry(names) else {
            throw .invalidInput("\(action) needs the input \(names[0]); add it to the step's inputs.")
        }
        return try Self.scalarText(found.value, name: found.name, action: action)
    }

    func optionalString(_ names: String...) throws(ActionFailure) -> String? {
        guard let found = entry(names) else { return nil }
        return try Self.scalarText(found.value, name: found.name, action: action)
    }

    /// A string, number or boolean as text; a list holding exactly one of them counts as that value.
    static func scalarText(_ value: JSONValue, name: String, action: String) throws(ActionFailure) -> String {
        switch value {
        case .string, .number, .bool:
            return value.displayText
        case .array(let items) where items.count == 1:
            return try scalarText(items[0], name: name, action: action)
        default:
            throw .invalidInput(
                "\(action) input \(name) must be a single text value; got \(describe(value)).")
        }
    }

    /// A list of strings; a single string counts as a list of one.
    static func textList(_ value: JSONValue, name: String, action: String) throws(ActionFailure) -> [String] {
        switch value {
        case .string, .number, .bool:
            return [value.displayText]
        case .array(let items):
            var texts: [String] = []
            for item in items {
                switch item {
                case .string, .number, .bool: texts.append(item.displayText)
                default:
                    throw .invalidInput(
                        "\(action) input \(name) must be a list of text values; one item is \(describe(item)).")
                }
            }
            return texts
        default:
            throw .invalidInput("\(action) input \(name) must be a list of text values; got \(describe(value)).")
        }
    }

    /// A short description of a value for error messages.
    static func describe(_ value: JSONValue) -> String {
        let text = value.jsonText
        let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
        switch value {
        case .object: return "a map \(shown)"
        case .array: return "a list \(shown)"
        case .null: return "null"
        default: return shown
        }
    }
}
