import AutomationDocuments
import AutomationModel
import Foundation

/// Resolves StartAutomationExecution's Targets or TargetMaps into one `FleetTarget` per child, checking them
/// as AWS does: Targets or TargetMaps, not both; Targets with a TargetParameterName the document declares.
enum FleetTargets {
    /// The API's limits (botocore: Targets 0-5 entries of 0-50 values, TargetMaps 0-300 maps of 1-20 keys).
    static let maxTargets = 5
    static let maxTargetValues = 50
    static let maxTargetMaps = 300
    static let maxTargetMapKeys = 20

    /// Whether the request asks for rate control at all.
    static func requested(_ request: StartAutomationExecutionRequest) -> Bool {
        !(request.targets ?? []).isEmpty || !(request.targetMaps ?? []).isEmpty || request.targetParameterName != nil
            || request.maxConcurrency != nil || request.maxErrors != nil
    }

    static func resolve(
        _ request: StartAutomationExecutionRequest, document: AutomationDocument, instances: [ManagedInstance]
    ) throws(ServiceError) -> [FleetTarget] {
        let targets = request.targets ?? []
        let maps = request.targetMaps ?? []
        let declared = document.parameters.map(\.name)
        switch (targets.isEmpty, maps.isEmpty) {
        case (false, false):
            throw ServiceError(
                .validationException,
                "Targets and TargetMaps cannot be used together; give one of them (TargetMaps names the parameters of each child itself).")
        case (true, true):
            throw ServiceError(
                .validationException,
                "\(request.targetParameterName != nil ? "TargetParameterName" : "MaxConcurrency and MaxErrors") apply to rate-controlled executions: add Targets (with TargetParameterName) or TargetMaps, or leave \(request.targetParameterName != nil ? "it" : "them") out.")
        case (false, true):
            guard let name = request.targetParameterName, !name.isEmpty else {
                throw ServiceError(
                    .validationException,
                    "Targets needs TargetParameterName: the document parameter each child receives its target in, such as InstanceId.")
            }
            guard declared.contains(name) else {
                throw ServiceError(
                    .invalidAutomationExecutionParametersException,
                    "TargetParameterName '\(name)' is not a parameter of \(request.documentName). \(declared.isEmpty ? "The document takes no parameters." : "Its parameters are: \(declared.joined(separator: ", ")).")")
            }
            if request.parameters?[name] != nil {
                throw ServiceError(
                    .invalidAutomationExecutionParametersException,
                    "Parameter '\(name)' is the TargetParameterName, so each child receives it from Targets; remove it from Parameters.")
            }
            return try values(of: targets, instances: instances).map { value in
                FleetTarget(target: value, parameters: [name: [value]])
            }
        case (true, false):
            if request.targetParameterName != nil {
                throw ServiceError(
                    .validationException,
                    "TargetParameterName goes with Targets; TargetMaps name each child's parameters themselves. Remove TargetParameterName.")
            }
            guard maps.count <= maxTargetMaps else {
                throw ServiceError(
                    .validationException, "TargetMaps takes at most \(maxTargetMaps) maps; got \(maps.count).")
            }
            return try maps.map { (map) throws(ServiceError) -> FleetTarget in
                guard (1...maxTargetMapKeys).contains(map.count) else {
                    throw ServiceError(
                        .validationException,
                        "Each TargetMaps entry maps 1 to \(maxTargetMapKeys) parameters to their values; got one with \(map.count).")
                }
                if let unknown = map.keys.sorted().first(where: { !declared.contains($0) }) {
                    throw ServiceError(
                        .invalidAutomationExecutionParametersException,
                        "TargetMaps names parameter '\(unknown)', which \(request.documentName) does not declare. \(declared.isEmpty ? "The document takes no parameters." : "Its parameters are: \(declared.joined(separator: ", ")).")")
                }
                return FleetTarget(target: JSONValue.object(map.mapValues { .array($0.map(JSONValue.string)) }).jsonText, parameters: map)
            }
        }
    }

    /// Targets entries: ParameterValues are the values themselves; tag:KEY, tag-key and InstanceIds select
    /// local managed instances, whose IDs are the values. Several entries must all match, as in SendCommand.
    private static func values(of targets: [Target], instances: [ManagedInstance]) throws(ServiceError) -> [String] {
        guard targets.count <= maxTargets else {
            throw ServiceError(.validationException, "Targets takes at most \(maxTargets) entries; got \(targets.count).")
        }
        var parameterValues: [String]?
        var selected: [ManagedInstance]?
        for target in targets {
            let key = target.key ?? ""
            let values = target.values ?? []
            guard !values.isEmpty, values.count <= maxTargetValues else {
                throw ServiceError(
                    .validationException,
                    "Targets entry '\(key)' needs 1 to \(maxTargetValues) values; got \(values.count). Split a longer list over TargetMaps or tags.")
            }
            if key == "ParameterValues" {
                guard parameterValues == nil, selected == nil, targets.count == 1 else {
                    throw ServiceError(
                        .invalidTarget, "Targets with ParameterValues takes no other entry; give the values in one ParameterValues entry.")
                }
                parameterValues = values
                continue
            }
            let pool = selected ?? instances
            if key == "InstanceIds" {
                let known = Set(instances.map(\.id))
                if let unknown = values.first(where: { $0 != "*" && !known.contains($0) }) {
                    throw ServiceError(
                        .invalidTarget, "Instance \(unknown) is not a managed instance of this engine. Known instances: \(describe(instances)).")
                }
                selected = values.contains("*") ? pool : pool.filter { values.contains($0.id) }
            } else if key.hasPrefix("tag:"), key.count > 4 {
                let tag = String(key.dropFirst(4))
                selected = pool.filter { $0.tags[tag].map(values.contains) ?? false }
            } else if key == "tag-key" {
                selected = pool.filter { instance in values.contains { instance.tags[$0] != nil } }
            } else {
                throw ServiceError(
                    .invalidTarget,
                    "Targets key '\(key)' is not one the local engine resolves; use ParameterValues, tag:KEY, tag-key or InstanceIds.")
            }
        }
        if let parameterValues { return parameterValues }
        let ids = (selected ?? []).map(\.id)
        guard !ids.isEmpty else {
            let shown = targets.map { "\($0.key ?? "")=\(($0.values ?? []).joined(separator: ","))" }.joined(separator: " and ")
            throw ServiceError(
                .invalidTarget, "Targets \(shown) resolve to no managed instance. Known instances: \(describe(instances)).")
        }
        return ids
    }

    private static func describe(_ instances: [ManagedInstance]) -> String {
        let shown = instances.prefix(20).map { instance in
            let tags = instance.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return tags.isEmpty ? instance.id : "\(instance.id) (\(tags.joined(separator: ", ")))"
        }
        return shown.joined(separator: "; ") + (instances.count > 20 ? "; and \(instances.count - 20) more" : "")
    }
}
