import AutomationModel
import Foundation

/// Where an execution sits in the list: newest first; executions without a start time (pending) sort as newest,
/// ties by ID, so the order is total and stable.
struct ExecutionSortKey: Comparable, Hashable, Sendable {
    var start: Date
    var id: String

    init(_ row: AutomationExecutionMetadata) {
        start = row.executionStartTime ?? .distantFuture
        id = row.automationExecutionId
    }

    static func < (a: ExecutionSortKey, b: ExecutionSortKey) -> Bool {
        a.start != b.start ? a.start < b.start : a.id < b.id
    }
}

/// Something kept in newest-first order by an execution's sort key.
protocol NewestFirstElement: Hashable, Sendable {
    var sortKey: ExecutionSortKey { get }
}

extension ExecutionSortKey: NewestFirstElement {
    var sortKey: ExecutionSortKey { self }
}

extension AutomationExecutionMetadata: NewestFirstElement {
    var sortKey: ExecutionSortKey { ExecutionSortKey(self) }
}
