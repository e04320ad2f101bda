/// The mouse, when the config file turns it on: the wheel scrolls the pane under the pointer, a click selects
/// the row under it, a double click opens it. Only in the two views: a form, help or the `/` and `:` lines
/// keep the keys' rules, so the mouse does nothing there.
extension ConsoleUpdate {
    /// Rows one turn of the wheel moves.
    static let wheelRows = 3

    static func handleMouse(_ event: MouseEvent, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard state.keyContext == .executions || state.keyContext == .execution else { return [] }
        let layout = state.layout
        switch state.screen {
        case .executions:
            switch event.kind {
            case .wheelUp: return move(by: -wheelRows, &state)
            case .wheelDown: return move(by: wheelRows, &state)
            case .click, .doubleClick:
                let index = state.list.scroll.offset + event.y - layout.listTop
                guard event.y >= layout.listTop, event.y < layout.listTop + layout.listRows,
                    index < state.list.visibleCount
                else { return [] }
                var effects = move(to: index, &state)
                if event.kind == .doubleClick { effects += perform(.open, &state) }
                return effects
            }
        case .execution:
            guard var detail = state.detail else { return [] }
            let inDetails = layout.isSideBySide
                ? event.x >= layout.detailsLeft && event.y >= layout.detailsTop
                : event.y >= layout.detailsTop
            let inSteps = !inDetails && event.y > layout.bodyTop && event.y <= layout.bodyTop + layout.stepRows
                && event.x < layout.stepsWidth
            switch event.kind {
            case .wheelUp, .wheelDown:
                let delta = event.kind == .wheelUp ? -wheelRows : wheelRows
                if inDetails { return scrollDetails(by: delta, &state) }
                guard inSteps else { return [] }
                detail.focus = .steps
                state.detail = detail
                return move(to: detail.selectedStep + delta, &state)
            case .click, .doubleClick:
                if inDetails {
                    state.detail?.focus = .details
                    return []
                }
                let index = detail.stepScroll.offset + event.y - layout.bodyTop - 1
                guard inSteps, index < detail.steps.count else { return [] }
                detail.focus = .steps
                state.detail = detail
                return move(to: index, &state)
            }
        }
    }
}
