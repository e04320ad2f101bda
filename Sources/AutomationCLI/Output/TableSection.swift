/// One titled block of the AWS CLI's table (awscli/table.py `Section`): column headers, rows of cell text, how
/// deep it is nested, and the widest text seen in each column.
struct TableSection: Equatable {
    /// nil for a section awscli opens with no title (a list inside a list): it prints no title line but, as
    /// there, its width counts the four letters of "None".
    var title: String? = ""
    var headers: [String] = []
    var rows: [[String]] = []
    var indentLevel = 0
    private(set) var maxWidths: [Int] = []
    /// Set by the first header or row; awscli refuses a row of any other length.
    private var columnCount: Int?

    init(title: String? = "", indentLevel: Int = 0) {
        self.title = title
        self.indentLevel = indentLevel
    }

    mutating func addHeader(_ headers: [String]) {
        updateMaxWidths(headers)
        if columnCount == nil { columnCount = headers.count }
        self.headers = headers
    }

    /// Only a --query can make rows of different lengths in one section (a list mixing scalars and lists);
    /// the AWS CLI then fails with this ValueError, printed after a blank line, exit 255.
    mutating func addRow(_ row: [String]) throws(CLIFailure) {
        if columnCount == nil { columnCount = row.count }
        guard row.count == columnCount else {
            throw CLIFailure.other("\nRow should have \(columnCount ?? 0) elements, instead it has \(row.count)")
        }
        rows.append(row)
        updateMaxWidths(row)
    }

    mutating func updateMaxWidths(_ row: [String]) {
        if maxWidths.isEmpty {
            maxWidths = row.map(TableText.width)
            return
        }
        for (index, cell) in row.enumerated() {
            if index < maxWidths.count {
                maxWidths[index] = max(TableText.width(cell), maxWidths[index])
            } else {
                maxWidths.append(TableText.width(cell))
            }
        }
    }

    /// `calculate_column_widths`: each column's widest text plus `padding`, scaled (rounding half to even, as
    /// Python's `round`) so the columns fill exactly `maxWidth` when it is given.
    func columnWidths(padding: Int = 0, maxWidth: Int? = nil) -> [Int] {
        let unscaled = maxWidths.map { $0 + padding }
        guard let maxWidth, !unscaled.isEmpty else { return unscaled }
        let total = unscaled.reduce(0, +)
        guard total > 0 else { return unscaled }
        let scale = Double(maxWidth) / Double(total)
        var scaled = unscaled.map { Int((scale * Double($0)).rounded(.toNearestOrEven)) }
        // Rounding can leave the sum a little over or under: take from the first columns, give to the last.
        var offBy = scaled.reduce(0, +) - maxWidth
        while offBy != 0 {
            let order: [Int] = offBy < 0 ? Array(scaled.indices.reversed()) : Array(scaled.indices)
            for index in order {
                if offBy > 0 {
                    scaled[index] -= 1
                    offBy -= 1
                } else {
                    scaled[index] += 1
                    offBy += 1
                }
                if offBy == 0 { break }
            }
        }
        return scaled
    }

    /// `total_width`: the columns with their padding and borders, or the title if that is wider.
    func totalWidth(padding: Int = 0, withBorder: Bool = false, outerPadding: Int = 0) -> Int {
        let border = 2
        var total = columnWidths().reduce(0) { $0 + $1 + padding }
        if withBorder { total += border }
        total += 2 * outerPadding
        return max(TableText.width(title ?? "None") + border + 2 * outerPadding, total)
    }

    /// `convert_to_vertical_table` for one section: a single row under headers becomes one row per header.
    func vertical() -> TableSection {
        guard rows.count == 1, !headers.isEmpty else { return self }
        var section = TableSection(title: title, indentLevel: indentLevel)
        for (header, cell) in zip(headers, rows[0]) {
            section.rows.append([header, cell])
            section.updateMaxWidths([header, cell])
        }
        return section
    }
}
