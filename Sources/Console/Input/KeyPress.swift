/// A key as the console sees it, whatever terminal sent it. The terminal backend translates curses key codes
/// and escape sequences into these; tests build them directly.
public enum KeyPress: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, lower-cased: Ctrl-L is `.control("l")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
}
