#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--color`: on, off, or auto (colour only when stdout is a terminal), as the AWS CLI takes it.
public enum TableColor: String, Sendable, CaseIterable {
    case on, off, auto
}

/// What the table is laid out for: the terminal's width and whether it is coloured.
public struct TableTerminal: Sendable, Equatable {
    public var width: Int
    public var colorized: Bool
    /// colorama, once the colouring styler starts it, writes one more reset when the AWS CLI exits, but only
    /// to a terminal (it strips escapes it writes itself to a pipe): colour on a terminal ends with it.
    public var resetsAtExit: Bool

    public init(width: Int = 80, colorized: Bool = false, resetsAtExit: Bool = false) {
        self.width = width
        self.colorized = colorized
        self.resetsAtExit = resetsAtExit
    }

    /// Standard output as the AWS CLI sees it: the window width the terminal reports (80 when stdout is not
    /// a terminal, awscli's default), colour for `--color on`, or for `auto` when stdout is a terminal.
    public static func standardOutput(color: TableColor) -> TableTerminal {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        let colorized = color == .on || (color == .auto && isTerminal)
        return TableTerminal(width: windowWidth() ?? 80, colorized: colorized, resetsAtExit: colorized && isTerminal)
    }

    /// TIOCGWINSZ on stdout, as awscli's `determine_terminal_width` asks; a terminal that reports 0 columns
    /// gets 0, as there.
    private static func windowWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return Int(size.ws_col)
    }
}
