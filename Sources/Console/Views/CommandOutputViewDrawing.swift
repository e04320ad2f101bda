import AutomationModel
import Foundation

/// Draws the command output view: a box over the execution view with the command's instances, or one
/// instance's stdout and stderr.
enum CommandOutputViewDrawing {
    static func box(_ state: ConsoleState) -> Box {
        Box.centred(
            screenWidth: state.width, screenHeight: state.height, preferredWidth: min(state.width - 2, 160),
            lines: state.layout.overlayRows)
    }

    static func draw(_ view: CommandOutputView, state: ConsoleState, into buffer: inout CellBuffer) {
        let box = box(state)
        let glyphs = state.options.glyphs
        let table = CommandOutputKeys.table(for: view)
        if let open = view.open {
            let title = "\(open.instanceId) · \(view.stepName) · \(table.hint(in: state))"
            box.draw(title: FormViews.ascii(title, glyphs), glyphs: glyphs, into: &buffer)
            box.write(outputLines(open, view: view, state: state, rows: box.innerHeight), into: &buffer)
        } else {
            let title = "Command \(view.commandId) · \(view.stepName) · \(table.hint(in: state))"
            box.draw(title: FormViews.ascii(title, glyphs), glyphs: glyphs, into: &buffer)
            box.write(instanceLines(view, state: state, width: box.innerWidth, rows: box.innerHeight), into: &buffer)
            let row = view.selected - view.listScroll.offset
            if view.selectedInvocation != nil, row >= 0, row + CommandOutputContent.headerRows < box.innerHeight {
                buffer.fill(
                    x: box.innerLeft, y: box.innerTop + CommandOutputContent.headerRows + row, count: box.innerWidth,
                    style: CellStyle(color: .selection, reverse: true))
            }
        }
    }

    /// A header, then a row per instance: ID, name, status, exit code, how long it ran.
    private static func instanceLines(
        _ view: CommandOutputView, state: ConsoleState, width: Int, rows: Int
    ) -> [(String, CellStyle)] {
        let header = columns(["INSTANCE", "NAME", "STATUS", "EXIT", "DURATION"], width: width)
        guard let invocations = view.invocations else {
            return [(header, CellStyle(bold: true)), (view.error ?? "Loading instances…", CellStyle(color: view.error == nil ? .muted : .failure))]
        }
        var lines: [(String, CellStyle)] = [(header, CellStyle(bold: true)), ("", .plain)]
        if let error = view.error { lines[1] = (error, CellStyle(color: .failure)) }
        if invocations.isEmpty { lines.append(("The command has no instances.", CellStyle(color: .muted))) }
        let first = max(0, view.listScroll.offset)
        for invocation in invocations.dropFirst(first).prefix(max(0, rows - 2)) {
            let plugin = invocation.commandPlugins?.first
            let status = invocation.status
            let exit = status?.isTerminal == true ? (plugin?.responseCode).map(String.init) ?? "-" : "-"
            let duration = TimeText.duration(
                from: plugin?.responseStartDateTime, to: plugin?.responseFinishDateTime, now: state.now)
            let text = columns(
                [invocation.instanceId ?? "-", invocation.instanceName ?? "", status?.rawValue ?? "-", exit, duration],
                width: width)
            lines.append((text, CellStyle(color: role(status))))
        }
        return lines
    }

    /// Run Command's statuses are named as Automation's, so they take the same colours.
    private static func role(_ status: CommandStatus?) -> ColorRole {
        StatusStyle.role(status.map { AutomationExecutionStatus(rawValue: $0.rawValue) })
    }

    private static let widths = [22, 16, 12, 6, 10]

    private static func columns(_ values: [String], width: Int) -> String {
        var text = ""
        for (index, value) in values.enumerated() {
            let column = widths[index]
            let cut = value.count > column - 1 ? String(value.prefix(column - 2)) + "…" : value
            text += cut.padding(toLength: column, withPad: " ", startingAt: 0)
        }
        return String(text.prefix(width))
    }

    /// The status line, a blank line, then the output from the first line on screen.
    private static func outputLines(
        _ open: CommandOutputView.InstanceOutput, view: CommandOutputView, state: ConsoleState, rows: Int
    ) -> [(String, CellStyle)] {
        var status: (String, CellStyle)
        if let output = open.output {
            let summary = CommandOutputContent.summary(
                status: output.status, responseCode: output.responseCode,
                start: CommandOutputContent.date(output.executionStartDateTime),
                end: CommandOutputContent.date(output.executionEndDateTime), now: state.now)
            let following = output.status?.isTerminal == true ? "" : open.follow ? " · following" : " · paused (G follows)"
            status = (summary + following, CellStyle(color: role(output.status), bold: true))
        } else {
            status = ("Loading output…", CellStyle(color: .muted))
        }
        if let error = open.error { status = (error, CellStyle(color: .failure)) }
        let all = CommandOutputContent.lines(open.output, width: CommandOutputContent.textWidth(state))
        let first = CommandOutputContent.firstLine(open, state)
        var lines: [(String, CellStyle)] = [status, ("", .plain)]
        if open.output != nil, all.isEmpty { lines.append(("(no output yet)", CellStyle(color: .muted))) }
        for line in all.dropFirst(first).prefix(max(0, rows - CommandOutputContent.headerRows)) {
            switch line.kind {
            case .standardOutput: lines.append((line.text, .plain))
            case .marker: lines.append((line.text, CellStyle(color: .muted)))
            case .standardError: lines.append((line.text, CellStyle(color: .warning)))
            }
        }
        return lines
    }
}
