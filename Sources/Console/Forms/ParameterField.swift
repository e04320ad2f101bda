import AutomationModel
import Foundation

/// One document parameter in the start form, typed as DescribeDocument declares it.
public struct ParameterField: Sendable, Hashable {
    public var name: String
    /// String, StringList, Integer, Boolean, StringMap or MapList.
    public var type: String
    public var description: String?
    public var defaultValue: String?
    public var value: String

    public init(_ parameter: DocumentParameter) {
        name = parameter.name ?? ""
        type = parameter.type ?? "String"
        description = parameter.description
        defaultValue = parameter.defaultValue
        value = parameter.defaultValue ?? ""
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

    /// The API's list-of-strings form of the value, nil when it is left out, or what is wrong with it.
    public func wireValue() -> Result<[String]?, FormProblem> {
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
