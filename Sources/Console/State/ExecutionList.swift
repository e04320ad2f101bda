import AutomationModel
import Foundation

/// The executions view: the rows loaded so far for a query, newest first, and where the operator is in them.
///
/// What a frame needs (the visible count, the selected row and index, the rows in the viewport) costs the same
/// with 10,000 rows loaded as with 100: the rows are kept sorted with an index by execution ID, and which of
/// them pass the inbox and the filter is kept too, recomputed only for the rows that change.
public struct ExecutionList: Sendable, Hashable {
    public var query: ExecutionQuery {
        didSet {
            if query.waitingOnHumanOnly != oldValue.waitingOnHumanOnly {
                recomputeVisible()
            }
        }
    }
    /// Every row loaded from the service for `query`, newest first.
    public var rows: [AutomationExecutionMetadata] { loadedRows.elements }
    /// Where the next page starts; nil when every row is loaded.
    public var nextToken: String?
    /// Whether the first page has arrived for this query.
    public var loaded = false
    /// The `/` filter on loaded rows (client-side).
    public var filter = "" {
        didSet { if filter != oldValue { recomputeVisible() } }
    }
    /// The selected execution, kept by ID across refreshes.
    public var selectedId: String?
    /// The first visible row on screen.
    public var scroll = ScrollState()
    /// The executions waiting on you: the inbox lists them first.
    public var waitingOnYou: Set<String> = [] {
        didSet { if waitingOnYou != oldValue { recomputePinned() } }
    }

    private var loadedRows = NewestFirst<AutomationExecutionMetadata>()
    /// The sort key of every loaded row, by execution ID.
    private var keysById: [String: ExecutionSortKey] = [:]
    /// The keys of the rows that pass the inbox and the filter, newest first.
    private var visibleKeys = NewestFirst<ExecutionSortKey>()
    /// In the inbox, the visible keys of the executions waiting on you, newest first: listed before the rest.
    private var pinnedKeys: [ExecutionSortKey] = []
    /// Where the pinned keys are in `visibleKeys`, ascending.
    private var pinnedPositions: [Int] = []

    public init(query: ExecutionQuery) {
        self.query = query
    }

    /// How many rows are on screen or scrolled past: the loaded ones that pass the inbox and the filter.
    public var visibleCount: Int { visibleKeys.count }

    /// The visible row at `index` (0 ..< visibleCount).
    public func visibleRow(at index: Int) -> AutomationExecutionMetadata {
        // Nothing filtered out or moved: the visible rows are the loaded rows.
        if visibleKeys.count == loadedRows.count, pinnedKeys.isEmpty { return loadedRows[index] }
        // Every visible key is a loaded row's: merge, take and update change both together.
        return loadedRows[loadedRows.index(of: visibleKey(at: index))!]
    }

    /// The key of the visible row at `index`: the pinned ones first, then the others newest first.
    private func visibleKey(at index: Int) -> ExecutionSortKey {
        if pinnedKeys.isEmpty { return visibleKeys[index] }
        if index < pinnedKeys.count { return pinnedKeys[index] }
        var position = index - pinnedKeys.count
        for pinned in pinnedPositions {
            guard pinned <= position else { break }
            position += 1
        }
        return visibleKeys[position]
    }

    /// Where the row with `key` is among the visible rows, if it is visible.
    private func visibleIndex(of key: ExecutionSortKey) -> Int? {
        guard let position = visibleKeys.index(of: key) else { return nil }
        if pinnedKeys.isEmpty { return position }
        if let pinned = pinnedKeys.firstIndex(of: key) { return pinned }
        return pinnedKeys.count + position - pinnedPositions.filter { $0 < position }.count
    }

    /// Every visible row, newest first. Costs O(loaded rows); views draw with `visibleRow(at:)`.
    public var visibleRows: [AutomationExecutionMetadata] {
        var result: [AutomationExecutionMetadata] = []
        result.reserveCapacity(visibleKeys.count)
        var next = 0
        for row in loadedRows.elements where next < visibleKeys.count && row.sortKey == visibleKeys[next] {
            result.append(row)
            next += 1
        }
        guard !pinnedKeys.isEmpty else { return result }
        let pinned = Set(pinnedKeys)
        return result.filter { pinned.contains($0.sortKey) } + result.filter { !pinned.contains($0.sortKey) }
    }

    /// The loaded row with this execution ID, if any.
    public func row(withId id: String) -> AutomationExecutionMetadata? {
        guard let key = keysById[id], let index = loadedRows.index(of: key) else { return nil }
        return loadedRows[index]
    }

    public var selectedIndex: Int {
        guard let selectedId, let key = keysById[selectedId] else { return 0 }
        return visibleIndex(of: key) ?? 0
    }

    public var selectedRow: AutomationExecutionMetadata? {
        guard visibleCount > 0 else { return nil }
        return visibleRow(at: selectedIndex)
    }

    public mutating func select(index: Int) {
        guard visibleCount > 0 else {
            selectedId = nil
            return
        }
        selectedId = visibleRow(at: min(max(0, index), visibleCount - 1)).automationExecutionId
    }

    /// Takes a page. The first page (a refresh) replaces what it covers but keeps rows loaded from later
    /// pages, so scrolling back from page three does not lose page two on every refresh.
    public mutating func take(_ page: [AutomationExecutionMetadata], nextToken token: String?, appended: Bool) {
        let selectedBefore = selectedIndex
        if appended {
            merge(page)
            nextToken = token
        } else {
            let oldest = page.map(\.sortKey).min()
            // Rows from later pages are kept, and so is where paging stopped: the token after them, or none
            // when the last page has been read (the first page's token would ask for pages already loaded).
            let hadMorePages = loaded && loadedRows.count > page.count
            if let oldest, token != nil {
                // Rows newer than the page's oldest that it no longer lists have left the query.
                for row in loadedRows.removeNotOlder(than: oldest) { keysById[row.automationExecutionId] = nil }
                visibleKeys.removeNotOlder(than: oldest)
                merge(page)
                if !hadMorePages { nextToken = token }
            } else {
                loadedRows = NewestFirst()
                keysById = [:]
                visibleKeys = NewestFirst()
                merge(page)
                nextToken = token
            }
        }
        loaded = true
        recomputePinned()
        keepSelection(near: selectedBefore)
    }

    /// When the selected row has left the visible rows, selects the row now at its old index (clamped), so
    /// the operator stays where they were in the list rather than jumping to the top.
    private mutating func keepSelection(near index: Int) {
        let selectedIsVisible = selectedId.flatMap { keysById[$0] }.map { visibleKeys.index(of: $0) != nil } ?? false
        if !selectedIsVisible { select(index: index) }
    }

    /// Replaces one row with fresher data (from GetAutomationExecution), if it is loaded. A row whose start
    /// time changed (a pending execution that started) moves to its place in the order.
    public mutating func update(_ row: AutomationExecutionMetadata) {
        guard let oldKey = keysById[row.automationExecutionId], let index = loadedRows.index(of: oldKey) else { return }
        let selectedBefore = selectedIndex
        defer {
            recomputePinned()
            keepSelection(near: selectedBefore)
        }
        let key = row.sortKey
        let visible = RowFilter(query: query, filter: filter).accepts(row)
        if key == oldKey {
            loadedRows.replace(at: index, with: row)
            let wasVisible = visibleKeys.index(of: key) != nil
            if wasVisible && !visible { visibleKeys.remove([key]) }
            if !wasVisible && visible { visibleKeys.insert([key]) }
        } else {
            loadedRows.remove([oldKey])
            loadedRows.insert([row])
            keysById[row.automationExecutionId] = key
            visibleKeys.remove([oldKey])
            if visible { visibleKeys.insert([key]) }
        }
    }

    /// Starts over for another query.
    public mutating func reset(query: ExecutionQuery) {
        let waitingOnYou = waitingOnYou
        self = ExecutionList(query: query)
        self.waitingOnYou = waitingOnYou
    }

    /// Adds or replaces the page's rows (the last copy of an ID in the page wins).
    private mutating func merge(_ page: [AutomationExecutionMetadata]) {
        var pageById: [String: AutomationExecutionMetadata] = [:]
        for row in page { pageById[row.automationExecutionId] = row }
        let fresh = pageById.values.sorted { $0.sortKey > $1.sortKey }
        let replaced = fresh.compactMap { keysById[$0.automationExecutionId] }
        loadedRows.remove(replaced)
        visibleKeys.remove(replaced)
        loadedRows.insert(fresh)
        let rowFilter = RowFilter(query: query, filter: filter)
        visibleKeys.insert(fresh.filter(rowFilter.accepts).map(\.sortKey))
        for row in fresh { keysById[row.automationExecutionId] = row.sortKey }
    }

    /// After the inbox or the filter changed: O(loaded rows), once per change, not per frame.
    private mutating func recomputeVisible() {
        let rowFilter = RowFilter(query: query, filter: filter)
        var keys = NewestFirst<ExecutionSortKey>()
        keys.insert(Array(loadedRows.elements.lazy.filter(rowFilter.accepts).map(\.sortKey)))
        visibleKeys = keys
        recomputePinned()
    }

    /// After the visible rows or the executions waiting on you changed. O(pinned rows · log visible rows).
    private mutating func recomputePinned() {
        guard query.waitingOnHumanOnly, !waitingOnYou.isEmpty else {
            pinnedKeys = []
            pinnedPositions = []
            return
        }
        let visible = waitingOnYou.compactMap { id in keysById[id].flatMap { key in visibleKeys.index(of: key).map { (key, $0) } } }
            .sorted { $0.1 < $1.1 }
        pinnedKeys = visible.map { $0.0 }
        pinnedPositions = visible.map { $0.1 }
    }
}
