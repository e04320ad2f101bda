import AutomationModel
import Foundation

extension ManagedInstanceRegistry {
    /// The instances a step's inputs select: `InstanceIds` (a list or one ID) or `Targets`
    /// (`[{Key: InstanceIds | tag:KEY | tag-key, Values: [...]}]`, with Key/Values or key/values).
    /// Several Targets entries must all match (as SendCommand combines them); values within one entry are
    /// alternatives. The result keeps the registry's order and never repeats an instance.
    public func selectTargets(
        from inputs: [String: JSONValue], action: String = AutomationActionName.runCommand.rawValue
    ) throws(ActionFailure) -> [ManagedInstance] {
        let reader = ActionInputs(inputs, action: action)
        let byIds = reader.entry(["InstanceIds"])
        let byTargets = reader.entry(["Targets"])
        switch (byIds, byTargets) {
        case (nil, nil):
            throw .invalidInput(
                "\(action) needs InstanceIds or Targets to say where the command runs; known instances: \(knownList). Example: InstanceIds: [\"\(Self.localhost.id)\"].",
                details: ["KnownInstanceIds": instanceIds])
        case (.some, .some):
            throw .invalidInput("\(action) takes InstanceIds or Targets, not both; remove one of them.")
        case (let ids?, nil):
            let requested = try ActionInputs.textList(ids.value, name: "InstanceIds", action: action)
            return try instances(withIds: requested, action: action)
        case (nil, let targets?):
            return try instances(matching: try Self.parseTargets(targets.value, action: action), action: action)
        }
    }

    private var knownList: String {
        instances.map { instance in
            let tags = instance.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return tags.isEmpty ? instance.id : "\(instance.id) (\(tags.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }

    private func instances(withIds ids: [String], action: String) throws(ActionFailure) -> [ManagedInstance] {
        let trimmed = ids.map { $0.trimmingCharacters(in: .whitespaces) }
        guard !trimmed.isEmpty else {
            throw .invalidInput("\(action) InstanceIds is empty; name at least one instance such as \(Self.localhost.id).")
        }
        if trimmed.contains("*") { return instances }
        let unknown = trimmed.filter { instance(withId: $0) == nil }
        guard unknown.isEmpty else {
            let quoted = unknown.map { "'\($0)'" }.joined(separator: ", ")
            throw ActionFailure(
                "InvalidInstanceId: \(action) cannot run on \(quoted): no such managed instance in the local engine. Known instances: \(knownList).",
                stage: .inputValidation, type: ActionFailure.FailureType.invalidInstanceId,
                details: ["InvalidInstanceIds": unknown, "KnownInstanceIds": instanceIds])
        }
        let wanted = Set(trimmed)
        return instances.filter { wanted.contains($0.id) }
    }

    private func instances(matching targets: [Target], action: String) throws(ActionFailure) -> [ManagedInstance] {
        var selected = instances
        for target in targets {
            let key = target.key ?? ""
            let values = target.values ?? []
            if key == "InstanceIds" {
                let chosen = Set(try instances(withIds: values, action: action).map(\.id))
                selected = selected.filter { chosen.contains($0.id) }
            } else if key.hasPrefix("tag:") {
                let tagKey = String(key.dropFirst(4))
                selected = selected.filter { instance in
                    guard let value = instance.tags[tagKey] else { return false }
                    return values.contains(value)
                }
            } else if key == "tag-key" {
                selected = selected.filter { instance in values.contains { instance.tags[$0] != nil } }
            } else {
                throw .invalidInput(
                    "\(action) Targets key '\(key)' is not supported by the local engine; use InstanceIds, tag:KEY or tag-key.")
            }
        }
        guard !selected.isEmpty else {
            let shown = targets.map { "\($0.key ?? "")=\(($0.values ?? []).joined(separator: ","))" }
                .joined(separator: " and ")
            throw ActionFailure(
                "InvalidTarget: \(action) Targets \(shown) match no managed instance. Known instances: \(knownList).",
                stage: .inputValidation, type: ActionFailure.FailureType.invalidTarget,
                details: ["KnownInstanceIds": instanceIds])
        }
        return selected
    }

    /// Targets as a MapList value, or JSON text holding one.
    private static func parseTargets(_ value: JSONValue, action: String) throws(ActionFailure) -> [Target] {
        var list = value
        if case .string(let text) = value {
            guard let parsed = try? JSONValue.parse(text) else {
                throw .invalidInput(
                    "\(action) Targets must be a list such as [{\"Key\": \"tag:Name\", \"Values\": [\"localhost\"]}]; got text that is not JSON: \(text.prefix(80))")
            }
            list = parsed
        }
        if case .object = list { list = .array([list]) }
        guard case .array(let entries) = list, !entries.isEmpty else {
            throw .invalidInput(
                "\(action) Targets must be a non-empty list such as [{\"Key\": \"InstanceIds\", \"Values\": [\"\(localhost.id)\"]}]; got \(ActionInputs.describe(value)).")
        }
        var targets: [Target] = []
        for entry in entries {
            guard case .object(let fields) = entry,
                let key = (fields["Key"] ?? fields["key"])?.stringValue,
                let rawValues = fields["Values"] ?? fields["values"]
            else {
                throw .invalidInput(
                    "\(action) each Targets entry needs Key and Values, as in {\"Key\": \"tag:Name\", \"Values\": [\"localhost\"]}; got \(ActionInputs.describe(entry)).")
            }
            let values = try ActionInputs.textList(rawValues, name: "Targets Values", action: action)
            targets.append(Target(key: key, values: values))
        }
        return targets
    }
}
