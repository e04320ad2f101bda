import Console

/// The `keys` setting: per context, commands and their keys, checked by the key map as a whole.
enum KeyReading {
    static func keyMap(_ node: SettingsNode, _ reading: inout SettingsReading) throws(SettingsProblem) -> KeyMap {
        var entries: [KeyMap.Entry] = []
        var nodes: [SettingsNode] = []
        for (contextName, commands, contextKey) in try node.entries() {
            guard let context = KeyContext(rawValue: contextName) else {
                reading.warnings.append(contextKey.problem(
                    "unknown context, ignored; the contexts are \(KeyContext.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            let known = KeyMap.rebindable(in: context)
            for (command, keys, commandKey) in try commands.entries() {
                guard known.contains(command) else {
                    let message = known.isEmpty
                        ? "\(context.name) has no keys to rebind, ignored"
                        : "unknown command, ignored; \(context.name) has \(known.joined(separator: ", "))"
                    reading.warnings.append(commandKey.problem(message))
                    continue
                }
                var presses: [KeyPress] = []
                for item in keys.items() {
                    let name = try item.string()
                    guard let key = KeyName.key(named: name) else {
                        throw item.problem("'\(name)' is no key; write \(KeyName.help)")
                    }
                    presses.append(key)
                }
                entries.append(KeyMap.Entry(context, command, presses))
                nodes.append(keys)
            }
        }
        switch KeyMap.make(entries) {
        case .success(let map):
            return map
        case .failure(let refusal):
            let problems = refusal.problems
            reading.errors += problems.dropFirst().map { nodes[$0.entry].problem($0.message) }
            throw nodes[problems[0].entry].problem(problems[0].message)
        }
    }

    /// The comment lines listing every context's commands with their default keys, as the file writes them.
    static var defaultsListing: [String] {
        var lines: [String] = []
        for context in KeyContext.allCases {
            let table = KeyTables.defaults(for: context)
            var commands: [(name: String, keys: [KeyPress])] = []
            for binding in table.bindings where !binding.takesText {
                if let index = commands.firstIndex(where: { $0.name == binding.name }) {
                    commands[index].keys += binding.keys.filter { !commands[index].keys.contains($0) }
                } else {
                    commands.append((binding.name, binding.keys))
                }
            }
            guard !commands.isEmpty else { continue }
            lines.append("  \(context.rawValue):")
            for (name, keys) in commands {
                let written = keys.map { Setting.quoted(KeyName.name(of: $0)) }
                lines.append("    \(name): " + (written.count == 1 ? written[0] : "[" + written.joined(separator: ", ") + "]"))
            }
        }
        return lines
    }
}
