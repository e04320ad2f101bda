import AutomationModel
import Foundation

/// The Approve and Reject forms: what is being approved (the message, which scrolls when long), who may approve,
/// how many approvals are in of how many needed, each decision so far, the time left, whether you may decide,
/// then the comment, the equivalent command and the keys. At 80x24 everything but a long message's tail and the
/// command line fits; those give way first.
extension FormViews {
    /// The lines of the form, and how far its message can scroll.
    struct ApprovalLayout {
        var lines: [Line]
        var maximumMessageScroll: Int
    }

    static func drawApproval(_ form: SignalForm, state: ConsoleState, into buffer: inout CellBuffer) {
        let layout = approvalLayout(form, state: state)
        let box = Box.centred(
            screenWidth: state.width, screenHeight: state.height, preferredWidth: preferredWidth(state), lines: layout.lines.count)
        box.draw(title: "\(form.signal.rawValue) signal", glyphs: state.options.glyphs, role: form.needsConfirmation ? .warning : .border, into: &buffer)
        box.write(layout.lines, into: &buffer)
    }

    static func approvalLayout(_ form: SignalForm, state: ConsoleState) -> ApprovalLayout {
        let glyphs = state.options.glyphs
        let width = min(state.width - 2, preferredWidth(state)) - 4
        let room = Box.maxInnerHeight(screenHeight: state.height)
        let execution = "Execution: \(form.executionId)" + (form.documentName.map { "  Document: \($0)" } ?? "")
        var top: [Line] = [(TextWrap.fit(execution, width: width, ellipsis: glyphs.ellipsis), CellStyle(color: .muted))]
        var facts: [Line] = []
        var message: [String] = []
        if let approval = form.approval {
            message = approval.message.map { TextWrap.wrap("  " + $0, width: width, indent: 2) } ?? []
            facts = approvalFacts(approval, signal: form.signal, state: state, width: width)
        } else {
            facts = [("Loading the approval...", CellStyle(color: .muted))]
        }
        let cursor = form.phase == .editing ? "_" : ""
        let comment = TextWrap.wrap("Comment (optional): \(form.comment)\(cursor)", width: width, indent: 2).enumerated()
            .map { ($0.element, CellStyle(bold: $0.offset == 0)) }
        let question = "\(form.signal.rawValue) this execution?"
        let hint = footer(form, question: question, state: state)
        var bottom: [Line] = [("", .plain)] + comment + errorLines(form.error, width: width) + [(ascii(hint.0, glyphs), hint.1)]

        // The message gets the rows the rest leaves, at least three; the command line only what is left after it.
        // On a short screen the execution line and the blank line give way first, then the message shrinks to a
        // line (it scrolls), then the facts are cut: the comment and the keys always show.
        var fixed = top.count + facts.count + bottom.count + (message.isEmpty ? 0 : 1)
        if fixed + min(message.count, 3) > room {
            top.removeAll()
            bottom.removeFirst()
            fixed -= 2
        }
        let messageRows = message.isEmpty ? 0 : max(1, min(message.count, max(3, room - fixed), room - fixed))
        let factRoom = room - fixed + facts.count - messageRows
        if facts.count > factRoom { facts = clipped(facts, to: max(0, factRoom), width: width, glyphs: glyphs) }
        let maximumScroll = max(0, message.count - messageRows)
        if !message.isEmpty {
            let first = min(max(0, form.messageScroll), maximumScroll)
            var title = "Message:"
            if maximumScroll > 0 {
                title += " lines \(first + 1)-\(first + messageRows) of \(message.count) (\(SignalFormKeys.messageUp.label)/\(SignalFormKeys.messageDown.label))"
            }
            top.append((title, CellStyle(bold: true)))
            top += message[first..<(first + messageRows)].map { ($0, CellStyle.plain) }
        }
        let left = room - top.count - facts.count - bottom.count
        var command: [Line] = []
        if left >= 3 {
            command = [("", .plain)] + clipped(sameAs(form.commandLine(target: state.target), width: width), to: left - 1, width: width, glyphs: glyphs)
        }
        return ApprovalLayout(lines: top + facts + command + bottom, maximumMessageScroll: maximumScroll)
    }

    /// Approvers, the count and time left, the decisions, and whether you may decide.
    private static func approvalFacts(_ approval: ApprovalView, signal: SignalType, state: ConsoleState, width: Int) -> [Line] {
        let glyphs = state.options.glyphs
        var lines: [Line] = []
        let approvers = approval.approvers.isEmpty ? "-" : approval.approvers.map(PrincipalText.name).joined(separator: ", ")
        lines += TextWrap.wrap("Approvers: \(approvers)", width: width, indent: 2).map { ($0, CellStyle.plain) }
        var count = approval.countText
        if let deadline = approval.deadline {
            let left = Int(deadline.timeIntervalSince(state.now))
            count += left > 0 ? " \(glyphs.separator) times out in \(TimeText.remaining(left))" : " \(glyphs.separator) timed out"
            count += " (\(TimeText.absolute(deadline)))"
        }
        lines.append((TextWrap.fit(count, width: width, ellipsis: glyphs.ellipsis), CellStyle(bold: true)))
        let decisions = approval.finalDecisions
        if decisions.isEmpty { lines.append(("  no decisions yet", CellStyle(color: .muted))) }
        for decision in decisions {
            let mark = decision.approved ? (glyphs == .unicode ? "✓" : "+") : (glyphs == .unicode ? "✗" : "x")
            var text = "  \(mark) \(PrincipalText.name(decision.approver)) \(decision.approved ? "approved" : "rejected")"
            if decision.time != nil { text += " \(TimeText.relative(decision.time, now: state.now))" }
            if let comment = decision.comment { text += ": \(comment)" }
            lines.append((TextWrap.fit(text, width: width, ellipsis: glyphs.ellipsis), CellStyle(color: decision.approved ? .success : .failure)))
        }
        lines += TextWrap.wrap(youText(approval, signal: signal, state: state), width: width, indent: 2).map { ($0, youStyle(approval, state: state)) }
        return lines
    }

    /// Whether you may decide, matched against your identity as AWS matches Approvers.
    static func youText(_ approval: ApprovalView, signal: SignalType, state: ConsoleState) -> String {
        guard let identity = state.target.identity else {
            return "Whether you may decide is not known here (identity unknown)."
        }
        let decided = approval.hasDecided(identity) ? " You have decided already; a new decision replaces it." : ""
        let verb = signal == .reject ? "reject" : "approve"
        switch approval.match(identity) {
        case .yes: return "You may \(verb)." + decided
        case .possiblyThroughGroup(let group): return "You may \(verb): possibly, through group \(group)." + decided
        case .no:
            let names = approval.approvers.map(PrincipalText.name).joined(separator: ", ")
            return "You are not an approver: \(names.isEmpty ? "-" : names)."
        }
    }

    private static func youStyle(_ approval: ApprovalView, state: ConsoleState) -> CellStyle {
        guard let identity = state.target.identity else { return CellStyle(color: .muted) }
        switch approval.match(identity) {
        case .yes: return CellStyle(color: .success, bold: true)
        case .possiblyThroughGroup: return CellStyle(color: .warning, bold: true)
        case .no: return CellStyle(color: .failure, bold: true)
        }
    }
}
