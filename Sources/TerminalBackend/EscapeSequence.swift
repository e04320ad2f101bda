import Console

/// The xterm/VT escape sequences for the keys the console uses: CSI (`ESC [`) and SS3 (`ESC O`) forms, with
/// or without modifier parameters (`ESC [1;5A` is Ctrl-Up, read as Up).
enum EscapeSequence {
    /// Decodes the characters after an Esc. Returns the key and how many of `following` it used; an Esc not
    /// followed by a sequence it knows is Esc alone, and the rest is read as keys of its own.
    static func parse(_ following: [UInt32]) -> (KeyPress, consumed: Int) {
        guard let introducer = following.first, introducer == 0x5B || introducer == 0x4F else { return (.escape, 0) }
        // Parameters (digits and ';'), then one final character.
        var index = 1
        var parameters = ""
        while index < following.count, let scalar = Unicode.Scalar(following[index]),
            ("0"..."9").contains(scalar) || scalar == ";"
        {
            parameters.unicodeScalars.append(scalar)
            index += 1
        }
        guard index < following.count, let final = Unicode.Scalar(following[index]) else { return (.escape, 0) }
        let consumed = index + 1
        let first = Int(parameters.split(separator: ";").first ?? "")
        switch final {
        case "A": return (.up, consumed)
        case "B": return (.down, consumed)
        case "C": return (.right, consumed)
        case "D": return (.left, consumed)
        case "H": return (.home, consumed)
        case "F": return (.end, consumed)
        case "Z": return (.backTab, consumed)
        case "P", "Q", "R", "S":
            // SS3 P..S, or CSI 1;mod P..S: F1 to F4.
            guard introducer == 0x4F || first == 1 else { return (.escape, 0) }
            return (.function(Int(final.value - 0x50) + 1), consumed)
        case "~":
            if let key = tildeKeys[first ?? -1] { return (key, consumed) }
            return (.escape, 0)
        default:
            return (.escape, 0)
        }
    }

    /// `ESC [ n ~` keys.
    private static let tildeKeys: [Int: KeyPress] = [
        1: .home, 7: .home, 4: .end, 8: .end, 3: .delete, 5: .pageUp, 6: .pageDown,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]
}
