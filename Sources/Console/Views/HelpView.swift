/// `?`: every key the current view binds, from the action table, with why an action is off right now.
enum HelpView {
    static func lines(_ state: ConsoleState) -> [(String, CellStyle)] {
        HelpContent.lines(state).map { line in
            let style: CellStyle
            switch line.kind {
            case .key: style = .plain
            case .off, .note: style = CellStyle(color: .muted)
            case .dangerous, .warning: style = CellStyle(color: .warning)
            }
            return (FormViews.ascii(line.text, state.options.glyphs), style)
        }
    }

    static func box(_ state: ConsoleState, lines count: Int) -> Box {
        Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: 76, lines: count)
    }

    /// The furthest the help can scroll: its last line at the bottom of the box.
    static func maximumScroll(_ state: ConsoleState) -> Int {
        let count = lines(state).count
        return max(0, count - box(state, lines: count).innerHeight)
    }

    static func draw(_ state: ConsoleState, scroll: ScrollState, into buffer: inout CellBuffer) {
        let all = lines(state)
        let box = box(state, lines: all.count)
        let first = max(0, min(scroll.offset, all.count - box.innerHeight))
        let view = state.screen == .executions ? "executions" : "execution"
        // The title names help's own keys: how to scroll when it does not all fit, else how to close it.
        let title = all.count > box.innerHeight
            ? "Keys (\(view) view) \(first + 1)-\(first + box.innerHeight)/\(all.count) \(HelpKeys.scrollLabels(state.options.keys))"
            : "Keys (\(view) view) · \(HelpKeys.closeHint(state.options.keys))"
        box.draw(title: FormViews.ascii(title, state.options.glyphs), glyphs: state.options.glyphs, into: &buffer)
        box.write(Array(all[first...]), into: &buffer)
    }
}
