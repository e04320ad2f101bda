import AutomationModel

/// An aws:approve step's rules, from its interpolated inputs.
struct ApprovalRules {
    var approvers: [String]
    var minRequiredApprovals: Int
    var message: String?

    init(inputs: [String: JSONValue]) throws(ServiceError) {
        switch inputs["Approvers"] {
        case .array(let items)?: approvers = items.map(\.displayText)
        case .string(let single)?: approvers = [single]
        default:
            throw ServiceError(
                .validationException, "\(AutomationActionName.approve) needs Approvers: a list of IAM user, role or group names or ARNs.")
        }
        guard !approvers.isEmpty, approvers.count <= 10 else {
            throw ServiceError(.validationException, "\(AutomationActionName.approve) takes 1 to 10 Approvers; got \(approvers.count).")
        }
        if let value = inputs["MinRequiredApprovals"] {
            guard let count = value.intValue else {
                throw ServiceError(.validationException, "MinRequiredApprovals must be a whole number; got \(value.displayText).")
            }
            minRequiredApprovals = count
        } else {
            minRequiredApprovals = 1
        }
        guard (1...approvers.count).contains(minRequiredApprovals) else {
            throw ServiceError(
                .validationException,
                "MinRequiredApprovals is \(minRequiredApprovals) but there are \(approvers.count) Approvers: it must be between 1 and \(approvers.count).")
        }
        message = inputs["Message"]?.displayText
    }

    /// Whether the caller is an approver, as AWS matches them (`ApproverMatching`): its user or role by name or
    /// ARN, its role for an assumed-role session, or one of its IAM groups.
    func isApprover(_ principal: String, groups: [String]) -> Bool {
        ApproverMatching.match(caller: principal, groups: groups, approvers: approvers) == .yes
    }

    /// The step's outputs for the decisions so far.
    static func outputs(status: String, decisions: [ApproverDecision]) -> [String: JSONValue] {
        [
            "ApprovalStatus": .string(status),
            "ApproverDecisions": .array(decisions.map { .string($0.outputText) }),
        ]
    }
}
