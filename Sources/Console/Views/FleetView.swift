import AutomationModel
import Foundation

/// A parent's view below its summary: what it targets and what that resolved to, then its children as a table
/// (target, status, current step, duration, failure), the whole width. Enter opens the selected child.
enum FleetView {
    enum ChildColumn: Hashable { case mark, target, status, step, duration, failure, id }

    static func columns(width: Int) -> [ColumnLayout<ChildColumn>.Placed] {
        typealias Column = ColumnLayout<ChildColumn>.Column
        return ColumnLayout.place(
            [
                Column(key: .mark, title: "", minimum: 1, preferred: 1, priority: 0, growRank: 9),
                Column(key: .target, title: "TARGET", minimum: 12, preferred: 22, priority: 0, growRank: 1),
                Column(key: .status, title: "STATUS", minimum: 10, preferred: 12, priority: 0, growRank: 5),
                Column(key: .step, title: "CURRENT STEP", minimum: 12, preferred: 28, priority: 1, growRank: 2),
                Column(key: .duration, title: "DURATION", minimum: 8, preferred: 8, priority: 1, growRank: 6),
                Column(key: .failure, title: "FAILURE", minimum: 12, preferred: 40, priority: 2, growRank: 0),
                Column(key: .id, title: "EXECUTION ID", minimum: 36, preferred: 36, priority: 3, growRank: 7),
            ], width: width)
    }

    static func draw(
        _ execution: AutomationExecution, detail: ExecutionDetail, state: ConsoleState, into buffer: inout CellBuffer
    ) {
        let layout = state.layout
        let glyphs = state.options.glyphs
        buffer.write(
            TextWrap.fit(FleetText.targets(execution), width: state.width, ellipsis: glyphs.ellipsis), x: 0, y: layout.bodyTop,
            style: CellStyle(color: .muted))
        let columns = columns(width: state.width)
        for column in columns {
            buffer.write(
                column.title, x: column.x, y: layout.childrenTop, style: CellStyle(color: .accent, bold: true, underline: true),
                maxWidth: column.width)
        }
        guard let fleet = state.list.children[detail.id], fleet.count > 0 else {
            let loading = state.refresh.childrenInFlight.contains(detail.id) || state.list.children[detail.id]?.loaded != true
            buffer.write(
                loading ? "Loading children..." : "No children yet.", x: 2, y: layout.childrenTop + 1,
                style: CellStyle(color: .muted))
            return
        }
        let first = detail.childScroll.offset
        let end = min(fleet.count, first + layout.childRows)
        for index in first..<max(first, end) {
            let child = fleet.rows[index]
            let y = layout.childrenTop + 1 + index - first
            for column in columns {
                var style = CellStyle.plain
                let text: String
                switch column.key {
                case .mark:
                    text = state.waitsOnYou(child) ? glyphs.waitingOnYouMark : child.isWaitingOnHuman ? glyphs.waitingMark : ""
                    style = CellStyle(color: .waiting, bold: true)
                case .target: text = child.target ?? "-"
                case .status:
                    text = child.automationExecutionStatus?.rawValue ?? "-"
                    style = CellStyle(color: StatusStyle.role(child.automationExecutionStatus))
                case .step:
                    let action = column.width >= 24 ? child.currentAction.map { " (\($0))" } ?? "" : ""
                    text = child.currentStepName.map { $0 + action } ?? "-"
                case .duration:
                    text = TimeText.listDuration(from: child.executionStartTime, to: child.executionEndTime, now: state.now)
                case .failure:
                    text = child.failureMessage.map { String($0.split(separator: "\n").first ?? "") } ?? ""
                    style = CellStyle(color: StatusStyle.role(.failed))
                case .id: text = child.automationExecutionId
                }
                buffer.write(TextWrap.fit(text, width: column.width, ellipsis: glyphs.ellipsis), x: column.x, y: y, style: style)
            }
            if index == detail.selectedChild {
                buffer.fill(x: 0, y: y, count: state.width, style: CellStyle(color: .selection, reverse: true))
            }
        }
        if end < fleet.count || fleet.nextToken != nil {
            let more = fleet.nextToken != nil ? "\(glyphs.more) more" : "\(glyphs.more) \(fleet.count - end) more"
            buffer.write(
                more, x: state.width - DisplayWidth.of(more), y: layout.childrenTop + layout.childRows,
                style: CellStyle(color: .muted))
        }
    }
}
