import AutomationModel
import Foundation

@testable import Console

/// The executions list as first written: every question answered by filtering and sorting all the rows. Slow
/// with many rows, obviously right; the kept-sorted `ExecutionList` must answer exactly as it does.
/// One deliberate difference from that first version: `update` re-sorts, so a pending execution that gains a
/// start time moves to its place at once rather than at the next page.
struct ExecutionListReference {
    var query: ExecutionQuery
    var rows: [AutomationExecutionMetadata] = []
    var nextToken: String?
    var loaded = false
    var filter = ""
    var selectedId: String?

    var visibleRows: [AutomationExecutionMetadata] {
        rows.filter { row in
            (!query.waitingOnHumanOnly || ExecutionSummary(row).isWaitingOnHuman) && matchesFilter(row)
        }
    }

    var selectedIndex: Int {
        visibleRows.firstIndex { $0.automationExecutionId == selectedId } ?? 0
    }

    var selectedRow: AutomationExecutionMetadata? {
        let visible = visibleRows
        guard !visible.isEmpty else { return nil }
        return visible.first { $0.automationExecutionId == selectedId } ?? visible[0]
    }

    mutating func select(index: Int) {
        let visible = visibleRows
        guard !visible.isEmpty else {
            selectedId = nil
            return
        }
        selectedId = visible[min(max(0, index), visible.count - 1)].automationExecutionId
    }

    mutating func take(_ page: [AutomationExecutionMetadata], nextToken token: String?, appended: Bool) {
        let selectedBefore = selectedIndex
        if appended {
            merge(page)
            nextToken = token
        } else {
            let oldest = page.map(Self.sortKey).min(by: <)
            let hadMorePages = loaded && rows.count > page.count
            if let oldest, token != nil {
                rows = rows.filter { Self.sortKey($0) < oldest }
                merge(page)
                if !hadMorePages { nextToken = token }
            } else {
                rows = []
                merge(page)
                nextToken = token
            }
        }
        loaded = true
        keepSelection(near: selectedBefore)
    }

    mutating func update(_ row: AutomationExecutionMetadata) {
        guard let index = rows.firstIndex(where: { $0.automationExecutionId == row.automationExecutionId }) else { return }
        let selectedBefore = selectedIndex
        rows[index] = row
        rows.sort { Self.sortKey($0) > Self.sortKey($1) }
        keepSelection(near: selectedBefore)
    }

    /// A selected row that left the visible rows gives way to the one at its old index (clamped).
    private mutating func keepSelection(near index: Int) {
        if selectedId == nil || !visibleRows.contains(where: { $0.automationExecutionId == selectedId }) {
            select(index: index)
        }
    }

    private mutating func merge(_ page: [AutomationExecutionMetadata]) {
        var byId = Dictionary(rows.map { ($0.automationExecutionId, $0) }, uniquingKeysWith: { $1 })
        for row in page { byId[row.automationExecutionId] = row }
        rows = byId.values.sorted { Self.sortKey($0) > Self.sortKey($1) }
    }

    private static func sortKey(_ row: AutomationExecutionMetadata) -> (Date, String) {
        (row.executionStartTime ?? .distantFuture, row.automationExecutionId)
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
