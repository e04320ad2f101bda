/// What the keys do while the `/` filter or the `:` command line is being typed.
enum LineCommand: Sendable, Hashable {
    /// Type or delete a character.
    case edit
    /// Enter: keep the filter, or run the command.
    case accept
    /// Esc: clear the filter, or drop the command.
    case cancel
}

/// The keys of the `/` and `:` lines; the status line shows their hint after what is typed.
enum LineInputKeys {
    static let filter = KeyTable<LineCommand>(.filterLine, [
        KeyBinding([.enter], .accept, label: "Enter", title: "keep"),
        KeyBinding([.escape], .cancel, label: "Esc", title: "clear"),
        .text(.edit, title: "filter the loaded rows as you type"),
    ])

    static let command = KeyTable<LineCommand>(.commandLine, [
        KeyBinding([.enter], .accept, label: "Enter", title: "run"),
        KeyBinding([.escape], .cancel, label: "Esc", title: "cancel"),
        .text(.edit, title: "type the command"),
    ])

    static func table(for kind: LineInput.Kind) -> KeyTable<LineCommand> {
        switch kind {
        case .filter: return filter
        case .command: return command
        }
    }
}
