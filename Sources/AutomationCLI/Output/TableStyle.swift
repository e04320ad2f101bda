/// The AWS CLI's table colours (awscli/table.py `Styler` and `ColorizedStyler`): none, or cells in bright blue
/// and nested-section borders in dim yellow, written through colorama with autoreset on.
struct TableStyle: Sendable, Equatable {
    let colorized: Bool

    static let plain = TableStyle(colorized: false)
    static let colored = TableStyle(colorized: true)

    static let reset = "\u{1B}[0m"
    private static let bright = "\u{1B}[1m"
    private static let dim = "\u{1B}[2m"
    private static let blue = "\u{1B}[34m"
    private static let yellow = "\u{1B}[33m"

    /// colorama's autoreset (a reset after every write) is on exactly when the colouring styler is in use.
    var autoreset: Bool { colorized }

    // awscli dropped the bold and underline it once gave titles and column headers; both print as they are.
    func title(_ text: String) -> String { text }
    func headerColumn(_ text: String) -> String { text }

    func rowElement(_ text: String) -> String {
        colorized ? Self.bright + Self.blue + text + Self.reset : text
    }

    func indentation(_ text: String) -> String {
        colorized ? Self.dim + Self.yellow + text + Self.reset : text
    }
}
