/// `?`: every key the current view binds, from the action table, with why an action is off right now.
enum HelpView {
    static func lines(_ state: ConsoleState) -> [(String, CellStyle)] {
        var lines: [(String, CellStyle)] = []
        let actions = ActionTable.available(in: state)
        let keyWidth = actions.map { DisplayWidth.of(label($0, state.options.glyphs)) }.max() ?? 4
        for action in actions {
            let key = label(action, state.options.glyphs)
            var text = key + String(repeating: " ", count: keyWidth - DisplayWidth.of(key) + 2) + action.title
            var style = CellStyle.plain
            if let reason = action.whyNot(state) {
                text += " (off: \(reason))"
                style = CellStyle(color: .muted)
            } else if action.isDangerous {
                text += " (asks y)"
                style = CellStyle(color: .warning)
            }
            lines.append((text, style))
        }
        lines.append(("", .plain))
        lines.append(("In forms: Enter send · Esc cancel · y confirms Reject, StopStep and stop", CellStyle(color: .muted)))
        lines.append((":status STATUS  :doc PREFIX  :since 2h  :inbox  :all  :q", CellStyle(color: .muted)))
        if state.options.readOnly {
            lines.append(("Read-only: signals, start and stop are turned off.", CellStyle(color: .warning)))
        }
        return lines.map { (FormViews.ascii($0.0, state.options.glyphs), $0.1) }
    }

    static func label(_ action: ConsoleAction, _ glyphs: GlyphSet) -> String {
        FormViews.ascii(action.keyLabel, glyphs)
    }

    static func box(_ state: ConsoleState, lines count: Int) -> Box {
        Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: 76, lines: count)
    }

    /// The furthest the help can scroll: its last line at the bottom of the box.
    static func maximumScroll(_ state: ConsoleState) -> Int {
        let count = lines(state).count
        return max(0, count - box(state, lines: count).innerHeight)
    }

    static func draw(_ state: ConsoleState, scroll: Int, into buffer: inout CellBuffer) {
        let all = lines(state)
        let box = box(state, lines: all.count)
        let first = max(0, min(scroll, all.count - box.innerHeight))
        let title = all.count > box.innerHeight
            ? "Keys (\(state.screen == .executions ? "executions" : "execution") view) \(first + 1)-\(first + box.innerHeight)/\(all.count) j/k"
            : "Keys (\(state.screen == .executions ? "executions" : "execution") view) · Esc closes"
        box.draw(title: FormViews.ascii(title, state.options.glyphs), glyphs: state.options.glyphs, into: &buffer)
        box.write(Array(all[first...]), into: &buffer)
    }
}
