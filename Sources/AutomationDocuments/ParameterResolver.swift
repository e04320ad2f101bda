import AutomationModel

/// An execution's parameters after defaults and type conversion.
public struct ResolvedParameters: Sendable, Hashable {
    /// Typed values for interpolation: StringList as a list, Integer as a number, and so on.
    public var values: [String: JSONValue]
    /// What GetAutomationExecution shows as Parameters: every declared parameter, defaults included.
    public var apiParameters: AutomationParameterMap

    public init(values: [String: JSONValue], apiParameters: AutomationParameterMap) {
        self.values = values
        self.apiParameters = apiParameters
    }
}

/// Checks StartAutomationExecution's Parameters against the document's declarations and fills in defaults.
public enum ParameterResolver {
    /// - Parameter maxValueLength: the longest value accepted. Step Functions task tokens run past the
    ///   512 characters the API model allows, and must pass through.
    public static func resolve(
        definitions: [ParameterDefinition], provided: AutomationParameterMap?, maxValueLength: Int
    ) throws(ServiceError) -> ResolvedParameters {
        let provided = provided ?? [:]
        let declared = definitions.map(\.name)
        if let unknown = provided.keys.sorted().first(where: { !declared.contains($0) }) {
            throw invalid(
                "Parameter '\(unknown)' is not declared by the document. \(declared.isEmpty ? "The document takes no parameters." : "Its parameters are: \(declared.joined(separator: ", ")).")"
            )
        }
        var resolved = ResolvedParameters(values: [:], apiParameters: [:])
        for definition in definitions {
            if let wire = provided[definition.name] {
                resolved.values[definition.name] = try value(of: wire, for: definition, maxValueLength: maxValueLength)
                resolved.apiParameters[definition.name] = wire
            } else if let defaultValue = definition.defaultValue {
                guard let typed = definition.type.coerce(defaultValue) else {
                    throw invalid(
                        "Parameter '\(definition.name)' has a default (\(defaultValue.jsonText)) that is not of type \(definition.type.rawValue); give a value for it or fix the document.")
                }
                resolved.values[definition.name] = typed
                resolved.apiParameters[definition.name] = WireParameterValue.strings(of: typed, type: definition.type)
            } else {
                throw invalid(
                    "Parameter '\(definition.name)' is required: give it \(definition.type.example), for example --parameters \(definition.name)=<value>."
                )
            }
        }
        return resolved
    }

    private static func value(
        of wire: [String], for definition: ParameterDefinition, maxValueLength: Int
    ) throws(ServiceError) -> JSONValue {
        let name = definition.name
        for text in wire where text.count > maxValueLength {
            throw invalid(
                "Parameter '\(name)' has a value of \(text.count) characters; values may be at most \(maxValueLength) characters long.")
        }
        let typed: JSONValue
        do {
            typed = try WireParameterValue.decode(wire, type: definition.type)
        } catch {
            throw invalid("Parameter '\(name)' \(error.problem)")
        }
        if let violation = definition.ruleViolation(for: typed) {
            throw invalid("Parameter '\(name)' \(violation).")
        }
        return typed
    }

    private static func invalid(_ message: String) -> ServiceError {
        ServiceError(.invalidAutomationExecutionParametersException, message)
    }
}
