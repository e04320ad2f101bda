/// The profile or region pick-list: what is typed, the matching choices around the selected one, the keys.
enum TargetPickerView {
    static func draw(_ picker: TargetPicker, state: ConsoleState, into buffer: inout CellBuffer) {
        let glyphs = state.options.glyphs
        let matching = picker.matching
        let room = max(1, Box.maxInnerHeight(screenHeight: state.height) - 3)
        let first = max(0, min(picker.index - room / 2, matching.count - room))
        var lines: [(String, CellStyle)] = [("Narrow: \(picker.filter)_", CellStyle(bold: true))]
        if matching.isEmpty { lines.append(("nothing matches", CellStyle(color: .muted))) }
        for (offset, name) in matching.dropFirst(first).prefix(room).enumerated() {
            let selected = first + offset == picker.index
            lines.append(selected
                ? ("\(glyphs.selectionMark) \(name)", CellStyle(color: .selection, bold: true))
                : ("  \(name)", .plain))
        }
        lines.append(("", .plain))
        lines.append((FormViews.ascii(TargetPickerKeys.table(for: picker).hint(in: state), glyphs), CellStyle(color: .accent)))
        let box = Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: 50, lines: lines.count)
        box.draw(title: "Switch \(picker.kind.rawValue)", glyphs: glyphs, into: &buffer)
        box.write(lines, into: &buffer)
    }
}
