import AutomationModel
import Foundation

/// The frame around every view: header (target, read-only, refresh), breadcrumb, status line and key hints.
enum ChromeView {
    static func drawHeader(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let glyphs = state.options.glyphs
        buffer.fill(x: 0, y: 0, count: state.width, style: CellStyle(color: .header, reverse: true))
        let right = refreshText(state)
        let rightWidth = DisplayWidth.of(right)
        // The target matters more than the name of the program, so the name goes first on narrow screens.
        var x = 0
        if state.width >= 100 {
            x = buffer.write("ssm-console \(glyphs.vertical) ", x: 0, y: 0, style: CellStyle(color: .header, bold: true, reverse: true))
        }
        if state.options.readOnly {
            x = buffer.write("READ-ONLY", x: x, y: 0, style: CellStyle(color: .warning, bold: true, reverse: true))
            x = buffer.write(" ", x: x, y: 0, style: CellStyle(color: .header, reverse: true))
        }
        let waiting = state.approvals.waitingOnYouCount
        if waiting > 0 {
            x = buffer.write("\(glyphs.waitingOnYouMark) \(waiting) waiting on you", x: x, y: 0, style: CellStyle(color: .waiting, bold: true, reverse: true))
            x = buffer.write(" ", x: x, y: 0, style: CellStyle(color: .header, reverse: true))
        }
        // Who you are matters as much as where: the target gives way to it.
        let room = max(0, state.width - x - rightWidth - 1)
        let label = FormViews.ascii(state.target.label, glyphs)
        let separator = " \(glyphs.separator) "
        var who = "as " + IdentityText.full(state.target.identity)
        if DisplayWidth.of(label + separator + who) > room { who = "as " + IdentityText.short(state.target.identity) }
        let target = TextWrap.fit(label, width: max(0, room - DisplayWidth.of(separator + who)), ellipsis: glyphs.ellipsis)
        buffer.write(
            TextWrap.fit(target + separator + who, width: room, ellipsis: glyphs.ellipsis),
            x: x, y: 0, style: CellStyle(color: .header, reverse: true))
        buffer.write(right, x: state.width - rightWidth, y: 0, style: CellStyle(color: .header, reverse: true))
    }

    /// Says only what an operator must know, and stays the same while refreshes go well, so a quiet
    /// console sends nothing to the terminal: the interval, a refresh that is taking long, or stale rows.
    private static func refreshText(_ state: ConsoleState) -> String {
        let refresh = state.refresh
        let interval = refresh.interval(state.options)
        if refresh.listInFlight, let asked = refresh.lastList, state.now.timeIntervalSince(asked) >= 1 {
            return "refreshing... "
        }
        guard let answered = refresh.listAnswered else { return refresh.listInFlight ? "loading... " : "" }
        if state.now.timeIntervalSince(answered) > 2 * interval + 1 {
            return "updated \(TimeText.relative(answered, now: state.now)) "
        }
        return state.width >= 100 ? "every \(Int(interval))s " : ""
    }

    static func drawBreadcrumb(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let glyphs = state.options.glyphs
        var parts: [String] = [state.list.query.waitingOnHumanOnly ? "Inbox (waiting on a person)" : "Executions"]
        let query = state.list.query
        var filters: [String] = []
        if let status = query.status { filters.append("status \(status.rawValue)") }
        if let prefix = query.documentNamePrefix { filters.append("doc \(prefix)*") }
        if let since = query.startedAfter { filters.append("since \(TimeText.absolute(since))") }
        if let parent = query.parentExecutionId { filters.append("children of \(parent)") }
        if !filters.isEmpty { parts[0] += " [\(filters.joined(separator: ", "))]" }
        switch state.screen {
        case .executions:
            let loaded = state.list.rows.count
            let grouped = state.list.groupedCount
            let visible = state.list.topLevelCount + grouped
            var count = visible == loaded ? "\(loaded) loaded" : "\(visible) of \(loaded) loaded"
            if grouped > 0 { count += ", \(grouped) grouped under parents" }
            if state.list.nextToken != nil { count += ", more on the server" }
            parts[0] += "  (\(count))"
        case .execution:
            // The path opened so far (parent, then child), short: the open execution is written in full.
            parts += state.path.map { String($0.prefix(8)) + glyphs.ellipsis }
            if let detail = state.detail {
                parts.append(detail.id + (detail.execution?.documentName.map { " \($0)" } ?? ""))
            }
        }
        buffer.write(
            TextWrap.fit(parts.joined(separator: " \(glyphs.breadcrumb) "), width: state.width, ellipsis: glyphs.ellipsis),
            x: 0, y: 1, style: CellStyle(color: .accent, bold: true))
    }

    static func drawStatusLine(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let y = state.height - 2
        let glyphs = state.options.glyphs
        if let input = state.input {
            let prompt = input.kind == .filter ? "/" : ":"
            let hint = "   " + LineInputKeys.table(for: input.kind).hint(in: state)
            var x = buffer.write(prompt, x: 0, y: y, style: CellStyle(color: .accent, bold: true))
            x = buffer.write(input.text, x: x, y: y, style: CellStyle(color: .accent, bold: true, reverse: input.replacing))
            x = buffer.write("_", x: x, y: y, style: CellStyle(color: .accent, bold: true))
            buffer.write(hint, x: x, y: y, style: CellStyle(color: .muted))
            return
        }
        if let flash = state.flash {
            let role: ColorRole
            switch flash.kind {
            case .info: role = .normal
            case .success: role = .success
            case .warning: role = .warning
            case .error: role = .failure
            }
            buffer.write(TextWrap.fit(flash.text, width: state.width, ellipsis: glyphs.ellipsis), x: 0, y: y, style: CellStyle(color: role, bold: flash.kind == .error))
            return
        }
        if let notice = state.refresh.notice {
            buffer.write(TextWrap.fit(notice, width: state.width, ellipsis: glyphs.ellipsis), x: 0, y: y, style: CellStyle(color: .warning))
            return
        }
        var x = 0
        if state.screen == .executions, !state.list.filter.isEmpty {
            x = buffer.write("filter: \(state.list.filter)   ", x: 0, y: y, style: CellStyle(color: .muted))
        }
        if let why = offActionsText(state) {
            buffer.write(TextWrap.fit(why, width: state.width - x, ellipsis: glyphs.ellipsis), x: x, y: y, style: CellStyle(color: .muted))
        }
    }

    /// Why the signal, start and stop keys that are not offered are off for the selected execution, grouped by
    /// reason: "off: a r not waiting on approval · u no paused step".
    static func offActionsText(_ state: ConsoleState) -> String? {
        var groups: [(reason: String, keys: [String])] = []
        // Revoke concerns change requests only: for any other execution it being off needs no explanation.
        let changeRequest = state.selectedExecution?.isChangeRequest ?? false
        for action in ActionTable.available(in: state) where action.isChange && (action.id != .revoke || changeRequest) {
            guard let reason = action.whyNot(state) else { continue }
            if let index = groups.firstIndex(where: { $0.reason == reason }) {
                groups[index].keys.append(action.keyLabel)
            } else {
                groups.append((reason, [action.keyLabel]))
            }
        }
        guard !groups.isEmpty else { return nil }
        let separator = " \(state.options.glyphs.separator) "
        return "off: " + groups.map { "\($0.keys.joined(separator: " ")) \($0.reason)" }.joined(separator: separator)
    }

    static func drawFooter(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let y = state.height - 1
        buffer.fill(x: 0, y: y, count: state.width, style: CellStyle(color: .footer, reverse: true))
        var x = 0
        // Help, then changes: on a narrow screen the hints that run out of room are ones `?` lists.
        let hints = ActionTable.available(in: state).filter { $0.inFooter && $0.whyNot(state) == nil }
        let ordered = hints.filter { $0.id == .help } + hints.filter(\.isChange) + hints.filter { !$0.isChange && $0.id != .help }
        for action in ordered {
            let key = HelpContent.label(action, state.options.glyphs)
            let needed = DisplayWidth.of(key) + DisplayWidth.of(action.title) + 3
            guard x + needed <= state.width else { break }
            x = buffer.write(key, x: x, y: y, style: CellStyle(color: .footer, bold: true, reverse: true))
            x = buffer.write(" \(action.title)  ", x: x, y: y, style: CellStyle(color: .footer, reverse: true))
        }
    }
}
