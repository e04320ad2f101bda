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
            state.overlay = .help(scroll: ScrollState())
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
}
