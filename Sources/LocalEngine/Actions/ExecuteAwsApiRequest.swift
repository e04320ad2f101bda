import AutomationModel

/// An aws:executeAwsApi step's inputs, checked and mapped to a Step Functions task callback.
struct ExecuteAwsApiRequest: Sendable, Hashable {
    static let action = AutomationActionName.executeAwsApi.rawValue

    var api: StepFunctionsTaskApi
    /// The API's lowerCamel members.
    var input: [String: JSONValue]

    init(inputs: [String: JSONValue]) throws(ActionFailure) {
        let reader = ActionInputs(inputs, action: Self.action)
        let service = try reader.requiredString("Service")
        let apiName = try reader.requiredString("Api")
        guard LocalActionSupport.isStepFunctionsService(service) else {
            throw .invalidInput(
                "\(Self.action) Service '\(service)' is not supported by the local engine; it calls only Step Functions (Service stepfunctions) with Api SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat.")
        }
        guard let api = StepFunctionsTaskApi(apiName: apiName) else {
            throw .invalidInput(
                "\(Self.action) Api '\(apiName)' is not supported for Step Functions by the local engine; use SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat (or send_task_success, send_task_failure, send_task_heartbeat).")
        }
        self.api = api
        input = try Self.members(of: api, from: inputs)
    }

    /// Every input other than Service and Api is an API member, named as the API does (`taskToken`) or in
    /// PascalCase (`TaskToken`).
    private static func members(of api: StepFunctionsTaskApi, from inputs: [String: JSONValue])
        throws(ActionFailure) -> [String: JSONValue]
    {
        var members: [String: JSONValue] = [:]
        for (key, value) in inputs.sorted(by: { $0.key < $1.key }) where key != "Service" && key != "Api" {
            guard let member = api.members.first(where: { $0.lowercased() == key.lowercased() }) else {
                throw .invalidInput(
                    "\(action) \(api.rawValue) has no parameter '\(key)'; it takes \(api.members.joined(separator: ", ")).")
            }
            guard members[member] == nil else {
                throw .invalidInput("\(action) \(api.rawValue) parameter \(member) is given twice; keep one.")
            }
            members[member] = try memberValue(value, member: member, api: api)
        }
        for required in api.requiredMembers where members[required] == nil {
            throw .invalidInput(
                "\(action) \(api.rawValue) needs the parameter \(required); add it to the step's inputs.")
        }
        if api == .sendTaskSuccess, case .string(let output)? = members["output"] {
            guard (try? JSONValue.parse(output)) != nil else {
                let shown = output.count > 80 ? String(output.prefix(80)) + "…" : output
                throw .invalidInput(
                    "\(action) SendTaskSuccess output must be JSON text, such as '{\"status\": \"done\"}' or '\"done\"'; got \(shown).")
            }
        }
        return members
    }

    /// Every member is text. A list of one (automation parameters are string lists) counts as its item;
    /// SendTaskSuccess's output may also be given as a map or list, which is sent as its JSON text.
    private static func memberValue(_ value: JSONValue, member: String, api: StepFunctionsTaskApi)
        throws(ActionFailure) -> JSONValue
    {
        if member == "output" {
            if case .object = value { return .string(value.jsonText) }
            if case .array(let items) = value, items.count != 1 || items[0].stringValue == nil {
                return .string(value.jsonText)
            }
        }
        let text = try ActionInputs.scalarText(value, name: member, action: "\(action) \(api.rawValue)")
        if member == "taskToken" && text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalidInput("\(action) \(api.rawValue) taskToken is empty; pass the task token Step Functions sent.")
        }
        return .string(text)
    }
}
