import AutomationModel

/// The words after an execution's status in the execution view: what it waits for, or what a change request's
/// or a change calendar's status means.
enum StatusWords {
    static func words(_ execution: ExecutionSummary, approval: ApprovalView?, onYou: Bool) -> String? {
        if let reason = execution.waitReason(approval: approval) {
            return (onYou ? "waiting on you for " : "waiting for ") + reason.text
        }
        switch execution.status {
        case .approved: return "approved in Change Manager"
        case .rejected where execution.isChangeRequest: return "rejected in Change Manager"
        case .scheduled: return "approved, waiting for its scheduled time"
        case .runbookInProgress: return "its runbook is running"
        case .changeCalendarOverrideApproved: return "change calendar override approved"
        case .changeCalendarOverrideRejected: return "change calendar override rejected"
        case .completedWithSuccess: return "the runbook succeeded"
        case .completedWithFailure: return "the runbook failed"
        default: return nil
        }
    }
}

/// A change request's own fields, on one line of the execution view.
enum ChangeRequestText {
    /// "Change request: Restart web tier  Scheduled: … to …  Runbook: AWS-RestartEC2Instance v1  OpsItem: oi-…"
    static func line(_ execution: AutomationExecution) -> String {
        var facts = ["Change request: \(execution.changeRequestName ?? "-")"]
        if let scheduled = execution.scheduledTime { facts.append("Scheduled: \(TimeText.absolute(scheduled))") }
        let runbooks = (execution.runbooks ?? []).map { $0.documentName + ($0.documentVersion.map { " v\($0)" } ?? "") }
        if !runbooks.isEmpty { facts.append("Runbook: \(runbooks.joined(separator: ", "))") }
        if let item = execution.opsItemId { facts.append("OpsItem: \(item)") }
        return facts.joined(separator: "  ")
    }
}
