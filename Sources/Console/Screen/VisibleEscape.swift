/// Text from the service is drawn as it is, except what would act on the terminal instead of being drawn:
/// control characters (ESC would start an escape sequence), bidirectional overrides and isolates (they reorder
/// what follows, even on other rows), other format characters (zero-width, invisible), line and paragraph
/// separators, and combining marks with nothing to combine with. Those are drawn as visible escapes in the
/// notation Swift and JSON readers know (`\t`, `\u{202E}`), each taking as many columns as its escape, so a value
/// can neither garble the screen nor hide what it holds, and columns stay where they are.
enum VisibleEscape {
    /// Printable ASCII (nearly every character drawn) or a plain symbol: drawn as it is, one column wide, with no
    /// Unicode property to look up. (A CR LF pair's asciiValue is LF's, so it is not taken for printable.)
    static func isSimple(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F }
        return isPlainSymbol(character)
    }

    /// A box-drawing, block, arrow or geometric character, or one of the console's other glyphs (the ellipsis,
    /// the middle dot, the angle quote, the ballot X): what the console draws its own marks with (none of them an
    /// emoji or wide), so each row's tree lines, marks and cuts skip the Unicode property lookups.
    static func isPlainSymbol(_ character: Character) -> Bool {
        // One scalar, nothing combined with it.
        guard let first = character.unicodeScalars.first, character.utf8.count == UTF8.width(first) else { return false }
        return isPlainSymbol(first.value)
    }

    /// `isPlainSymbol` for one scalar (which may still start a longer character).
    static func isPlainSymbol(_ value: UInt32) -> Bool {
        switch value {
        case 0x00B7, 0x2026, 0x203A, 0x2190...0x2193, 0x2500...0x259F, 0x25B2...0x25BF, 0x25C6, 0x25CF, 0x2717: true
        default: false
        }
    }

    /// Whether every character of `text` is simple (printable ASCII or a plain symbol). Then each scalar is a
    /// character of its own (none of them joins with what follows it) and takes one column, so drawing and
    /// measuring can go by scalar without walking grapheme clusters.
    static func isSimple(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } || text.unicodeScalars.allSatisfy(isSimple)
    }

    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x20 && scalar.value < 0x7F) || isPlainSymbol(scalar.value)
    }

    /// What is drawn instead of `character`, or nil when it is drawn as it is.
    static func replacement(for character: Character) -> String? {
        if isSimple(character) { return nil }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return nil }
        // Joiners and tags belong inside an emoji sequence (a family, a subdivision flag): the terminal draws
        // the sequence as one picture.
        let insideEmoji = scalars.count > 1 && first.properties.isEmoji && first.value > 0x7F
        let needsEscape = scalars.contains { mustEscape($0, insideEmoji: insideEmoji) }
        // A mark with nothing before it to combine with is drawn on a dotted circle, as Unicode shows a mark alone.
        var text = isMark(first) ? "\u{25CC}" : ""
        guard needsEscape else { return text.isEmpty ? nil : text + String(character) }
        for scalar in scalars {
            if mustEscape(scalar, insideEmoji: insideEmoji) {
                text += escape(scalar)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Whether `scalar` must never reach the terminal as it is.
    static func mustEscape(_ scalar: Unicode.Scalar, insideEmoji: Bool = false) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .surrogate:
            return true
        case .format:
            // ZERO WIDTH JOINER and the tag characters only as parts of an emoji sequence.
            if insideEmoji, scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value) { return false }
            return true
        default:
            return false
        }
    }

    /// The escape drawn for one scalar: `\t`, `\n`, `\r`, otherwise `\u{XXXX}` with at least two hex digits.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u{" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex + "}"
        }
    }

    /// The text as it is drawn, every character that must not reach the terminal replaced by its escape.
    static func visible(_ text: String) -> String {
        var result = ""
        for character in text {
            if let replacement = replacement(for: character) { result += replacement } else { result.append(character) }
        }
        return result
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}
