import AutomationModel
import Foundation

/// What `ssm-console approvals` prints, as one JSON document laid out by the usual json, text and table writers.
///
/// The shape (stable; members appear in this order, absent ones are left out):
///
///     {"Caller": {"Arn", "Account", "UserId"},
///      "WaitingOnYou": [ITEM, ...],
///      "WaitingOnOthers": [ITEM, ...]}                 // with --all only
///     ITEM: {"AutomationExecutionId", "DocumentName", "ExecutionStatus", "CurrentStepName", "ExecutedBy",
///            "ExecutionStartTime" (ISO 8601, UTC), "WaitsFor" (Approval | Resume | StartStep |
///            ChangeRequestApproval | ChangeCalendarOverride | Other), "Summary" (one line),
///            "Approval": {"Approvers": [...], "MinRequiredApprovals", "Approvals", "Remaining", "Message",
///                         "Deadline" (ISO 8601, UTC), "YouMayDecide" (Yes | PossiblyThroughGroup | No),
///                         "ThroughGroup", "YourDecision" (Approved | Rejected),
///                         "Decisions": [{"Approver", "Decision", "DecisionTime", "Comment"}]}}
public enum ApprovalsReport {
    public static func document(caller: CallerIdentity, waiting: [WaitingExecution], everyone: Bool) -> WireJSON {
        var members: [(key: String, value: WireJSON)] = [
            ("Caller", .object([("Arn", .string(caller.arn)), ("Account", .string(caller.account)), ("UserId", .string(caller.userId))])),
            ("WaitingOnYou", .array(waiting.filter(\.waitsOnCaller).map(item))),
        ]
        if everyone {
            members.append(("WaitingOnOthers", .array(waiting.filter { !$0.waitsOnCaller }.map(item))))
        }
        return .object(members)
    }

    public static func render(_ document: WireJSON, format: OutputFormat, terminal: TableTerminal) throws(CLIFailure)
        -> String
    {
        switch format {
        case .json: return PythonJSONWriter.render(document) + "\n"
        case .text: return try TextOutput.render(document)
        case .table: return try TableOutput.render(document, title: "Approvals", terminal: terminal)
        case .yaml: return YAMLOutput.document(document)
        // One answer, so one item, as yaml-stream prints each page.
        case .yamlStream: return YAMLOutput.document(.array([document]))
        }
    }

    static func item(_ waiting: WaitingExecution) -> WireJSON {
        let execution = waiting.execution
        var members: [(key: String, value: WireJSON)] = [("AutomationExecutionId", .string(execution.automationExecutionId))]
        func add(_ key: String, _ value: String?) {
            if let value { members.append((key, .string(value))) }
        }
        add("DocumentName", execution.documentName)
        add("ExecutionStatus", execution.automationExecutionStatus?.rawValue)
        add("CurrentStepName", execution.currentStepName)
        add("ExecutedBy", execution.executedBy)
        add("ExecutionStartTime", execution.executionStartTime.map(timestamp))
        add("WaitsFor", waiting.waitsFor.rawValue)
        add("Summary", waiting.summary)
        if let approval = waiting.approval {
            members.append(("Approval", self.approval(approval, match: waiting.match, yours: waiting.yourDecision)))
        }
        return .object(members)
    }

    static func approval(_ approval: ApprovalState, match: ApproverMatching.Match, yours: ApprovalState.Decision?) -> WireJSON {
        var members: [(key: String, value: WireJSON)] = [
            ("Approvers", .array(approval.approvers.map(WireJSON.string))),
            ("MinRequiredApprovals", .number(String(approval.needed))),
            ("Approvals", .number(String(approval.approvals))),
            ("Remaining", .number(String(approval.remaining))),
        ]
        if let message = approval.message { members.append(("Message", .string(message))) }
        if let deadline = approval.deadline { members.append(("Deadline", .string(timestamp(deadline)))) }
        switch match {
        case .yes: members.append(("YouMayDecide", .string("Yes")))
        case .possiblyThroughGroup(let group):
            members.append(("YouMayDecide", .string("PossiblyThroughGroup")))
            members.append(("ThroughGroup", .string(group)))
        case .no: members.append(("YouMayDecide", .string("No")))
        }
        if let yours { members.append(("YourDecision", .string(word(yours)))) }
        members.append(("Decisions", .array(approval.decisions.map(decision))))
        return .object(members)
    }

    static func decision(_ decision: ApprovalState.Decision) -> WireJSON {
        var members: [(key: String, value: WireJSON)] = [
            ("Approver", .string(decision.approver)), ("Decision", .string(word(decision))),
        ]
        if let time = decision.time { members.append(("DecisionTime", .string(timestamp(time)))) }
        if let comment = decision.comment { members.append(("Comment", .string(comment))) }
        return .object(members)
    }

    static func word(_ decision: ApprovalState.Decision) -> String {
        decision.approved ? "Approved" : "Rejected"
    }

    static func timestamp(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
