import AutomationModel
import Foundation

/// What an execution waiting on a person waits for, in the operator's words: the inbox's WAITING FOR column,
/// the execution view's status line and the reasons keys are off all say the same.
public enum WaitReason: Sendable, Hashable {
    /// An aws:approve step; nil until the step has been fetched.
    case approval(ApprovalView?)
    /// An aws:pause step waiting for Resume.
    case resume(step: String?)
    /// An Interactive execution between steps, waiting for StartStep.
    case startStep
    /// A change request waiting for its approvals in Change Manager.
    case changeManager
    /// A change request waiting for an override of a change calendar that is closed.
    case calendarOverride
    /// Waiting on another step (a child automation, say) that no signal answers here.
    case step(String?)

    /// Nil when the execution does not wait on a person.
    public init?(_ row: ExecutionSummary, approval: ApprovalView?) {
        switch row.status {
        case .pendingApproval: self = .changeManager
        case .pendingChangeCalendarOverride: self = .calendarOverride
        case .waiting:
            if row.currentAction == AutomationActionName.approve.rawValue {
                self = .approval(approval)
            } else if row.currentAction == AutomationActionName.pause.rawValue {
                self = .resume(step: row.currentStepName)
            } else if row.currentStepName == nil, row.mode == .interactive {
                self = .startStep
            } else {
                self = .step(row.currentStepName)
            }
        default: return nil
        }
    }

    /// "approval: 1 of 2 in, 1 more needed", "Resume of pauseForCheck", "approval in Change Manager".
    public var text: String {
        switch self {
        case .approval(let approval?):
            let more = approval.approvalsNeeded
            return "approval: \(approval.approvalsIn) of \(approval.minRequiredApprovals) in, \(more) more needed"
        case .approval(nil): return "approval"
        case .resume(let step): return "Resume" + (step.map { " of \($0)" } ?? "")
        case .startStep: return "StartStep (Interactive, between steps)"
        case .changeManager: return "approval in Change Manager"
        case .calendarOverride: return "change calendar override"
        case .step(let step): return "step " + (step ?? "-")
        }
    }

    /// Why Approve and Reject are off while the execution waits for this.
    var notAnApproval: String? {
        switch self {
        case .approval: return nil
        case .resume: return "waits on Resume, not an approval"
        case .startStep: return "waits on StartStep, not an approval"
        case .changeManager: return "decided in Change Manager, not by a signal"
        case .calendarOverride: return "waits on a change calendar override, not a signal"
        case .step: return "not waiting on approval"
        }
    }
}
