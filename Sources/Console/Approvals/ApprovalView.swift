import AutomationModel
import Foundation

/// An aws:approve step as the console shows it: `ApprovalState`'s reading of the step (who may approve, how many
/// approvals it needs, its message, the decisions so far, when it times out), plus the step it came from and the
/// decision the console adds at once when it sends one.
public struct ApprovalView: Sendable, Hashable {
    public typealias Decision = ApprovalState.Decision

    public var stepName: String?
    public var stepExecutionId: String?
    public var approvers: [String]
    public var minRequiredApprovals: Int
    public var message: String?
    /// In the order the service lists them; a principal's later decision replaces its earlier one.
    public var decisions: [Decision]
    /// When the step times out, if it has started.
    public var deadline: Date?

    /// Reads an aws:approve step; nil for any other action.
    public init?(_ step: StepExecution) {
        guard let state = ApprovalState(step: step) else { return nil }
        stepName = step.stepName
        stepExecutionId = step.stepExecutionId
        approvers = state.approvers
        minRequiredApprovals = max(1, state.needed)
        message = state.message.flatMap { $0.isEmpty ? nil : $0 }
        decisions = state.decisions
        deadline = state.deadline
    }

    /// Each principal's last decision, in the order of their first.
    public var finalDecisions: [Decision] {
        var order: [String] = []
        var last: [String: Decision] = [:]
        for decision in decisions {
            if last[decision.approver] == nil { order.append(decision.approver) }
            last[decision.approver] = decision
        }
        return order.compactMap { last[$0] }
    }

    /// Distinct principals whose last decision approves.
    public var approvalsIn: Int { finalDecisions.filter(\.approved).count }
    /// Approvals still needed.
    public var approvalsNeeded: Int { max(0, minRequiredApprovals - approvalsIn) }

    /// "1 of 2 approvals".
    public var countText: String {
        "\(approvalsIn) of \(minRequiredApprovals) approval\(minRequiredApprovals == 1 ? "" : "s")"
    }

    /// Whether `identity` may decide, as AWS matches Approvers; the console does not know the caller's groups.
    public func match(_ identity: CallerIdentity) -> ApproverMatching.Match {
        ApproverMatching.match(caller: identity.arn, groups: nil, approvers: approvers)
    }

    /// Whether `identity` has decided already (as itself, or as the role its session acts as).
    public func hasDecided(_ identity: CallerIdentity) -> Bool {
        decisions.contains { decision in
            decision.approver == identity.arn
                || ApproverMatching.match(caller: identity.arn, groups: nil, approver: decision.approver) == .yes
        }
    }

    /// Adds `identity`'s decision as the service will record it, before the service has answered.
    public mutating func add(_ approved: Bool, by approver: String, at time: Date, comment: String?) {
        decisions.append(Decision(approver: approver, approved: approved, time: time, comment: comment))
    }
}
