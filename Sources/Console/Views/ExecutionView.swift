import AutomationModel
import Foundation

/// The execution view: a summary, the steps, and a details pane for the selected step that scrolls.
enum ExecutionView {
    enum StepColumn: Hashable { case number, name, action, status, start, duration, attempts }

    static func draw(_ state: ConsoleState, into buffer: inout CellBuffer) {
        guard let detail = state.detail else { return }
        let glyphs = state.options.glyphs
        guard let execution = detail.execution else {
            buffer.write("Loading execution \(detail.id)...", x: 2, y: 3, style: CellStyle(color: .muted))
            return
        }
        drawSummary(execution, state: state, into: &buffer)
        if detail.isFleet {
            FleetView.draw(execution, detail: detail, state: state, into: &buffer)
            return
        }
        drawSteps(detail, state: state, into: &buffer)
        drawDetails(detail, state: state, into: &buffer)
        let layout = state.layout
        if layout.isSideBySide {
            for y in layout.bodyTop..<(layout.bodyTop + layout.bodyHeight) {
                buffer.write(glyphs.vertical, x: layout.stepsWidth, y: y, style: CellStyle(color: .muted))
            }
        }
    }

    private static func drawSummary(_ execution: AutomationExecution, state: ConsoleState, into buffer: inout CellBuffer) {
        let glyphs = state.options.glyphs
        let summary = ExecutionSummary(execution)
        let row = AutomationExecutionMetadata(execution)
        let onYou = state.waitsOnYou(row)
        var x = 0
        if summary.isWaitingOnHuman {
            x = buffer.write("\(onYou ? glyphs.waitingOnYouMark : glyphs.waitingMark) ", x: x, y: 2, style: CellStyle(color: .waiting, bold: true))
        }
        x = buffer.write("Status: ", x: x, y: 2, style: CellStyle(color: .muted))
        x = buffer.write(summary.status.rawValue, x: x, y: 2, style: CellStyle(color: StatusStyle.role(summary.status), bold: true))
        if let words = StatusWords.words(summary, approval: state.approvals.approval(for: execution.automationExecutionId), onYou: onYou) {
            x = buffer.write(" (\(words))", x: x, y: 2, style: CellStyle(color: summary.isWaitingOnHuman ? .waiting : .muted))
        }
        var facts = ["Mode: \(summary.mode.rawValue)"]
        // Local is what nearly every execution is; only the other kind is worth the room.
        if let type = automationType(execution, state: state), type != .local { facts.append("Type: \(type.rawValue)") }
        if let alarms = execution.triggeredAlarms, !alarms.isEmpty {
            facts.append("Alarms: \(FieldText.triggeredAlarms(alarms))")
        }
        facts.append("Document: \(execution.documentName ?? "-")" + (execution.documentVersion.map { " v\($0)" } ?? ""))
        if let step = execution.currentStepName {
            facts.append("At: \(step)" + (execution.currentAction.map { " (\($0))" } ?? ""))
        }
        buffer.write(TextWrap.fit("  " + facts.joined(separator: "  "), width: state.width - x, ellipsis: glyphs.ellipsis), x: x, y: 2)
        let timing = [
            "Started: \(TimeText.relative(execution.executionStartTime, now: state.now)) (\(TimeText.absolute(execution.executionStartTime)))",
            "Duration: \(TimeText.duration(from: execution.executionStartTime, to: execution.executionEndTime, now: state.now, status: execution.automationExecutionStatus))",
            "By: \(execution.executedBy ?? "-")",
        ]
        buffer.write(TextWrap.fit(timing.joined(separator: "  "), width: state.width, ellipsis: glyphs.ellipsis), x: 0, y: 3)
        if summary.isChangeRequest {
            buffer.write(TextWrap.fit(ChangeRequestText.line(execution), width: state.width, ellipsis: glyphs.ellipsis), x: 0, y: 4)
            return
        }
        if state.detail?.isFleet == true {
            let row = state.list.row(withId: execution.automationExecutionId) ?? AutomationExecutionMetadata(execution)
            let line = FleetText.summary(state.list.progress(of: row))
            buffer.write(TextWrap.fit(line, width: state.width, ellipsis: glyphs.ellipsis), x: 0, y: 4)
            return
        }
        let counters = execution.progressCounters
        var progress = "Steps: \(counters?.totalSteps ?? 0) total, \(counters?.successSteps ?? 0) succeeded, "
            + "\(counters?.failedSteps ?? 0) failed, \(counters?.cancelledSteps ?? 0) cancelled, "
            + "\(counters?.timedOutSteps ?? 0) timed out"
        if let failure = execution.failureMessage, !failure.isEmpty {
            progress += "  Failure: \(failure.split(separator: "\n").first ?? "") (details below)"
        }
        buffer.write(TextWrap.fit(progress, width: state.width, ellipsis: glyphs.ellipsis), x: 0, y: 4)
    }

    /// The execution's AutomationType: GetAutomationExecution has no such member, so it comes from the list's
    /// row, or from the target locations only cross-account executions have.
    private static func automationType(_ execution: AutomationExecution, state: ConsoleState) -> AutomationType? {
        if !(execution.targetLocations ?? []).isEmpty || execution.targetLocationsURL != nil { return .crossAccount }
        return state.list.row(withId: execution.automationExecutionId)?.automationType
    }

    /// - Parameters:
    ///   - stepCount: how many steps there are: the number column fits the largest number, whatever its width.
    ///   - longestStatus: the longest status shown, which the STATUS column grows to fit where there is room.
    static func stepColumns(width: Int, stepCount: Int = 99, longestStatus: Int = 10) -> [ColumnLayout<StepColumn>.Placed] {
        typealias Column = ColumnLayout<StepColumn>.Column
        let numberWidth = max(2, String(max(1, stepCount)).count)
        return ColumnLayout.place(
            [
                Column(key: .number, title: "#", minimum: numberWidth, preferred: numberWidth + 1, priority: 0, growRank: 9),
                Column(key: .name, title: "STEP", minimum: 12, preferred: 28, priority: 0, growRank: 1),
                Column(key: .action, title: "ACTION", minimum: 12, preferred: 17, priority: 1, growRank: 0),
                Column(key: .status, title: "STATUS", minimum: 10, preferred: max(10, longestStatus), priority: 0, growRank: 2),
                Column(key: .start, title: "START", minimum: 8, preferred: 8, priority: 2, growRank: 3),
                Column(key: .duration, title: "DURATION", minimum: 8, preferred: 8, priority: 2, growRank: 4),
                Column(key: .attempts, title: "ATTEMPTS", minimum: 8, preferred: 8, priority: 3, growRank: 5),
            ], width: width)
    }

    private static func drawSteps(_ detail: ExecutionDetail, state: ConsoleState, into buffer: inout CellBuffer) {
        let layout = state.layout
        let glyphs = state.options.glyphs
        let focused = detail.focus == .steps
        let longestStatus = detail.steps.reduce(0) { max($0, $1.stepStatus?.rawValue.count ?? 1) }
        let columns = stepColumns(width: layout.stepsWidth, stepCount: detail.steps.count, longestStatus: longestStatus)
        for column in columns {
            buffer.write(
                column.title, x: column.x, y: layout.bodyTop,
                style: CellStyle(color: focused ? .accent : .muted, bold: true, underline: focused), maxWidth: column.width)
        }
        if detail.steps.isEmpty {
            // An execution that runs in other accounts and Regions may return no step rows, only counters.
            let total = detail.execution?.progressCounters?.totalSteps ?? 0
            let message = total > 0 ? "No step rows returned; \(total) steps counted (Steps above)." : "No steps have run yet."
            buffer.write(message, x: 2, y: layout.bodyTop + 1, style: CellStyle(color: .muted), maxWidth: layout.stepsWidth - 2)
            return
        }
        let firstStep = detail.stepScroll.offset
        let end = min(detail.steps.count, firstStep + layout.stepRows)
        for index in firstStep..<max(firstStep, end) {
            let step = detail.steps[index]
            let y = layout.bodyTop + 1 + index - firstStep
            for column in columns {
                var style = CellStyle.plain
                let text: String
                switch column.key {
                case .number: text = index == detail.selectedStep ? glyphs.selectionMark : "\(index + 1)"
                case .name: text = StepRowText.name(step)
                case .action: text = step.action ?? "-"
                case .status:
                    text = step.stepStatus?.rawValue ?? "-"
                    style = CellStyle(color: StatusStyle.role(step.stepStatus))
                case .start: text = TimeText.relative(step.executionStartTime, now: state.now)
                case .duration:
                    text = TimeText.duration(
                        from: step.executionStartTime, to: step.executionEndTime, now: state.now, status: step.stepStatus)
                case .attempts: text = StepAttempts.text(step)
                }
                buffer.write(TextWrap.fit(text, width: column.width, ellipsis: glyphs.ellipsis), x: column.x, y: y, style: style)
            }
            if index == detail.selectedStep {
                buffer.fill(
                    x: 0, y: y, count: layout.stepsWidth,
                    style: CellStyle(color: .selection, reverse: focused, underline: !focused))
            }
        }
        if end < detail.steps.count {
            let more = "\(glyphs.more) \(detail.steps.count - end) more"
            buffer.write(more, x: layout.stepsWidth - DisplayWidth.of(more), y: layout.bodyTop + layout.stepRows, style: CellStyle(color: .muted))
        }
    }

    private static func drawDetails(_ detail: ExecutionDetail, state: ConsoleState, into buffer: inout CellBuffer) {
        let layout = state.layout
        let focused = detail.focus == .details
        let lines = DetailsContent.lines(detail, width: layout.detailsTextWidth, now: state.now)
        let first = min(detail.detailScroll.offset, max(0, lines.count - 1))
        let last = min(lines.count, first + layout.detailRows)
        var title = "DETAILS"
        if lines.count > layout.detailRows {
            title += "  lines \(first + 1)-\(last) of \(lines.count)  (Tab then j/k, or J/K, to scroll)"
        }
        buffer.write(
            title, x: layout.detailsLeft, y: layout.detailsTop,
            style: CellStyle(color: focused ? .accent : .muted, bold: true, underline: focused),
            maxWidth: layout.detailsWidth)
        for index in first..<max(first, last) {
            let line = lines[index]
            buffer.write(
                line.text, x: layout.detailsLeft, y: layout.detailsTop + 1 + index - first,
                style: CellStyle(color: line.role, bold: line.bold), maxWidth: layout.detailsTextWidth)
        }
    }
}
