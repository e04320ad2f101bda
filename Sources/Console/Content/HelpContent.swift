/// What help says: every key the current view binds, from the action table, with why an action is off right
/// now, then the forms' keys and the commands. Not a view: the update counts the lines to keep help's
/// scrolling within them.
enum HelpContent {
    struct Line: Equatable {
        enum Kind: Equatable {
            case key
            /// A key that does not apply now; the line says why.
            case off
            /// A key that asks `y`.
            case dangerous
            case note
            case warning
        }

        var text: String
        var kind: Kind
    }

    static func lines(_ state: ConsoleState) -> [Line] {
        var lines: [Line] = []
        let actions = ActionTable.available(in: state)
        let keyWidth = actions.map { DisplayWidth.of(label($0, state.options.glyphs)) }.max() ?? 4
        for action in actions {
            let key = label(action, state.options.glyphs)
            var text = key + String(repeating: " ", count: keyWidth - DisplayWidth.of(key) + 2) + action.title
            var kind = Line.Kind.key
            if let reason = action.whyNot(state) {
                text += " (off: \(reason))"
                kind = .off
            } else if action.isDangerous {
                text += " (asks y)"
                kind = .dangerous
            }
            lines.append(Line(text: text, kind: kind))
        }
        lines.append(Line(text: "", kind: .key))
        // As wide as help's box (`HelpView.box`) holds, so the forms' line wraps rather than being cut.
        let width = max(1, min(state.width - 2, 76) - 4)
        for text in TextWrap.wrap(KeyTables.formsHelpLine(state.options.keys), width: width, indent: 2) { lines.append(Line(text: text, kind: .note)) }
        lines.append(Line(text: ConsoleCommand.helpLine, kind: .note))
        if state.options.readOnly {
            lines.append(Line(text: "Read-only: signals, start and stop are turned off.", kind: .warning))
        }
        return lines
    }

    /// An action's keys as help and the footer write them on this terminal.
    static func label(_ action: ConsoleAction, _ glyphs: GlyphSet) -> String {
        GlyphText.ascii(action.keyLabel, glyphs)
    }
}
