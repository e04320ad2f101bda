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
    /// `ChangeRequest` for a Change Manager change request.
    public var automationSubtype: String?

    public init(_ row: AutomationExecutionMetadata) {
        id = row.automationExecutionId
        documentName = row.documentName
        documentVersion = row.documentVersion
        status = row.automationExecutionStatus ?? .pending
        mode = row.mode ?? .auto
        currentStepName = row.currentStepName
        currentAction = row.currentAction
        automationSubtype = row.automationSubtype
    }

    public init(_ execution: AutomationExecution) {
        self.init(AutomationExecutionMetadata(execution))
    }

    /// Waiting on a person: the status says so. This is the one rule for the mark, the header and the inbox,
    /// because the inbox asks the server for these statuses and the server cannot filter on the current step.
    /// A current aws:approve or aws:pause step does not count by itself: the execution enters Waiting when the
    /// step starts waiting, and until then the service refuses its signals, so there is nothing to act on yet.
    public var isWaitingOnHuman: Bool { status.isWaitingOnHuman }

    /// A Change Manager change request: approved there, not with a signal (Revoke withdraws one).
    public var isChangeRequest: Bool { automationSubtype == "ChangeRequest" }

    /// What it waits for, when it waits on a person.
    public func waitReason(approval: ApprovalView?) -> WaitReason? { WaitReason(self, approval: approval) }
}

extension AutomationExecutionMetadata {
    /// The same rule as `ExecutionSummary.isWaitingOnHuman`, without building a summary for every row filtered.
    var isWaitingOnHuman: Bool { automationExecutionStatus?.isWaitingOnHuman ?? false }
}
