/// The operator's own keys (the config file's `keys` section): per context, a command's name and the keys that
/// replace its default ones. Every table applies it where keys are looked up and hints and help are written, so
/// a row added to any table can be rebound with no more work; the README shows the defaults.
public struct KeyMap: Sendable, Hashable {
    /// One rebinding as the config file asks for it.
    public struct Entry: Sendable, Hashable {
        public var context: KeyContext
        /// The command's name, as its table's row names it (`KeyBinding.name`).
        public var command: String
        public var keys: [KeyPress]

        public init(_ context: KeyContext, _ command: String, _ keys: [KeyPress]) {
            self.context = context
            self.command = command
            self.keys = keys
        }
    }

    /// Why a rebinding is refused, and which one.
    public struct Problem: Sendable, Hashable {
        /// The index of the entry in what was given to `make`.
        public var entry: Int
        public var message: String
    }

    /// Every rebinding refused, in the order given.
    public struct Refusal: Error, Sendable, Hashable {
        public var problems: [Problem]
    }

    private var keys: [KeyContext: [String: [KeyPress]]] = [:]

    /// No rebinding: every key as its table declares it.
    public init() {}

    public var isEmpty: Bool { keys.isEmpty }

    /// The keys `command` has in `context` when rebound; nil when it keeps its default keys.
    public func keys(for command: String, in context: KeyContext) -> [KeyPress]? { keys[context]?[command] }

    /// The key map for `entries`, or every rebinding that is refused: an unknown context or command, no keys, a
    /// key that would shadow Ctrl-C, Esc or the `:` line or typing, or a key another command of the context
    /// still has.
    public static func make(_ entries: [Entry]) -> Result<KeyMap, Refusal> {
        var map = KeyMap()
        var problems: [Problem] = []
        for (index, entry) in entries.enumerated() {
            let defaults = KeyTables.defaults(for: entry.context)
            let rows = defaults.bindings.filter { $0.name == entry.command && !$0.takesText }
            guard !rows.isEmpty else {
                let names = rebindable(in: entry.context).joined(separator: ", ")
                problems.append(Problem(
                    entry: index,
                    message: names.isEmpty
                        ? "\(entry.context.name) has no keys to rebind"
                        : "\(entry.context.name) has no command '\(entry.command)'; it has \(names)"))
                continue
            }
            guard !entry.keys.isEmpty else {
                problems.append(Problem(entry: index, message: "give '\(entry.command)' at least one key"))
                continue
            }
            let ownDefaults = Set(rows.flatMap(\.keys))
            // The keys of every context are looked up before any typing.
            let typing = entry.context == .screen || defaults.bindings.contains(where: \.takesText)
            var refused = false
            for key in entry.keys {
                if let reason = reserved(key, ownDefaults: ownDefaults, typing: typing, context: entry.context) {
                    problems.append(Problem(entry: index, message: "\(KeyName.name(of: key)) cannot be '\(entry.command)': \(reason)"))
                    refused = true
                }
            }
            if !refused { map.keys[entry.context, default: [:]][entry.command] = entry.keys }
        }
        // Conflicts are judged on the whole map, so two commands can swap keys.
        for (index, entry) in entries.enumerated() where map.keys(for: entry.command, in: entry.context) == entry.keys {
            let table = KeyTables.defaults(for: entry.context).rebound(map)
            for key in entry.keys {
                guard let other = table.bindings.first(where: { $0.name != entry.command && !$0.takesText && $0.keys.contains(key) })
                else { continue }
                problems.append(Problem(
                    entry: index,
                    message: "\(KeyName.name(of: key)) for '\(entry.command)' is already '\(other.name)' (\(other.title)) in \(entry.context.name); rebind '\(other.name)' too or choose another key"))
            }
            problems += screenConflicts(entry, index, map)
        }
        return problems.isEmpty ? .success(map) : .failure(Refusal(problems: problems.sorted { $0.entry < $1.entry }))
    }

    /// The keys of every context (`screen`) are looked up before the context's own: such a key may not be one any
    /// context's command has, as that command would never run.
    private static func screenConflicts(_ entry: Entry, _ index: Int, _ map: KeyMap) -> [Problem] {
        var problems: [Problem] = []
        if entry.context == .screen {
            for context in KeyContext.allCases where context != .screen {
                let table = KeyTables.defaults(for: context).rebound(map)
                for key in entry.keys {
                    guard let other = table.bindings.first(where: { !$0.takesText && $0.keys.contains(key) }) else { continue }
                    problems.append(Problem(
                        entry: index,
                        message: "\(KeyName.name(of: key)) for '\(entry.command)' is already '\(other.name)' (\(other.title)) in \(context.name), which a key of every context would shadow; rebind '\(other.name)' there too or choose another key"))
                }
            }
        } else {
            let screen = KeyTables.defaults(for: .screen).rebound(map)
            for key in entry.keys {
                guard let other = screen.bindings.first(where: { $0.keys.contains(key) }) else { continue }
                problems.append(Problem(
                    entry: index,
                    message: "\(KeyName.name(of: key)) for '\(entry.command)' is already '\(other.name)' (\(other.title)) in every context, which comes first; rebind '\(other.name)' under screen too or choose another key"))
            }
        }
        return problems
    }

    /// The commands of `context` that can be rebound, by name.
    public static func rebindable(in context: KeyContext) -> [String] {
        var names: [String] = []
        for binding in KeyTables.defaults(for: context).bindings where !binding.takesText && !names.contains(binding.name) {
            names.append(binding.name)
        }
        return names
    }

    /// Why `key` may not be given to a command, if it may not.
    private static func reserved(_ key: KeyPress, ownDefaults: Set<KeyPress>, typing: Bool, context: KeyContext) -> String? {
        if key == .control("c") { return "Ctrl-C always stops the console" }
        if ownDefaults.contains(key) { return nil }
        if key == .escape { return "Esc always closes or goes back" }
        if key == .character(":") { return "`:` opens the command line" }
        if typing, key.typedCharacter != nil {
            return context == .screen ? "it would no longer type text in the lines and forms" : "in \(context.name) that key types text"
        }
        return nil
    }

    /// `rows` with the rebound commands' keys: the first row of a command takes the new keys and its label, and
    /// any further rows of the same command go, so the command has exactly the keys given.
    func rebind<Row, Command>(_ rows: [Row], in context: KeyContext, binding: WritableKeyPath<Row, KeyBinding<Command>>)
        -> [Row]
    {
        guard let rebound = keys[context], !rebound.isEmpty else { return rows }
        var done: Set<String> = []
        var result: [Row] = []
        for row in rows {
            let name = row[keyPath: binding].name
            guard !row[keyPath: binding].takesText, let newKeys = rebound[name] else {
                result.append(row)
                continue
            }
            guard done.insert(name).inserted else { continue }
            var row = row
            row[keyPath: binding].keys = newKeys
            row[keyPath: binding].label = newKeys.map(KeyName.label(of:)).joined(separator: "/")
            result.append(row)
        }
        return result
    }
}
