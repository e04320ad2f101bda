import AutomationModel

/// A key of the executions and execution views: a key binding, the views it works in, and what the table
/// says of changes (signals, start and stop). One table of these binds the keys and writes help and the footer.
public struct ConsoleAction: Sendable {
    public enum ID: String, Sendable, Hashable, CaseIterable {
        case moveDown, moveUp, top, bottom, pageDown, pageUp
        case open, back, clearFilter, switchPane, scrollDetailsDown, scrollDetailsUp, commandOutput
        case expandChildren, openChild, related
        case filter, command, inbox, refresh, help, quit
        case approve, reject, startStep, stopStep, resume, revoke, startExecution, stopExecution
        case copyId, copyCommand
    }

    /// The views an action works in: `.executions` and `.execution`.
    public typealias Context = KeyContext

    public var binding: KeyBinding<ID>
    public var contexts: Set<Context>
    /// The signal the action sends, for the signal actions; the one place a key meets a SignalType.
    public var signal: SignalType?
    /// Changes something in the service: asks for confirmation or shows the command first, and is gone in
    /// read-only mode.
    public var isChange: Bool
    /// What the README's key table says after the title, when the title alone says too little.
    public var about: String?

    /// A row that states only what differs from the usual: not in the footer, not a change, always on.
    public init(
        _ id: ID, keys: [KeyPress], label: String, title: String, in contexts: Set<Context>, inFooter: Bool = false,
        isChange: Bool = false, isDangerous: Bool = false, signal: SignalType? = nil, about: String? = nil,
        whyNot: @escaping @Sendable (ConsoleState) -> String? = { _ in nil }
    ) {
        binding = KeyBinding(keys, id, label: label, title: title, isDangerous: isDangerous, inHints: inFooter, whyNot: whyNot)
        self.contexts = contexts
        self.signal = signal
        self.isChange = isChange
        self.about = about
    }

    public var id: ID { binding.command }
    public var keys: [KeyPress] { binding.keys }
    /// The keys as the help screen and footer write them.
    public var keyLabel: String { binding.label }
    public var title: String { binding.title }
    /// Cannot be undone, so it asks for `y`.
    public var isDangerous: Bool { binding.isDangerous }
    /// Shown in the footer hints (the rest are in help).
    public var inFooter: Bool { binding.inHints }
    /// Nil when the action applies now, else why not ("not waiting on approval").
    public var whyNot: @Sendable (ConsoleState) -> String? { binding.whyNot }

    public func matches(_ key: KeyPress) -> Bool { binding.binds(key) }

    public func isAvailable(in state: ConsoleState) -> Bool {
        contexts.contains(state.viewContext) && !(isChange && state.options.readOnly)
    }
}
