import AutomationModel
import Foundation

/// Keys: looked up in the key table of the context the state is in (`ConsoleState.keyContext`), then the
/// context's command is run. A key no table lists does nothing.
extension ConsoleUpdate {
    static func handleKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if let command = ScreenKeys.command(for: key, state.options.keys) {
            switch command {
            case .repaint: return [.repaint]
            }
        }
        switch state.keyContext {
        case .tooSmall:
            guard let id = ActionTable.tooSmall.command(for: key, in: state) else { return [] }
            return perform(id, &state)
        case .executions, .execution:
            return handleViewKey(key, &state)
        case .help:
            return handleHelpKey(key, &state)
        case .filterLine, .commandLine:
            return handleInputKey(key, &state)
        case .signalComment, .stepPicker, .stepsLoading, .signalConfirmation, .signalSending:
            return handleSignalFormKey(key, &state)
        case .documentsLoading, .documentsFailed, .documentPicker, .parameters, .startSending:
            return handleStartFormKey(key, &state)
        case .stopConfirmation, .stopSending:
            return handleStopFormKey(key, &state)
        case .targetPicker:
            return handleTargetPickerKey(key, &state)
        case .commandInstances, .commandOutput:
            return handleCommandOutputKey(key, &state)
        case .screen:
            // No state is in this context: its keys were looked up above.
            return []
        }
    }

    /// The two views: a key that is off, or a change in read-only mode, says why in the status line.
    private static func handleViewKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let action = ActionTable.action(for: key, in: state.viewContext, state.options.keys) else { return [] }
        if action.isChange, state.options.readOnly {
            flash("Read-only: signals, start and stop are turned off.", .warning, &state)
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
            state.path = []
            return openExecution(row.automationExecutionId, &state)
        case .openChild:
            guard let child = FleetNavigation.selectedChild(in: state) else { return [] }
            return openAlongPath(child.automationExecutionId, &state)
        case .related:
            guard let id = FleetNavigation.related(in: state) else { return [] }
            return openAlongPath(id, &state)
        case .expandChildren:
            guard let parent = FleetNavigation.expandableParent(in: state) else { return [] }
            state.list.toggleExpanded(parent)
            clampScrolling(&state)
            return state.list.isExpanded(parent) ? loadChildren(of: parent, &state) : []
        case .back:
            if let previous = state.path.popLast() { return openExecution(previous, &state) }
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
        case .commandOutput: return openCommandOutput(&state)
        case .scrollDetailsDown: return scrollDetails(by: 1, &state)
        case .scrollDetailsUp: return scrollDetails(by: -1, &state)
        case .filter:
            state.input = LineInput(kind: .filter, text: state.list.filter, replacing: !state.list.filter.isEmpty)
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
        case .approve, .reject, .startStep, .stopStep, .resume, .revoke:
            guard let signal = ActionTable.signalType(of: id) else { return [] }
            return openSignalForm(signal, &state)
        case .startExecution:
            state.overlay = .start(StartForm())
            return [.request(.listDocuments)]
        case .stopExecution:
            guard let execution = state.selectedExecution, let type = SignalRules.stopType(execution) else { return [] }
            state.overlay = .stop(StopForm(executionId: execution.id, type: type, children: fleetProgress(of: execution.id, state)))
            return []
        case .copyId:
            guard let execution = state.selectedExecution else { return [] }
            return Clipboard.copy(execution.id, what: "execution ID \(execution.id)", &state)
        case .copyCommand:
            guard let execution = state.selectedExecution else { return [] }
            return Clipboard.copy(
                ShellCommandLine.getExecution(execution.id, target: state.target), what: "the aws ssm command", &state)
        }
    }

    static func openExecution(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.screen = .execution
        state.detail = ExecutionDetail(id: id)
        return reloadExecution(id, &state)
    }

    /// A parent's progress for the stop question, from the children known without another call; nil when the
    /// execution is not a parent.
    static func fleetProgress(of id: String, _ state: ConsoleState) -> FleetProgress? {
        let row = state.list.row(withId: id)
            ?? state.list.children.values.lazy.compactMap { fleet in fleet.position(of: id).map { fleet.rows[$0] } }.first
            ?? (state.detail?.id == id ? state.detail?.execution.map { AutomationExecutionMetadata($0) } : nil)
        guard let row, state.list.isParent(row) else { return nil }
        return state.list.progress(of: row)
    }

    /// Opens another execution from the open one (a child from its parent, a parent from its child), so Esc
    /// comes back to this one.
    static func openAlongPath(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.screen == .execution, let current = state.detail?.id, current != id { state.path.append(current) }
        return openExecution(id, &state)
    }
}
