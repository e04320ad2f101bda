import AutomationModel
import Foundation

/// Signal forms, the stop confirmation and the start form, drawn as boxes over the screen.
enum FormViews {
    typealias Line = (String, CellStyle)

    static func preferredWidth(_ state: ConsoleState) -> Int { state.width >= 120 ? 100 : 76 }

    static func drawSignal(_ form: SignalForm, state: ConsoleState, into buffer: inout CellBuffer) {
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
        lines.append(("Same as:", CellStyle(color: .muted)))
        for text in TextWrap.wrap(form.commandLine(target: state.target), width: width, indent: 4) {
            lines.append((text, CellStyle(color: .muted)))
        }
        lines.append(("", .plain))
        if let error = form.error {
            for text in TextWrap.wrap(error, width: width, indent: 2) { lines.append((text, CellStyle(color: .failure, bold: true))) }
        }
        let question = form.signal == .stopStep
            ? "Stop step \(form.selectedChoice?.label.split(separator: " ").first.map(String.init) ?? "")? y yes · n no"
            : "\(form.signal.rawValue) this execution? y yes · n no"
        let hint = footer(form.phase, confirm: question, choices: !form.takesComment)
        lines.append((ascii(hint.0, glyphs), hint.1))
        let box = Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: preferredWidth(state), lines: lines.count)
        box.draw(title: "\(form.signal.rawValue) signal", glyphs: glyphs, role: form.needsConfirmation ? .warning : .accent, into: &buffer)
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
        lines.append(("", .plain))
        lines.append(("Same as:", CellStyle(color: .muted)))
        for text in TextWrap.wrap(ShellCommandLine.stop(form.request, target: state.target), width: width, indent: 4) {
            lines.append((text, CellStyle(color: .muted)))
        }
        lines.append(("", .plain))
        if let error = form.error {
            for text in TextWrap.wrap(error, width: width, indent: 2) { lines.append((text, CellStyle(color: .failure, bold: true))) }
        }
        lines.append(form.phase == .sending ? ("sending...", CellStyle(color: .running)) : (ascii("y \(form.type.rawValue) · n keep it running", state.options.glyphs), CellStyle(color: .warning, bold: true)))
        let box = Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: preferredWidth(state), lines: lines.count)
        box.draw(title: "Stop execution", glyphs: state.options.glyphs, role: .warning, into: &buffer)
        box.write(lines, into: &buffer)
    }

    static func drawStart(_ form: StartForm, state: ConsoleState, into buffer: inout CellBuffer) {
        let glyphs = state.options.glyphs
        let width = min(state.width - 2, preferredWidth(state)) - 4
        let room = max(3, state.height - 12)
        var lines: [Line] = []
        switch form.step {
        case .loadingDocuments:
            lines.append(("Loading Automation documents...", CellStyle(color: .muted)))
        case .documentsFailed:
            lines.append(("The Automation documents could not be listed.", CellStyle(color: .muted)))
        case .pickingDocument, .loadingDocument:
            lines.append(("Document:", CellStyle(bold: true)))
            for index in pickWindow(count: form.documents.count, selected: form.documentIndex, rows: room) {
                let selected = index == form.documentIndex
                lines.append(((selected ? glyphs.selectionMark + " " : "  ") + form.documents[index], CellStyle(color: selected ? .selection : .normal, reverse: selected)))
            }
            if form.step == .loadingDocument { lines.append(("Loading \(form.documentName ?? "")...", CellStyle(color: .muted))) }
        case .editingParameters, .sending:
            lines.append(("Document: \(form.documentName ?? "-")" + (form.documentVersion.map { " v\($0)" } ?? ""), CellStyle(bold: true)))
            if let note = form.rulesNote {
                for text in TextWrap.wrap(note, width: width, indent: 2) { lines.append((text, CellStyle(color: .warning))) }
            }
            var fieldLines: [Line] = []
            var focusLine = 0
            for (index, field) in form.fields.enumerated() {
                let focused = index == form.focus
                if focused { focusLine = fieldLines.count }
                let marker = focused ? glyphs.selectionMark + " " : "  "
                let required = field.isRequired ? "*" : ""
                let value = field.isPickList ? (field.value.isEmpty ? "(choose)" : field.value) : field.value + (focused ? "_" : "")
                for (row, text) in TextWrap.wrap("\(marker)\(field.name)\(required) (\(field.type)): \(value)", width: width, indent: 4).enumerated() {
                    fieldLines.append((text, CellStyle(color: focused ? .selection : .normal, bold: row == 0 && focused)))
                }
                guard focused else { continue }
                if field.isPickList {
                    let choices = field.choices.map { $0 == field.value ? "[\($0)]" : $0 }.joined(separator: "  ")
                    for text in TextWrap.wrap(ascii("    ←/→ \(choices)", glyphs), width: width, indent: 6) {
                        fieldLines.append((text, CellStyle(color: .accent)))
                    }
                }
                let about = [field.isPickList ? nil : field.hint, field.ruleSummary].compactMap { $0 }.joined(separator: "; ")
                let description = field.description ?? ""
                if !description.isEmpty || field.ruleSummary != nil {
                    let text = [description, about.isEmpty ? "" : "[\(about)]"].filter { !$0.isEmpty }.joined(separator: " ")
                    for text in TextWrap.wrap("    \(text)", width: width, indent: 4) {
                        fieldLines.append((text, CellStyle(color: .muted)))
                    }
                }
            }
            if form.fields.isEmpty { fieldLines.append(("  This document takes no parameters.", CellStyle(color: .muted))) }
            let start = max(0, min(focusLine - room / 2, fieldLines.count - room))
            lines += fieldLines[start..<min(fieldLines.count, start + room)]
            let modeFocused = form.isModeFocused
            let modes = ExecutionMode.allCases.map { $0 == form.mode ? "[\($0.rawValue)]" : " \($0.rawValue) " }.joined(separator: " ")
            lines.append(((modeFocused ? glyphs.selectionMark + " " : "  ") + "Mode: " + modes, CellStyle(color: modeFocused ? .selection : .normal, bold: modeFocused)))
            if case .success(let request) = form.request {
                lines.append(("Same as:", CellStyle(color: .muted)))
                for text in TextWrap.wrap(ShellCommandLine.start(request, target: state.target), width: width, indent: 4) {
                    lines.append((text, CellStyle(color: .muted)))
                }
            }
        }
        lines.append(("", .plain))
        if let error = form.error {
            for text in TextWrap.wrap(error, width: width, indent: 2) { lines.append((text, CellStyle(color: .failure, bold: true))) }
        }
        let hint: String
        switch form.step {
        case .loadingDocuments, .loadingDocument: hint = "loading... · Esc cancel"
        case .documentsFailed: hint = "Enter/R try again · Esc cancel"
        case .pickingDocument: hint = "↑/↓ choose · Enter open · Esc cancel"
        case .editingParameters:
            hint = form.fields.contains(where: \.isPickList)
                ? "Tab/↑/↓ field · ←/→/Space choose · Enter start · Esc cancel · * required"
                : "Tab/↑/↓ field · ←/→ mode · Enter start · Esc cancel · * required"
        case .sending: hint = "sending..."
        }
        lines.append((ascii(hint, glyphs), CellStyle(color: .accent)))
        let box = Box.centred(screenWidth: state.width, screenHeight: state.height, preferredWidth: preferredWidth(state), lines: lines.count)
        box.draw(title: "Start execution", glyphs: glyphs, into: &buffer)
        box.write(lines, into: &buffer)
    }

    private static func footer(_ phase: FormPhase, confirm: String, choices: Bool) -> Line {
        switch phase {
        case .loading: return ("loading... · Esc cancel", CellStyle(color: .muted))
        case .editing: return (choices ? "Up/Down choose · Enter send · Esc cancel" : "Enter send · Esc cancel", CellStyle(color: .accent))
        case .confirming: return (confirm, CellStyle(color: .warning, bold: true))
        case .sending: return ("sending...", CellStyle(color: .running))
        }
    }

    /// The indices of a pick-list to show so the selected one is on screen.
    static func pickWindow(count: Int, selected: Int, rows: Int) -> Range<Int> {
        let start = max(0, min(selected - rows / 2, count - rows))
        return start..<min(count, start + rows)
    }

    /// Arrows in hints as ASCII for terminals without UTF-8.
    static func ascii(_ text: String, _ glyphs: GlyphSet) -> String {
        guard glyphs == .ascii else { return text }
        return text.replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down")
            .replacingOccurrences(of: "←", with: "Left").replacingOccurrences(of: "→", with: "Right")
            .replacingOccurrences(of: "·", with: "-")
    }
}
