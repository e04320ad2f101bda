/// Lays out the AWS CLI's table (awscli/table.py `MultiTable.render`): every section as wide as the widest,
/// nested sections inside `|` borders, and — when that is wider than the terminal — single-row sections turned
/// into one row per column.
struct TableRenderer {
    var sections: [TableSection]
    var terminalWidth: Int
    var style: TableStyle

    func render() -> String {
        var sections = self.sections
        guard !sections.isEmpty else { return "" }
        var maxWidth = Self.maxWidth(sections)
        if maxWidth > terminalWidth {
            sections = sections.map { $0.vertical() }
            maxWidth = Self.maxWidth(sections)
        }
        var stream = TableStream(autoreset: style.autoreset)
        stream.write(TableText.repeated("-", maxWidth) + "\n")
        for section in sections {
            render(section, maxWidth: maxWidth, to: &stream)
        }
        return stream.text
    }

    private static func maxWidth(_ sections: [TableSection]) -> Int {
        sections.map { $0.totalWidth(padding: 4, withBorder: true, outerPadding: $0.indentLevel) }.max() ?? 0
    }

    private func render(_ section: TableSection, maxWidth: Int, to stream: inout TableStream) {
        let border = style.indentation("|")
        var lines = IndentedLines(stream: stream, level: section.indentLevel, edge: border)
        let width = maxWidth - section.indentLevel * 2
        renderTitle(section, width: width, to: &lines)
        renderColumnTitles(section, width: width, to: &lines)
        renderRows(section, width: width, to: &lines)
        stream = lines.stream
    }

    private func renderTitle(_ section: TableSection, width: Int, to lines: inout IndentedLines) {
        guard let title = section.title, !title.isEmpty else { return }
        lines.write(TableText.center(style.title(title), length: width, textLength: TableText.width(title)) + "\n")
        if section.headers.isEmpty && section.rows.isEmpty {
            lines.write("+" + TableText.repeated("-", width - 2) + "+\n")
        }
    }

    private func renderColumnTitles(_ section: TableSection, width: Int, to lines: inout IndentedLines) {
        guard !section.headers.isEmpty else { return }
        let widths = section.columnWidths(padding: 4, maxWidth: width)
        var line = ""
        for (position, (columnWidth, header)) in zip(widths, section.headers).enumerated() {
            line += TableText.center(
                style.headerColumn(header), length: columnWidth, left: position == 0 ? "|" : "",
                textLength: TableText.width(header))
        }
        lines.write(Self.lineBreak(widths))
        lines.write(line + "\n")
    }

    private func renderRows(_ section: TableSection, width: Int, to lines: inout IndentedLines) {
        guard !section.rows.isEmpty else { return }
        let widths = section.columnWidths(padding: 4, maxWidth: width)
        guard !widths.isEmpty else { return }
        lines.write(Self.lineBreak(widths))
        for row in section.rows {
            var line = ""
            for (position, (columnWidth, cell)) in zip(widths, row).enumerated() {
                line += TableText.alignLeft(
                    style.rowElement(cell), length: columnWidth, left: position == 0 ? "|" : "",
                    textLength: TableText.width(cell))
            }
            lines.write(line + "\n")
        }
        lines.write(Self.lineBreak(widths))
    }

    /// `+-------+---------+`
    private static func lineBreak(_ widths: [Int]) -> String {
        var parts = ""
        for (position, width) in widths.enumerated() {
            parts += position == 0
                ? "+" + TableText.repeated("-", width - 2) + "+" : TableText.repeated("-", width - 1) + "+"
        }
        return parts + "\n"
    }
}

/// The output as awscli writes it, one `write` at a time: with colour, colorama's autoreset follows every write
/// with a reset sequence, and the table matches that byte for byte.
struct TableStream {
    let autoreset: Bool
    private(set) var text = ""

    init(autoreset: Bool) {
        self.autoreset = autoreset
    }

    mutating func write(_ piece: String) {
        text += piece
        if autoreset { text += TableStyle.reset }
    }
}

/// awscli's `IndentedStream`: each line of a nested section inside one border character per level on both sides.
struct IndentedLines {
    var stream: TableStream
    let level: Int
    let edge: String

    mutating func write(_ line: String) {
        stream.write(TableText.repeated(edge, level))
        if line.hasSuffix("\n") {
            stream.write(String(line.dropLast()))
            stream.write(TableText.repeated(edge, level))
            stream.write("\n")
        } else {
            stream.write(line)
        }
    }
}
