import AutomationModel

/// The colour role of a status. The status is always written out too, so colour only repeats it.
enum StatusStyle {
    static func role(_ status: AutomationExecutionStatus?) -> ColorRole {
        switch status {
        case .success?, .completedWithSuccess?, .approved?: return .success
        case .failed?, .timedOut?, .rejected?, .completedWithFailure?: return .failure
        case .waiting?, .pendingApproval?, .pendingChangeCalendarOverride?: return .waiting
        case .inProgress?, .pending?, .runbookInProgress?, .scheduled?: return .running
        case .cancelled?, .cancelling?, .exited?: return .cancelled
        default: return .normal
        }
    }
}
