/// What the keys do in the command output view.
enum CommandOutputCommand: Sendable, Hashable {
    case down, up, pageDown, pageUp, top, follow
    /// Enter on an instance: show its output.
    case open
    /// Esc while an instance's output is shown: back to the instances.
    case back
    case close
}

/// The command output view's keys: one table while it lists the instances, one while it shows an output.
enum CommandOutputKeys {
    static func table(for view: CommandOutputView) -> KeyTable<CommandOutputCommand> {
        view.open == nil ? instances : output
    }

    static let instances = KeyTable<CommandOutputCommand>(.commandInstances, [
        KeyBinding([.down, .character("j")], .down, label: "j", title: "next", inHints: false),
        KeyBinding([.up, .character("k")], .up, label: "k", title: "previous", inHints: false),
        KeyBinding(
            [.enter], .open, label: "Enter", title: "output",
            whyNot: { state in
                guard case .commandOutput(let view) = state.overlay else { return nil }
                return view.selectedInvocation == nil ? "no instance listed yet" : nil
            }),
        KeyBinding([.escape, .character("o"), .character("q")], .close, label: "Esc", title: "closes"),
    ])

    static let output = KeyTable<CommandOutputCommand>(.commandOutput, [
        KeyBinding([.down, .character("j")], .down, label: "j/k", title: "scroll"),
        KeyBinding([.up, .character("k")], .up, label: "k", title: "scroll up", inHints: false),
        KeyBinding([.pageDown], .pageDown, label: "PgDn", title: "page down", inHints: false),
        KeyBinding([.pageUp], .pageUp, label: "PgUp", title: "page up", inHints: false),
        KeyBinding([.home, .character("g")], .top, label: "g", title: "top", inHints: false),
        KeyBinding([.end, .character("G")], .follow, label: "G", title: "follow"),
        KeyBinding([.escape], .back, label: "Esc", title: "instances"),
        KeyBinding([.character("o"), .character("q")], .close, label: "o", title: "closes"),
    ])
}
