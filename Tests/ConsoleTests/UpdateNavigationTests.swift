import AutomationModel
import Foundation
import Testing

@testable import Console

/// Moving, opening, going back, filtering, the command line, help and quitting.
@Suite("Update: navigation keys")
struct UpdateNavigationTests {
    private var ordered: [String] { Fixtures.state().list.visibleRows.map(\.automationExecutionId) }

    @Test func rowsAreNewestFirst() {
        let state = Fixtures.state()
        let starts = state.list.visibleRows.compactMap(\.executionStartTime)
        #expect(starts == starts.sorted(by: >))
        #expect(state.list.selectedId == Fixtures.id(2))
    }

    @Test(arguments: [KeyPress.character("j"), .down])
    func downMovesTheSelection(_ key: KeyPress) {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, .key(key)).isEmpty)
        #expect(state.list.selectedId == ordered[1])
    }

    @Test(arguments: [KeyPress.character("k"), .up])
    func upMovesTheSelectionAndStopsAtTheTop(_ key: KeyPress) {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("j"))
        _ = ConsoleUpdate.update(&state, .key(key))
        #expect(state.list.selectedId == ordered[0])
        _ = ConsoleUpdate.update(&state, .key(key))
        #expect(state.list.selectedId == ordered[0])
    }

    @Test(arguments: [(KeyPress.character("G"), KeyPress.character("g")), (.end, .home)])
    func lastAndFirst(_ keys: (KeyPress, KeyPress)) {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .key(keys.0))
        #expect(state.list.selectedId == ordered.last)
        _ = ConsoleUpdate.update(&state, .key(keys.1))
        #expect(state.list.selectedId == ordered.first)
    }

    @Test func pagesMoveByAScreen() {
        let rows = (1...60).map { Fixtures.row($0, document: "Doc\($0)", status: .success, startedAgo: TimeInterval($0 * 60)) }
        var state = Fixtures.state(rows: rows)
        _ = ConsoleUpdate.update(&state, .key(.pageDown))
        #expect(state.list.selectedIndex == state.layout.listRows - 1)
        #expect(state.list.scroll.offset == 0)
        _ = ConsoleUpdate.update(&state, .key(.pageDown))
        #expect(state.list.selectedIndex == 2 * (state.layout.listRows - 1))
        #expect(state.list.scroll.offset == state.list.selectedIndex - state.layout.listRows + 1)
        _ = ConsoleUpdate.update(&state, .key(.pageUp))
        _ = ConsoleUpdate.update(&state, .key(.pageUp))
        #expect(state.list.selectedIndex == 0)
        #expect(state.list.scroll.offset == 0)
    }

    @Test func enterOpensTheExecutionAndLoadsItEscGoesBack() {
        var state = Fixtures.state()
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        #expect(state.screen == .execution)
        #expect(effects == [.request(.loadExecution(id: Fixtures.id(2)))])
        _ = ConsoleUpdate.update(&state, .key(.escape))
        #expect(state.screen == .executions)
        #expect(state.detail == nil)
    }

    @Test func qQuitsFromTheListButNotFromTheExecutionView() {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, Fixtures.key("q")) == [.quit])
        var open = Fixtures.executionState(Fixtures.approvalExecution)
        #expect(ConsoleUpdate.update(&open, Fixtures.key("q")).isEmpty)
    }

    @Test func tabSwitchesPanesAndJKScrollTheDetails() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        #expect(state.detail?.selectedStep == 1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("J"))
        #expect(state.detail?.detailScroll.offset == 1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("K"))
        #expect(state.detail?.detailScroll.offset == 0)
        _ = ConsoleUpdate.update(&state, .key(.tab))
        #expect(state.detail?.focus == .details)
        _ = ConsoleUpdate.update(&state, Fixtures.key("j"))
        _ = ConsoleUpdate.update(&state, .key(.pageDown))
        #expect(state.detail?.detailScroll.offset ?? 0 > 1)
        #expect(state.detail?.selectedStep == 1)
        _ = ConsoleUpdate.update(&state, .key(.tab))
        _ = ConsoleUpdate.update(&state, Fixtures.key("k"))
        #expect(state.detail?.selectedStep == 0)
        #expect(state.detail?.detailScroll.offset == 0)
    }

    @Test func detailScrollStopsAtTheEnd() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        for _ in 0..<200 { _ = ConsoleUpdate.update(&state, Fixtures.key("J")) }
        let lines = DetailsContent.lines(state.detail!, width: state.layout.detailsWidth - 1, now: state.now).count
        #expect(state.detail?.detailScroll.offset == lines - state.layout.detailRows)
    }

    @Test func filterAppliesAsYouTypeEnterKeepsItEscClearsIt() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
        Fixtures.type("pause", into: &state)
        #expect(state.list.visibleRows.map(\.automationExecutionId) == [Fixtures.id(6)])
        _ = ConsoleUpdate.update(&state, .key(.backspace))
        #expect(state.list.filter == "paus")
        _ = ConsoleUpdate.update(&state, .key(.enter))
        #expect(state.input == nil)
        #expect(state.list.filter == "paus")
        _ = ConsoleUpdate.update(&state, .key(.escape))
        #expect(state.list.filter.isEmpty)
        #expect(state.list.visibleRows.count == Fixtures.rows.count)
    }

    @Test func escWhileTypingAFilterClearsIt() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
        Fixtures.type("x", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.escape))
        #expect(state.input == nil)
        #expect(state.list.filter.isEmpty)
    }

    @Test func helpOpensScrollsAndCloses() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("?"))
        #expect(state.overlay == .help(scroll: ScrollState(offset: 0)))
        _ = ConsoleUpdate.update(&state, Fixtures.key("j"))
        #expect(state.overlay == .help(scroll: ScrollState(offset: 1)))
        // Keys do not reach the list while help is open.
        #expect(ConsoleUpdate.update(&state, Fixtures.key("q")).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test func helpScrollStopsAtItsLastLine() {
        var state = Fixtures.state(width: 60, height: 15)
        _ = ConsoleUpdate.update(&state, Fixtures.key("?"))
        let end = HelpView.maximumScroll(state)
        #expect(end > 0)
        for _ in 0..<10 { _ = ConsoleUpdate.update(&state, .key(.pageDown)) }
        for _ in 0..<10 { _ = ConsoleUpdate.update(&state, Fixtures.key("j")) }
        #expect(state.overlay == .help(scroll: ScrollState(offset: end)))
        // One step back up moves at once.
        _ = ConsoleUpdate.update(&state, Fixtures.key("k"))
        #expect(state.overlay == .help(scroll: ScrollState(offset: end - 1)))
        // When everything fits, there is nothing to scroll.
        var tall = Fixtures.state(width: 100, height: 60)
        _ = ConsoleUpdate.update(&tall, Fixtures.key("?"))
        _ = ConsoleUpdate.update(&tall, Fixtures.key("j"))
        #expect(tall.overlay == .help(scroll: ScrollState(offset: 0)))
    }

    @Test func helpListsEveryBoundKeyFromTheTable() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("?"))
        let help = HelpView.lines(state).map(\.0).joined(separator: "\n")
        for action in ActionTable.available(in: state) { #expect(help.contains(action.title)) }
    }

    @Test func everyTableKeyIsHandledInItsView() {
        // Each action's keys do something (or say why not) in at least one view.
        for action in ActionTable.all {
            let inList = !action.contexts.contains(.execution)
            var state = inList ? Fixtures.state() : Fixtures.executionState(Fixtures.approvalExecution)
            // Scrolling up needs somewhere to scroll up from.
            if action.id == .scrollDetailsUp { _ = ConsoleUpdate.update(&state, Fixtures.key("J")) }
            let before = (state.list, state.detail, state.overlay, state.input, state.flash)
            let effects = ConsoleUpdate.update(&state, .key(action.keys[0]))
            let after = (state.list, state.detail, state.overlay, state.input, state.flash)
            let changed = before.0 != after.0 || before.1 != after.1 || before.2 != after.2 || before.3 != after.3
                || before.4 != after.4 || state.screen != (inList ? .executions : .execution)
            #expect(changed || !effects.isEmpty, "\(action.id) did nothing")
        }
    }

    @Test func resizeKeepsTheSelectionOnScreen() {
        let rows = (1...60).map { Fixtures.row($0, document: "Doc\($0)", status: .success, startedAgo: TimeInterval($0 * 60)) }
        var state = Fixtures.state(rows: rows)
        for _ in 0..<15 { _ = ConsoleUpdate.update(&state, Fixtures.key("j")) }
        #expect(ConsoleUpdate.update(&state, .resize(width: 70, height: 16)).isEmpty)
        #expect(state.width == 70)
        #expect(state.list.selectedIndex >= state.list.scroll.offset)
        #expect(state.list.selectedIndex < state.list.scroll.offset + state.layout.listRows)
    }

    @Test func tooSmallScreenOnlyQuits() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .resize(width: 40, height: 10))
        #expect(ConsoleUpdate.update(&state, Fixtures.key("a")).isEmpty)
        #expect(state.overlay == nil)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("q")) == [.quit])
    }
}
