/// Breaks text into lines that fit a width, so long values wrap instead of being cut.
enum TextWrap {
    /// Wraps each line of `text` at `width` columns, between words where it can (a word longer than a line is
    /// broken); continuation lines get `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let width = max(1, width)
        let pad = String(repeating: " ", count: min(indent, width / 2))
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            // Where a break may go: after the indent on continuation lines, so an indent is never a "word".
            var lineStart = 0
            for character in paragraph {
                if DisplayWidth.of(line) + DisplayWidth.of(character) > width, !line.isEmpty {
                    let breakable = line.dropFirst(lineStart)
                    if character != " ", let space = breakable.lastIndex(of: " "), space != breakable.startIndex {
                        lines.append(String(line[..<space]))
                        line = pad + String(line[line.index(after: space)...])
                    } else {
                        lines.append(line)
                        line = pad
                    }
                    lineStart = pad.count
                    if character == " " { continue }
                }
                line.append(character)
            }
            lines.append(line)
        }
        return lines
    }

    /// Cuts `text` to `width` columns, ending in `ellipsis` when something was cut.
    static func fit(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(ellipsis.prefix(width)) }
        var result = ""
        var column = 0
        for character in text {
            let cellWidth = DisplayWidth.of(character)
            if column + cellWidth > room { break }
            result.append(character)
            column += cellWidth
        }
        return result + ellipsis
    }
}
