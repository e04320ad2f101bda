import AutomationModel
import Foundation

/// Refreshing: on a timer, on demand, after a change; never twice at once, slower after throttling.
extension ConsoleUpdate {
    static func tick(_ now: Date, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.now = now
        if let flash = state.flash, flash.expires <= now { state.flash = nil }
        if let expires = state.refresh.noticeExpires, expires <= now {
            state.refresh.notice = nil
            state.refresh.noticeExpires = nil
        }
        var effects: [ConsoleEffect] = []
        let interval = state.refresh.interval(state.options)
        // Behind an open parent that still runs the list waits: the parent's page of children is the same
        // operation, which one view must not call twice per interval. It refreshes on the first tick back.
        let behindParent = state.screen == .execution && state.detail.map { $0.isFleet && !$0.isFinal } == true
        if !behindParent, state.refresh.lastList.map({ now.timeIntervalSince($0) >= interval }) ?? true {
            effects += refreshList(&state)
        }
        if state.screen == .execution, let detail = state.detail, !detail.isFinal,
            state.refresh.lastExecution.map({ now.timeIntervalSince($0) >= interval }) ?? true
        {
            effects += loadExecution(detail.id, &state)
            if detail.isFleet { effects += loadChildren(of: detail.id, &state) }
        }
        effects += refreshCommandOutput(now, &state)
        return effects
    }

    /// The first page of a parent's children (ParentExecutionId filter): one call per refresh whatever the
    /// fleet's size, never one per child. Unless a load of them is in flight.
    static func loadChildren(of parentId: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.refresh.childrenInFlight.insert(parentId).inserted else { return [] }
        return [.request(.listChildren(parentId: parentId, pageSize: state.options.pageSize, nextToken: nil))]
    }

    /// The next page of a parent's children, when the selection nears the last loaded one and there is one.
    static func loadMoreChildrenIfNear(_ parentId: String, selected: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let fleet = state.list.children[parentId], let token = fleet.nextToken,
            fleet.count - 1 - selected <= pagingMargin, state.refresh.childrenInFlight.insert(parentId).inserted
        else { return [] }
        return [.request(.listChildren(parentId: parentId, pageSize: state.options.pageSize, nextToken: token))]
    }

    /// Asks for the first page of the list, unless one is in flight (its answer will do: a timed or `R`
    /// refresh is not asked again; use `reloadList` when the one in flight may be stale).
    static func refreshList(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.refresh.listInFlight else {
            return []
        }
        state.refresh.listInFlight = true
        state.refresh.listPending = false
        state.refresh.lastList = state.now
        var effects: [ConsoleEffect] = [.request(.listExecutions(state.list.query, pageSize: state.options.pageSize))]
        if state.screen == .executions {
            // An expanded parent's children refresh with the list: one filtered page each.
            for parent in state.list.expanded.sorted() { effects += loadChildren(of: parent, &state) }
        }
        return effects
    }

    /// Asks for the first page now, or right after the one in flight, whose answer may predate what the
    /// operator just did (a new query, a signal, a start or a stop).
    static func reloadList(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.refresh.listInFlight {
            state.refresh.listPending = true
            return []
        }
        return refreshList(&state)
    }

    /// A new query: the rows start over and the list is asked for at once (or right after the one in flight).
    static func changeQuery(_ query: ExecutionQuery, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let filter = state.list.filter
        state.list.reset(query: query)
        state.list.filter = filter
        return reloadList(&state)
    }

    /// Loads the execution, unless a load of it is in flight (its answer will do).
    static func loadExecution(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.refresh.executionInFlight.contains(id) else { return [] }
        state.refresh.executionInFlight.insert(id)
        state.refresh.executionPending.remove(id)
        if state.detail?.id == id { state.refresh.lastExecution = state.now }
        return [.request(.loadExecution(id: id))]
    }

    /// Loads the execution now, or right after the load in flight, whose answer may predate a change.
    static func reloadExecution(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.refresh.executionInFlight.contains(id) {
            state.refresh.executionPending.insert(id)
            return []
        }
        return loadExecution(id, &state)
    }

    /// A load of `id` answered (or failed): sends the one asked for meanwhile, if any.
    static func finishLoadingExecution(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.refresh.executionInFlight.remove(id)
        guard state.refresh.executionPending.contains(id) else { return [] }
        return loadExecution(id, &state)
    }

    /// The next page, when the selection is near the end of the loaded rows and there is one.
    static func loadMoreIfNear(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.screen == .executions else { return [] }
        if let entry = selectedEntry(state), let parent = entry.parentId,
            let position = state.list.children[parent]?.position(of: entry.row.automationExecutionId)
        {
            return loadMoreChildrenIfNear(parent, selected: position, &state)
        }
        guard let token = state.list.nextToken, !state.refresh.moreInFlight, !state.refresh.listInFlight else { return [] }
        let visible = state.list.visibleCount
        guard visible - 1 - state.list.selectedIndex <= pagingMargin else { return [] }
        state.refresh.moreInFlight = true
        return [.request(.loadMoreExecutions(state.list.query, pageSize: state.options.pageSize, nextToken: token))]
    }

    private static func selectedEntry(_ state: ConsoleState) -> (row: AutomationExecutionMetadata, parentId: String?)? {
        let index = state.list.selectedIndex
        return index < state.list.visibleCount ? state.list.visibleEntry(at: index) : nil
    }

    static func handle(_ notice: CoreNotice, _ state: inout ConsoleState) {
        switch notice {
        case .throttled(let operation, let retryIn):
            state.refresh.throttledSinceLastList = true
            state.refresh.backoff = min(state.refresh.backoff + 1, RefreshState.maximumBackoff)
            showNotice("throttled: \(operation), retrying in \(seconds(retryIn))", for: retryIn, &state)
        case .retrying(let operation, let attempt, let reason, let retryIn):
            showNotice("\(operation) failed (\(reason)); attempt \(attempt) in \(seconds(retryIn))", for: retryIn, &state)
        case .rateLimited(let operation, let waited):
            showNotice("waited \(seconds(waited)) to keep \(operation) under its quota", for: .zero, &state)
        case .auditLogFailed(let path, let reason):
            flash("Audit log not written to \(path): \(reason)", .error, &state)
        }
    }

    /// A notice stays while it is news: until the retry it announces, and at least as long as a flash. Said
    /// once, it would otherwise stay on the status line long after it stopped being true.
    private static func showNotice(_ text: String, for duration: Duration, _ state: inout ConsoleState) {
        state.refresh.notice = text
        state.refresh.noticeExpires = state.now.addingTimeInterval(max(flashSeconds, duration.seconds))
    }

    static func seconds(_ duration: Duration) -> String {
        let value = duration.seconds
        return value == value.rounded() ? "\(Int(value))s" : String(format: "%.1fs", value)
    }
}
