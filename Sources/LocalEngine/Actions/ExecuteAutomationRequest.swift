import AutomationModel

/// An aws:executeAutomation step's inputs as the StartAutomationExecution request they make: DocumentName,
/// DocumentVersion, RuntimeParameters, and the rate-control inputs Targets, TargetMaps, TargetParameterName,
/// MaxConcurrency and MaxErrors.
enum ExecuteAutomationRequest {
    static let action = AutomationActionName.executeAutomation.rawValue

    static func make(_ inputs: [String: JSONValue]) throws(ActionFailure) -> StartAutomationExecutionRequest {
        let reader = ActionInputs(inputs, action: action)
        var request = StartAutomationExecutionRequest(documentName: try reader.requiredString("DocumentName"))
        request.documentVersion = try reader.optionalString("DocumentVersion")
        if let parameters = reader.entry(["RuntimeParameters"])?.value {
            request.parameters = try parameterMap(parameters, name: "RuntimeParameters")
        }
        request.targetParameterName = try reader.optionalString("TargetParameterName")
        request.maxConcurrency = try reader.optionalString("MaxConcurrency")
        request.maxErrors = try reader.optionalString("MaxErrors")
        if let targets = reader.entry(["Targets"])?.value {
            request.targets = try list(targets, name: "Targets").map { (entry) throws(ActionFailure) -> Target in
                guard case .object(let fields) = entry, let key = fields["Key"]?.stringValue, let values = fields["Values"]
                else {
                    throw .invalidInput(
                        "\(action) each Targets entry needs Key and Values, as in {\"Key\": \"tag:Env\", \"Values\": [\"prod\"]}; got \(ActionInputs.describe(entry)).")
                }
                return Target(key: key, values: try ActionInputs.textList(values, name: "Targets Values", action: action))
            }
        }
        if let maps = reader.entry(["TargetMaps"])?.value {
            request.targetMaps = try list(maps, name: "TargetMaps").map { (map) throws(ActionFailure) in
                try parameterMap(map, name: "TargetMaps")
            }
        }
        return request
    }

    /// A map of parameter names to values (a value or a list of them), or JSON text holding one.
    private static func parameterMap(_ value: JSONValue, name: String) throws(ActionFailure) -> AutomationParameterMap {
        guard case .object(let fields) = parsed(value) else {
            throw .invalidInput(
                "\(action) \(name) must be a map of parameter names to values, such as {\"InstanceId\": \"mi-0123456789abcdef0\"}; got \(ActionInputs.describe(value)).")
        }
        var map: AutomationParameterMap = [:]
        for (key, item) in fields {
            map[key] = try ActionInputs.textList(item, name: "\(name) \(key)", action: action)
        }
        return map
    }

    private static func list(_ value: JSONValue, name: String) throws(ActionFailure) -> [JSONValue] {
        switch parsed(value) {
        case .array(let items): return items
        case .object(let single): return [.object(single)]
        default:
            throw .invalidInput("\(action) \(name) must be a list; got \(ActionInputs.describe(value)).")
        }
    }

    /// Inputs that arrive as JSON text (a parameter interpolated whole) are read as the JSON they hold.
    private static func parsed(_ value: JSONValue) -> JSONValue {
        if case .string(let text) = value, let parsed = try? JSONValue.parse(text) { return parsed }
        return value
    }
}
