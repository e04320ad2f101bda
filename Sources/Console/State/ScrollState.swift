/// How far a list or pane is scrolled: its first row on screen. The executions list, the steps table, the
/// details pane and help each keep one.
public struct ScrollState: Sendable, Hashable {
    public var offset: Int

    public init(offset: Int = 0) {
        self.offset = offset
    }

    /// Keeps `selection` (a list's selected row) on screen, then the offset within the content, so no rows go
    /// empty below the last one, e.g. after a resize.
    public mutating func clamp(rowCount: Int, visibleRows: Int, selection: Int? = nil) {
        if let selection {
            if selection < offset { offset = selection }
            if selection >= offset + visibleRows { offset = selection - visibleRows + 1 }
        }
        offset = max(0, min(offset, max(0, rowCount - visibleRows)))
    }
}
