import AutomationModel

extension OutputSelector {
    /// Takes this output from an action's result and converts it to the declared Type.
    public func select(from result: JSONValue) throws(ServiceError) -> JSONValue {
        let described = "Output \(name) (Selector \(selector), Type \(type))"
        guard let path = JSONPath(selector) else {
            throw ServiceError(.validationException, "\(described): the Selector is not supported; \(JSONPath.syntaxHelp).")
        }
        guard let outputType = OutputType(rawValue: type) else {
            throw ServiceError(
                .validationException,
                "\(described): unknown Type; use one of \(OutputType.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard let found = path.select(from: result) else {
            throw ServiceError(
                .validationException,
                "\(described): the result has nothing at \(selector). Fix the Selector to a path the result has; the result was \(Self.shown(result.jsonText)).")
        }
        guard let converted = Self.convert(found, to: outputType) else {
            throw ServiceError(
                .validationException,
                "\(described): the value at \(selector) is \(Self.shown(found.jsonText)), which is not \(Self.expected(outputType)). Change the output's Type or Selector."
            )
        }
        return converted
    }

    private static func convert(_ value: JSONValue, to type: OutputType) -> JSONValue? {
        switch type {
        case .string:
            switch value {
            case .string, .number, .bool: return .string(value.displayText)
            default: return nil
            }
        case .integer:
            if case .bool = value { return nil }
            return value.intValue.map { .number(Double($0)) }
        case .boolean:
            return ParameterType.boolean.coerce(value)
        case .stringList:
            return ParameterType.stringList.coerce(value)
        case .stringMap:
            return value.objectValue == nil ? nil : value
        case .mapList:
            return ParameterType.mapList.coerce(value)
        }
    }

    private static func expected(_ type: OutputType) -> String {
        switch type {
        case .string: return "text (or a number or boolean)"
        case .integer: return "a whole number"
        case .boolean: return "true or false"
        case .stringList: return "a list of text values"
        case .stringMap: return "a JSON object"
        case .mapList: return "a list of JSON objects"
        }
    }

    private static func shown(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
