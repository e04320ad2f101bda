import AutomationModel

/// The keys of the executions and execution views. Help, the footer and the README's key table are generated
/// from this table, so they cannot drift from what the keys do. Forms, help and the input lines have their
/// own tables (`KeyTables`).
public enum ActionTable {
    private static let both: Set<ConsoleAction.Context> = [.executions, .execution]

    public static let all: [ConsoleAction] = [
        ConsoleAction(.moveDown, keys: [.character("j"), .down], label: "j/↓", title: "Down", in: both),
        ConsoleAction(.moveUp, keys: [.character("k"), .up], label: "k/↑", title: "Up", in: both),
        ConsoleAction(.top, keys: [.character("g"), .home], label: "g/Home", title: "First row", in: both),
        ConsoleAction(.bottom, keys: [.character("G"), .end], label: "G/End", title: "Last row", in: both),
        ConsoleAction(.pageDown, keys: [.pageDown], label: "PgDn", title: "Page down", in: both),
        ConsoleAction(.pageUp, keys: [.pageUp], label: "PgUp", title: "Page up", in: both),
        ConsoleAction(
            .open, keys: [.enter], label: "Enter", title: "Open", in: [.executions], inFooter: true,
            whyNot: { $0.list.selectedRow == nil ? "no execution selected" : nil }),
        ConsoleAction(
            .openChild, keys: [.enter], label: "Enter", title: "Open child", in: [.execution], inFooter: true,
            about: "in a parent's view, the selected child",
            whyNot: { FleetNavigation.selectedChild(in: $0) == nil ? "no child selected: this is not a parent's view" : nil }),
        ConsoleAction(
            .back, keys: [.escape], label: "Esc", title: "Back", in: [.execution], inFooter: true,
            about: "to the execution opened before, along the path, then to the list"),
        ConsoleAction(
            .expandChildren, keys: [.character("e")], label: "e", title: "Expand/collapse children", in: [.executions],
            inFooter: true, about: "a parent's children listed below it (collapsed by default)",
            whyNot: { FleetNavigation.expandableParent(in: $0) == nil ? "the selected execution has no children" : nil }),
        ConsoleAction(
            .related, keys: [.character("p")], label: "p", title: "Related execution", in: both, inFooter: true,
            about: "a child's parent, or the child an \(AutomationActionName.executeAutomation) step started",
            whyNot: { FleetNavigation.related(in: $0) == nil ? FleetNavigation.noRelatedReason : nil }),
        ConsoleAction(
            .clearFilter, keys: [.escape], label: "Esc", title: "Clear filter", in: [.executions],
            whyNot: { $0.list.filter.isEmpty ? "no filter is set" : nil }),
        ConsoleAction(.switchPane, keys: [.tab], label: "Tab", title: "Switch pane", in: [.execution], inFooter: true),
        ConsoleAction(.scrollDetailsDown, keys: [.character("J")], label: "J", title: "Scroll details down", in: [.execution]),
        ConsoleAction(.scrollDetailsUp, keys: [.character("K")], label: "K", title: "Scroll details up", in: [.execution]),
        ConsoleAction(
            .commandOutput, keys: [.character("o")], label: "o", title: "Command output", in: [.execution], inFooter: true,
            about: "the selected \(AutomationActionName.runCommand) step's instances with status, exit code and duration; Enter shows one's stdout and stderr, followed live",
            whyNot: { state in
                guard let step = state.detail?.selectedStepExecution else { return "no step selected" }
                guard step.action == AutomationActionName.runCommand.rawValue else {
                    return "the selected step is not \(AutomationActionName.runCommand)"
                }
                return step.commandId == nil ? "the step has not sent its command yet" : nil
            }),
        ConsoleAction(
            .filter, keys: [.character("/")], label: "/", title: "Filter rows", in: [.executions], inFooter: true,
            about: "the loaded ones, as you type"),
        ConsoleAction(
            .command, keys: [.character(":")], label: ":",
            title: "Command (:status :doc :since :parent :inbox :all :profile :region :q)", in: both,
            about: "server-side filters such as `:status Waiting`, `:since 2h` and `:parent ID`"),
        ConsoleAction(
            .inbox, keys: [.character("i")], label: "i", title: "Inbox on/off", in: [.executions], inFooter: true,
            about: "only the executions waiting on a person"),
        ConsoleAction(
            .refresh, keys: [.character("R")], label: "R", title: "Refresh now", in: both,
            whyNot: { $0.refresh.listInFlight ? "a refresh is already in flight" : nil }),
        ConsoleAction(
            .help, keys: [.character("?")], label: "?", title: "Help", in: both, inFooter: true,
            about: "every key of the view, from the table that binds them"),
        ConsoleAction(.quit, keys: [.character("q")], label: "q", title: "Quit", in: [.executions], inFooter: true),
        ConsoleAction(
            .copyId, keys: [.character("y")], label: "y", title: "Copy ID", in: both,
            about: "the selected execution's ID, to your clipboard with OSC 52 (over SSH and through tmux)",
            whyNot: { Clipboard.whyNot($0) ?? ($0.selectedExecution == nil ? "no execution selected" : nil) }),
        ConsoleAction(
            .copyCommand, keys: [.character("Y")], label: "Y", title: "Copy command", in: both,
            about: "the `aws ssm` command line that gets the selected execution",
            whyNot: { Clipboard.whyNot($0) ?? ($0.selectedExecution == nil ? "no execution selected" : nil) }),
        signal(.approve, id: .approve, key: "a", about: "the selected execution's approval, with an optional comment"),
        signal(.reject, id: .reject, key: "r", dangerous: true, about: "the same, with an optional comment"),
        signal(.startStep, id: .startStep, key: "s", about: "pick the step (ValidNextSteps first, then the document's steps)"),
        signal(.stopStep, id: .stopStep, key: "x", dangerous: true, about: "pick the running step execution"),
        signal(.resume, id: .resume, key: "u", about: "the paused step"),
        signal(
            .revoke, id: .revoke, key: "v", dangerous: true,
            about: "withdraw a change request awaiting approval in Change Manager"),
        ConsoleAction(
            .startExecution, keys: [.character("n")], label: "n", title: "Start", in: both, inFooter: true, isChange: true,
            about: "pick a document, fill in its typed parameters, choose the mode"),
        ConsoleAction(
            .stopExecution, keys: [.character("c")], label: "c", title: "Stop", in: both, inFooter: true, isChange: true,
            isDangerous: true, about: "Cancel, or Complete for an Interactive execution between steps",
            whyNot: { state in
                guard let execution = state.selectedExecution else { return "no execution selected" }
                return SignalRules.whyNotStop(execution)
            }),
    ]

    private static func signal(
        _ signal: SignalType, id: ConsoleAction.ID, key: Character, dangerous: Bool = false, about: String
    ) -> ConsoleAction {
        ConsoleAction(
            id, keys: [.character(key)], label: String(key), title: signal.rawValue, in: both, inFooter: true,
            isChange: true, isDangerous: dangerous, signal: signal, about: about,
            whyNot: { state in
                guard let execution = state.selectedExecution else { return "no execution selected" }
                return SignalRules.whyNot(signal, execution, steps: state.knownSteps(of: execution.id))
            })
    }

    /// A screen too small to draw on takes only `q`, and only when nothing is open that `q` might mean
    /// something in.
    static let tooSmall = KeyTable<ConsoleAction.ID>(.tooSmall, [
        KeyBinding(
            [.character("q")], .quit, label: "q", title: "Quit",
            whyNot: { $0.overlay != nil || $0.input != nil ? "something is open over the view" : nil })
    ])

    /// The keys of one view, read-only or not: read-only turns the changes off rather than unbinding them.
    static func table(for context: KeyContext) -> KeyTable<ConsoleAction.ID> {
        KeyTable(context, all.filter { $0.contexts.contains(context) }.map(\.binding))
    }

    /// The view's actions with the operator's keys (`map`) in place of the defaults.
    static func actions(in context: KeyContext, _ map: KeyMap) -> [ConsoleAction] {
        map.rebind(all.filter { $0.contexts.contains(context) }, in: context, binding: \.binding)
    }

    /// The action `key` triggers in the view, if any, before checking whether it is on.
    static func action(for key: KeyPress, in context: KeyContext, _ map: KeyMap) -> ConsoleAction? {
        actions(in: context, map).first { $0.matches(key) }
    }

    /// The actions bound in the current view, in table order, with the keys in use.
    public static func available(in state: ConsoleState) -> [ConsoleAction] {
        actions(in: state.viewContext, state.options.keys).filter { $0.isAvailable(in: state) }
    }

    /// The signal an action sends, read from its row in the table (nil for actions that are not signals).
    static func signalType(of id: ConsoleAction.ID) -> SignalType? {
        all.first { $0.id == id }?.signal
    }
}
