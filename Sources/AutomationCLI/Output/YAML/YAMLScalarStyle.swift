/// How a string is written in YAML, chosen as ruamel.yaml's emitter chooses (the library AWS CLI v2's YAML output
/// uses, with `typ='safe'`): plain when YAML 1.2 would read it back as the same string and nothing in it needs
/// quoting; double-quoted when it holds a line break or a single quote (or characters only escapes can carry);
/// single-quoted otherwise.
enum YAMLScalarStyle: Equatable {
    case plain, singleQuoted, doubleQuoted

    /// `simpleKey`: the scalar is a mapping key written as `key: value`.
    static func choose(for text: String, isString: Bool, simpleKey: Bool) -> YAMLScalarStyle {
        let analysis = YAMLScalarAnalysis(text)
        // Non-strings (numbers, booleans, null) are written plain: they resolve to their own types.
        let implicit = !isString || !YAMLResolver.resolvesToNonString(text)
        if implicit, !(simpleKey && (analysis.empty || analysis.multiline)), analysis.allowBlockPlain {
            return .plain
        }
        if text.contains("'") || text.contains("\n") { return .doubleQuoted }
        if analysis.allowSingleQuoted, !(simpleKey && analysis.multiline) { return .singleQuoted }
        return .doubleQuoted
    }
}

/// The emitter's analyze_scalar, for block context: which styles can carry the text unchanged.
struct YAMLScalarAnalysis {
    var empty = false
    var multiline = false
    var allowBlockPlain = true
    var allowSingleQuoted = true

    static let breaks: Set<Unicode.Scalar> = ["\n", "\u{85}", "\u{2028}", "\u{2029}"]
    static let whitespace: Set<Unicode.Scalar> = ["\0", " ", "\t", "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}"]

    init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else {
            empty = true
            return
        }
        var blockIndicators = text.hasPrefix("---") || text.hasPrefix("...")
        var lineBreaks = false
        var special = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true
        var followedByWhitespace = scalars.count == 1 || Self.whitespace.contains(scalars[1])
        var previousSpace = false, previousBreak = false
        for (index, ch) in scalars.enumerated() {
            if index == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) { blockIndicators = true }
                if (ch == "?" || ch == ":") && followedByWhitespace { blockIndicators = true }
                if ch == "-" && followedByWhitespace { blockIndicators = true }
            } else {
                if ch == ":" && followedByWhitespace { blockIndicators = true }
                if ch == "#" && precededByWhitespace { blockIndicators = true }
            }
            if Self.breaks.contains(ch) { lineBreaks = true }
            if !(ch == "\n" || (0x20...0x7E).contains(ch.value)) {
                let printable =
                    ch == "\u{85}" || (0xA0...0xD7FF).contains(ch.value) || (0xE000...0xFFFD).contains(ch.value)
                    || (0x10000...0x10FFFF).contains(ch.value)
                if !printable || ch == "\u{FEFF}" { special = true }
            }
            if ch == " " {
                if index == 0 { leadingSpace = true }
                if index == scalars.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.breaks.contains(ch) {
                if index == 0 { leadingBreak = true }
                if index == scalars.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = Self.whitespace.contains(ch)
            followedByWhitespace = index + 2 >= scalars.count || Self.whitespace.contains(scalars[index + 2])
        }
        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { allowBlockPlain = false }
        if breakSpace { allowBlockPlain = false; allowSingleQuoted = false }
        if spaceBreak || special { allowBlockPlain = false; allowSingleQuoted = false }
        if lineBreaks || blockIndicators { allowBlockPlain = false }
    }
}
