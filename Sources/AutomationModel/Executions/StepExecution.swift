import Foundation

/// One run of one step of an execution.
public struct StepExecution: Codable, Sendable, Hashable {
    public var stepName: String?
    public var action: String?
    public var timeoutSeconds: Int?
    public var onFailure: String?
    public var maxAttempts: Int?
    public var executionStartTime: Date?
    public var executionEndTime: Date?
    public var stepStatus: AutomationExecutionStatus?
    public var responseCode: String?
    /// Each input's value as JSON text, as the service returns them.
    public var inputs: [String: String]?
    public var outputs: AutomationParameterMap?
    public var response: String?
    public var failureMessage: String?
    public var failureDetails: FailureDetails?
    public var stepExecutionId: String?
    public var overriddenParameters: AutomationParameterMap?
    public var isEnd: Bool?
    public var nextStep: String?
    public var isCritical: Bool?
    public var validNextSteps: [String]?
    public var targets: [Target]?
    public var targetLocation: TargetLocation?
    public var triggeredAlarms: [AlarmStateInformation]?
    public var parentStepDetails: ParentStepDetails?
    /// Members the service sent that this model does not know; kept from the wire, never encoded.
    public var unmodeledFields: [String: JSONValue]? = nil

    public init(stepName: String, action: String, stepExecutionId: String, stepStatus: AutomationExecutionStatus = .pending) {
        self.stepName = stepName
        self.action = action
        self.stepExecutionId = stepExecutionId
        self.stepStatus = stepStatus
    }

    enum CodingKeys: String, CodingKey {
        case stepName = "StepName"
        case action = "Action"
        case timeoutSeconds = "TimeoutSeconds"
        case onFailure = "OnFailure"
        case maxAttempts = "MaxAttempts"
        case executionStartTime = "ExecutionStartTime"
        case executionEndTime = "ExecutionEndTime"
        case stepStatus = "StepStatus"
        case responseCode = "ResponseCode"
        case inputs = "Inputs"
        case outputs = "Outputs"
        case response = "Response"
        case failureMessage = "FailureMessage"
        case failureDetails = "FailureDetails"
        case stepExecutionId = "StepExecutionId"
        case overriddenParameters = "OverriddenParameters"
        case isEnd = "IsEnd"
        case nextStep = "NextStep"
        case isCritical = "IsCritical"
        case validNextSteps = "ValidNextSteps"
        case targets = "Targets"
        case targetLocation = "TargetLocation"
        case triggeredAlarms = "TriggeredAlarms"
        case parentStepDetails = "ParentStepDetails"
    }
}

/// Why a step failed: the stage it failed in, the kind of failure, and details.
public struct FailureDetails: Codable, Sendable, Hashable {
    public var failureStage: String?
    public var failureType: String?
    public var details: AutomationParameterMap?

    public init(failureStage: String? = nil, failureType: String? = nil, details: AutomationParameterMap? = nil) {
        self.failureStage = failureStage
        self.failureType = failureType
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case failureStage = "FailureStage"
        case failureType = "FailureType"
        case details = "Details"
    }
}

/// The loop step a step execution runs inside, if any.
public struct ParentStepDetails: Codable, Sendable, Hashable {
    public var stepExecutionId: String?
    public var stepName: String?
    public var action: String?
    public var iteration: Int?
    public var iteratorValue: String?

    public init(
        stepExecutionId: String? = nil, stepName: String? = nil, action: String? = nil, iteration: Int? = nil,
        iteratorValue: String? = nil
    ) {
        self.stepExecutionId = stepExecutionId
        self.stepName = stepName
        self.action = action
        self.iteration = iteration
        self.iteratorValue = iteratorValue
    }

    enum CodingKeys: String, CodingKey {
        case stepExecutionId = "StepExecutionId"
        case stepName = "StepName"
        case action = "Action"
        case iteration = "Iteration"
        case iteratorValue = "IteratorValue"
    }
}
