import AutomationDocuments
import AutomationModel
import Foundation

/// One attempt of one step, with its inputs already interpolated.
public struct ActionInvocation: Sendable {
    public var executionId: String
    public var stepName: String
    public var stepExecutionId: String
    public var action: String
    public var inputs: [String: JSONValue]
    public var outputSelectors: [OutputSelector]
    /// Tells the engine outputs known before the attempt ends, such as the CommandId of a command that is still
    /// running, so the step shows them while it runs.
    public var reportOutputs: @Sendable ([String: JSONValue]) -> Void = { _ in }

    public init(
        executionId: String, stepName: String, stepExecutionId: String, action: String,
        inputs: [String: JSONValue], outputSelectors: [OutputSelector] = []
    ) {
        self.executionId = executionId
        self.stepName = stepName
        self.stepExecutionId = stepExecutionId
        self.action = action
        self.inputs = inputs
        self.outputSelectors = outputSelectors
    }
}

/// What an attempt produced. Outputs keep their JSON types so later steps can interpolate lists and maps.
public struct ActionResult: Sendable, Hashable {
    public var outputs: [String: JSONValue]
    public var response: String?
    public var responseCode: String?
    public var failureMessage: String?
    public var failureDetails: FailureDetails?

    public init(
        outputs: [String: JSONValue] = [:], response: String? = nil, responseCode: String? = nil,
        failureMessage: String? = nil, failureDetails: FailureDetails? = nil
    ) {
        self.outputs = outputs
        self.response = response
        self.responseCode = responseCode
        self.failureMessage = failureMessage
        self.failureDetails = failureDetails
    }
}

public enum ActionOutcome: Sendable, Hashable {
    case succeeded(ActionResult)
    case failed(ActionResult)
}

/// Runs the actions that take time (runCommand, executeScript, executeAwsApi, sleep).
/// The engine cancels the calling task to stop a step (StopStep, Cancel, a step timeout);
/// a runner then ends its work promptly, killing any process it started, and returns `.failed`.
public protocol StepActionRunner: Sendable {
    /// The action names this runner handles, such as `aws:runCommand`; the registry's tests check they agree
    /// with the entry the runner is made for.
    var actions: Set<String> { get }
    func run(_ invocation: ActionInvocation) async -> ActionOutcome
}
