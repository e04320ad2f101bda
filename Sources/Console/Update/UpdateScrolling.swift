import Foundation

/// Moving the selection and scrolling the executions list, the steps table and the details pane.
extension ConsoleUpdate {
    static func move(by delta: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.screen {
        case .executions:
            return move(to: state.list.selectedIndex + delta, &state)
        case .execution:
            if state.detail?.focus == .details { return scrollDetails(by: delta, &state) }
            return move(to: (state.detail?.selectedRow ?? 0) + delta, &state)
        }
    }

    static func move(to index: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.screen {
        case .executions:
            state.list.select(index: index)
            clampScrolling(&state)
            return loadMoreIfNear(&state)
        case .execution:
            guard var detail = state.detail else { return [] }
            if detail.focus == .details {
                detail.detailScroll.offset = index
            } else if detail.isFleet {
                let count = state.list.children[detail.id]?.count ?? 0
                detail.selectedChild = min(max(0, index), max(0, count - 1))
                state.detail = detail
                clampScrolling(&state)
                return loadMoreChildrenIfNear(detail.id, selected: detail.selectedChild, &state)
            } else {
                let selected = min(max(0, index), max(0, detail.steps.count - 1))
                if selected != detail.selectedStep { detail.detailScroll.offset = 0 }
                detail.selectedStep = selected
            }
            state.detail = detail
            clampScrolling(&state)
            return []
        }
    }

    static func page(_ direction: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let layout = state.layout
        switch state.screen {
        case .executions:
            return move(to: state.list.selectedIndex + direction * max(1, layout.listRows - 1), &state)
        case .execution:
            if state.detail?.focus == .details { return scrollDetails(by: direction * max(1, layout.detailRows - 1), &state) }
            let rows = state.detail?.isFleet == true ? layout.childRows : layout.stepRows
            return move(to: (state.detail?.selectedRow ?? 0) + direction * max(1, rows - 1), &state)
        }
    }

    static func scrollDetails(by delta: Int, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.detail?.detailScroll.offset += delta
        clampScrolling(&state)
        return []
    }

    /// Keeps the selection on screen and scroll offsets within their content, e.g. after a resize.
    static func clampScrolling(_ state: inout ConsoleState) {
        let layout = state.layout
        state.list.scroll.clamp(
            rowCount: state.list.visibleCount, visibleRows: layout.listRows, selection: state.list.selectedIndex)
        guard var detail = state.detail else { return }
        detail.stepScroll.clamp(rowCount: detail.steps.count, visibleRows: layout.stepRows, selection: detail.selectedStep)
        detail.childScroll.clamp(
            rowCount: state.list.children[detail.id]?.count ?? 0, visibleRows: layout.childRows, selection: detail.selectedChild)
        let lines = DetailsContent.lineCount(detail, width: layout.detailsTextWidth, now: state.now)
        detail.detailScroll.clamp(rowCount: lines, visibleRows: layout.detailRows)
        state.detail = detail
    }
}
