import AutomationModel
import Foundation

/// `:profile NAME` and `:region NAME`: the client core connects to the new target; when it has, the console
/// starts over there with the same query and filter, and the header names the new target.
extension ConsoleUpdate {
    static func switchTarget(_ choice: TargetChoice, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.switching = choice
        flash("Connecting to \(choice.description)...", .info, &state)
        return [.request(.switchTarget(choice))]
    }

    static func switched(_ target: ConsoleTarget, readOnly: Bool, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.switching = nil
        state.target = target
        state.options.readOnly = readOnly
        // The view's filters stay; what was loaded from the old target goes, its fleets' children and the
        // path of executions opened along too.
        let (filter, waitingOnYou) = (state.list.filter, state.list.waitingOnYou)
        state.list = ExecutionList(query: state.list.query)
        state.list.filter = filter
        state.list.waitingOnYou = waitingOnYou
        state.screen = .executions
        state.detail = nil
        state.path = []
        state.overlay = nil
        state.formSteps = nil
        state.documentSteps = [:]
        state.documentLoopSteps = [:]
        state.approvals = WaitingApprovals()
        state.refresh = RefreshState()
        flash("Now on \(target.label)\(readOnly ? " (read-only)" : "")", .success, &state)
        return refreshList(&state) + announce(&state)
    }

    static func switchFailed(_ choice: TargetChoice, _ error: ServiceError, _ state: inout ConsoleState) {
        state.switching = nil
        flash("Could not switch to \(choice.description): \(error.code.rawValue): \(error.message)", .error, &state)
    }
}
