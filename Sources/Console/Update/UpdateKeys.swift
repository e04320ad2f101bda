import AutomationModel
import Foundation

/// Keys: an open overlay or input line takes them first; otherwise the action table decides.
extension ConsoleUpdate {
    static func handleKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.layout.isTooSmall {
            // Only quitting makes sense on a screen too small to show anything.
            return key == .character("q") && state.overlay == nil && state.input == nil ? [.quit] : []
        }
        if let overlay = state.overlay { return handleOverlayKey(key, overlay, &state) }
        if state.input != nil { return handleInputKey(key, &state) }
        guard let action = ActionTable.action(for: key, in: state) else {
            if state.options.readOnly, ActionTable.all.contains(where: { $0.isChange && $0.matches(key) }) {
                flash("Read-only: signals, start and stop are turned off.", .warning, &state)
            }
            return []
        }
        if let reason = action.whyNot(state) {
            flash("\(action.keyLabel) \(action.title): \(reason)", .warning, &state)
            return []
        }
        return perform(action.id, &state)
    }

    static func perform(_ id: ConsoleAction.ID, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch id {
        case .moveDown: return move(by: 1, &state)
        case .moveUp: return move(by: -1, &state)
        case .top: return move(to: 0, &state)
        case .bottom: return move(to: Int.max / 2, &state)
        case .pageDown: return page(1, &state)
        case .pageUp: return page(-1, &state)
        case .open:
            guard let row = state.list.selectedRow else { return [] }
            return openExecution(row.automationExecutionId, &state)
        case .back:
            state.screen = .executions
            state.detail = nil
            clampScrolling(&state)
            return []
        case .clearFilter:
            state.list.filter = ""
            clampScrolling(&state)
            return []
        case .switchPane:
            let focus = state.detail?.focus
            state.detail?.focus = focus == .steps ? .details : .steps
            return []
        case .scrollDetailsDown: return scrollDetails(by: 1, &state)
        case .scrollDetailsUp: return scrollDetails(by: -1, &state)
        case .filter:
            state.input = LineInput(kind: .filter, text: state.list.filter)
            return []
        case .command:
            state.input = LineInput(kind: .command, text: "")
            return []
        case .inbox:
            var query = state.list.query
            query.waitingOnHumanOnly.toggle()
            flash(query.waitingOnHumanOnly ? "Inbox: executions waiting on a person" : "All executions", .info, &state)
            return changeQuery(query, &state)
        case .refresh:
            var effects = refreshList(&state)
            if state.screen == .execution, let id = state.detail?.id { effects += loadExecution(id, &state) }
            return effects
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        case .quit:
            return [.quit]
        case .approve, .reject, .startStep, .stopStep, .resume:
            guard let signal = ActionTable.signalType(of: id) else { return [] }
            return openSignalForm(signal, &state)
        case .startExecution:
            state.overlay = .start(StartForm())
            return [.request(.listDocuments)]
        case .stopExecution:
            guard let execution = state.selectedExecution, let type = SignalRules.stopType(execution) else { return [] }
            state.overlay = .stop(StopForm(executionId: execution.id, type: type))
            return []
        }
    }

    static func openExecution(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.screen = .execution
        state.detail = ExecutionDetail(id: id)
        return reloadExecution(id, &state)
    }

    // MARK: Moving

    private static func move(by delta: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.screen {
        case .executions:
            return move(to: state.list.selectedIndex + delta, &state)
        case .execution:
            if state.detail?.focus == .details { return scrollDetails(by: delta, &state) }
            return move(to: (state.detail?.selectedStep ?? 0) + delta, &state)
        }
    }

    private static func move(to index: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.screen {
        case .executions:
            state.list.select(index: index)
            clampScrolling(&state)
            return loadMoreIfNear(&state)
        case .execution:
            guard var detail = state.detail else { return [] }
            if detail.focus == .details {
                detail.detailScroll = index
            } else {
                let selected = min(max(0, index), max(0, detail.steps.count - 1))
                if selected != detail.selectedStep { detail.detailScroll = 0 }
                detail.selectedStep = selected
            }
            state.detail = detail
            clampScrolling(&state)
            return []
        }
    }

    private static func page(_ direction: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let layout = state.layout
        switch state.screen {
        case .executions:
            return move(to: state.list.selectedIndex + direction * max(1, layout.listRows - 1), &state)
        case .execution:
            if state.detail?.focus == .details { return scrollDetails(by: direction * max(1, layout.detailRows - 1), &state) }
            return move(to: (state.detail?.selectedStep ?? 0) + direction * max(1, layout.stepRows - 1), &state)
        }
    }

    private static func scrollDetails(by delta: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.detail?.detailScroll += delta
        clampScrolling(&state)
        return []
    }

    /// Keeps the selection on screen and scroll offsets within their content, e.g. after a resize.
    static func clampScrolling(_ state: inout ConsoleState) {
        let layout = state.layout
        let index = state.list.selectedIndex
        let rows = layout.listRows
        let count = state.list.visibleCount
        var scroll = state.list.scroll
        if index < scroll { scroll = index }
        if index >= scroll + rows { scroll = index - rows + 1 }
        state.list.scroll = max(0, min(scroll, max(0, count - rows)))
        guard var detail = state.detail else { return }
        if detail.selectedStep < detail.stepScroll { detail.stepScroll = detail.selectedStep }
        if detail.selectedStep >= detail.stepScroll + layout.stepRows {
            detail.stepScroll = detail.selectedStep - layout.stepRows + 1
        }
        detail.stepScroll = max(0, min(detail.stepScroll, max(0, detail.steps.count - layout.stepRows)))
        let lines = DetailsContent.lines(detail, width: layout.detailsWidth - 1, now: state.now).count
        detail.detailScroll = max(0, min(detail.detailScroll, max(0, lines - layout.detailRows)))
        state.detail = detail
    }
}
