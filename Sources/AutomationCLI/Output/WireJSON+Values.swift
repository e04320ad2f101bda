import AutomationModel
import Foundation

extension WireJSON {
    /// A parsed input value; integral numbers are written without a fraction, as the AWS CLI sends them.
    public init(_ value: JSONValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .number(let number):
            if number.rounded() == number && abs(number) < 1e15 {
                self = .number(String(Int(number)))
            } else {
                self = .number(PythonNumber.floatRepr(number))
            }
        case .bool(let flag): self = .bool(flag)
        case .null: self = .null
        case .array(let items): self = .array(items.map(WireJSON.init))
        case .object(let members):
            self = .object(members.sorted { $0.key < $1.key }.map { ($0.key, WireJSON($0.value)) })
        }
    }

    /// Compact JSON text, for request bodies.
    public var compactText: String {
        switch self {
        case .string(let text): return PythonJSONWriter.quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { PythonJSONWriter.quoted($0.key) + ":" + $0.value.compactText }.joined(separator: ",") + "}"
        }
    }
}
