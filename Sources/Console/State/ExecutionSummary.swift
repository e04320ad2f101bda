import AutomationModel
import Foundation

/// What the console needs to know about one execution to decide which keys apply, whether it comes from a
/// list row (DescribeAutomationExecutions) or the execution view (GetAutomationExecution).
public struct ExecutionSummary: Sendable, Hashable {
    public var id: String
    public var documentName: String?
    public var documentVersion: String?
    public var status: AutomationExecutionStatus
    public var mode: ExecutionMode
    public var currentStepName: String?
    public var currentAction: String?

    public init(_ row: AutomationExecutionMetadata) {
        id = row.automationExecutionId
        documentName = row.documentName
        documentVersion = row.documentVersion
        status = row.automationExecutionStatus ?? .pending
        mode = row.mode ?? .auto
        currentStepName = row.currentStepName
        currentAction = row.currentAction
    }

    public init(_ execution: AutomationExecution) {
        self.init(AutomationExecutionMetadata(execution))
    }

    /// Waiting on a person: a waiting status, or a current step that is an approval or a pause.
    public var isWaitingOnHuman: Bool {
        guard !status.isTerminal else { return false }
        return status.isWaitingOnHuman || currentAction == "aws:approve" || currentAction == "aws:pause"
    }
}

extension AutomationExecutionMetadata {
    var isWaitingOnHuman: Bool { ExecutionSummary(self).isWaitingOnHuman }
}
