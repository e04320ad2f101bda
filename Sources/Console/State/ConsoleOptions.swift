import Foundation

/// The characters views draw frames and markers with: Unicode, or ASCII for terminals without UTF-8.
public enum GlyphSet: Sendable, Hashable {
    case unicode, ascii

    var waitingMark: String { self == .unicode ? "●" : "*" }
    /// Marks an execution waiting on you: an approval you may answer and have not.
    var waitingOnYouMark: String { self == .unicode ? "◆" : "!" }
    var selectionMark: String { self == .unicode ? "▶" : ">" }
    var ellipsis: String { self == .unicode ? "…" : "~" }
    var vertical: String { self == .unicode ? "│" : "|" }
    var horizontal: String { self == .unicode ? "─" : "-" }
    var corner: (topLeft: String, topRight: String, bottomLeft: String, bottomRight: String) {
        self == .unicode ? ("┌", "┐", "└", "┘") : ("+", "+", "+", "+")
    }
    var separator: String { self == .unicode ? "·" : "-" }
    var breadcrumb: String { self == .unicode ? "›" : ">" }
    var more: String { self == .unicode ? "↓" : "v" }
    /// A parent row whose children are hidden, one that lists them, and a child listed under its parent.
    var collapsed: String { self == .unicode ? "▸" : "+" }
    var expanded: String { self == .unicode ? "▾" : "-" }
    var child: String { self == .unicode ? "└" : "`" }
    /// Children that failed or timed out, on a parent's progress.
    var failedMark: String { self == .unicode ? "✗" : "x" }
}

/// How the operator started the console.
public struct ConsoleOptions: Sendable, Hashable {
    /// Auto-refresh never runs more often than this, whatever `--refresh` says: the SSM quotas are 3 TPS.
    public static let minimumRefresh: Duration = .seconds(2)
    public static let defaultRefresh: Duration = .seconds(5)

    /// Signals, start and stop are gone from keys, help and footer.
    public var readOnly: Bool
    /// How often the list (and the open execution) is refreshed; never below `minimumRefresh`.
    public var refreshInterval: Duration {
        didSet { refreshInterval = max(refreshInterval, Self.minimumRefresh) }
    }
    public var glyphs: GlyphSet
    /// Executions per DescribeAutomationExecutions page.
    public var pageSize: Int
    /// Ring the terminal bell when an approval you may answer starts waiting (`--no-bell` turns it off).
    public var bell: Bool
    /// Put the count of approvals waiting on you in the terminal title (`--no-title` turns it off).
    public var title: Bool
    /// The operator's keys in place of the tables' defaults (the config file's `keys`).
    public var keys: KeyMap
    /// Copy keys send the text to the terminal's clipboard with OSC 52 (the config file's `clipboard`).
    public var clipboard: Bool

    public init(
        readOnly: Bool = false, refreshInterval: Duration = ConsoleOptions.defaultRefresh, glyphs: GlyphSet = .unicode,
        pageSize: Int = 50, bell: Bool = true, title: Bool = true, keys: KeyMap = KeyMap(), clipboard: Bool = true
    ) {
        self.keys = keys
        self.clipboard = clipboard
        self.bell = bell
        self.title = title
        self.readOnly = readOnly
        self.refreshInterval = max(refreshInterval, Self.minimumRefresh)
        self.glyphs = glyphs
        self.pageSize = min(50, max(1, pageSize))
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
