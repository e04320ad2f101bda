import Testing

@testable import Console

/// The start form's layout pieces: which parameter rows scroll into view, and how lines that give way are cut.
@Suite("Form layout: scroll window and clipping")
struct ScrollWindowTests {
    @Test func everythingShowsWhenItFits() {
        #expect(ScrollWindow(total: 5, focus: 4..<5, room: 5) == ScrollWindow(rows: 0..<5, markerAbove: false, markerBelow: false))
    }

    @Test func focusAtTheTopKeepsOnlyTheMarkerBelow() {
        #expect(ScrollWindow(total: 20, focus: 0..<1, room: 6) == ScrollWindow(rows: 0..<5, markerAbove: false, markerBelow: true))
    }

    @Test func focusAtTheEndFillsTheRoomBelowTheMarkerAbove() {
        #expect(ScrollWindow(total: 20, focus: 19..<20, room: 6) == ScrollWindow(rows: 15..<20, markerAbove: true, markerBelow: false))
    }

    @Test func focusInTheMiddleIsCentredBetweenBothMarkers() {
        let window = ScrollWindow(total: 30, focus: 14..<16, room: 8)
        #expect(window == ScrollWindow(rows: 12..<18, markerAbove: true, markerBelow: true))
    }

    @Test func theFocusedItemIsWholeWhereverItIs() {
        for room in 3...10 {
            for first in 0..<27 {
                let focus = first..<(first + 3)
                let window = ScrollWindow(total: 30, focus: focus, room: room)
                let used = window.rows.count + (window.markerAbove ? 1 : 0) + (window.markerBelow ? 1 : 0)
                #expect(used == room, "room \(room), focus \(focus)")
                #expect(window.markerAbove == (window.rows.lowerBound > 0))
                #expect(window.markerBelow == (window.rows.upperBound < 30))
                if room >= 5 {
                    #expect(window.rows.lowerBound <= focus.lowerBound && window.rows.upperBound >= focus.upperBound, "room \(room), focus \(focus)")
                } else {
                    #expect(window.rows.contains(focus.lowerBound), "room \(room), focus \(focus)")
                }
            }
        }
    }

    @Test func tooFewRowsForMarkersShowsTheFocusedRow() {
        #expect(ScrollWindow(total: 10, focus: 7..<8, room: 2) == ScrollWindow(rows: 7..<9, markerAbove: false, markerBelow: false))
    }

    @Test func clippedLinesEndInAnEllipsis() {
        let lines: [FormViews.Line] = [("Same as:", .plain), ("aws ssm start-automation-execution", .plain), ("    --document-name X", .plain)]
        #expect(FormViews.clipped(lines, to: 3, width: 20, glyphs: .unicode).map(\.0) == lines.map(\.0))
        #expect(FormViews.clipped(lines, to: 2, width: 20, glyphs: .unicode).map(\.0) == ["Same as:", "aws ssm start-autom…"])
        #expect(FormViews.clipped(lines, to: 1, width: 20, glyphs: .ascii).map(\.0) == ["Same as:~"])
        #expect(FormViews.clipped(lines, to: 0, width: 20, glyphs: .unicode).isEmpty)
    }
}
