import AutomationModel

/// Converts between a parameter's typed value and the list of strings the API carries.
enum WireParameterValue {
    struct DecodingProblem: Error {
        /// Follows the parameter's name: "must be a whole number such as 42; got 'abc'."
        var problem: String
    }

    static func decode(_ wire: [String], type: ParameterType) throws(DecodingProblem) -> JSONValue {
        switch type {
        case .stringList:
            return .array(wire.map(JSONValue.string))
        case .mapList:
            var objects: [JSONValue] = []
            for text in wire {
                switch try? JSONValue.parse(text) {
                case .object(let object)?: objects.append(.object(object))
                // A whole list given as one JSON text is taken as its items.
                case .array(let items)? where items.allSatisfy({ $0.objectValue != nil }): objects.append(contentsOf: items)
                default:
                    throw DecodingProblem(problem: "is a MapList: each value must be a JSON object such as {\"Key\":\"InstanceIds\",\"Values\":[\"i-0123\"]}; got '\(ParameterDefinition.shown(text))'.")
                }
            }
            return .array(objects)
        case .string, .integer, .boolean, .stringMap:
            guard wire.count == 1, let text = wire.first else {
                throw DecodingProblem(problem: "is a \(type.rawValue) and takes exactly one value, \(type.example); it was given \(wire.count).")
            }
            return try single(text, type: type)
        }
    }

    private static func single(_ text: String, type: ParameterType) throws(DecodingProblem) -> JSONValue {
        let typed: JSONValue?
        switch type {
        case .string: typed = .string(text)
        case .integer: typed = ParameterType.integer.coerce(.string(text))
        case .boolean: typed = ParameterType.boolean.coerce(.string(text))
        case .stringMap: typed = (try? JSONValue.parse(text)).flatMap { $0.objectValue != nil ? $0 : nil }
        case .stringList, .mapList: typed = nil
        }
        guard let typed else {
            throw DecodingProblem(problem: "must be \(type.example); got '\(ParameterDefinition.shown(text))'.")
        }
        return typed
    }

    /// The API's list-of-strings form of a typed value.
    static func strings(of value: JSONValue, type: ParameterType) -> [String] {
        switch type {
        case .stringList, .mapList: return (value.arrayValue ?? []).map(\.displayText)
        case .string, .integer, .boolean, .stringMap: return [value.displayText]
        }
    }
}
