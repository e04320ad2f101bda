/// The rows of a list taller than its room to show: the focused item whole when it fits, as near the middle as
/// the ends allow, with a marker row taking the place of the first or last row when rows are hidden there.
struct ScrollWindow: Equatable {
    /// The list rows shown, between the markers.
    var rows: Range<Int>
    var markerAbove: Bool
    var markerBelow: Bool

    /// `total` list rows on `room` screen rows; `focus` is the rows of the focused item.
    init(total: Int, focus: Range<Int>, room: Int) {
        let room = max(0, room)
        guard total > room else {
            self.init(rows: 0..<total, markerAbove: false, markerBelow: false)
            return
        }
        // Too short for markers: the focused row's own line matters more than saying what is hidden.
        guard room >= 3 else {
            let start = max(0, min(focus.lowerBound, total - room))
            self.init(rows: start..<(start + room), markerAbove: false, markerBelow: false)
            return
        }
        func shown(from start: Int) -> Range<Int> {
            let space = room - (start > 0 ? 1 : 0)
            return start + space >= total ? start..<total : start..<(start + space - 1)
        }
        let ideal = focus.lowerBound - max(0, room - 2 - focus.count) / 2
        // Starting later than this would leave empty rows under the list's end.
        let last = max(0, min(focus.lowerBound, total - room + 1))
        let fitting = (0...last).filter { shown(from: $0).lowerBound <= focus.lowerBound && shown(from: $0).upperBound >= focus.upperBound }
        // An item taller than the room shows from its first row.
        let start = fitting.min { abs($0 - ideal) < abs($1 - ideal) } ?? min(focus.lowerBound, last)
        let rows = shown(from: start)
        self.init(rows: rows, markerAbove: rows.lowerBound > 0, markerBelow: rows.upperBound < total)
    }

    init(rows: Range<Int>, markerAbove: Bool, markerBelow: Bool) {
        self.rows = rows
        self.markerAbove = markerAbove
        self.markerBelow = markerBelow
    }
}

extension GlyphSet {
    /// Marks rows hidden above, as `more` marks rows hidden below.
    var moreAbove: String { self == .unicode ? "↑" : "^" }
}
