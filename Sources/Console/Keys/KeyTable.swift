/// The keys of one context, in the order help and the hints list them.
public struct KeyTable<Command: Sendable>: Sendable {
    /// What a key does in a state.
    public enum Lookup {
        /// The first row that binds the key and is on.
        case run(Command)
        /// Every row that binds the key is off; the first says why.
        case off(KeyBinding<Command>, reason: String)
        case unbound
    }

    public var context: KeyContext
    public var bindings: [KeyBinding<Command>]

    public init(_ context: KeyContext, _ bindings: [KeyBinding<Command>]) {
        self.context = context
        self.bindings = bindings
    }

    /// Looks `key` up in the table as the operator's key map (`ConsoleOptions.keys`) rebinds it.
    public func lookup(_ key: KeyPress, in state: ConsoleState) -> Lookup {
        var firstOff: (KeyBinding<Command>, String)?
        for binding in rebound(state.options.keys).bindings where binding.binds(key) {
            guard let reason = binding.whyNot(state) else { return .run(binding.command) }
            if firstOff == nil { firstOff = (binding, reason) }
        }
        guard let firstOff else { return .unbound }
        return .off(firstOff.0, reason: firstOff.1)
    }

    /// The command `key` runs now; nil when it is unbound or off (forms ignore such keys).
    public func command(for key: KeyPress, in state: ConsoleState) -> Command? {
        guard case .run(let command) = lookup(key, in: state) else { return nil }
        return command
    }

    public func binds(_ key: KeyPress) -> Bool { bindings.contains { $0.binds(key) } }

    /// The table with the operator's keys in place of the defaults.
    public func rebound(_ map: KeyMap) -> KeyTable {
        KeyTable(context, map.rebind(bindings, in: context, binding: \.self))
    }

    /// The hint line with the keys in use in `state`.
    public func hint(in state: ConsoleState) -> String { rebound(state.options.keys).hint }

    /// The hint line: "key title" for the rows in the hints, joined by " · "; neighbours with the same title
    /// share it, so "↑" and "↓" both "choose" read "↑/↓ choose".
    public var hint: String {
        var parts: [(label: String, title: String)] = []
        for binding in bindings where binding.inHints {
            if let last = parts.last, last.title == binding.title {
                parts[parts.count - 1].label += "/" + binding.label
            } else {
                parts.append((binding.label, binding.title))
            }
        }
        return parts.map { "\($0.label) \($0.title)" }.joined(separator: " · ")
    }

    /// The table without its commands, for what reads tables of every kind.
    var described: KeyTable<Void> { KeyTable<Void>(context, bindings.map(\.described)) }
}
