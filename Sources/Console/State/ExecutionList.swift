import AutomationModel
import Foundation

/// The executions view: the rows loaded so far for a query, newest first, and where the operator is in them.
///
/// What a frame needs (the visible count, the selected row and index, the rows in the viewport) costs the same
/// with 10,000 rows loaded as with 100: the rows are kept sorted with an index by execution ID, and which of
/// them pass the inbox and the filter is kept too, recomputed only for the rows that change.
///
/// A fleet's children are grouped under their parent: a child whose parent is loaded is not a row of its own
/// (unless the query is `:parent ID`); an expanded parent lists its children right below it, from the
/// ParentExecutionId filter's pages (`children`). Drawing costs O(expanded parents) more per row.
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
    /// The parents whose children are listed below them (collapsed by default).
    public private(set) var expanded: Set<String> = [] {
        didSet { recomputeExpansions() }
    }
    /// Children loaded with the ParentExecutionId filter, by parent: an expanded parent's, or the open one's.
    public var children: [String: FleetChildren] = [:] {
        didSet { recomputeExpansions() }
    }

    /// The IDs of loaded rows that name each parent, so a parent knows its children without a call.
    private var childIdsByParent: [String: Set<String>] = [:]

    private var loadedRows = NewestFirst<AutomationExecutionMetadata>()
    /// The sort key of every loaded row, by execution ID.
    private var keysById: [String: ExecutionSortKey] = [:] {
        didSet { recomputeExpansions() }
    }
    /// The keys of the rows that pass the inbox and the filter, newest first.
    private var visibleKeys = NewestFirst<ExecutionSortKey>() {
        didSet { recomputeExpansions() }
    }
    /// In the inbox, the visible keys of the executions waiting on you, newest first: listed before the rest.
    private var pinnedKeys: [ExecutionSortKey] = [] {
        didSet { recomputeExpansions() }
    }
    /// Where the pinned keys are in `visibleKeys`, ascending.
    private var pinnedPositions: [Int] = [] {
        didSet { recomputeExpansions() }
    }
    /// The expanded parents that are visible, in list order: kept as what they depend on changes, because a
    /// frame asks for them once per row range and once per footer action.
    private var expansions: [Expansion] = []

    public init(query: ExecutionQuery) {
        self.query = query
    }

    /// How many rows are on screen or scrolled past: the loaded ones that pass the inbox and the filter, and
    /// the children of expanded parents.
    public var visibleCount: Int { visibleKeys.count + expansions.reduce(0) { $0 + $1.count } }

    /// The visible row at `index` (0 ..< visibleCount).
    public func visibleRow(at index: Int) -> AutomationExecutionMetadata { visibleEntry(at: index).row }

    /// The visible row at `index`, and the parent it is listed under when it is an expanded parent's child.
    public func visibleEntry(at index: Int) -> (row: AutomationExecutionMetadata, parentId: String?) {
        entry(at: index)
    }

    /// The visible rows in `range` (within 0 ..< visibleCount), each with the parent it is listed under: what a
    /// view draws.
    public func visibleEntries(in range: Range<Int>) -> [(row: AutomationExecutionMetadata, parentId: String?)] {
        // One walk down the range, looking each expanded parent's children up once rather than once per row.
        var entries: [(row: AutomationExecutionMetadata, parentId: String?)] = []
        entries.reserveCapacity(range.count)
        var index = range.lowerBound
        var childrenAbove = 0
        for expansion in expansions where index < range.upperBound {
            let parentIndex = expansion.topIndex + childrenAbove
            while index < range.upperBound, index <= parentIndex {
                entries.append((topRow(at: index - childrenAbove), nil))
                index += 1
            }
            let afterChildren = parentIndex + 1 + expansion.count
            if index < min(range.upperBound, afterChildren) {
                let rows = children[expansion.parentId]!.rows
                while index < range.upperBound, index < afterChildren {
                    entries.append((rows[index - parentIndex - 1], expansion.parentId))
                    index += 1
                }
            }
            childrenAbove += expansion.count
        }
        while index < range.upperBound {
            entries.append((topRow(at: index - childrenAbove), nil))
            index += 1
        }
        return entries
    }

    private func entry(at index: Int) -> (row: AutomationExecutionMetadata, parentId: String?) {
        var offset = 0
        for expansion in expansions {
            let parentIndex = expansion.topIndex + offset
            if index <= parentIndex { break }
            if index <= parentIndex + expansion.count {
                return (children[expansion.parentId]!.rows[index - parentIndex - 1], expansion.parentId)
            }
            offset += expansion.count
        }
        return (topRow(at: index - offset), nil)
    }

    /// An expanded parent that is visible: where it is among the top-level rows and how many children follow it.
    private struct Expansion: Sendable, Hashable {
        var parentId: String
        var topIndex: Int
        var count: Int
    }

    /// O(expanded parents · log rows), nothing when no parent is expanded.
    private mutating func recomputeExpansions() {
        guard !expanded.isEmpty else {
            if !expansions.isEmpty { expansions = [] }
            return
        }
        expansions = expanded.compactMap { id -> Expansion? in
            guard let key = keysById[id], let topIndex = visibleIndex(of: key), let count = children[id]?.count, count > 0
            else { return nil }
            return Expansion(parentId: id, topIndex: topIndex, count: count)
        }.sorted { $0.topIndex < $1.topIndex }
    }

    /// The top-level visible row at `index` (0 ..< the count of visible keys).
    private func topRow(at index: Int) -> AutomationExecutionMetadata {
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
        guard let selectedId else { return 0 }
        return index(ofVisible: selectedId) ?? 0
    }

    /// Where the execution is among the visible rows: a top-level row, or a child listed under its parent.
    func index(ofVisible id: String) -> Int? {
        for expansion in expansions {
            guard let position = children[expansion.parentId]?.position(of: id) else { continue }
            return rowsBefore(topIndex: expansion.topIndex) + 1 + position
        }
        guard let key = keysById[id], let topIndex = visibleIndex(of: key) else { return nil }
        return rowsBefore(topIndex: topIndex)
    }

    /// The visible index of the top-level row at `topIndex`: it, plus the children listed above it.
    private func rowsBefore(topIndex: Int) -> Int {
        topIndex + expansions.lazy.filter { $0.topIndex < topIndex }.reduce(0) { $0 + $1.count }
    }

    /// The selected row, or the first row when the selected one is not visible.
    public var selectedRow: AutomationExecutionMetadata? {
        guard visibleCount > 0 else { return nil }
        // A child is read from its parent's children directly: the footer asks once per action it offers.
        if let id = selectedId {
            for expansion in expansions {
                if let fleet = children[expansion.parentId], let position = fleet.position(of: id) { return fleet.rows[position] }
            }
        }
        return entry(at: selectedId.flatMap(index(ofVisible:)) ?? 0).row
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
                let removed = loadedRows.removeNotOlder(than: oldest)
                for row in removed { keysById[row.automationExecutionId] = nil }
                visibleKeys.removeNotOlder(than: oldest)
                forgetChildren(removed)
                merge(page)
                if !hadMorePages { nextToken = token }
            } else {
                loadedRows = NewestFirst()
                keysById = [:]
                visibleKeys = NewestFirst()
                childIdsByParent = [:]
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
        let selectedIsVisible = selectedId.map { self.index(ofVisible: $0) != nil } ?? false
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
        if let parent = row.parentAutomationExecutionId { children[parent]?.update(row) }
        let key = row.sortKey
        let visible = RowFilter(query: query, filter: filter).accepts(row) && !isGrouped(row)
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

    /// Starts over for another query; parents stay expanded.
    public mutating func reset(query: ExecutionQuery) {
        let waitingOnYou = waitingOnYou
        let (expanded, children) = (expanded, children)
        self = ExecutionList(query: query)
        self.waitingOnYou = waitingOnYou
        self.expanded = expanded
        self.children = children
    }

    // MARK: Fleets

    /// Children are grouped under their parent, except when the query lists one parent's children.
    private var groupsChildren: Bool { query.parentExecutionId == nil }

    /// A child whose parent is loaded is listed under it, not as a row of its own; one whose parent is not
    /// loaded (another page, another status) stays a row, so no execution goes missing.
    private func isGrouped(_ row: AutomationExecutionMetadata) -> Bool {
        guard groupsChildren, let parent = row.parentAutomationExecutionId else { return false }
        return keysById[parent] != nil
    }

    /// Whether the loaded row is a parent: started with rate control, or named by a loaded child.
    public func isParent(_ row: AutomationExecutionMetadata) -> Bool {
        let id = row.automationExecutionId
        return row.isRateControlled || !(childIdsByParent[id] ?? []).isEmpty || (children[id]?.count ?? 0) > 0
    }

    public func isExpanded(_ parentId: String) -> Bool { expanded.contains(parentId) }

    /// Loaded rows listed under their loaded parent rather than as rows of their own. O(parents).
    public var groupedCount: Int {
        guard groupsChildren else { return 0 }
        return childIdsByParent.reduce(0) { keysById[$1.key] != nil ? $0 + $1.value.count : $0 }
    }

    /// Rows of their own that pass the inbox and the filter (not counting expanded children).
    public var topLevelCount: Int { visibleKeys.count }

    /// Whether the execution is a child loaded with the ParentExecutionId filter.
    func isFleetChild(_ id: String) -> Bool { children.values.contains { $0.position(of: id) != nil } }

    /// The expanded parents' children the list itself has not loaded (their approvals are read too).
    var childrenOnlyInFleets: [AutomationExecutionMetadata] {
        expanded.sorted().flatMap { children[$0]?.rows ?? [] }.filter { keysById[$0.automationExecutionId] == nil }
    }

    /// The parent's children loaded so far: from the ParentExecutionId filter once it answered, else those the
    /// list itself loaded.
    public func knownChildren(of parentId: String) -> [AutomationExecutionMetadata] {
        if let fleet = children[parentId], fleet.loaded { return fleet.rows }
        return (childIdsByParent[parentId] ?? []).compactMap(row(withId:)).sorted(by: FleetChildren.startedFirst)
    }

    /// The parent's progress, from the children known without another call: all of them once the filter's
    /// last page is in, else a count the progress marks as partial.
    public func progress(of parent: AutomationExecutionMetadata) -> FleetProgress {
        let id = parent.automationExecutionId
        if let fleet = children[id], fleet.loaded {
            return FleetProgress(parent: parent, counts: fleet.counts, allListed: fleet.nextToken == nil)
        }
        // The list itself lists every child when it has every execution: no filter and no page left.
        let wholeList = loaded && nextToken == nil && (query == .all || query == .children(of: id))
        return FleetProgress(parent: parent, counts: FleetCounts(knownChildren(of: id)), allListed: wholeList)
    }

    /// Expands a collapsed parent (its children, as far as the list knows them, until the filtered page
    /// arrives) or collapses an expanded one (selecting it, if one of its children was selected).
    public mutating func toggleExpanded(_ parentId: String) {
        if expanded.contains(parentId) {
            let selectedChild = selectedId.flatMap { children[parentId]?.position(of: $0) } != nil
            expanded.remove(parentId)
            if selectedChild { selectedId = parentId }
        } else {
            if children[parentId] == nil { children[parentId] = FleetChildren(rows: knownChildren(of: parentId)) }
            expanded.insert(parentId)
        }
    }

    /// A page of the parent's children from the ParentExecutionId filter.
    public mutating func takeChildren(
        of parentId: String, _ page: [AutomationExecutionMetadata], nextToken: String?, appended: Bool
    ) {
        let selectedBefore = selectedIndex
        children[parentId, default: FleetChildren()].take(page, nextToken: nextToken, appended: appended)
        keepSelection(near: selectedBefore)
    }

    /// Rows that left the list no longer name their parent; if a parent left, its children are rows again.
    private mutating func forgetChildren(_ removed: some Collection<AutomationExecutionMetadata>) {
        var parentLeft = false
        for row in removed {
            if let parent = row.parentAutomationExecutionId {
                childIdsByParent[parent]?.remove(row.automationExecutionId)
            }
            if childIdsByParent[row.automationExecutionId] != nil { parentLeft = true }
        }
        if parentLeft && groupsChildren { recomputeVisible() }
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
        var parentArrived = false
        for row in fresh {
            let id = row.automationExecutionId
            if keysById[id] == nil, childIdsByParent[id] != nil { parentArrived = true }
            keysById[id] = row.sortKey
            if let parent = row.parentAutomationExecutionId {
                childIdsByParent[parent, default: []].insert(id)
                children[parent]?.update(row)
            }
        }
        if parentArrived && groupsChildren {
            // Children loaded before their parent were rows of their own: now they are grouped under it.
            recomputeVisible()
            return
        }
        let rowFilter = RowFilter(query: query, filter: filter)
        visibleKeys.insert(fresh.filter { rowFilter.accepts($0) && !isGrouped($0) }.map(\.sortKey))
    }

    /// After the inbox or the filter changed: O(loaded rows), once per change, not per frame.
    private mutating func recomputeVisible() {
        let rowFilter = RowFilter(query: query, filter: filter)
        var keys = NewestFirst<ExecutionSortKey>()
        keys.insert(shownKeys(rowFilter))
        visibleKeys = keys
        recomputePinned()
    }

    /// The keys of the loaded rows the filter accepts that are rows of their own, newest first.
    private func shownKeys(_ rowFilter: RowFilter) -> [ExecutionSortKey] {
        loadedRows.elements.filter { rowFilter.accepts($0) && !isGrouped($0) }.map(\.sortKey)
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
