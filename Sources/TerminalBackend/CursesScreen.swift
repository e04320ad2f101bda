import CNcurses
import Console
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal through ncursesw. Create, use and restore it on one thread: curses is not thread-safe.
public final class CursesScreen: TerminalScreen {
    /// Whether the locale's character set is UTF-8; otherwise views use ASCII glyphs and anything else
    /// drawn becomes `?`.
    public let isUTF8: Bool
    public let colorDepth: ColorDepth
    public let skin: Skin
    /// Inside tmux, the clipboard sequence also goes through tmux's passthrough.
    private let insideTmux: Bool
    private let window: UnsafeMutablePointer<WINDOW>
    private var lastDrawn: CellBuffer?
    private var sizeChanged = false
    private var restored = false
    private var terminalGone = false
    /// Whether the console has set the terminal's title, which `restore` then clears.
    private var titleSet = false
    private let crashTest: CrashTest?

    /// Starts curses on the terminal. Call only when stdin and stdout are terminals.
    /// - Parameters:
    ///   - noColor: `--no-color`; NO_COLOR in `environment` has the same effect.
    ///   - skin: the colours per role; NO_COLOR and `noColor` win over it.
    ///   - mouse: take mouse events; off leaves the mouse to the terminal (selecting text, tmux).
    public init(
        noColor: Bool, skin: Skin = Skin(), mouse: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.skin = skin
        insideTmux = ClipboardSequence.isInsideTmux(environment)
        isUTF8 = cn_use_environment_locale() != 0
        guard cn_start_screen() != nil, let window = cn_stdscr() else {
            throw TerminalError(
                "curses could not start on this terminal (TERM=\(environment["TERM"] ?? "unset")). Set TERM to a terminal type your system knows, such as xterm-256color.")
        }
        guard cn_can_address_cursor() != 0 else {
            endwin()
            throw TerminalError(
                "this terminal (TERM=\(environment["TERM"] ?? "unset")) cannot move the cursor, so the console cannot draw on it. Use a terminal such as xterm-256color, or the subcommands (ssm-console describe-automation-executions) in scripts.")
        }
        self.window = window
        crashTest = environment[CrashTest.variable].flatMap(CrashTest.init(rawValue:))
        // Esc alone must not wait the default second to be told apart from an escape sequence; ESCDELAY in the
        // environment still wins, as curses users expect.
        if environment["ESCDELAY"] == nil { cn_set_escape_delay(25) }
        cn_restore_terminal_on_crash()
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        nodelay(window, true)
        curs_set(0)
        // Off unless asked for: then the terminal (and tmux) keep the mouse for selecting text.
        if mouse { _ = cn_enable_mouse() }
        var depth = ColorDepth.none
        // COLORS is only known once start_color has run, and start_color must not run when colour is refused.
        if ColorDepth.mayUseColor(noColorFlag: noColor, environment: environment, hasColors: has_colors()) {
            start_color()
            use_default_colors()
            depth = ColorDepth.detect(
                noColorFlag: noColor, environment: environment, hasColors: true, colors: Int(cn_colors()))
            for role in ColorRole.allCases {
                guard let pair = ColorPalette.colors(for: role, depth: depth, skin: skin) else { continue }
                init_pair(ColorPalette.pairNumber(for: role), pair.foreground, pair.background)
            }
        }
        colorDepth = depth
    }

    deinit { restore() }

    public var width: Int { Int(cn_cols()) }
    public var height: Int { Int(cn_lines()) }

    public func draw(_ buffer: CellBuffer) {
        let previous = (lastDrawn?.width == buffer.width && lastDrawn?.height == buffer.height && !sizeChanged) ? lastDrawn : nil
        if previous == nil, lastDrawn != nil {
            // After a resize the terminal's contents are unknown: have curses repaint everything once.
            clearok(window, true)
        }
        sizeChanged = false
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if let previous, previous[x, y] == cell { continue }
                if cell.isContinuation && isUTF8 {
                    // The wide character before it draws both columns; redraw it if only this half changed.
                    if x > 0, let previous, previous[x - 1, y] == buffer[x - 1, y] { put(buffer[x - 1, y], x: x - 1, y: y) }
                    continue
                }
                put(cell, x: x, y: y)
            }
        }
        wnoutrefresh(window)
        doupdate()
        lastDrawn = buffer
        if let crashTest { crashTest.crash() }
    }

    public func waitForInput(orWake wakeDescriptor: Int32, timeout: Duration) {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        // EINTR (SIGWINCH, a termination signal) simply returns early: the loop reads whatever is there.
        if poll(&descriptors, nfds_t(descriptors.count), Int32(clamping: max(0, milliseconds))) > 0,
            descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        {
            // Otherwise poll would return at once forever, spinning the loop.
            terminalGone = true
        }
    }

    public func readInput() -> [TerminalInput] {
        if terminalGone { return [.hangup] }
        var reads: [KeyTranslation.Read] = []
        var inputs: [TerminalInput] = []
        while true {
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            if status == cn_err() { break }
            if status == cn_key_code_yes() {
                if Int32(character) == KeyTranslation.Code.mouse {
                    inputs += KeyTranslation.keys(for: reads).map(TerminalInput.key)
                    reads.removeAll()
                    var kind: Int32 = 0, x: Int32 = 0, y: Int32 = 0
                    if cn_read_mouse(&kind, &x, &y) != cn_err(), let event = KeyTranslation.mouse(kind: kind, x: x, y: y) {
                        inputs.append(.mouse(event))
                    }
                } else if Int32(character) == KeyTranslation.Code.resize {
                    inputs += KeyTranslation.keys(for: reads).map(TerminalInput.key)
                    reads.removeAll()
                    sizeChanged = true
                    inputs.append(.resize(width: width, height: height))
                } else {
                    reads.append(.functionKey(Int32(character)))
                }
            } else {
                reads.append(.character(UInt32(character)))
            }
        }
        return inputs + KeyTranslation.keys(for: reads).map(TerminalInput.key)
    }

    public func repaint() {
        lastDrawn = nil
        clearok(window, true)
    }

    public func ringBell() {
        beep()
    }

    /// Written straight to the terminal between frames: every frame ends with doupdate, which flushes curses'
    /// output, and the sequence neither moves the cursor nor changes what curses believes is on screen.
    public func setTitle(_ title: String) {
        guard !restored else { return }
        if !titleSet { writeToTerminal(TerminalTitle.save) }
        titleSet = true
        writeToTerminal(TerminalTitle.set(title))
    }

    /// Written between frames, as the title is.
    public func copyToClipboard(_ text: String) {
        guard !restored else { return }
        writeToTerminal(ClipboardSequence.bytes(for: text, insideTmux: insideTmux))
    }

    public func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
        if titleSet { writeToTerminal(TerminalTitle.restore) }
    }

    private func writeToTerminal(_ bytes: [UInt8]) {
        guard !terminalGone else { return }
        TerminalOutput.writeAll(bytes, to: STDOUT_FILENO)
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        let appearance = ColorPalette.appearance(of: cell.style, depth: colorDepth, skin: skin)
        var attributes = cn_a_normal()
        if appearance.bold { attributes |= cn_a_bold() }
        if appearance.reverse { attributes |= cn_a_reverse() }
        if appearance.underline { attributes |= cn_a_underline() }
        if appearance.dim { attributes |= cn_a_dim() }
        let pair = appearance.colors == nil ? 0 : ColorPalette.pairNumber(for: cell.style.color)
        var scalars = CellOutput.scalars(for: cell, isUTF8: isUTF8).map { wchar_t(bitPattern: $0) }
        // The bottom-right cell reports ERR (the cursor cannot move past it) but is drawn all the same.
        _ = cn_put_cell(window, Int32(y), Int32(x), &scalars, Int32(scalars.count), attributes, pair)
    }
}

/// The terminal cannot be used for the console.
public struct TerminalError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
