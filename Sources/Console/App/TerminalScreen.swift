/// What the terminal sends the console: a key, or its new size.
public enum TerminalInput: Sendable, Hashable {
    case key(KeyPress)
    /// Only when the mouse is turned on.
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The terminal went away (the SSH link dropped) without a SIGHUP reaching the process.
    case hangup
}

/// The terminal as the event loop uses it. Every call comes from the loop's thread, because curses is not
/// thread-safe; tests drive the loop with a fake.
public protocol TerminalScreen: AnyObject {
    /// The terminal's size in cells now.
    var width: Int { get }
    var height: Int { get }
    /// Shows `buffer`, sending the terminal only the cells that differ from the last buffer drawn.
    func draw(_ buffer: CellBuffer)
    /// Blocks until the terminal has input, `wakeDescriptor` is readable, or `timeout` has passed.
    func waitForInput(orWake wakeDescriptor: Int32, timeout: Duration)
    /// Everything the terminal has sent so far, without waiting.
    func readInput() -> [TerminalInput]
    /// Rings the terminal's bell once.
    func ringBell()
    /// Sets the terminal's title (OSC 2), which tmux shows on the window; cleared again by `restore`.
    func setTitle(_ title: String)
    /// Puts `text` on the clipboard of the terminal the operator sits at (OSC 52), through tmux where the
    /// console runs in it.
    func copyToClipboard(_ text: String)
    /// Forgets what the terminal is believed to show, so the next `draw` clears it and sends every cell.
    func repaint()
    /// Gives the terminal back as it was before the console started; safe to call more than once.
    func restore()
}
