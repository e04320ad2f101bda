/// Where things go on a screen of a given size. The update uses it for paging; the views for drawing.
public struct ScreenLayout: Sendable, Hashable {
    /// Below this the console shows only a message asking for a bigger terminal.
    public static let minimumWidth = 60
    public static let minimumHeight = 15
    /// Lines of the execution summary above the steps.
    static let summaryLines = 3
    /// At this width the steps and the details pane sit side by side.
    static let sideBySideWidth = 120

    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Executions view: header, breadcrumb and column titles above; status line and footer below.
    public var listTop: Int { 3 }
    public var listRows: Int { max(1, height - 5) }

    /// Execution view: the steps and the details pane below the summary.
    var bodyTop: Int { 2 + Self.summaryLines }
    var bodyHeight: Int { max(4, height - bodyTop - 2) }
    var isSideBySide: Bool { width >= Self.sideBySideWidth }
    var stepsWidth: Int { isSideBySide ? min(80, width / 2) : width }
    /// Rows of the step list, below its title row.
    var stepRows: Int { isSideBySide ? bodyHeight - 1 : max(3, bodyHeight / 2 - 1) }
    var detailsTop: Int { isSideBySide ? bodyTop : bodyTop + stepRows + 1 }
    var detailsLeft: Int { isSideBySide ? stepsWidth + 1 : 0 }
    var detailsWidth: Int { isSideBySide ? width - stepsWidth - 1 : width }
    /// A parent's view: its targets line, then the children table's title row and rows, the whole width.
    var childrenTop: Int { bodyTop + 1 }
    var childRows: Int { max(1, height - 2 - childrenTop - 1) }
    /// Rows of the details pane, below its title row.
    var detailRows: Int { max(1, height - 2 - detailsTop - 1) }
    /// Columns the details pane's text wraps at, leaving one free at its right edge.
    var detailsTextWidth: Int { detailsWidth - 1 }

    /// The most lines a box over the screen (help, a form) holds: it keeps off the header row and the status
    /// line and footer (which are drawn after it, so they would hide its last rows), and its frame takes two rows.
    var overlayRows: Int { max(0, height - 5) }
}

extension ConsoleState {
    public var layout: ScreenLayout { ScreenLayout(width: width, height: height) }
}
