import AutomationModel
import Foundation

/// The command output view: opening it from an aws:runCommand step, its keys, its refreshes and their answers.
/// While an instance's output is open, it alone is read, once per refresh interval, until its invocation ends;
/// while the instances are listed, they are read once per interval until all have ended.
extension ConsoleUpdate {
    static func openCommandOutput(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let detail = state.detail, let step = detail.selectedStepExecution, let commandId = step.commandId else {
            return []
        }
        state.overlay = .commandOutput(
            CommandOutputView(executionId: detail.id, stepName: step.stepName ?? "", commandId: commandId))
        return loadCommandInvocations(&state)
    }

    static func handleCommandOutputKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .commandOutput(var view) = state.overlay,
            let command = CommandOutputKeys.table(for: view).command(for: key, in: state)
        else { return [] }
        let page = max(1, CommandOutputContent.textRows(state) - 1)
        switch command {
        case .close:
            state.overlay = nil
            return []
        case .open:
            guard let instanceId = view.selectedInvocation?.instanceId else { return [] }
            view.open = CommandOutputView.InstanceOutput(instanceId: instanceId)
            state.overlay = .commandOutput(view)
            return loadCommandOutput(&state)
        case .back:
            view.open = nil
            state.overlay = .commandOutput(view)
            return refreshCommandOutput(state.now, &state)
        case .down, .up, .pageDown, .pageUp, .top, .follow:
            let step: Int
            switch command {
            case .down: step = 1
            case .up: step = -1
            case .pageDown: step = page
            case .pageUp: step = -page
            case .top: step = -Int.max / 2
            default: step = Int.max / 2
            }
            if view.open == nil {
                let count = view.invocations?.count ?? 0
                view.selected = max(0, min(count - 1, view.selected + step))
                view.listScroll.clamp(rowCount: count, visibleRows: CommandOutputContent.textRows(state), selection: view.selected)
            } else if var open = view.open {
                scroll(&open, by: step, following: command == .follow, state)
                view.open = open
            }
            state.overlay = .commandOutput(view)
            return []
        }
    }

    /// Moves the output by `lines`; reaching the end (or End) follows what arrives next, moving up stops that.
    private static func scroll(
        _ open: inout CommandOutputView.InstanceOutput, by lines: Int, following: Bool, _ state: ConsoleState
    ) {
        let count = CommandOutputContent.lines(open.output, width: CommandOutputContent.textWidth(state)).count
        let last = max(0, count - CommandOutputContent.textRows(state))
        let first = CommandOutputContent.firstLine(open, state)
        let target = following ? last : max(0, min(last, first.addingReportingOverflow(lines).partialValue))
        open.scroll.offset = target
        open.follow = following || target >= last
    }

    /// On each tick: the open instance's output, else the instances, when due and not yet final.
    static func refreshCommandOutput(_ now: Date, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .commandOutput(let view) = state.overlay else { return [] }
        let interval = state.refresh.interval(state.options)
        if let open = view.open {
            guard !open.isFinal, !open.inFlight, open.last.map({ now.timeIntervalSince($0) >= interval }) ?? true else {
                return []
            }
            return loadCommandOutput(&state)
        }
        guard !view.invocationsAreFinal, !view.invocationsInFlight,
            view.lastInvocations.map({ now.timeIntervalSince($0) >= interval }) ?? true
        else { return [] }
        return loadCommandInvocations(&state)
    }

    private static func loadCommandInvocations(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .commandOutput(var view) = state.overlay, !view.invocationsInFlight else { return [] }
        view.invocationsInFlight = true
        view.lastInvocations = state.now
        state.overlay = .commandOutput(view)
        return [.request(.loadCommandInvocations(commandId: view.commandId))]
    }

    private static func loadCommandOutput(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .commandOutput(var view) = state.overlay, var open = view.open, !open.inFlight else { return [] }
        open.inFlight = true
        open.last = state.now
        view.open = open
        state.overlay = .commandOutput(view)
        return [.request(.loadCommandOutput(commandId: view.commandId, instanceId: open.instanceId))]
    }

    static func commandInvocationsArrived(_ commandId: String, _ invocations: [CommandInvocation], _ state: inout ConsoleState) {
        guard case .commandOutput(var view) = state.overlay, view.commandId == commandId else { return }
        view.invocationsInFlight = false
        view.invocations = invocations
        view.error = nil
        view.selected = max(0, min(view.selected, invocations.count - 1))
        state.overlay = .commandOutput(view)
    }

    static func commandOutputArrived(_ output: GetCommandInvocationResponse, _ state: inout ConsoleState) {
        guard case .commandOutput(var view) = state.overlay, view.commandId == output.commandId,
            var open = view.open, open.instanceId == output.instanceId
        else { return }
        open.inFlight = false
        open.output = output
        open.error = nil
        view.open = open
        state.overlay = .commandOutput(view)
    }

    static func commandOutputFailed(_ request: ServiceRequest, message: String, _ state: inout ConsoleState) {
        guard case .commandOutput(var view) = state.overlay else { return }
        switch request {
        case .loadCommandInvocations(let commandId) where commandId == view.commandId:
            view.invocationsInFlight = false
            view.error = "\(OperationCatalog.listCommandInvocations.name) failed: \(message)"
        case .loadCommandOutput(let commandId, let instanceId)
        where commandId == view.commandId && view.open?.instanceId == instanceId:
            view.open?.inFlight = false
            view.open?.error = "\(OperationCatalog.getCommandInvocation.name) failed: \(message)"
        default:
            return
        }
        state.overlay = .commandOutput(view)
    }
}
