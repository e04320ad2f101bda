/// The escape sequences that set the terminal's title: OSC 2 (`ESC ] 2 ; text BEL`), which xterm, tmux and
/// most terminals take, with the title saved first and given back on exit where the terminal keeps a title
/// stack (XTWINOPS 22 and 23).
enum TerminalTitle {
    /// Saves the title the terminal had, before the console first sets its own.
    static let save: [UInt8] = Array("\u{1B}[22;2t".utf8)
    /// Clears the console's title, then gives back the saved one where the terminal can.
    static let restore: [UInt8] = set("") + Array("\u{1B}[23;2t".utf8)

    /// `ESC ] 2 ; text BEL`, with control characters (which would end or break the sequence) left out.
    static func set(_ text: String) -> [UInt8] {
        // No control character (one would end the sequence) and no format character (a bidirectional
        // override would reorder the title bar).
        let printable = text.unicodeScalars.filter {
            $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) && $0.properties.generalCategory != .format
                && $0.properties.generalCategory != .lineSeparator && $0.properties.generalCategory != .paragraphSeparator
        }
        var title = ""
        title.unicodeScalars.append(contentsOf: printable)
        return Array("\u{1B}]2;".utf8) + Array(title.utf8) + [0x07]
    }
}
