/// The request limits the API model sets, checked before anything is sent.
/// The AWS CLI refuses the same inputs on the client; the engine applies them again on arrival.
public enum ClientLimits {
    public static let executionIdLength = 36
    public static let mapKeys = 1...200
    public static let keyLength = 1...50
    public static let valuesPerKey = 0...50
    public static let valueLength = 1...512

    /// What is wrong with a parameter name, or nil: the one rule for a name a document declares
    /// (CreateDocument, UpdateDocument) and a name a request sends (StartAutomationExecution, signals), so a
    /// document is never accepted with a parameter that no start could give.
    public static func parameterKeyProblem(_ key: String) -> String? {
        guard keyLength.contains(key.count) else {
            return "must be \(keyLength.lowerBound) to \(keyLength.upperBound) characters long; it has \(key.count)"
        }
        return nil
    }

    /// Checks an execution ID's length.
    public static func checkExecutionId(_ id: String, field: String = "AutomationExecutionId") throws(ServiceError) {
        guard id.count == executionIdLength else {
            throw ServiceError(
                .validationException,
                "\(field) must be exactly \(executionIdLength) characters (a UUID such as 73c8eef8-f4ee-4a05-820c-e354f0000000); got \(id.count) characters: '\(id)'"
            )
        }
    }

    /// Checks a Payload or Parameters map: 1-200 keys of 1-50 characters, at most 50 values each,
    /// each value within `valueLength` characters.
    public static func checkParameterMap(
        _ map: AutomationParameterMap, field: String, valueLength: ClosedRange<Int> = valueLength
    ) throws(ServiceError) {
        guard mapKeys.contains(map.count) else {
            throw ServiceError(
                .validationException,
                "\(field) must have between \(mapKeys.lowerBound) and \(mapKeys.upperBound) keys; it has \(map.count). Leave it out entirely when there is nothing to send."
            )
        }
        for (key, values) in map.sorted(by: { $0.key < $1.key }) {
            if let problem = parameterKeyProblem(key) {
                throw ServiceError(.validationException, "\(field) key '\(key)' \(problem).")
            }
            guard valuesPerKey.contains(values.count) else {
                throw ServiceError(
                    .validationException,
                    "\(field) key '\(key)' has \(values.count) values; at most \(valuesPerKey.upperBound) are allowed."
                )
            }
            for value in values where !valueLength.contains(value.count) {
                let shown = value.count > 40 ? String(value.prefix(40)) + "…" : value
                throw ServiceError(
                    .validationException,
                    "\(field) value for '\(key)' must be \(valueLength.lowerBound) to \(valueLength.upperBound) characters long; '\(shown)' has \(value.count)."
                )
            }
        }
    }

    /// Checks a whole SendAutomationSignal request, including the payload key each signal needs.
    public static func checkSignal(_ request: SendAutomationSignalRequest) throws(ServiceError) -> SignalType {
        try checkExecutionId(request.automationExecutionId)
        guard let signal = SignalType(rawValue: request.signalType) else {
            let valid = SignalType.allCases.map(\.rawValue).joined(separator: ", ")
            throw ServiceError(
                .validationException, "Unknown signal type '\(request.signalType)'. Use one of: \(valid).")
        }
        if let payload = request.payload {
            try checkParameterMap(payload, field: "Payload")
        }
        if let key = signal.requiredPayloadKey {
            let values = request.payload?[key] ?? []
            guard values.count == 1 else {
                let example = key == "StepName" ? "StepName=restart" : "StepExecutionId=<step execution id>"
                throw ServiceError(
                    .validationException,
                    "A \(signal.rawValue) signal needs exactly one \(key) in its payload, for example --payload \(example)."
                )
            }
        }
        return signal
    }
}
