import AutomationModel
import Foundation

/// The executions view: one row per execution, newest first; those waiting on you (an approval you may answer)
/// and those waiting on someone are marked apart. The inbox lists yours first and says what each waits for.
enum ExecutionsView {
    enum ColumnKey: Hashable { case mark, status, id, document, mode, step, started, duration, executedBy }

    /// A whole execution ID (36 columns) after a tree line (a glyph and a space).
    private static let wholeTreeId = 38

    /// - Parameters:
    ///   - longestStatus: the longest status on screen, which the STATUS column grows to fit where there is room
    ///     (before the other columns grow).
    ///   - treeLines: whether a row on screen draws a tree line before its ID (a parent or a child). The ID column
    ///     then grows before CURRENT STEP when that shows the whole ID after the tree line; when even that would
    ///     cut it, CURRENT STEP keeps the room.
    static func columns(
        width: Int, inbox: Bool = false, longestStatus: Int = 12, treeLines: Bool = false
    ) -> [ColumnLayout<ColumnKey>.Placed] {
        typealias Column = ColumnLayout<ColumnKey>.Column
        func place(idFirst: Bool) -> [ColumnLayout<ColumnKey>.Placed] {
            ColumnLayout.place(
                [
                    Column(key: .mark, title: "", minimum: 1, preferred: 1, priority: 0, growRank: 9),
                    Column(key: .status, title: "STATUS", minimum: 10, preferred: max(12, longestStatus), priority: 0, growRank: 0),
                    Column(
                        key: .id, title: "EXECUTION ID", minimum: 13, preferred: idFirst ? wholeTreeId : 36, priority: 0,
                        growRank: idFirst ? 2 : 3),
                    Column(key: .document, title: "DOCUMENT", minimum: 12, preferred: 30, priority: 0, growRank: 1),
                    Column(key: .mode, title: "MODE", minimum: 11, preferred: 11, priority: 4, growRank: 5),
                    inbox
                        ? Column(key: .step, title: "WAITING FOR", minimum: 12, preferred: 44, priority: 1, growRank: 0)
                        : Column(key: .step, title: "CURRENT STEP", minimum: 12, preferred: 34, priority: 1, growRank: idFirst ? 3 : 2),
                    Column(key: .started, title: "STARTED", minimum: 8, preferred: 8, priority: 2, growRank: 6),
                    Column(key: .duration, title: "DURATION", minimum: 8, preferred: 8, priority: 3, growRank: 7),
                    Column(key: .executedBy, title: "EXECUTED BY", minimum: 12, preferred: 60, priority: 5, growRank: 4),
                ], width: width)
        }
        if treeLines {
            let idFirst = place(idFirst: true)
            if idFirst.contains(where: { $0.key == .id && $0.width >= wholeTreeId }) { return idFirst }
        }
        return place(idFirst: false)
    }

    static func draw(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let layout = state.layout
        let glyphs = state.options.glyphs
        // Only the rows on screen are measured, however many are loaded.
        let count = state.list.visibleCount
        let first = state.list.scroll.offset
        let entries = state.list.visibleEntries(in: first..<max(first, min(count, first + layout.listRows)))
        let longestStatus = entries.reduce(0) { max($0, $1.row.automationExecutionStatus?.rawValue.count ?? 1) }
        let isParent = entries.map { $0.parentId == nil && state.list.isParent($0.row) }
        let treeLines = isParent.contains(true) || entries.contains { $0.parentId != nil }
        let columns = columns(
            width: state.width, inbox: state.list.query.waitingOnHumanOnly, longestStatus: longestStatus, treeLines: treeLines)
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
        for (offset, entry) in entries.enumerated() {
            let y = layout.listTop + offset
            drawRow(entry.row, under: entry.parentId, isParent: isParent[offset], y: y, columns: columns, state: state, into: &buffer)
            if first + offset == selected { buffer.fill(x: 0, y: y, count: state.width, style: CellStyle(color: .selection, reverse: true)) }
        }
        if end < count || state.list.nextToken != nil {
            let more = state.list.nextToken != nil ? "\(glyphs.more) more" : "\(glyphs.more) \(count - end) more"
            let x = state.width - DisplayWidth.of(more)
            buffer.write(more, x: x, y: layout.listTop + layout.listRows - 1, style: CellStyle(color: .muted))
        }
    }

    /// One row; a child listed under its expanded parent (`parentId`) is indented and names its target.
    private static func drawRow(
        _ row: AutomationExecutionMetadata, under parentId: String?, isParent: Bool, y: Int,
        columns: [ColumnLayout<ColumnKey>.Placed],
        state: ConsoleState, into buffer: inout CellBuffer
    ) {
        let glyphs = state.options.glyphs
        let now = state.now
        let statusRole = StatusStyle.role(row.automationExecutionStatus)
        let onYou = state.waitsOnYou(row)
        let id = row.automationExecutionId
        for column in columns {
            let text: String
            // Drawn before the value, which is then cut as the plain text it is: a tree line before a parent's or
            // a child's ID, an indent before a child's target.
            var lead = ""
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
                    lead = glyphs.child + " "
                } else if isParent {
                    lead = (state.list.isExpanded(id) ? glyphs.expanded : glyphs.collapsed) + " "
                }
                text = id
            case .document where parentId != nil:
                // The document is the parent's: the child's target says which one of the fleet it is.
                lead = "  "
                text = row.target ?? row.documentName ?? "-"
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
            let x = lead.isEmpty ? column.x : buffer.write(lead, x: column.x, y: y, style: style, maxWidth: column.width)
            let width = column.width - (x - column.x)
            buffer.write(TextWrap.fit(text, width: width, ellipsis: glyphs.ellipsis), x: x, y: y, style: style)
        }
    }
}
