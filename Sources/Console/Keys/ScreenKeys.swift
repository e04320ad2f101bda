/// What the keys that work in every context do.
enum ScreenCommand: Sendable, Hashable {
    case repaint
}

/// Keys of every context, whatever is open, looked up before the context's own table: Ctrl-L repaints a
/// screen another program wrote over, even in the middle of a form.
enum ScreenKeys {
    static let repaint = KeyBinding([.control("l")], ScreenCommand.repaint, label: "Ctrl-L", title: "Repaint the screen", inHints: false)

    static let bindings: [KeyBinding<ScreenCommand>] = [repaint]

    static func command(for key: KeyPress) -> ScreenCommand? {
        bindings.first { $0.binds(key) }?.command
    }
}
