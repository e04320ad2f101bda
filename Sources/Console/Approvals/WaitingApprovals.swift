import AutomationModel
import Foundation

/// The aws:approve steps of the executions waiting on one, fetched with DescribeAutomationStepExecutions for
/// the inbox, the marks, the header's count and the bell. Approvers and the message do not change while a
/// step waits, so a step is fetched again only while it may still wait on you (for decisions made elsewhere),
/// never more than once per refresh interval, and never more fetches per interval than half the operation's
/// quota allows (the execution view and the forms use the rest).
public struct WaitingApprovals: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The step the execution was on when it was fetched; a new step means a new approval.
        public var stepName: String?
        public var approval: ApprovalView
        /// Holds a decision sent from this console that the service has not been read back for yet.
        public var optimistic = false
    }

    /// DescribeAutomationStepExecutions' quota, in calls per second.
    static let operationQuota = 3.0

    public var entries: [String: Entry] = [:]
    /// When each execution's approval was last asked for, answered or not.
    public var asked: [String: Date] = [:]
    public var inFlight: Set<String> = []
    /// Approvals you may answer that have already been announced (bell), so each rings once.
    public var announced: Set<String> = []
    /// How many approvals wait on you, as the header and the terminal title last said.
    public var waitingOnYouCount = 0

    public init() {}

    /// Fetches one refresh interval allows: half the operation's quota over the interval, at least one.
    static func budget(interval: TimeInterval) -> Int { max(1, Int(interval * operationQuota / 2)) }

    public func approval(for id: String) -> ApprovalView? { entries[id]?.approval }
}

extension ConsoleState {
    /// Whether the execution waits on an approval you may give and have not given: "waiting on you".
    public func waitsOnYou(_ row: AutomationExecutionMetadata) -> Bool {
        guard let identity = target.identity, row.isWaitingOnApproval,
            let entry = approvals.entries[row.automationExecutionId], entry.stepName == row.currentStepName
        else { return false }
        return entry.approval.match(identity) != .no && !entry.approval.hasDecided(identity)
    }

    /// The executions waiting on you, counted over those known to wait (the loaded rows and the approvals cache).
    public var waitingOnYouIds: Set<String> {
        guard let identity = target.identity else { return [] }
        return Set(approvals.entries.compactMap { id, entry in
            entry.approval.match(identity) != .no && !entry.approval.hasDecided(identity) ? id : nil
        })
    }
}

extension AutomationExecutionMetadata {
    /// Waiting on its current aws:approve step: an approval the console can fetch and show.
    var isWaitingOnApproval: Bool {
        automationExecutionStatus == .waiting && currentAction == AutomationActionName.approve.rawValue
    }
}
