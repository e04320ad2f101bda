import CNcurses
import Console

/// Turns what curses reads (function-key codes and characters) into the console's keys. Pure, so the tables
/// are tested without a terminal.
public enum KeyTranslation {
    /// What `wget_wch` returned: a character, or a KEY_* code.
    public enum Read: Sendable, Hashable {
        case character(UInt32)
        case functionKey(Int32)
    }

    /// The KEY_* codes curses reports, by name.
    public enum Code {
        public static let up = cn_key_up()
        public static let down = cn_key_down()
        public static let left = cn_key_left()
        public static let right = cn_key_right()
        public static let home = cn_key_home()
        public static let end = cn_key_end()
        public static let pageUp = cn_key_ppage()
        public static let pageDown = cn_key_npage()
        public static let enter = cn_key_enter()
        public static let backspace = cn_key_backspace()
        public static let delete = cn_key_dc()
        public static let backTab = cn_key_btab()
        public static let resize = cn_key_resize()
        public static let f0 = cn_key_f0()
        public static let mouse = cn_key_mouse()
    }

    /// What `cn_read_mouse` reports as a console mouse event; nil for the events the console does not use.
    public static func mouse(kind: Int32, x: Int32, y: Int32) -> MouseEvent? {
        switch kind {
        case 1: return MouseEvent(.wheelUp, x: Int(x), y: Int(y))
        case 2: return MouseEvent(.wheelDown, x: Int(x), y: Int(y))
        case 3: return MouseEvent(.click, x: Int(x), y: Int(y))
        case 4: return MouseEvent(.doubleClick, x: Int(x), y: Int(y))
        default: return nil
        }
    }

    /// A KEY_* code as a key; nil for KEY_RESIZE (the caller reads the new size) and codes the console ignores.
    public static func key(forCode code: Int32) -> KeyPress? {
        switch code {
        case Code.up: return .up
        case Code.down: return .down
        case Code.left: return .left
        case Code.right: return .right
        case Code.home: return .home
        case Code.end: return .end
        case Code.pageUp: return .pageUp
        case Code.pageDown: return .pageDown
        case Code.enter: return .enter
        case Code.backspace: return .backspace
        case Code.delete: return .delete
        case Code.backTab: return .backTab
        case (Code.f0 + 1)...(Code.f0 + 12): return .function(Int(code - Code.f0))
        default: return nil
        }
    }

    /// A character as a key: Enter, Tab, Backspace, Esc and Ctrl-letters by name; anything printable as itself.
    public static func key(forCharacter value: UInt32) -> KeyPress? {
        switch value {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// Everything read in one go, in order. Escape sequences curses did not decode itself (terminfo that does
    /// not match the terminal, keys with modifiers) are decoded here; a lone Esc stays Esc.
    public static func keys(for reads: [Read]) -> [KeyPress] {
        var keys: [KeyPress] = []
        var index = 0
        while index < reads.count {
            switch reads[index] {
            case .functionKey(let code):
                if let key = key(forCode: code) { keys.append(key) }
                index += 1
            case .character(27):
                var following: [UInt32] = []
                for read in reads[(index + 1)...] {
                    guard case .character(let value) = read else { break }
                    following.append(value)
                }
                let (key, consumed) = EscapeSequence.parse(following)
                keys.append(key)
                index += 1 + consumed
            case .character(let value):
                if let key = key(forCharacter: value) { keys.append(key) }
                index += 1
            }
        }
        return keys
    }
}
