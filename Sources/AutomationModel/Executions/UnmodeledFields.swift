import Foundation

/// Members the service sent that this model has no property for (a field AWS added after it was written), at any
/// depth, kept so a client can still show them instead of dropping them in decoding.
///
/// One mechanism for every shape: the decoded value is encoded again, and whatever the raw answer has that the
/// re-encoded one lacks is a member the model does not know. Each is keyed by its path from the shape that keeps
/// it, in wire names: `Name` for the shape's own member, `FailureDetails.Name` inside a member, `Targets[0].Name`
/// inside an element of a list.
public enum UnmodeledFields {
    /// The members of `raw` that `modeled` (`raw` as decoded) does not carry, leaving out the top-level members
    /// named in `excluding` (lists whose elements keep their own).
    public static func of<Shape: Encodable>(_ raw: JSONValue?, modeled: Shape, excluding: Set<String> = []) -> [String: JSONValue]? {
        guard let raw, raw.objectValue != nil,
            let data = try? AWSJSON.encode(modeled),
            let known = try? AWSJSON.decode(JSONValue.self, from: data)
        else { return nil }
        var found: [String: JSONValue] = [:]
        collect(raw, known, path: "", excluding: excluding, into: &found)
        return found.isEmpty ? nil : found
    }

    private static func collect(
        _ raw: JSONValue, _ known: JSONValue, path: String, excluding: Set<String> = [], into found: inout [String: JSONValue]
    ) {
        switch (raw, known) {
        case (.object(let members), .object(let knownMembers)):
            for (name, value) in members where !excluding.contains(name) {
                let memberPath = path.isEmpty ? name : "\(path).\(name)"
                if let knownValue = knownMembers[name] {
                    collect(value, knownValue, path: memberPath, into: &found)
                } else if value != .null {
                    // A null is what a known but absent member can look like too: nothing to show either way.
                    found[memberPath] = value
                }
            }
        case (.array(let elements), .array(let knownElements)) where elements.count == knownElements.count:
            // A list the model decoded element for element; one it filtered cannot be lined up, so is left alone.
            for index in elements.indices {
                collect(elements[index], knownElements[index], path: "\(path)[\(index)]", into: &found)
            }
        default:
            return
        }
    }
}

extension StepExecution {
    /// Keeps the members of `raw` (this step as the service sent it) that the model does not know, at any depth.
    mutating func keepUnmodeledFields(from raw: JSONValue?) {
        unmodeledFields = UnmodeledFields.of(raw, modeled: self)
    }
}

extension AutomationExecution {
    /// Keeps the members of `raw` (this execution as the service sent it), and of its steps, that the model
    /// does not know, at any depth; each step keeps its own.
    mutating func keepUnmodeledFields(from raw: JSONValue?) {
        unmodeledFields = UnmodeledFields.of(raw, modeled: self, excluding: [CodingKeys.stepExecutions.stringValue])
        guard var steps = stepExecutions, let rawSteps = raw?.objectValue?["StepExecutions"]?.arrayValue,
            rawSteps.count == steps.count
        else { return }
        for index in steps.indices { steps[index].keepUnmodeledFields(from: rawSteps[index]) }
        stepExecutions = steps
    }
}

extension AutomationExecutionMetadata {
    /// Keeps the members of `raw` (this row as the service sent it) that the model does not know, at any depth.
    mutating func keepUnmodeledFields(from raw: JSONValue?) {
        unmodeledFields = UnmodeledFields.of(raw, modeled: self)
    }
}
