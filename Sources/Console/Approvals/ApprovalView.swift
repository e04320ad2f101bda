import AutomationModel
import Foundation

/// An aws:approve step as the console reads it from a StepExecution: who may approve, how many approvals it
/// needs, its message, the decisions so far and when it times out. (AutomationModel's `ApprovalState` will
/// read the same; this stays small so the two can be swapped.)
public struct ApprovalView: Sendable, Hashable {
    public struct Decision: Sendable, Hashable {
        public var approver: String
        public var approved: Bool
        public var time: Date?
        public var comment: String?

        public init(approver: String, approved: Bool, time: Date?, comment: String?) {
            self.approver = approver
            self.approved = approved
            self.time = time
            self.comment = comment
        }
    }

    /// aws:approve's default timeout: 7 days.
    public static let defaultTimeout: TimeInterval = 604_800

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
        guard step.action == AutomationActionName.approve.rawValue else { return nil }
        let inputs = step.inputs ?? [:]
        stepName = step.stepName
        stepExecutionId = step.stepExecutionId
        approvers = Self.names(inputs["Approvers"])
        minRequiredApprovals = max(1, Self.number(inputs["MinRequiredApprovals"]) ?? 1)
        message = inputs["Message"].flatMap(Self.text).flatMap { $0.isEmpty ? nil : $0 }
        decisions = (step.outputs?["ApproverDecisions"] ?? []).compactMap(Self.decision)
        let timeout = step.timeoutSeconds.map(TimeInterval.init) ?? Self.defaultTimeout
        deadline = step.executionStartTime.map { $0.addingTimeInterval(timeout) }
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

    // MARK: Reading the step's JSON-encoded inputs and outputs

    /// Approvers: a JSON list of names or ARNs, or a single one (JSON text or bare).
    static func names(_ encoded: String?) -> [String] {
        guard let encoded else { return [] }
        switch json(encoded) {
        case let list as [Any]: return list.compactMap { $0 as? String }
        case let text as String: return [text]
        default:
            let bare = encoded.trimmingCharacters(in: .whitespacesAndNewlines)
            return bare.isEmpty ? [] : [bare]
        }
    }

    static func number(_ encoded: String?) -> Int? {
        guard let encoded else { return nil }
        switch json(encoded) {
        case let number as NSNumber: return number.intValue
        case let text as String: return Int(text)
        default: return Int(encoded.trimmingCharacters(in: .whitespaces))
        }
    }

    static func text(_ encoded: String) -> String? {
        if let text = json(encoded) as? String { return text }
        return encoded
    }

    static func decision(_ encoded: String) -> Decision? {
        guard let object = json(encoded) as? [String: Any], let approver = object["Approver"] as? String else { return nil }
        let word = (object["Decision"] as? String) ?? ""
        let comment = (object["Comment"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        return Decision(
            approver: approver, approved: word.caseInsensitiveCompare("Approved") == .orderedSame,
            time: (object["DecisionTime"] as? String).flatMap(time), comment: comment)
    }

    static func time(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return Double(text).map(Date.init(timeIntervalSince1970:))
    }

    private static func json(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
