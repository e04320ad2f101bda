/// Keys by name, as the config file writes them: a character as itself (`a`, `A`, `/`), `space`, `ctrl-x`,
/// `f5`, and the named keys (`enter`, `esc`, `tab`, `shift-tab`, `backspace`, `delete`, `up`, `down`, `left`,
/// `right`, `pgup`, `pgdn`, `home`, `end`).
public enum KeyName {
    private static let named: [(name: String, key: KeyPress)] = [
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("shift-tab", .backTab), ("backspace", .backspace),
        ("delete", .delete), ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("pgup", .pageUp),
        ("pgdn", .pageDown), ("home", .home), ("end", .end), ("space", .character(" ")),
    ]

    /// Every name `key(named:)` takes, for error messages.
    public static let help =
        "a single character (a, A, /), space, ctrl-LETTER, f1 to f12, or one of "
        + named.filter { $0.name != "space" }.map(\.name).joined(separator: ", ")

    /// The key a name stands for; nil when the name is none of those `help` lists.
    public static func key(named name: String) -> KeyPress? {
        if name.count == 1, let character = name.first, !character.isWhitespace, !character.isNewline {
            return .character(character)
        }
        let lower = name.lowercased()
        if let entry = named.first(where: { $0.name == lower }) { return entry.key }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let letter = lower.last, letter.isASCII, letter.isLetter {
            return .control(letter)
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number), lower.count <= 3 {
            return .function(number)
        }
        return nil
    }

    /// The name the config file writes for `key`.
    public static func name(of key: KeyPress) -> String {
        if let entry = named.first(where: { $0.key == key }) { return entry.name }
        switch key {
        case .character(let character): return String(character)
        case .control(let letter): return "ctrl-\(letter)"
        case .function(let number): return "f\(number)"
        default: return "\(key)"
        }
    }

    /// The key as help and the hints write it: "↑", "PgDn", "Enter", "^X".
    public static func label(of key: KeyPress) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "^" + letter.uppercased()
        case .function(let number): return "F\(number)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        }
    }
}
