import AutomationModel
import Foundation

extension ExecutionQuery {
    /// The statuses in which an execution waits on a person (an aws:approve or aws:pause step waits in one of
    /// these), so the inbox is one ExecutionStatus filter the server applies itself. The same rule as the
    /// list's mark (`ExecutionSummary.isWaitingOnHuman`), so a marked row is never missing from the inbox.
    static let waitingOnHumanStatuses = AutomationExecutionStatus.allKnown.filter(\.isWaitingOnHuman)

    /// DescribeAutomationExecutions filters that select this query's executions on the server.
    public var filters: [AutomationExecutionFilter] {
        var filters: [AutomationExecutionFilter] = []
        var statuses: [AutomationExecutionStatus] = status.map { [$0] } ?? []
        if waitingOnHumanOnly {
            // A status filter narrows the inbox further; one that waits on nobody leaves it empty, which
            // `accepts` enforces after the call because the server cannot be sent an empty filter.
            statuses = statuses.isEmpty ? Self.waitingOnHumanStatuses : statuses.filter(\.isWaitingOnHuman)
        }
        if !statuses.isEmpty {
            filters.append(AutomationExecutionFilter(key: .executionStatus, values: statuses.map(\.rawValue)))
        }
        if let prefix = documentNamePrefix, !prefix.isEmpty {
            filters.append(AutomationExecutionFilter(key: .documentNamePrefix, values: [prefix]))
        }
        if let parentExecutionId, !parentExecutionId.isEmpty {
            filters.append(AutomationExecutionFilter(key: .parentExecutionId, values: [parentExecutionId]))
        }
        if let startedAfter {
            filters.append(AutomationExecutionFilter(key: .startTimeAfter, values: [Self.filterTime(startedAfter)]))
        }
        return filters
    }

    /// Whether an execution the server returned belongs to the query (servers that ignore a filter value,
    /// and the inbox with a status that waits on nobody).
    public func accepts(_ execution: AutomationExecutionMetadata) -> Bool {
        let executionStatus = execution.automationExecutionStatus
        if let status, executionStatus != status { return false }
        if waitingOnHumanOnly, executionStatus?.isWaitingOnHuman != true { return false }
        if let parentExecutionId, let parent = execution.parentAutomationExecutionId, parent != parentExecutionId {
            return false
        }
        return true
    }

    /// The time format the StartTimeAfter filter takes: 2026-11-21T09:30:00Z.
    static func filterTime(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = TimeZone(identifier: "UTC")!
        return formatter.format(date)
    }
}
