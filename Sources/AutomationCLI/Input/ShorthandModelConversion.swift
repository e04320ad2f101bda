import AutomationModel

/// awscli's BackCompatVisitor: after shorthand parsing, a scalar where the model wants a list becomes a
/// one-element list, and "24"/"true" become numbers and booleans where the model says so. Keys the model does not
/// know are left alone for validation to report.
enum ShorthandModelConversion {
    /// The converted value, or nil to keep it as it is.
    static func convert(_ value: JSONValue, shape: Shape) throws(CommandLineInputError) -> JSONValue? {
        switch shape {
        case .structure(let members):
            guard case .object(var object) = value else { return nil }
            for member in members {
                guard let memberValue = object[member.name] else { continue }
                if let converted = try convert(memberValue, shape: member.shape) { object[member.name] = converted }
            }
            return .object(object)
        case .list(let element):
            guard case .array(let items) = value else { return .array([value]) }
            var converted: [JSONValue] = []
            for item in items { converted.append(try convert(item, shape: element) ?? item) }
            return .array(converted)
        case .map(let valueShape):
            guard case .object(var object) = value else { return nil }
            for (key, item) in object {
                if let converted = try convert(item, shape: valueShape) { object[key] = converted }
            }
            return .object(object)
        case .integer:
            // Python's int() of a list or dict is a TypeError awscli does not catch; say what is wanted instead.
            guard case .string(let text) = value else {
                throw CommandLineInputError("expected a whole number, got \(value.jsonText)")
            }
            guard let number = PythonText.int(text) else {
                throw CommandLineInputError("invalid literal for int() with base 10: '\(text)'")
            }
            return .number(Double(number))
        case .boolean:
            guard case .string(let text) = value else { return nil }
            switch text.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .string, .timestamp:
            return nil
        }
    }
}
