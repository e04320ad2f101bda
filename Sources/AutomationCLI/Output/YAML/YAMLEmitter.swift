/// The text-level half of the YAML emitter PyYAML and ruamel.yaml share: the column, the indentation, and the
/// three scalar writers, which fold long lines at spaces past 80 columns as those do.
struct YAMLEmitter {
    static let bestWidth = 80
    static let bestIndent = 2

    private(set) var output = ""
    var indent: Int?
    private(set) var column = 0
    /// The last thing written was whitespace (or nothing yet).
    var whitespace = true
    /// Only indentation has been written on the current line.
    var indention = true
    /// A plain scalar at the root leaves the document open-ended: "..." closes it.
    var openEnded = false

    private static let breaks = YAMLScalarAnalysis.breaks

    mutating func write(_ text: String) {
        output += text
        column += text.unicodeScalars.count
    }

    mutating func writeLineBreak() {
        output += "\n"
        whitespace = true
        indention = true
        column = 0
    }

    mutating func writeIndent() {
        let indent = self.indent ?? 0
        if !indention || column > indent || (column == indent && !whitespace) { writeLineBreak() }
        if column < indent {
            whitespace = true
            write(String(repeating: " ", count: indent - column))
        }
    }

    mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, whitespace: Bool = false, indention: Bool = false) {
        write(self.whitespace || !needWhitespace ? indicator : " " + indicator)
        self.whitespace = whitespace
        self.indention = self.indention && indention
        openEnded = false
    }

    mutating func writePlain(_ text: String, split: Bool, root: Bool) {
        if root { openEnded = true }
        guard !text.isEmpty else { return }
        if !whitespace { write(" ") }
        whitespace = false
        indention = false
        let scalars = Array(text.unicodeScalars)
        var spaces = false
        var start = 0
        for end in 0...scalars.count {
            let ch: Unicode.Scalar? = end < scalars.count ? scalars[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end && column > Self.bestWidth && split {
                        writeIndent()
                        whitespace = false
                        indention = false
                    } else {
                        write(Self.string(scalars[start..<end]))
                    }
                    start = end
                }
            } else if ch == nil || ch == " " {
                write(Self.string(scalars[start..<end]))
                start = end
            }
            if let ch { spaces = ch == " " }
        }
    }

    mutating func writeSingleQuoted(_ text: String, split: Bool) {
        writeIndicator("'", needWhitespace: true)
        let scalars = Array(text.unicodeScalars)
        var spaces = false
        var breaks = false
        var start = 0
        for end in 0...scalars.count {
            let ch: Unicode.Scalar? = end < scalars.count ? scalars[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end && column > Self.bestWidth && split && start != 0 && end != scalars.count {
                        writeIndent()
                    } else {
                        write(Self.string(scalars[start..<end]))
                    }
                    start = end
                }
            } else if breaks {
                if ch == nil || !Self.breaks.contains(ch!) {
                    if scalars[start] == "\n" { writeLineBreak() }
                    for lineBreak in scalars[start..<end] {
                        output += String(lineBreak)
                        whitespace = true
                        indention = true
                        column = 0
                    }
                    writeIndent()
                    start = end
                }
            } else if ch == nil || ch == " " || Self.breaks.contains(ch!) || ch == "'" {
                if start < end {
                    write(Self.string(scalars[start..<end]))
                    start = end
                }
            }
            if ch == "'" {
                write("''")
                start = end + 1
            }
            if let ch {
                spaces = ch == " "
                breaks = Self.breaks.contains(ch)
            }
        }
        writeIndicator("'", needWhitespace: false)
    }

    private static let escapes: [Unicode.Scalar: String] = [
        "\0": "0", "\u{07}": "a", "\u{08}": "b", "\t": "t", "\n": "n", "\u{0B}": "v", "\u{0C}": "f", "\r": "r",
        "\u{1B}": "e", "\"": "\"", "\\": "\\", "\u{85}": "N", "\u{A0}": "_", "\u{2028}": "L", "\u{2029}": "P",
    ]

    mutating func writeDoubleQuoted(_ text: String, split: Bool) {
        writeIndicator("\"", needWhitespace: true)
        let scalars = Array(text.unicodeScalars)
        var start = 0
        for end in 0...scalars.count {
            let ch: Unicode.Scalar? = end < scalars.count ? scalars[end] : nil
            if ch == nil || Self.needsEscape(ch!) {
                if start < end {
                    write(Self.string(scalars[start..<end]))
                    start = end
                }
                if let ch {
                    write("\\" + Self.escape(ch))
                    start = end + 1
                }
            }
            if 0 < end && end < scalars.count - 1 && (ch == " " || start >= end)
                && column + (end - start) > Self.bestWidth && split
            {
                write(Self.string(scalars[start..<max(start, end)]) + "\\")
                if start < end { start = end }
                writeIndent()
                whitespace = false
                indention = false
                if scalars[start] == " " { write("\\") }
            }
        }
        writeIndicator("\"", needWhitespace: false)
    }

    private static func needsEscape(_ ch: Unicode.Scalar) -> Bool {
        if ["\"", "\\", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}"].contains(ch) { return true }
        let v = ch.value
        return !((0x20...0x7E).contains(v) || (0xA0...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v))
    }

    private static func escape(_ ch: Unicode.Scalar) -> String {
        if let short = escapes[ch] { return short }
        let hex = String(ch.value, radix: 16, uppercase: true)
        let (prefix, width) = ch.value <= 0xFF ? ("x", 2) : ch.value <= 0xFFFF ? ("u", 4) : ("U", 8)
        return prefix + String(repeating: "0", count: width - hex.count) + hex
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
