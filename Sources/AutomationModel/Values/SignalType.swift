/// The signals SendAutomationSignal accepts.
public enum SignalType: String, Codable, Sendable, CaseIterable, Hashable {
    case approve = "Approve"
    case reject = "Reject"
    case startStep = "StartStep"
    case stopStep = "StopStep"
    case resume = "Resume"
    case revoke = "Revoke"

    /// The payload key the signal cannot do without, if any.
    public var requiredPayloadKey: String? {
        switch self {
        case .startStep, .resume: return "StepName"
        case .stopStep: return "StepExecutionId"
        case .approve, .reject, .revoke: return nil
        }
    }

    /// The payload keys the signal understands.
    public var payloadKeys: [String] {
        switch self {
        case .approve, .reject: return ["Comment"]
        case .startStep, .resume: return ["StepName"]
        case .stopStep: return ["StepExecutionId"]
        case .revoke: return ["Comment"]
        }
    }
}

/// How an execution moves between steps.
public enum ExecutionMode: String, Codable, Sendable, CaseIterable, Hashable {
    case auto = "Auto"
    case interactive = "Interactive"
}

/// How StopAutomationExecution ends an execution.
public enum StopType: String, Codable, Sendable, CaseIterable, Hashable {
    case complete = "Complete"
    case cancel = "Cancel"
}

/// Where an execution runs, as DescribeAutomationExecutions reports it.
public enum AutomationType: String, Codable, Sendable, CaseIterable, Hashable {
    case crossAccount = "CrossAccount"
    case local = "Local"
}
