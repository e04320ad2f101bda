import Foundation

/// Parameter and output maps: every value is a list of strings on the wire.
public typealias AutomationParameterMap = [String: [String]]

/// One execution as GetAutomationExecution returns it.
public struct AutomationExecution: Codable, Sendable, Hashable {
    public var automationExecutionId: String
    public var documentName: String?
    public var documentVersion: String?
    public var executionStartTime: Date?
    public var executionEndTime: Date?
    public var automationExecutionStatus: AutomationExecutionStatus?
    public var stepExecutions: [StepExecution]?
    public var stepExecutionsTruncated: Bool?
    public var parameters: AutomationParameterMap?
    public var outputs: AutomationParameterMap?
    public var failureMessage: String?
    public var mode: ExecutionMode?
    public var parentAutomationExecutionId: String?
    public var executedBy: String?
    public var currentStepName: String?
    public var currentAction: String?
    public var targetParameterName: String?
    public var targets: [Target]?
    public var targetMaps: [[String: [String]]]?
    public var resolvedTargets: ResolvedTargets?
    public var maxConcurrency: String?
    public var maxErrors: String?
    public var target: String?
    public var progressCounters: ProgressCounters?
    public var automationSubtype: String?
    public var scheduledTime: Date?
    /// A change request's runbook (AutomationSubtype ChangeRequest).
    public var runbooks: [Runbook]?
    public var opsItemId: String?
    public var associationId: String?
    public var changeRequestName: String?
    public var variables: AutomationParameterMap?
    public var targetLocations: [TargetLocation]?
    public var targetLocationsURL: String?
    public var alarmConfiguration: AlarmConfiguration?
    public var triggeredAlarms: [AlarmStateInformation]?
    /// Members the service sent that this model does not know; kept from the wire, never encoded.
    public var unmodeledFields: [String: JSONValue]? = nil

    public init(automationExecutionId: String) {
        self.automationExecutionId = automationExecutionId
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionId = "AutomationExecutionId"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case executionStartTime = "ExecutionStartTime"
        case executionEndTime = "ExecutionEndTime"
        case automationExecutionStatus = "AutomationExecutionStatus"
        case stepExecutions = "StepExecutions"
        case stepExecutionsTruncated = "StepExecutionsTruncated"
        case parameters = "Parameters"
        case outputs = "Outputs"
        case failureMessage = "FailureMessage"
        case mode = "Mode"
        case parentAutomationExecutionId = "ParentAutomationExecutionId"
        case executedBy = "ExecutedBy"
        case currentStepName = "CurrentStepName"
        case currentAction = "CurrentAction"
        case targetParameterName = "TargetParameterName"
        case targets = "Targets"
        case targetMaps = "TargetMaps"
        case resolvedTargets = "ResolvedTargets"
        case maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors"
        case target = "Target"
        case progressCounters = "ProgressCounters"
        case automationSubtype = "AutomationSubtype"
        case scheduledTime = "ScheduledTime"
        case runbooks = "Runbooks"
        case opsItemId = "OpsItemId"
        case associationId = "AssociationId"
        case changeRequestName = "ChangeRequestName"
        case variables = "Variables"
        case targetLocations = "TargetLocations"
        case targetLocationsURL = "TargetLocationsURL"
        case alarmConfiguration = "AlarmConfiguration"
        case triggeredAlarms = "TriggeredAlarms"
    }
}

/// One row of DescribeAutomationExecutions.
public struct AutomationExecutionMetadata: Codable, Sendable, Hashable {
    public var automationExecutionId: String
    public var documentName: String?
    public var documentVersion: String?
    public var automationExecutionStatus: AutomationExecutionStatus?
    public var executionStartTime: Date?
    public var executionEndTime: Date?
    public var executedBy: String?
    public var logFile: String?
    public var outputs: AutomationParameterMap?
    public var mode: ExecutionMode?
    public var parentAutomationExecutionId: String?
    public var currentStepName: String?
    public var currentAction: String?
    public var failureMessage: String?
    public var targetParameterName: String?
    public var targets: [Target]?
    public var targetMaps: [[String: [String]]]?
    public var resolvedTargets: ResolvedTargets?
    public var maxConcurrency: String?
    public var maxErrors: String?
    public var target: String?
    public var automationType: AutomationType?
    public var automationSubtype: String?
    public var scheduledTime: Date?
    /// A change request's runbook (AutomationSubtype ChangeRequest).
    public var runbooks: [Runbook]?
    public var opsItemId: String?
    public var associationId: String?
    public var changeRequestName: String?
    public var alarmConfiguration: AlarmConfiguration?
    public var triggeredAlarms: [AlarmStateInformation]?
    public var targetLocationsURL: String?
    /// Members the service sent that this model does not know; kept from the wire, never encoded.
    public var unmodeledFields: [String: JSONValue]? = nil

    public init(automationExecutionId: String) {
        self.automationExecutionId = automationExecutionId
    }

    /// The summary row of a full execution, as the service derives it.
    public init(_ execution: AutomationExecution, automationType: AutomationType = .local) {
        automationExecutionId = execution.automationExecutionId
        documentName = execution.documentName
        documentVersion = execution.documentVersion
        automationExecutionStatus = execution.automationExecutionStatus
        executionStartTime = execution.executionStartTime
        executionEndTime = execution.executionEndTime
        executedBy = execution.executedBy
        logFile = ""
        outputs = execution.outputs
        mode = execution.mode
        parentAutomationExecutionId = execution.parentAutomationExecutionId
        currentStepName = execution.currentStepName
        currentAction = execution.currentAction
        failureMessage = execution.failureMessage
        targetParameterName = execution.targetParameterName
        targets = execution.targets
        targetMaps = execution.targetMaps
        resolvedTargets = execution.resolvedTargets
        maxConcurrency = execution.maxConcurrency
        maxErrors = execution.maxErrors
        target = execution.target
        self.automationType = automationType
        automationSubtype = execution.automationSubtype
        scheduledTime = execution.scheduledTime
        runbooks = execution.runbooks
        opsItemId = execution.opsItemId
        associationId = execution.associationId
        changeRequestName = execution.changeRequestName
        alarmConfiguration = execution.alarmConfiguration
        triggeredAlarms = execution.triggeredAlarms
        targetLocationsURL = execution.targetLocationsURL
    }

    enum CodingKeys: String, CodingKey {
        case automationExecutionId = "AutomationExecutionId"
        case documentName = "DocumentName"
        case documentVersion = "DocumentVersion"
        case automationExecutionStatus = "AutomationExecutionStatus"
        case executionStartTime = "ExecutionStartTime"
        case executionEndTime = "ExecutionEndTime"
        case executedBy = "ExecutedBy"
        case logFile = "LogFile"
        case outputs = "Outputs"
        case mode = "Mode"
        case parentAutomationExecutionId = "ParentAutomationExecutionId"
        case currentStepName = "CurrentStepName"
        case currentAction = "CurrentAction"
        case failureMessage = "FailureMessage"
        case targetParameterName = "TargetParameterName"
        case targets = "Targets"
        case targetMaps = "TargetMaps"
        case resolvedTargets = "ResolvedTargets"
        case maxConcurrency = "MaxConcurrency"
        case maxErrors = "MaxErrors"
        case target = "Target"
        case automationType = "AutomationType"
        case automationSubtype = "AutomationSubtype"
        case scheduledTime = "ScheduledTime"
        case runbooks = "Runbooks"
        case opsItemId = "OpsItemId"
        case associationId = "AssociationId"
        case changeRequestName = "ChangeRequestName"
        case alarmConfiguration = "AlarmConfiguration"
        case triggeredAlarms = "TriggeredAlarms"
        case targetLocationsURL = "TargetLocationsURL"
    }
}

/// Targets the service resolved for a rate-controlled execution.
public struct ResolvedTargets: Codable, Sendable, Hashable {
    public var parameterValues: [String]?
    public var truncated: Bool?

    public init(parameterValues: [String]? = nil, truncated: Bool? = nil) {
        self.parameterValues = parameterValues
        self.truncated = truncated
    }

    enum CodingKeys: String, CodingKey {
        case parameterValues = "ParameterValues"
        case truncated = "Truncated"
    }
}

/// How many steps ended in each way.
public struct ProgressCounters: Codable, Sendable, Hashable {
    public var totalSteps: Int?
    public var successSteps: Int?
    public var failedSteps: Int?
    public var cancelledSteps: Int?
    public var timedOutSteps: Int?

    public init(totalSteps: Int = 0, successSteps: Int = 0, failedSteps: Int = 0, cancelledSteps: Int = 0, timedOutSteps: Int = 0) {
        self.totalSteps = totalSteps
        self.successSteps = successSteps
        self.failedSteps = failedSteps
        self.cancelledSteps = cancelledSteps
        self.timedOutSteps = timedOutSteps
    }

    enum CodingKeys: String, CodingKey {
        case totalSteps = "TotalSteps"
        case successSteps = "SuccessSteps"
        case failedSteps = "FailedSteps"
        case cancelledSteps = "CancelledSteps"
        case timedOutSteps = "TimedOutSteps"
    }
}
