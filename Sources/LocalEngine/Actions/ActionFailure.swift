import AutomationModel

/// Why an action could not do its work, in the form a step execution reports it.
public struct ActionFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var failureDetails: FailureDetails

    public init(_ message: String, stage: FailureStage, type: String, details: [String: [String]] = [:]) {
        self.message = message
        failureDetails = FailureDetails(
            failureStage: stage.rawValue, failureType: type,
            details: details.isEmpty ? nil : Self.fitDetails(details))
    }

    public var description: String { message }

    /// The failed outcome a runner returns for this failure.
    public var outcome: ActionOutcome {
        .failed(ActionResult(failureMessage: message, failureDetails: failureDetails))
    }

    /// FailureDetails.Stage, with the values the API documents.
    public enum FailureStage: String, Sendable {
        case inputValidation = "InputValidation"
        case preVerification = "PreVerification"
        case invocation = "Invocation"
        case postVerification = "PostVerification"
    }

    /// FailureDetails.Type values the local runners use. The API documents Action, Permission, Throttling,
    /// Verification and Internal; target errors, AWS errors, timeouts and stops get their own names so they
    /// read plainly.
    public enum FailureType {
        public static let verification = "Verification"
        public static let action = "Action"
        public static let `internal` = "Internal"
        public static let invalidInstanceId = "InvalidInstanceId"
        public static let invalidTarget = "InvalidTarget"
        public static let awsApiError = "AwsApiError"
        public static let timedOut = "TimedOut"
        public static let cancelled = "Cancelled"
    }

    /// Details follow the API's limits: at most 50 values of 1-512 characters per key.
    private static func fitDetails(_ details: [String: [String]]) -> [String: [String]] {
        details.mapValues { values in
            values.prefix(50).compactMap { value in
                guard !value.isEmpty else { return nil }
                return value.count > 512 ? String(value.prefix(511)) + "…" : value
            }
        }
    }
}

extension ActionFailure {
    /// The failure a runner reports when the engine stopped its step (StopStep, Cancel or the step timeout).
    static func stopped(_ what: String, details: [String: [String]] = [:]) -> ActionFailure {
        ActionFailure(
            "The step was stopped before \(what) finished: the execution was cancelled, the step was stopped with StopStep, or the step reached its timeoutSeconds.",
            stage: .invocation, type: FailureType.cancelled, details: details)
    }

    /// A problem with the step's inputs.
    static func invalidInput(_ message: String, details: [String: [String]] = [:]) -> ActionFailure {
        ActionFailure(message, stage: .inputValidation, type: FailureType.verification, details: details)
    }
}
