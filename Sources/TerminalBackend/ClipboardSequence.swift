import Foundation

/// The escape sequences that put text on the clipboard of the terminal the operator sits at: OSC 52
/// (`ESC ] 52 ; c ; BASE64 BEL`), which reaches it over SSH because it travels with the output. Inside tmux the
/// sequence is sent twice: as it is, which tmux takes into its paste buffer and forwards when `set-clipboard`
/// is on, and wrapped in tmux's passthrough (`ESC P tmux; … ESC \`), which reaches the outer terminal when
/// `allow-passthrough` is on.
enum ClipboardSequence {
    static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }

    /// `sequence` for tmux to pass on: every ESC in it doubled, between `ESC P tmux;` and `ESC \`.
    static func tmuxPassthrough(_ sequence: [UInt8]) -> [UInt8] {
        var bytes = Array("\u{1B}Ptmux;".utf8)
        for byte in sequence {
            if byte == 0x1B { bytes.append(0x1B) }
            bytes.append(byte)
        }
        return bytes + [0x1B, 0x5C]
    }

    /// What to write for `text`: inside tmux (TMUX is set) both forms, else OSC 52 alone.
    static func bytes(for text: String, insideTmux: Bool) -> [UInt8] {
        let sequence = osc52(text)
        return insideTmux ? sequence + tmuxPassthrough(sequence) : sequence
    }

    static func isInsideTmux(_ environment: [String: String]) -> Bool {
        !(environment["TMUX"] ?? "").isEmpty
    }
}
