import AutomationModel
import Foundation
import Testing

@testable import Console

/// The mouse (when turned on): the wheel scrolls the pane under it, a click selects a row, a double click opens it.
@Suite("Update: mouse")
struct UpdateMouseTests {
    @Test func clickSelectsTheRowUnderThePointer() {
        var state = Fixtures.state()
        let top = state.layout.listTop
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.click, x: 10, y: top + 2)))
        #expect(state.list.selectedId == state.list.visibleRow(at: 2).automationExecutionId)
        #expect(state.screen == .executions)
        // Below the last row, and on the header, nothing changes.
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.click, x: 10, y: top + Fixtures.rows.count + 1)))
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.click, x: 10, y: 0)))
        #expect(state.list.selectedId == state.list.visibleRow(at: 2).automationExecutionId)
    }

    @Test func doubleClickOpensTheRow() {
        var state = Fixtures.state()
        let effects = ConsoleUpdate.update(&state, .mouse(MouseEvent(.doubleClick, x: 10, y: state.layout.listTop + 1)))
        #expect(state.screen == .execution)
        #expect(state.detail?.id == state.list.visibleRow(at: 1).automationExecutionId)
        #expect(effects.contains(.request(.loadExecution(id: state.list.visibleRow(at: 1).automationExecutionId))))
    }

    @Test func wheelMovesTheListSelection() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.wheelDown, x: 10, y: 5)))
        #expect(state.list.selectedIndex == ConsoleUpdate.wheelRows)
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.wheelUp, x: 10, y: 5)))
        #expect(state.list.selectedIndex == 0)
    }

    @Test func wheelScrollsThePaneUnderThePointerInTheExecutionView() {
        var state = Fixtures.executionState(Fixtures.approvalExecution, width: 80, height: 24)
        let layout = state.layout
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.wheelDown, x: 5, y: layout.bodyTop + 1)))
        #expect(state.detail?.selectedStep == min(ConsoleUpdate.wheelRows, (state.detail?.steps.count ?? 1) - 1))
        #expect(state.detail?.detailScroll.offset == 0)
        let before = state.detail?.selectedStep
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.wheelDown, x: 5, y: layout.detailsTop + 1)))
        #expect(state.detail?.selectedStep == before, "the details pane scrolls, not the steps")
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.click, x: 5, y: layout.bodyTop + 1)))
        #expect(state.detail?.selectedStep == 0 && state.detail?.focus == .steps)
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.click, x: 5, y: layout.detailsTop + 1)))
        #expect(state.detail?.focus == .details)
    }

    @Test func theMouseDoesNothingOverAFormHelpOrALine() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("?"))
        let help = state
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.doubleClick, x: 10, y: state.layout.listTop + 1)))
        #expect(state == help)
        state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
        let typing = state
        _ = ConsoleUpdate.update(&state, .mouse(MouseEvent(.wheelDown, x: 10, y: 5)))
        #expect(state == typing)
    }
}
