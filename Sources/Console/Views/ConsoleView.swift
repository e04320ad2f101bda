/// Draws the whole screen for a state into a cell buffer. Deterministic: the same state gives the same cells,
/// so the event loop redraws only when the buffer changed.
public enum ConsoleView {
    public static func render(_ state: ConsoleState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let layout = state.layout
        if layout.isTooSmall {
            drawTooSmall(state, into: &buffer)
            return buffer
        }
        ChromeView.drawHeader(state, into: &buffer)
        ChromeView.drawBreadcrumb(state, into: &buffer)
        switch state.screen {
        case .executions: ExecutionsView.draw(state, into: &buffer)
        case .execution: ExecutionView.draw(state, into: &buffer)
        }
        switch state.overlay {
        case .help(let scroll)?: HelpView.draw(state, scroll: scroll, into: &buffer)
        case .pick(let picker)?: TargetPickerView.draw(picker, state: state, into: &buffer)
        case .signal(let form)?: FormViews.drawSignal(form, state: state, into: &buffer)
        case .stop(let form)?: FormViews.drawStop(form, state: state, into: &buffer)
        case .start(let form)?: FormViews.drawStart(form, state: state, into: &buffer)
        case .commandOutput(let view)?: CommandOutputViewDrawing.draw(view, state: state, into: &buffer)
        case nil: break
        }
        ChromeView.drawStatusLine(state, into: &buffer)
        ChromeView.drawFooter(state, into: &buffer)
        return buffer
    }

    private static func drawTooSmall(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let lines = [
            "Terminal too small: \(state.width)x\(state.height), need at least \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight)",
            "Enlarge the window, or press \(ActionTable.tooSmall.bindings.map(\.label).joined(separator: "/")) to quit.",
        ]
        for (index, line) in lines.enumerated() {
            let wrapped = TextWrap.wrap(line, width: max(1, state.width))
            let y = state.height / 2 - 1 + index * wrapped.count
            for (row, text) in wrapped.enumerated() {
                buffer.write(text, x: max(0, (state.width - DisplayWidth.of(text)) / 2), y: y + row, style: CellStyle(color: .warning, bold: index == 0))
            }
        }
    }
}
