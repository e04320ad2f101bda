import AutomationModel

/// Every key the console binds. Help and the footer are generated from this table, so they cannot drift
/// from what the keys do.
public enum ActionTable {
    private static let both: Set<ConsoleAction.Context> = [.executions, .execution]

    public static let all: [ConsoleAction] = [
        ConsoleAction(
            id: .moveDown, keys: [.character("j"), .down], keyLabel: "j/↓", title: "Down", contexts: both,
            isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .moveUp, keys: [.character("k"), .up], keyLabel: "k/↑", title: "Up", contexts: both,
            isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .top, keys: [.character("g"), .home], keyLabel: "g/Home", title: "First row", contexts: both,
            isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .bottom, keys: [.character("G"), .end], keyLabel: "G/End", title: "Last row", contexts: both,
            isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .pageDown, keys: [.pageDown], keyLabel: "PgDn", title: "Page down", contexts: both,
            isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .pageUp, keys: [.pageUp], keyLabel: "PgUp", title: "Page up", contexts: both,
            isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .open, keys: [.enter], keyLabel: "Enter", title: "Open", contexts: [.executions],
            isChange: false, isDangerous: false, inFooter: true,
            whyNot: { $0.list.selectedRow == nil ? "no execution selected" : nil }),
        ConsoleAction(
            id: .back, keys: [.escape], keyLabel: "Esc", title: "Back", contexts: [.execution],
            isChange: false, isDangerous: false, inFooter: true, whyNot: { _ in nil }),
        ConsoleAction(
            id: .clearFilter, keys: [.escape], keyLabel: "Esc", title: "Clear filter", contexts: [.executions],
            isChange: false, isDangerous: false, inFooter: false,
            whyNot: { $0.list.filter.isEmpty ? "no filter is set" : nil }),
        ConsoleAction(
            id: .switchPane, keys: [.tab], keyLabel: "Tab", title: "Switch pane", contexts: [.execution],
            isChange: false, isDangerous: false, inFooter: true, whyNot: { _ in nil }),
        ConsoleAction(
            id: .scrollDetailsDown, keys: [.character("J")], keyLabel: "J", title: "Scroll details down",
            contexts: [.execution], isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .scrollDetailsUp, keys: [.character("K")], keyLabel: "K", title: "Scroll details up",
            contexts: [.execution], isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .filter, keys: [.character("/")], keyLabel: "/", title: "Filter rows", contexts: [.executions],
            isChange: false, isDangerous: false, inFooter: true, whyNot: { _ in nil }),
        ConsoleAction(
            id: .command, keys: [.character(":")], keyLabel: ":", title: "Command (:status :doc :since :inbox :all :q)",
            contexts: both, isChange: false, isDangerous: false, inFooter: false, whyNot: { _ in nil }),
        ConsoleAction(
            id: .inbox, keys: [.character("i")], keyLabel: "i", title: "Inbox on/off", contexts: [.executions],
            isChange: false, isDangerous: false, inFooter: true, whyNot: { _ in nil }),
        ConsoleAction(
            id: .refresh, keys: [.character("R")], keyLabel: "R", title: "Refresh now", contexts: both,
            isChange: false, isDangerous: false, inFooter: false,
            whyNot: { $0.refresh.listInFlight ? "a refresh is already in flight" : nil }),
        ConsoleAction(
            id: .help, keys: [.character("?")], keyLabel: "?", title: "Help", contexts: both,
            isChange: false, isDangerous: false, inFooter: true, whyNot: { _ in nil }),
        ConsoleAction(
            id: .quit, keys: [.character("q")], keyLabel: "q", title: "Quit", contexts: [.executions],
            isChange: false, isDangerous: false, inFooter: true, whyNot: { _ in nil }),
        // Revoke has no key: the console does not offer it.
        signal(.approve, id: .approve, key: "a", dangerous: false),
        signal(.reject, id: .reject, key: "r", dangerous: true),
        signal(.startStep, id: .startStep, key: "s", dangerous: false),
        signal(.stopStep, id: .stopStep, key: "x", dangerous: true),
        signal(.resume, id: .resume, key: "u", dangerous: false),
        ConsoleAction(
            id: .startExecution, keys: [.character("n")], keyLabel: "n", title: "Start", contexts: both,
            isChange: true, isDangerous: false, inFooter: true, whyNot: { _ in nil }),
        ConsoleAction(
            id: .stopExecution, keys: [.character("c")], keyLabel: "c", title: "Stop", contexts: both,
            isChange: true, isDangerous: true, inFooter: true,
            whyNot: { state in
                guard let execution = state.selectedExecution else { return "no execution selected" }
                return SignalRules.whyNotStop(execution)
            }),
    ]

    private static func signal(_ signal: SignalType, id: ConsoleAction.ID, key: Character, dangerous: Bool) -> ConsoleAction {
        ConsoleAction(
            id: id, signal: signal, keys: [.character(key)], keyLabel: String(key), title: signal.rawValue, contexts: both,
            isChange: true, isDangerous: dangerous, inFooter: true,
            whyNot: { state in
                guard let execution = state.selectedExecution else { return "no execution selected" }
                return SignalRules.whyNot(signal, execution, steps: state.knownSteps(of: execution.id))
            })
    }

    /// The action `key` triggers in the current view, if any (read-only hides changes entirely).
    public static func action(for key: KeyPress, in state: ConsoleState) -> ConsoleAction? {
        all.first { $0.matches(key) && $0.isAvailable(in: state) }
    }

    /// The actions bound in the current view, in table order.
    public static func available(in state: ConsoleState) -> [ConsoleAction] {
        all.filter { $0.isAvailable(in: state) }
    }

    /// The signal an action sends, read from its row in the table (nil for actions that are not signals).
    static func signalType(of id: ConsoleAction.ID) -> SignalType? {
        all.first { $0.id == id }?.signal
    }
}
