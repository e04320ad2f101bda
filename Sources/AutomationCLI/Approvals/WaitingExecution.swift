import AutomationModel
import Foundation

/// One execution waiting on a person, with what it waits for and, for an approval, whether the caller may
/// answer it.
public struct WaitingExecution: Sendable, Hashable {
    /// What the execution waits for.
    public enum WaitsFor: String, Sendable, Hashable {
        /// An aws:approve step: Approve or Reject.
        case approval = "Approval"
        /// An aws:pause step: Resume.
        case resume = "Resume"
        /// An Interactive execution between steps: StartStep (or StopAutomationExecution Type Complete).
        case startStep = "StartStep"
        /// A Change Manager change request awaiting its approvals (decided in Change Manager).
        case changeRequestApproval = "ChangeRequestApproval"
        /// A change calendar override (decided in Change Manager).
        case changeCalendarOverride = "ChangeCalendarOverride"
        /// Waiting on a step this tool does not know.
        case other = "Other"
    }

    public var execution: AutomationExecutionMetadata
    public var waitsFor: WaitsFor
    /// The waiting aws:approve step's approval, for `.approval`.
    public var approval: ApprovalState?
    /// Whether the caller may answer the approval (`.no` for anything else).
    public var match: ApproverMatching.Match
    /// The caller's decision so far on this approval, if any.
    public var yourDecision: ApprovalState.Decision?

    public var id: String { execution.automationExecutionId }

    /// Waits on the caller: an approval they may answer (or possibly may, through a group whose membership is not
    /// known) and have not answered.
    public var waitsOnCaller: Bool {
        waitsFor == .approval && match != .no && yourDecision == nil
    }

    /// One line saying what it waits for: "approval: 1 of 2 in, 1 more needed", "Resume of step pause1", ...
    public var summary: String {
        let step = execution.currentStepName.map { " of step \($0)" } ?? ""
        switch waitsFor {
        case .approval:
            guard let approval else { return "approval\(step)" }
            return "approval\(step): \(ApprovalCount.text(approval))"
        case .resume: return "a pause: Resume\(step)"
        case .startStep: return "StartStep: an Interactive execution between steps"
        case .changeRequestApproval: return "change request approval, in Change Manager"
        case .changeCalendarOverride: return "a change calendar override, in Change Manager"
        case .other: return "\(execution.currentAction ?? "a step")\(step)"
        }
    }
}

/// How an approval's count reads: "1 of 2 approvals, 1 more needed".
public enum ApprovalCount {
    public static func text(_ approval: ApprovalState) -> String {
        if approval.isRejected { return "rejected (\(approval.approvals) of \(approval.needed) approvals)" }
        if approval.remaining == 0 { return "\(approval.approvals) of \(approval.needed) approvals, approved" }
        return "\(approval.approvals) of \(approval.needed) approvals, \(approval.remaining) more needed"
    }
}
