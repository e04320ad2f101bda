/// What the keys do while help is open.
enum HelpCommand: Sendable, Hashable {
    case down, up, pageDown, pageUp, close
}

/// Help's keys. Its title names them: "j/k" while it scrolls, "Esc closes" when it all fits.
enum HelpKeys {
    static let table = KeyTable<HelpCommand>(.help, [
        KeyBinding([.down, .character("j")], .down, label: "j", title: "scroll"),
        KeyBinding([.up, .character("k")], .up, label: "k", title: "scroll"),
        KeyBinding([.pageDown], .pageDown, label: "PgDn", title: "page down", inHints: false),
        KeyBinding([.pageUp], .pageUp, label: "PgUp", title: "page up", inHints: false),
        KeyBinding([.escape, .character("?"), .character("q"), .enter], .close, label: "Esc", title: "closes"),
    ])

    /// "j/k": the keys that scroll one line.
    static func scrollLabels(_ map: KeyMap) -> String {
        table.rebound(map).bindings.filter { $0.command == .down || $0.command == .up }.map(\.label).joined(separator: "/")
    }

    /// "Esc closes".
    static func closeHint(_ map: KeyMap) -> String {
        table.rebound(map).bindings.filter { $0.command == .close }.map { "\($0.label) \($0.title)" }.joined(separator: " · ")
    }
}
