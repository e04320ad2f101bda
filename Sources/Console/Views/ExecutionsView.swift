import AutomationModel
import Foundation

/// The executions view: one row per execution, newest first; those waiting on you (an approval you may answer)
/// and those waiting on someone are marked apart. The inbox lists yours first and says what each waits for.
enum ExecutionsView {
    enum ColumnKey: Hashable { case mark, status, id, document, mode, step, started, duration, executedBy }

    /// - Parameter longestStatus: the longest status on screen, which the STATUS column grows to fit where there
    ///   is room (before the other columns grow).
    static func columns(width: Int, inbox: Bool = false, longestStatus: Int = 12) -> [ColumnLayout<ColumnKey>.Placed] {
        typealias Column = ColumnLayout<ColumnKey>.Column
        return ColumnLayout.place(
            [
                Column(key: .mark, title: "", minimum: 1, preferred: 1, priority: 0, growRank: 9),
                Column(key: .status, title: "STATUS", minimum: 10, preferred: max(12, longestStatus), priority: 0, growRank: 0),
                Column(key: .id, title: "EXECUTION ID", minimum: 13, preferred: 36, priority: 0, growRank: 3),
                Column(key: .document, title: "DOCUMENT", minimum: 12, preferred: 30, priority: 0, growRank: 1),
                Column(key: .mode, title: "MODE", minimum: 11, preferred: 11, priority: 4, growRank: 5),
                inbox
                    ? Column(key: .step, title: "WAITING FOR", minimum: 12, preferred: 44, priority: 1, growRank: 0)
                    : Column(key: .step, title: "CURRENT STEP", minimum: 12, preferred: 34, priority: 1, growRank: 2),
                Column(key: .started, title: "STARTED", minimum: 8, preferred: 8, priority: 2, growRank: 6),
                Column(key: .duration, title: "DURATION", minimum: 8, preferred: 8, priority: 3, growRank: 7),
                Column(key: .executedBy, title: "EXECUTED BY", minimum: 12, preferred: 60, priority: 5, growRank: 4),
            ], width: width)
    }

    static func draw(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let layout = state.layout
        let glyphs = state.options.glyphs
        // Only the rows on screen are measured, however many are loaded.
        let count = state.list.visibleCount
        let first = state.list.scroll.offset
        let entries = state.list.visibleEntries(in: first..<max(first, min(count, first + layout.listRows)))
        let longestStatus = entries.reduce(0) { max($0, $1.row.automationExecutionStatus?.rawValue.count ?? 1) }
        let columns = columns(width: state.width, inbox: state.list.query.waitingOnHumanOnly, longestStatus: longestStatus)
        for column in columns {
            buffer.write(column.title, x: column.x, y: layout.listTop - 1, style: CellStyle(color: .muted, bold: true), maxWidth: column.width)
        }
        if count == 0 {
            let message: String
            if !state.list.loaded {
                message = "Loading executions..."
            } else if !state.list.filter.isEmpty {
                message = "No loaded execution matches the filter '\(state.list.filter)'. Esc clears it."
            } else if state.list.query.waitingOnHumanOnly {
                message = "Nothing is waiting on a person."
            } else {
                message = "No executions match. :all shows every execution."
            }
            buffer.write(message, x: 2, y: layout.listTop + 1, style: CellStyle(color: .muted))
            return
        }
        let selected = state.list.selectedIndex
        let end = first + entries.count
        for (index, entry) in zip(first..<end, entries) {
            let y = layout.listTop + index - first
            drawRow(entry.row, under: entry.parentId, y: y, columns: columns, state: state, into: &buffer)
            if index == selected { buffer.fill(x: 0, y: y, count: state.width, style: CellStyle(color: .selection, reverse: true)) }
        }
        if end < count || state.list.nextToken != nil {
            let more = state.list.nextToken != nil ? "\(glyphs.more) more" : "\(glyphs.more) \(count - end) more"
            let x = state.width - DisplayWidth.of(more)
            buffer.write(more, x: x, y: layout.listTop + layout.listRows - 1, style: CellStyle(color: .muted))
        }
    }

    /// One row; a child listed under its expanded parent (`parentId`) is indented and names its target.
    private static func drawRow(
        _ row: AutomationExecutionMetadata, under parentId: String?, y: Int, columns: [ColumnLayout<ColumnKey>.Placed],
        state: ConsoleState, into buffer: inout CellBuffer
    ) {
        let glyphs = state.options.glyphs
        let now = state.now
        let statusRole = StatusStyle.role(row.automationExecutionStatus)
        let onYou = state.waitsOnYou(row)
        let id = row.automationExecutionId
        let isParent = parentId == nil && state.list.isParent(row)
        for column in columns {
            let text: String
            var style = CellStyle.plain
            switch column.key {
            case .mark:
                text = onYou ? glyphs.waitingOnYouMark : row.isWaitingOnHuman ? glyphs.waitingMark : ""
                style = CellStyle(color: .waiting, bold: true)
            case .status:
                text = row.automationExecutionStatus?.rawValue ?? "-"
                style = CellStyle(color: statusRole)
            case .id:
                if parentId != nil {
                    text = "\(glyphs.child) \(id)"
                } else if isParent {
                    text = "\(state.list.isExpanded(id) ? glyphs.expanded : glyphs.collapsed) \(id)"
                } else {
                    text = id
                }
            case .document where parentId != nil:
                // The document is the parent's: the child's target says which one of the fleet it is.
                text = "  " + (row.target ?? row.documentName ?? "-")
            case .document: text = row.documentName ?? "-"
            case .step where isParent && !state.list.query.waitingOnHumanOnly:
                let progress = state.list.progress(of: row)
                text = FleetText.row(progress, width: column.width, glyphs: glyphs)
                if progress.counts.errors > 0 { style = CellStyle(color: StatusStyle.role(.failed)) }
            case .mode: text = row.mode?.rawValue ?? "-"
            case .step where state.list.query.waitingOnHumanOnly:
                let reason = ExecutionSummary(row).waitReason(approval: state.approvals.approval(for: row.automationExecutionId))
                text = (onYou ? "you: " : "") + (reason?.text ?? "-")
            case .step:
                // The action only when there is room for it; the execution view always shows both.
                let action = column.width >= 24 ? row.currentAction.map { " (\($0))" } ?? "" : ""
                text = row.currentStepName.map { $0 + action } ?? "-"
            case .started: text = TimeText.relative(row.executionStartTime, now: now)
            case .duration:
                text = TimeText.listDuration(
                    from: row.executionStartTime, to: row.executionEndTime, now: now, status: row.automationExecutionStatus)
            case .executedBy: text = PrincipalText.name(row.executedBy)
            }
            buffer.write(TextWrap.fit(text, width: column.width, ellipsis: glyphs.ellipsis), x: column.x, y: y, style: style)
        }
    }
}
