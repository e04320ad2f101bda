import AutomationModel
import Foundation

/// The executions view: the rows loaded so far for a query, newest first, and where the operator is in them.
public struct ExecutionList: Sendable, Hashable {
    public var query: ExecutionQuery
    /// Every row loaded from the service for `query`, newest first.
    public private(set) var rows: [AutomationExecutionMetadata] = []
    /// Where the next page starts; nil when every row is loaded.
    public var nextToken: String?
    /// Whether the first page has arrived for this query.
    public var loaded = false
    /// The `/` filter on loaded rows (client-side).
    public var filter = ""
    /// The selected execution, kept by ID across refreshes.
    public var selectedId: String?
    /// The first visible row.
    public var scroll = 0

    public init(query: ExecutionQuery) {
        self.query = query
    }

    /// The rows on screen: the loaded ones that pass the inbox and the filter.
    public var visibleRows: [AutomationExecutionMetadata] {
        rows.filter { row in
            (!query.waitingOnHumanOnly || row.isWaitingOnHuman) && matchesFilter(row)
        }
    }

    public var selectedIndex: Int {
        let visible = visibleRows
        return visible.firstIndex { $0.automationExecutionId == selectedId } ?? 0
    }

    public var selectedRow: AutomationExecutionMetadata? {
        let visible = visibleRows
        guard !visible.isEmpty else { return nil }
        return visible.first { $0.automationExecutionId == selectedId } ?? visible[0]
    }

    public mutating func select(index: Int) {
        let visible = visibleRows
        guard !visible.isEmpty else {
            selectedId = nil
            return
        }
        selectedId = visible[min(max(0, index), visible.count - 1)].automationExecutionId
    }

    /// Takes a page. The first page (a refresh) replaces what it covers but keeps rows loaded from later
    /// pages, so scrolling back from page three does not lose page two on every refresh.
    public mutating func take(_ page: [AutomationExecutionMetadata], nextToken token: String?, appended: Bool) {
        if appended {
            merge(page)
            nextToken = token
        } else {
            let oldest = page.map(Self.sortKey).min()
            let hadMorePages = loaded && rows.count > page.count && nextToken != nil
            if let oldest, token != nil {
                // Rows newer than the page's oldest that it no longer lists have left the query.
                let kept = rows.filter { Self.sortKey($0) < oldest }
                rows = kept
                merge(page)
                if !hadMorePages { nextToken = token }
            } else {
                rows = []
                merge(page)
                nextToken = token
            }
        }
        loaded = true
        if selectedId == nil || !visibleRows.contains(where: { $0.automationExecutionId == selectedId }) {
            let index = selectedIndex
            select(index: index)
        }
    }

    /// Replaces one row with fresher data (from GetAutomationExecution), if it is loaded.
    public mutating func update(_ row: AutomationExecutionMetadata) {
        guard let index = rows.firstIndex(where: { $0.automationExecutionId == row.automationExecutionId }) else { return }
        rows[index] = row
    }

    /// Starts over for another query.
    public mutating func reset(query: ExecutionQuery) {
        self = ExecutionList(query: query)
    }

    private mutating func merge(_ page: [AutomationExecutionMetadata]) {
        var byId = Dictionary(rows.map { ($0.automationExecutionId, $0) }, uniquingKeysWith: { $1 })
        for row in page { byId[row.automationExecutionId] = row }
        rows = byId.values.sorted { Self.sortKey($0) > Self.sortKey($1) }
    }

    /// Newest first; executions without a start time (pending) sort as newest, ties by ID for a stable order.
    private static func sortKey(_ row: AutomationExecutionMetadata) -> SortKey {
        SortKey(start: row.executionStartTime ?? .distantFuture, id: row.automationExecutionId)
    }

    private struct SortKey: Comparable {
        var start: Date
        var id: String
        static func < (a: SortKey, b: SortKey) -> Bool { a.start != b.start ? a.start < b.start : a.id < b.id }
    }

    private func matchesFilter(_ row: AutomationExecutionMetadata) -> Bool {
        let needle = filter.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return true }
        let fields = [
            row.automationExecutionId, row.documentName ?? "", row.automationExecutionStatus?.rawValue ?? "",
            row.currentStepName ?? "", row.currentAction ?? "", row.executedBy ?? "", row.mode?.rawValue ?? "",
        ]
        return fields.contains { $0.lowercased().contains(needle) }
    }
}
