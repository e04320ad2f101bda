import AutomationModel

/// What a key does. One table of these binds the keys, writes the help screen and the footer hints.
public struct ConsoleAction: Sendable {
    public enum ID: String, Sendable, Hashable, CaseIterable {
        case moveDown, moveUp, top, bottom, pageDown, pageUp
        case open, back, clearFilter, switchPane, scrollDetailsDown, scrollDetailsUp
        case filter, command, inbox, refresh, help, quit
        case approve, reject, startStep, stopStep, resume, startExecution, stopExecution
    }

    /// The views an action works in.
    public enum Context: Sendable, Hashable {
        case executions, execution
    }

    public var id: ID
    /// The signal the action sends, for the signal actions; the one place a key meets a SignalType.
    public var signal: SignalType? = nil
    public var keys: [KeyPress]
    /// The keys as the help screen and footer write them.
    public var keyLabel: String
    public var title: String
    public var contexts: Set<Context>
    /// Changes something in the service: asks for confirmation or shows the command first, and is gone in
    /// read-only mode.
    public var isChange: Bool
    /// Cannot be undone, so it asks for `y`.
    public var isDangerous: Bool
    /// Shown in the footer hints (the rest are in help).
    public var inFooter: Bool
    /// Nil when the action applies now, else why not ("not waiting on approval").
    public var whyNot: @Sendable (ConsoleState) -> String?

    public func matches(_ key: KeyPress) -> Bool { keys.contains(key) }

    public func isAvailable(in state: ConsoleState) -> Bool {
        contexts.contains(state.actionContext) && !(isChange && state.options.readOnly)
    }
}

extension ConsoleState {
    var actionContext: ConsoleAction.Context { screen == .executions ? .executions : .execution }
}
