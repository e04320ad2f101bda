import AutomationModel
import Foundation

/// Which loaded rows the executions view shows: the inbox (waiting on a person) and the `/` filter, a
/// case-insensitive substring of the ID, document, status, step, action, executed-by or mode.
struct RowFilter: Sendable {
    let waitingOnHumanOnly: Bool
    /// The filter trimmed and lowercased once, not once per row.
    let needle: String

    init(query: ExecutionQuery, filter: String) {
        waitingOnHumanOnly = query.waitingOnHumanOnly
        needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
    }

    func accepts(_ row: AutomationExecutionMetadata) -> Bool {
        (!waitingOnHumanOnly || row.isWaitingOnHuman) && matchesNeedle(row)
    }

    private func matchesNeedle(_ row: AutomationExecutionMetadata) -> Bool {
        guard !needle.isEmpty else { return true }
        let fields = [
            row.automationExecutionId, row.documentName ?? "", row.automationExecutionStatus?.rawValue ?? "",
            row.currentStepName ?? "", row.currentAction ?? "", row.executedBy ?? "", row.mode?.rawValue ?? "",
        ]
        return fields.contains { $0.lowercased().contains(needle) }
    }
}
