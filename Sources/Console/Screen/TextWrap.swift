/// Breaks text into lines that fit a width, so long values wrap instead of being cut.
enum TextWrap {
    /// Wraps each line of `text` at `width` columns, between words where it can (a word longer than a line is
    /// broken); continuation lines get `indent` spaces. A multi-line value keeps its shape: its later lines get
    /// `indent` spaces before their own indentation, lines wrapped inside them keep that indentation too, and
    /// tabs become spaces to the next multiple of 4.
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let width = max(1, width)
        let basePad = String(repeating: " ", count: min(indent, width / 2))
        var lines: [String] = []
        let paragraphs = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (number, rawParagraph) in paragraphs.enumerated() {
            let paragraph = (number == 0 ? "" : basePad) + expandingTabs(rawParagraph)
            let ownIndent = number == 0 ? 0 : paragraph.prefix { $0 == " " }.count
            let pad = number == 0 ? basePad : String(repeating: " ", count: min(max(indent, ownIndent), width / 2))
            var line = ""
            // Where a break may go: after the indent on continuation lines, so an indent is never a "word".
            var lineStart = number == 0 ? 0 : min(ownIndent, paragraph.count)
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

    private static func expandingTabs(_ text: Substring) -> String {
        guard text.contains("\t") else { return String(text) }
        var result = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = 4 - column % 4
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += 1
            }
        }
        return result
    }

    /// Cuts `text` to `width` columns, ending in `ellipsis` when something was cut.
    static func fit(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let room = width - DisplayWidth.of(ellipsis)
        // Printable ASCII and the console's own glyphs, nearly every value shown: a column per scalar, cut by
        // index without walking characters.
        if VisibleEscape.isSimple(text) {
            // A scalar takes at least one byte.
            if text.utf8.count <= width { return text }
            let scalars = text.unicodeScalars
            if scalars.count <= width { return text }
            guard room > 0 else { return String(ellipsis.prefix(width)) }
            return String(scalars.prefix(room)) + ellipsis
        }
        // One walk: where the text would be cut for the ellipsis, and whether it must be cut at all.
        var column = 0
        var cut: String.Index?
        for index in text.indices {
            let cellWidth = DisplayWidth.of(text[index])
            if cut == nil, column + cellWidth > room { cut = index }
            column += cellWidth
            if column > width {
                guard room > 0, let cut else { return String(ellipsis.prefix(width)) }
                return String(text[..<cut]) + ellipsis
            }
        }
        return text
    }
}
