/// The character classes of awscli's shorthand regular expressions, as Python's `re` reads them. They stop at
/// U+FFFF, so characters beyond the Basic Multilingual Plane (emoji) cannot start or continue a bare value.
enum ShorthandCharacters {
    /// `_START_WORD`: what may start a bare value (not space, `"`, `'`, `,`, `=`, `[`, `{`).
    static func startsWord(_ c: Unicode.Scalar) -> Bool {
        inRanges(c, [(0x21, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0x5A), (0x5C, 0x7A), (0x7C, 0xFFFF)])
    }

    /// `_FIRST_FOLLOW_CHARS`: what may continue a first value (adds space and `=`, `[`, `{`; not `]`, `}`).
    static func followsFirst(_ c: Unicode.Scalar) -> Bool {
        inRanges(c, [(0x09, 0x0D), (0x1C, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x5C), (0x5E, 0x7C), (0x7E, 0xFFFF)])
    }

    /// `_SECOND_FOLLOW_CHARS`: what may continue a later list value (no `=`, so `b=c` ends a list).
    static func followsSecond(_ c: Unicode.Scalar) -> Bool {
        inRanges(c, [(0x09, 0x0D), (0x1C, 0x21), (0x23, 0x26), (0x28, 0x2B), (0x2D, 0x3C), (0x3E, 0xFFFF)])
    }

    /// Python's `string.whitespace`, what the parser skips between tokens.
    static func isASCIIWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}"
    }

    /// Python's `str.isspace`, what `rstrip()` removes from a bare value.
    static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Key characters: `[a-zA-Z0-9-_.#/:]`.
    static func isKey(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "#", "/", ":": return true
        default: return false
        }
    }

    private static func inRanges(_ c: Unicode.Scalar, _ ranges: [(UInt32, UInt32)]) -> Bool {
        ranges.contains { c.value >= $0.0 && c.value <= $0.1 }
    }
}
