/// Members the service sent that this model has no property for (a field AWS added after it was written), kept
/// so a client can still show them instead of dropping them in decoding.
enum UnmodeledFields {
    static func of<Key: CodingKey>(_ raw: JSONValue?, knownKeys: Key.Type) -> [String: JSONValue]? {
        guard let object = raw?.objectValue else { return nil }
        let unknown = object.filter { Key(stringValue: $0.key) == nil }
        return unknown.isEmpty ? nil : unknown
    }
}

extension StepExecution {
    /// Keeps the members of `raw` (this step as the service sent it) that the model does not know.
    mutating func keepUnmodeledFields(from raw: JSONValue?) {
        unmodeledFields = UnmodeledFields.of(raw, knownKeys: CodingKeys.self)
    }
}

extension AutomationExecution {
    /// Keeps the members of `raw` (this execution as the service sent it), and of its steps, that the model
    /// does not know.
    mutating func keepUnmodeledFields(from raw: JSONValue?) {
        unmodeledFields = UnmodeledFields.of(raw, knownKeys: CodingKeys.self)
        guard var steps = stepExecutions, let rawSteps = raw?.objectValue?["StepExecutions"]?.arrayValue,
            rawSteps.count == steps.count
        else { return }
        for index in steps.indices { steps[index].keepUnmodeledFields(from: rawSteps[index]) }
        stepExecutions = steps
    }
}

extension AutomationExecutionMetadata {
    mutating func keepUnmodeledFields(from raw: JSONValue?) {
        unmodeledFields = UnmodeledFields.of(raw, knownKeys: CodingKeys.self)
    }
}
