import AutomationModel
import Foundation

/// The `/` filter (applied as you type) and the `:` command line.
extension ConsoleUpdate {
    static func handleInputKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var input = state.input, let command = LineInputKeys.table(for: input.kind).command(for: key, in: state)
        else { return [] }
        switch command {
        case .cancel:
            if input.kind == .filter { state.list.filter = "" }
            state.input = nil
            clampScrolling(&state)
            return []
        case .accept:
            state.input = nil
            if input.kind == .command { return run(input.text, &state) }
            return []
        case .edit:
            // A reopened filter is selected: what is typed replaces it, and Backspace clears it.
            var text = input.replacing ? "" : input.text
            guard TextEditing.apply(key, to: &text) else { return [] }
            input.text = text
            input.replacing = false
            state.input = input
            if input.kind == .filter {
                state.list.filter = input.text
                state.list.select(index: state.list.selectedIndex)
                clampScrolling(&state)
            }
            return []
        }
    }

    private static func run(_ line: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let command: ConsoleCommand
        switch ConsoleCommand.parse(line) {
        case .failure(let problem):
            flash(problem.message, .error, &state)
            return []
        case .success(let parsed):
            command = parsed
        }
        var query = state.list.query
        switch command {
        case .quit: return [.quit]
        case .profile(let name?): return switchTarget(.profile(name), &state)
        case .region(let name?): return switchTarget(.region(name), &state)
        case .profile(nil): return openTargetPicker(.profile, &state)
        case .region(nil): return openTargetPicker(.region, &state)
        case .status(let status): query.status = status
        case .documentPrefix(let prefix): query.documentNamePrefix = prefix
        case .since(let seconds): query.startedAfter = state.now.addingTimeInterval(-seconds)
        case .parent(let id): query.parentExecutionId = id
        case .inbox: query.waitingOnHumanOnly = true
        case .all: query = .all
        }
        state.screen = .executions
        state.detail = nil
        state.path = []
        return changeQuery(query, &state)
    }
}
