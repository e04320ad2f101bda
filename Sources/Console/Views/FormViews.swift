import AutomationModel
import Foundation

/// Signal forms, the stop confirmation and the start form, drawn as boxes over the screen.
enum FormViews {
    typealias Line = (String, CellStyle)

    static func preferredWidth(_ state: ConsoleState) -> Int { state.width >= 120 ? 100 : 76 }

    static func drawSignal(_ form: SignalForm, state: ConsoleState, into buffer: inout CellBuffer) {
        if form.isApproval { return drawApproval(form, state: state, into: &buffer) }
        let glyphs = state.options.glyphs
        let width = min(state.width - 2, preferredWidth(state)) - 4
        var lines: [Line] = []
        lines.append(("Execution: \(form.executionId)", CellStyle(color: .muted)))
        if let document = form.documentName { lines.append(("Document: \(document)", CellStyle(color: .muted))) }
        lines.append(("", .plain))
        if form.takesComment {
            let cursor = form.phase == .editing ? "_" : ""
            for (index, text) in TextWrap.wrap("Comment (optional): \(form.comment)\(cursor)", width: width, indent: 2).enumerated() {
                lines.append((text, CellStyle(bold: index == 0)))
            }
        } else {
            let label = form.signal == .stopStep ? "Step execution to stop:" : "Step:"
            lines.append((label, CellStyle(bold: true)))
            if form.phase == .loading, form.choices.isEmpty {
                lines.append(("  loading steps...", CellStyle(color: .muted)))
            } else if form.choices.isEmpty {
                lines.append(("  none available", CellStyle(color: .warning)))
            }
            let shown = pickWindow(count: form.choices.count, selected: form.choiceIndex, rows: 6)
            for index in shown {
                let choice = form.choices[index]
                let selected = index == form.choiceIndex
                let text = (selected ? glyphs.selectionMark + " " : "  ") + choice.label
                lines.append((TextWrap.fit(text, width: width, ellipsis: glyphs.ellipsis), CellStyle(color: selected ? .selection : .normal, reverse: selected)))
            }
            if form.phase == .loading, !form.choices.isEmpty { lines.append(("  loading more steps...", CellStyle(color: .muted))) }
        }
        lines.append(("", .plain))
        lines += sameAs(form.commandLine(target: state.target), width: width)
        lines.append(("", .plain))
        lines += errorLines(form.error, width: width)
        let question = form.signal == .stopStep
            ? "Stop step \(form.selectedChoice?.label.split(separator: " ").first.map(String.init) ?? "")?"
            : form.signal == .revoke ? "Revoke this change request?" : "\(form.signal.rawValue) this execution?"
        let hint = footer(form, question: question, state: state)
        lines.append((ascii(hint.0, glyphs), hint.1))
        let box = Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: preferredWidth(state), lines: lines.count)
        box.draw(title: "\(form.signal.rawValue) signal", glyphs: glyphs, role: form.needsConfirmation ? .warning : .border, into: &buffer)
        box.write(lines, into: &buffer)
    }

    static func drawStop(_ form: StopForm, state: ConsoleState, into buffer: inout CellBuffer) {
        let width = min(state.width - 2, preferredWidth(state)) - 4
        var lines: [Line] = []
        let explanation = form.type == .complete
            ? "Complete ends this Interactive execution now, without running more steps."
            : "Cancel stops the running step and ends the execution as Cancelled."
        lines.append(("\(form.type.rawValue) execution \(form.executionId)?", CellStyle(bold: true)))
        for text in TextWrap.wrap(explanation, width: width) { lines.append((text, .plain)) }
        if let children = form.childrenText {
            for text in TextWrap.wrap(children, width: width) { lines.append((text, CellStyle(color: .warning, bold: true))) }
        }
        lines.append(("", .plain))
        lines += sameAs(ShellCommandLine.stop(form.request, target: state.target), width: width)
        lines.append(("", .plain))
        lines += errorLines(form.error, width: width)
        lines.append(form.phase == .sending ? ("sending...", CellStyle(color: .running)) : (ascii(StopFormKeys.table(for: form).hint(in: state), state.options.glyphs), CellStyle(color: .warning, bold: true)))
        let box = Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: preferredWidth(state), lines: lines.count)
        box.draw(title: "Stop execution", glyphs: state.options.glyphs, role: .warning, into: &buffer)
        box.write(lines, into: &buffer)
    }

    /// The form's last line: what it is doing, then its keys, from its key table.
    static func footer(_ form: SignalForm, question: String, state: ConsoleState) -> Line {
        let keys = SignalFormKeys.table(for: form).hint(in: state)
        switch form.phase {
        case .loading: return ("loading... · \(keys)", CellStyle(color: .muted))
        case .editing: return (keys, CellStyle(color: .accent))
        case .confirming: return ("\(question) \(keys)", CellStyle(color: .warning, bold: true))
        case .sending: return ("sending...", CellStyle(color: .running))
        }
    }

    /// The AWS CLI command the form stands for, so it can be repeated or scripted.
    static func sameAs(_ command: String, width: Int) -> [Line] {
        [("Same as:", CellStyle(color: .muted))] + TextWrap.wrap(command, width: width, indent: 4).map { ($0, CellStyle(color: .muted)) }
    }

    /// Why the last attempt failed (a check of the form or the service's refusal), if it did.
    static func errorLines(_ error: String?, width: Int) -> [Line] {
        guard let error else { return [] }
        return TextWrap.wrap(error, width: width, indent: 2).map { ($0, CellStyle(color: .failure, bold: true)) }
    }

    /// The first `rows` of `lines`, the last one ending in an ellipsis when some were cut.
    static func clipped(_ lines: [Line], to rows: Int, width: Int, glyphs: GlyphSet) -> [Line] {
        guard lines.count > rows else { return lines }
        guard rows > 0 else { return [] }
        var kept = Array(lines.prefix(rows))
        let ellipsis = glyphs.ellipsis
        kept[rows - 1].0 = TextWrap.fit(kept[rows - 1].0, width: width - DisplayWidth.of(ellipsis), ellipsis: "") + ellipsis
        return kept
    }

    /// The indices of a pick-list to show so the selected one is on screen.
    static func pickWindow(count: Int, selected: Int, rows: Int) -> Range<Int> {
        let start = max(0, min(selected - rows / 2, count - rows))
        return start..<min(count, start + rows)
    }

    /// Arrows in hints as ASCII for terminals without UTF-8.
    static func ascii(_ text: String, _ glyphs: GlyphSet) -> String { GlyphText.ascii(text, glyphs) }
}
