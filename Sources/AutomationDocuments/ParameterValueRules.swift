import AutomationModel
import Foundation

extension ParameterType {
    /// The value in this type's JSON form, or nil when it is not of this type.
    /// Numbers and booleans count as text for String and StringList, and text holding a number or
    /// true/false counts for Integer and Boolean, as SSM accepts both spellings.
    func coerce(_ value: JSONValue) -> JSONValue? {
        switch self {
        case .string:
            switch value {
            case .string, .number, .bool: return .string(value.displayText)
            default: return nil
            }
        case .stringList:
            guard let items = value.arrayValue else { return nil }
            var texts: [JSONValue] = []
            for item in items {
                guard let text = ParameterType.string.coerce(item) else { return nil }
                texts.append(text)
            }
            return .array(texts)
        case .integer:
            if case .bool = value { return nil }
            return value.intValue.map { .number(Double($0)) }
        case .boolean:
            switch value {
            case .bool: return value
            case .string(let text) where text.lowercased() == "true": return .bool(true)
            case .string(let text) where text.lowercased() == "false": return .bool(false)
            default: return nil
            }
        case .mapList:
            guard let items = value.arrayValue, items.allSatisfy({ $0.objectValue != nil }) else { return nil }
            return value
        case .stringMap:
            return value.objectValue == nil ? nil : value
        }
    }

    /// What a value of this type looks like, for error messages.
    var example: String {
        switch self {
        case .string: return "a single text value"
        case .stringList: return "a list of text values"
        case .integer: return "a whole number such as 42"
        case .boolean: return "true or false"
        case .mapList: return "a list of JSON objects such as [{\"Key\":\"InstanceIds\",\"Values\":[\"i-0123\"]}]"
        case .stringMap: return "a JSON object such as {\"key\":\"value\"}"
        }
    }
}

extension ParameterDefinition {
    /// Why `value` (already of this parameter's type) breaks one of its rules, or nil when it keeps them all.
    /// The text follows the parameter's name: "Env must be one of: dev, prod; got 'test'".
    func ruleViolation(for value: JSONValue) -> String? {
        let texts = ruleTexts(of: value)
        if let allowedValues {
            for text in texts where !allowedValues.contains(text) {
                return "must be one of: \(allowedValues.joined(separator: ", ")); got '\(Self.shown(text))'"
            }
        }
        if let allowedPattern {
            guard let expression = Self.wholeValueExpression(allowedPattern) else {
                return "has an allowedPattern that is not a valid regular expression: \(allowedPattern)"
            }
            for text in texts where !Self.matches(expression, text) {
                return "must match the pattern \(allowedPattern); '\(Self.shown(text))' does not"
            }
        }
        for text in texts {
            if let minChars, text.count < minChars {
                return "must be at least \(minChars) characters long; '\(Self.shown(text))' has \(text.count)"
            }
            if let maxChars, text.count > maxChars {
                return "must be at most \(maxChars) characters long; '\(Self.shown(text))' has \(text.count)"
            }
        }
        if let count = itemCount(of: value) {
            if let minItems, count < minItems {
                return "needs at least \(minItems) item\(minItems == 1 ? "" : "s"); it has \(count)"
            }
            if let maxItems, count > maxItems {
                return "takes at most \(maxItems) item\(maxItems == 1 ? "" : "s"); it has \(count)"
            }
        }
        return nil
    }

    /// The texts allowedValues, allowedPattern and min/maxChars apply to.
    private func ruleTexts(of value: JSONValue) -> [String] {
        switch type {
        case .string, .integer, .boolean: return [value.displayText]
        case .stringList: return (value.arrayValue ?? []).map(\.displayText)
        case .mapList, .stringMap: return []
        }
    }

    private func itemCount(of value: JSONValue) -> Int? {
        switch type {
        case .stringList, .mapList: return value.arrayValue?.count
        case .stringMap: return value.objectValue?.count
        case .string, .integer, .boolean: return nil
        }
    }

    /// allowedPattern must match the whole value, so it is anchored at both ends.
    static func wholeValueExpression(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z")
    }

    static func matches(_ expression: NSRegularExpression, _ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func shown(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(60)) + "…" : text
    }
}
