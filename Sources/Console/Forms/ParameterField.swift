import AutomationDocuments
import AutomationModel
import Foundation

/// One document parameter in the start form, typed as DescribeDocument declares it, with the rules the
/// document's content adds when it could be read.
public struct ParameterField: Sendable, Hashable {
    public var name: String
    /// String, StringList, Integer, Boolean, StringMap or MapList.
    public var type: String
    public var description: String?
    public var defaultValue: String?
    public var value: String
    /// The document's own declaration: allowedValues, allowedPattern, min/maxChars, min/maxItems.
    public var rules: ParameterDefinition?
    /// Set on the start form's rate-control rows, which are not document parameters.
    public var rateControl: RateControlField?

    public init(_ parameter: DocumentParameter, rules: ParameterDefinition? = nil) {
        name = parameter.name ?? ""
        type = parameter.type ?? "String"
        description = parameter.description
        defaultValue = parameter.defaultValue
        value = Self.editableText(parameter.defaultValue ?? "", type: type)
        self.rules = rules
    }

    /// DescribeDocument gives a StringList default as JSON text (["a","b"]); the form types lists comma-separated.
    private static func editableText(_ defaultValue: String, type: String) -> String {
        guard type == "StringList", let items = (try? JSONValue.parse(defaultValue))?.arrayValue else { return defaultValue }
        return items.map(\.displayText).joined(separator: ", ")
    }

    /// The values to pick from, for a single-valued parameter with allowedValues; empty when the value is typed.
    /// A StringList takes several of them, so it stays typed and is checked against them before sending.
    public var choices: [String] {
        guard type != "StringList", let allowed = rules?.allowedValues else { return [] }
        return allowed
    }

    public var isPickList: Bool { !choices.isEmpty }

    /// Moves a pick-list's value to the next (`by: 1`) or previous (`by: -1`) allowed value, wrapping around.
    /// A value that is none of them (empty, before the first pick) moves to the first or the last.
    public mutating func pick(by offset: Int) {
        let choices = choices
        guard !choices.isEmpty else { return }
        guard let current = choices.firstIndex(of: value) else {
            value = offset < 0 ? choices[choices.count - 1] : choices[0]
            return
        }
        value = choices[((current + offset) % choices.count + choices.count) % choices.count]
    }

    /// The document's rules in words, for the form: "one of: dev, prod", "pattern ^[0-9]+$", "1-64 characters".
    /// A pick-list shows its allowed values itself.
    public var ruleSummary: String? {
        guard let rules else { return nil }
        var parts: [String] = []
        if let allowed = rules.allowedValues, !isPickList { parts.append("one of: \(allowed.joined(separator: ", "))") }
        if let pattern = rules.allowedPattern { parts.append("pattern \(pattern)") }
        if let range = Self.range(rules.minChars, rules.maxChars) { parts.append("\(range) characters") }
        if let range = Self.range(rules.minItems, rules.maxItems) { parts.append("\(range) items") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    private static func range(_ low: Int?, _ high: Int?) -> String? {
        switch (low, high) {
        case (let low?, let high?): return "\(low)-\(high)"
        case (let low?, nil): return "at least \(low)"
        case (nil, let high?): return "at most \(high)"
        case (nil, nil): return nil
        }
    }

    /// A parameter without a default must be given.
    public var isRequired: Bool { defaultValue == nil }

    /// How to type a value of this type, for the form.
    public var hint: String {
        switch type {
        case "StringList": return "comma-separated"
        case "Integer": return "whole number"
        case "Boolean": return "true or false"
        case "StringMap": return "JSON object"
        case "MapList": return "JSON array of objects"
        default: return "text"
        }
    }

    /// The API's list-of-strings form of the value, nil when it is left out, or what is wrong with it: its type
    /// first, then the document's rules, checked as the engine checks them when the execution starts.
    public func wireValue() -> Result<[String]?, FormProblem> {
        let typed = typedWireValue()
        guard case .success(let values?) = typed, let rules else { return typed }
        do {
            _ = try ParameterResolver.resolve(
                definitions: [rules], provided: [name: values], maxValueLength: ClientLimits.valueLength.upperBound)
        } catch {
            return .failure(FormProblem(error.message))
        }
        return typed
    }

    private func typedWireValue() -> Result<[String]?, FormProblem> {
        let text = value.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            return isRequired ? .failure(FormProblem("\(name) is required (\(type), \(hint))")) : .success(nil)
        }
        switch type {
        case "StringList":
            return .success(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        case "Integer":
            guard Int(text) != nil else { return .failure(FormProblem("\(name) must be a whole number such as 42; got '\(text)'")) }
        case "Boolean":
            guard text == "true" || text == "false" else {
                return .failure(FormProblem("\(name) must be true or false; got '\(text)'"))
            }
        case "StringMap":
            guard (try? JSONValue.parse(text))?.objectValue != nil else {
                return .failure(FormProblem("\(name) must be a JSON object such as {\"Key\":\"Value\"}"))
            }
        case "MapList":
            guard let items = (try? JSONValue.parse(text))?.arrayValue, items.allSatisfy({ $0.objectValue != nil }) else {
                return .failure(FormProblem("\(name) must be a JSON array of objects such as [{\"Key\":\"Value\"}]"))
            }
            return .success(items.map(\.jsonText))
        default:
            break
        }
        return .success([text])
    }
}
