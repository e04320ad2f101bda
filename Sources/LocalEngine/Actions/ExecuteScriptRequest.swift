import AutomationModel

/// An aws:executeScript step's inputs, checked: an inline Python 3 script and its handler.
struct ExecuteScriptRequest: Sendable, Hashable {
    static let action = AutomationActionName.executeScript.rawValue

    var runtime: String
    var handler: String
    var script: String
    /// The `events` the handler receives.
    var inputPayload: [String: JSONValue]

    init(inputs: [String: JSONValue]) throws(ActionFailure) {
        let reader = ActionInputs(inputs, action: Self.action)
        runtime = try reader.requiredString("Runtime")
        guard LocalActionSupport.isPython3Runtime(runtime) else {
            throw .invalidInput(
                "\(Self.action) Runtime '\(runtime)' is not supported: the local engine runs Python 3 scripts only; use a Runtime such as python3.11.")
        }
        if reader.entry(["Attachment"]) != nil {
            throw .invalidInput(
                "\(Self.action) Attachment is not supported by the local engine; put the code inline in Script.")
        }
        handler = try reader.requiredString("Handler").trimmingCharacters(in: .whitespaces)
        guard !handler.isEmpty else {
            throw .invalidInput("\(Self.action) Handler is empty; name the function in Script to call, such as script_handler.")
        }
        guard let script = try reader.optionalString("Script"),
            !script.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else {
            throw .invalidInput(
                "\(Self.action) needs an inline Script defining the Handler function, such as: def \(handler)(events, context): return {}")
        }
        self.script = script
        inputPayload = try Self.payload(reader.entry(["InputPayload"])?.value)
    }

    /// A map, or JSON text holding one; absent means empty.
    private static func payload(_ value: JSONValue?) throws(ActionFailure) -> [String: JSONValue] {
        guard let value else { return [:] }
        if case .object(let map) = value { return map }
        if case .string(let text) = value {
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return [:] }
            if case .object(let map)? = try? JSONValue.parse(text) { return map }
        }
        throw .invalidInput(
            "\(action) InputPayload must be a map, which the handler receives as events; got \(ActionInputs.describe(value)).")
    }
}
