import AutomationModel

/// The start form: lines that must stay on screen (the document, the mode, the error and the key hint) are laid
/// out first, and the parameters scroll in the rows that are left, keeping the focused one in view.
extension FormViews {
    static func drawStart(_ form: StartForm, state: ConsoleState, into buffer: inout CellBuffer) {
        let glyphs = state.options.glyphs
        let width = min(state.width - 2, preferredWidth(state)) - 4
        let room = Box.maxInnerHeight(screenHeight: state.height)
        let hint = TextWrap.wrap(ascii(startHint(form, state), glyphs), width: width, indent: 2).map { ($0, CellStyle(color: .accent)) }
        let bottom: [Line] = [("", .plain)] + errorLines(form.error, width: width) + hint
        var lines: [Line]
        switch form.step {
        case .loadingDocuments:
            lines = [("Loading Automation documents...", CellStyle(color: .muted))]
        case .documentsFailed:
            lines = [("The Automation documents could not be listed.", CellStyle(color: .muted))]
        case .pickingDocument, .loadingDocument:
            let loading: [Line] = form.step == .loadingDocument ? [("Loading \(form.documentName ?? "")...", CellStyle(color: .muted))] : []
            let pickable = form.pickableDocuments
            let filter = form.documentFilter.isEmpty
                ? "(type to filter)"
                : "\(form.documentFilter)_  \(pickable.count) of \(form.documents.count)"
            lines = [("Document: " + filter, CellStyle(bold: true))]
            let rows = max(1, room - lines.count - loading.count - bottom.count)
            for index in pickWindow(count: pickable.count, selected: form.documentIndex, rows: rows) {
                let selected = index == form.documentIndex
                lines.append(((selected ? glyphs.selectionMark + " " : "  ") + pickable[index], CellStyle(color: selected ? .selection : .normal, reverse: selected)))
            }
            if pickable.isEmpty, !form.documents.isEmpty {
                lines.append(("  No document name contains '\(form.documentFilter)'. Backspace to widen.", CellStyle(color: .muted)))
            }
            lines += loading
        case .editingParameters, .sending:
            lines = parameterLines(form, state: state, width: width, room: room - bottom.count)
        }
        lines += bottom
        let box = Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: preferredWidth(state), lines: lines.count)
        box.draw(title: "Start execution", glyphs: glyphs, into: &buffer)
        box.write(lines, into: &buffer)
    }

    /// The document, its parameters, the mode and the command, in `room` rows. The parameters keep at least a
    /// few rows; the rules note and then the command line give way to them on short screens.
    private static func parameterLines(_ form: StartForm, state: ConsoleState, width: Int, room: Int) -> [Line] {
        let glyphs = state.options.glyphs
        let header: Line = ("Document: \(form.documentName ?? "-")" + (form.documentVersion.map { " v\($0)" } ?? ""), CellStyle(bold: true))
        let note = form.rulesNote.map { TextWrap.wrap($0, width: width, indent: 2).map { ($0, CellStyle(color: .warning)) } } ?? []
        let modeFocused = form.isModeFocused
        let modes = ExecutionMode.allCases.map { $0 == form.mode ? "[\($0.rawValue)]" : " \($0.rawValue) " }.joined(separator: " ")
        let mode: Line = ((modeFocused ? glyphs.selectionMark + " " : "  ") + "Mode: " + modes, CellStyle(color: modeFocused ? .selection : .normal, bold: modeFocused))
        var command: [Line] = []
        if case .success(let request) = form.request { command = sameAs(ShellCommandLine.start(request, target: state.target), width: width) }

        let blocks = form.fields.isEmpty
            ? [[("  This document takes no parameters.", CellStyle(color: .muted))]]
            : form.fields.indices.map { fieldLines(form, index: $0, glyphs: glyphs, width: width, keys: state.options.keys) }
        let fieldTotal = blocks.reduce(0) { $0 + $1.count }
        var spare = room - 2 - min(fieldTotal, 3)
        let shownNote = clipped(note, to: spare, width: width, glyphs: glyphs)
        spare -= shownNote.count
        // "Same as:" with no command under it would say nothing.
        let shownCommand = clipped(command, to: spare >= 2 ? spare : 0, width: width, glyphs: glyphs)
        let fieldRoom = room - 2 - shownNote.count - shownCommand.count
        return [header] + shownNote + fieldWindow(blocks, focus: form.focus, rows: fieldRoom, glyphs: glyphs) + [mode] + shownCommand
    }

    /// One parameter: its value, and when focused its choices and what it expects.
    private static func fieldLines(_ form: StartForm, index: Int, glyphs: GlyphSet, width: Int, keys map: KeyMap) -> [Line] {
        let field = form.fields[index]
        let focused = index == form.focus
        let marker = focused ? glyphs.selectionMark + " " : "  "
        let required = field.isRequired ? "*" : ""
        var value = field.isPickList ? (field.value.isEmpty ? "(choose)" : field.value) : field.value + (focused ? "_" : "")
        if field.rateControl == .targets, let count = form.currentTargetCount {
            value += "  (\(count) local target\(count == 1 ? "" : "s"))"
        } else if field.rateControl == .targets, case .success(let control?) = form.rateControl, let count = control.countWithoutLookup {
            value += "  (\(count) target\(count == 1 ? "" : "s"))"
        }
        var lines: [Line] = TextWrap.wrap("\(marker)\(field.name)\(required) (\(field.type)): \(value)", width: width, indent: 4).enumerated().map { row, text in
            (text, CellStyle(color: focused ? .selection : .normal, bold: row == 0 && focused))
        }
        guard focused else { return lines }
        if field.isPickList {
            let choices = field.choices.map { $0 == field.value ? "[\($0)]" : $0 }.joined(separator: "  ")
            let keys = StartFormKeys.choiceArrows(for: form, map)
            lines += TextWrap.wrap(ascii("    \(keys) \(choices)", glyphs), width: width, indent: 6).map { ($0, CellStyle(color: .accent)) }
        }
        let about = [field.isPickList ? nil : field.hint, field.ruleSummary].compactMap { $0 }.joined(separator: "; ")
        let description = field.description ?? ""
        if !description.isEmpty || field.ruleSummary != nil {
            let text = [description, about.isEmpty ? "" : "[\(about)]"].filter { !$0.isEmpty }.joined(separator: " ")
            lines += TextWrap.wrap("    \(text)", width: width, indent: 4).map { ($0, CellStyle(color: .muted)) }
        }
        return lines
    }

    /// The parameters' lines that fit in `rows`, scrolled to the focused one (the last when the mode is focused),
    /// with "more" markers saying how many parameters are hidden above and below.
    private static func fieldWindow(_ blocks: [[Line]], focus: Int, rows: Int, glyphs: GlyphSet) -> [Line] {
        let starts = blocks.indices.map { index in blocks[..<index].reduce(0) { $0 + $1.count } }
        let total = blocks.reduce(0) { $0 + $1.count }
        let focused = min(focus, blocks.count - 1)
        let window = ScrollWindow(total: total, focus: starts[focused]..<(starts[focused] + blocks[focused].count), room: rows)
        let all = Array(blocks.joined())
        var lines: [Line] = []
        if window.markerAbove {
            lines.append(("  \(glyphs.moreAbove) \(parameterCount(starts.filter { $0 < window.rows.lowerBound }.count))", CellStyle(color: .muted)))
        }
        lines += all[window.rows]
        if window.markerBelow {
            lines.append(("  \(glyphs.more) \(parameterCount(starts.filter { $0 >= window.rows.upperBound }.count))", CellStyle(color: .muted)))
        }
        return lines
    }

    private static func parameterCount(_ count: Int) -> String { count == 1 ? "1 more parameter" : "\(count) more parameters" }

    /// The form's last line: what it is doing, then its keys, from its key table.
    private static func startHint(_ form: StartForm, _ state: ConsoleState) -> String {
        let keys = StartFormKeys.table(for: form).hint(in: state)
        switch form.step {
        case .loadingDocuments, .loadingDocument: return "loading... · \(keys)"
        case .documentsFailed, .pickingDocument: return keys
        // The parameters' lines mark the required ones with `*`.
        case .editingParameters: return "\(keys) · * required"
        case .sending: return "sending..."
        }
    }
}
