/// What the keys that work in every context do.
enum ScreenCommand: Sendable, Hashable {
    case repaint
}

/// Keys of every context, whatever is open, looked up before the context's own table: Ctrl-L repaints a
/// screen another program wrote over, even in the middle of a form. The config file rebinds them under
/// `screen`; the key map refuses keys that would shadow another context's.
enum ScreenKeys {
    static let repaint = KeyBinding([.control("l")], ScreenCommand.repaint, label: "Ctrl-L", title: "Repaint the screen", inHints: false)

    static let table = KeyTable<ScreenCommand>(.screen, [repaint])

    /// The rows with the operator's keys.
    static func bindings(_ map: KeyMap) -> [KeyBinding<ScreenCommand>] { table.rebound(map).bindings }

    static func command(for key: KeyPress, _ map: KeyMap) -> ScreenCommand? {
        bindings(map).first { $0.binds(key) }?.command
    }
}
