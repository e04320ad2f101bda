import Testing

@testable import Console

/// One scroll state for the executions list, the steps table, the details pane and help.
@Suite("Scroll state")
struct ScrollStateTests {
    @Test func theSelectionStaysOnScreen() {
        var scroll = ScrollState()
        scroll.clamp(rowCount: 50, visibleRows: 10, selection: 12)
        #expect(scroll.offset == 3)
        scroll.clamp(rowCount: 50, visibleRows: 10, selection: 2)
        #expect(scroll.offset == 2)
    }

    @Test func theOffsetStaysWithinTheContent() {
        var scroll = ScrollState(offset: 45)
        scroll.clamp(rowCount: 50, visibleRows: 10)
        #expect(scroll.offset == 40)
        scroll.offset = -3
        scroll.clamp(rowCount: 50, visibleRows: 10)
        #expect(scroll.offset == 0)
        scroll.offset = 7
        scroll.clamp(rowCount: 5, visibleRows: 10)
        #expect(scroll.offset == 0)
    }
}
