import AutomationModel

/// botocore's ParamValidator for member names and types, with its wording, for a request document: unknown
/// members and values of the wrong type, nested ones named by path (`Targets[0].Key`). Required members and
/// limits are left to the request's own validation, as flags may still supply them.
enum InputDocumentCheck {
    static func problems(in object: [String: JSONValue], members: [Member], path: String) -> [String] {
        var problems: [String] = []
        let names = members.map(\.name)
        for key in object.keys.sorted() where !names.contains(key) {
            problems.append("Unknown parameter in \(path.isEmpty ? "input" : path): \"\(key)\", must be one of: "
                + names.joined(separator: ", "))
        }
        for member in members {
            guard let value = object[member.name] else { continue }
            problems += self.problems(in: value, shape: member.shape, path: path.isEmpty ? member.name : "\(path).\(member.name)")
        }
        return problems
    }

    static func problems(in value: JSONValue, shape: Shape, path: String) -> [String] {
        switch (shape, value) {
        case (.string, .string), (.boolean, .bool), (.timestamp, .string), (.timestamp, .number):
            return []
        case (.integer, .number(let number)) where number.rounded() == number:
            return []
        case (.structure(let members), .object(let object)):
            return problems(in: object, members: members, path: path)
        case (.map(let valueShape), .object(let object)):
            return object.keys.sorted().flatMap { problems(in: object[$0]!, shape: valueShape, path: "\(path).\($0)") }
        case (.list(let element), .array(let items)):
            return items.enumerated().flatMap { problems(in: $0.element, shape: element, path: "\(path)[\($0.offset)]") }
        default:
            return ["Invalid type for parameter \(path), value: \(pythonText(value)), type: \(pythonType(value)), "
                + "valid types: \(validTypes(shape))"]
        }
    }

    private static func validTypes(_ shape: Shape) -> String {
        switch shape {
        case .string: "<class 'str'>"
        case .integer: "<class 'int'>"
        case .boolean: "<class 'bool'>"
        case .timestamp: "<class 'datetime.datetime'>, timestamp-string"
        case .list: "<class 'list'>, <class 'tuple'>"
        case .map, .structure: "<class 'dict'>"
        }
    }

    private static func pythonType(_ value: JSONValue) -> String {
        switch value {
        case .string: "<class 'str'>"
        case .number(let number): number.rounded() == number ? "<class 'int'>" : "<class 'float'>"
        case .bool: "<class 'bool'>"
        case .null: "<class 'NoneType'>"
        case .array: "<class 'list'>"
        case .object: "<class 'dict'>"
        }
    }

    private static func pythonText(_ value: JSONValue) -> String {
        switch value {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        default: value.displayText
        }
    }
}
