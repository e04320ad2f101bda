import AutomationModel
import Foundation

/// Keys while help or the stop confirmation is open.
extension ConsoleUpdate {
    static func handleHelpKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .help(var scroll) = state.overlay, let command = HelpKeys.table.command(for: key, in: state) else {
            return []
        }
        let page = max(1, state.layout.overlayRows - 1)
        switch command {
        case .down: scroll.offset += 1
        case .up: scroll.offset -= 1
        case .pageDown: scroll.offset += page
        case .pageUp: scroll.offset -= page
        case .close:
            state.overlay = nil
            return []
        }
        // Clamped here, so scrolling back up after holding j past the end moves at once.
        scroll.clamp(rowCount: HelpContent.lines(state).count, visibleRows: state.layout.overlayRows)
        state.overlay = .help(scroll: scroll)
        return []
    }

    static func handleStopFormKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .stop(let form) = state.overlay, let command = StopFormKeys.table(for: form).command(for: key, in: state)
        else { return [] }
        switch command {
        case .stop:
            return state.editStopForm { form in
                form.phase = .sending
                form.error = nil
                return [.request(.stopExecution(form.request))]
            } ?? []
        case .keep:
            state.overlay = nil
            return []
        case .copyCommand:
            return Clipboard.copy(ShellCommandLine.stop(form.request, target: state.target), what: "the aws ssm command", &state)
        }
    }
}
