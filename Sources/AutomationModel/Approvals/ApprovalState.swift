import Foundation

/// What an aws:approve step execution says about its approval, read from the step as the API returns it: the
/// inputs Approvers, MinRequiredApprovals and Message (each a JSON-encoded string) and the outputs
/// ApproverDecisions (one JSON object per decision) and ApprovalStatus.
///
/// The console and the CLI read approvals only through this type, whatever the service (AWS or the local engine).
public struct ApprovalState: Sendable, Hashable {
    /// One approver's decision. A principal that decided twice is listed once, with its last decision.
    public struct Decision: Sendable, Hashable {
        /// The principal that decided, as the service names it (an ARN).
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

    /// The step's timeout when it names none: 7 days, as AWS.
    public static let defaultTimeoutSeconds = 604_800
    /// The longest an approval may wait: 30 days, as AWS.
    public static let maximumTimeoutSeconds = 2_592_000

    /// The Approvers input: IAM user, role or group names or ARNs.
    public var approvers: [String]
    /// MinRequiredApprovals (1 when absent).
    public var needed: Int
    /// The Message input, when there is one.
    public var message: String?
    /// The decisions so far, in the order they were made.
    public var decisions: [Decision]
    /// The ApprovalStatus output (Approved, Rejected, Pending), when the service has reported one.
    public var status: String?
    /// The step's timeout in seconds: its TimeoutSeconds, or 7 days.
    public var timeoutSeconds: Int
    /// When the step times out: its start plus its timeout; nil before it started.
    public var deadline: Date?

    /// Reads an aws:approve step execution; nil for any other action.
    public init?(step: StepExecution) {
        guard step.action == AutomationActionName.approve.rawValue else { return nil }
        let inputs = step.inputs ?? [:]
        approvers = Self.approvers(inputs["Approvers"])
        needed = inputs["MinRequiredApprovals"].flatMap { Self.value($0).intValue } ?? 1
        message = inputs["Message"].map { Self.value($0).displayText }
        decisions = Self.decisions(step.outputs?["ApproverDecisions"] ?? [])
        status = step.outputs?["ApprovalStatus"]?.first
        timeoutSeconds = step.timeoutSeconds ?? Self.defaultTimeoutSeconds
        deadline = step.executionStartTime.map { $0.addingTimeInterval(TimeInterval(timeoutSeconds)) }
    }

    /// How many principals have approved.
    public var approvals: Int { decisions.filter(\.approved).count }

    /// How many more approvals are needed (0 once enough are in).
    public var remaining: Int { max(0, needed - approvals) }

    /// Whether someone rejected it (a rejection ends the approval).
    public var isRejected: Bool { decisions.contains { !$0.approved } }

    /// The caller's decision, when it has made one. Matched on the principal's ARN as the service records it.
    public func decision(of caller: String) -> Decision? {
        decisions.last { $0.approver == caller }
    }

    /// Whether the caller may decide: `.yes`, `.possiblyThroughGroup(G)` when only a group of unknown membership
    /// could match (pass nil `groups` when they are not known), or `.no`.
    ///
    /// With unknown groups only a group ARN (`arn:aws:iam::ACCOUNT:group/G`) makes a possible match: a bare name
    /// that is not the caller's user or role name is read as another principal's name, the form AWS documents for
    /// bare Approvers, so that every approval naming a user by name is not "possibly yours" to everyone.
    public func match(caller: String, groups: [String]?) -> ApproverMatching.Match {
        ApproverMatching.match(caller: caller, groups: groups, approvers: approvers)
    }

    /// Seconds left before the deadline at `now` (negative once past), or nil when there is no deadline.
    public func secondsLeft(at now: Date) -> TimeInterval? {
        deadline.map { $0.timeIntervalSince(now) }
    }

    // MARK: Reading the wire values

    /// An input's value: JSON text, or the text itself when it is not JSON.
    private static func value(_ text: String) -> JSONValue {
        (try? JSONValue.parse(text)) ?? .string(text)
    }

    private static func approvers(_ text: String?) -> [String] {
        guard let text else { return [] }
        switch value(text) {
        case .array(let items): return items.map(\.displayText)
        case .string(let single): return [single]
        case let other: return [other.displayText]
        }
    }

    /// Each entry is a JSON object `{"Approver", "Decision", "DecisionTime", "Comment"}`; AWS has also been seen
    /// to write `Approve`/`Reject` and `ApprovalDecisionTime`, which are read alike. Entries that are not such
    /// objects are skipped; a later decision of the same approver replaces its earlier one.
    private static func decisions(_ entries: [String]) -> [Decision] {
        var result: [Decision] = []
        for entry in entries {
            guard let object = (try? JSONValue.parse(entry))?.objectValue,
                let approver = object["Approver"]?.stringValue,
                let word = object["Decision"]?.stringValue
            else { continue }
            let approved: Bool
            switch word.lowercased() {
            case "approved", "approve": approved = true
            case "rejected", "reject": approved = false
            default: continue
            }
            let time = (object["DecisionTime"] ?? object["ApprovalDecisionTime"])?.stringValue.flatMap(parseTime)
            result.removeAll { $0.approver == approver }
            result.append(Decision(approver: approver, approved: approved, time: time, comment: object["Comment"]?.stringValue))
        }
        return result
    }

    /// ISO 8601 with or without fractional seconds (of any length), with Z or an offset.
    static func parseTime(_ text: String) -> Date? {
        var whole = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: ".") {
            let digits = text[text.index(after: dot)...].prefix { $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            whole = String(text[..<dot]) + String(text[text.index(after: dot)...].dropFirst(digits.count))
        }
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: whole)?.addingTimeInterval(fraction)
    }
}
