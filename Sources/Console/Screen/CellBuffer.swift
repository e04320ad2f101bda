/// What a colour means on screen. Views name the meaning; the terminal backend picks the colour (or none),
/// so meaning is never carried by colour alone: every coloured thing also has text or a symbol.
public enum ColorRole: String, Sendable, Hashable, CaseIterable {
    case normal, header, footer, selection, muted, accent, border
    case success, failure, waiting, running, cancelled, warning
}

/// How one cell is drawn.
public struct CellStyle: Sendable, Hashable {
    public var color: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(color: ColorRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = CellStyle()
}

/// One terminal cell. A wide character (CJK, most emoji) takes its cell and a `continuation` cell after it.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: CellStyle
    /// The right half of a wide character drawn in the cell before; the backend skips it.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// The whole screen as cells. Views draw into it; the terminal backend copies out only what changed since the
/// last frame; tests read it back as text.
public struct CellBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from column `x` on row `y`, clipped at `x + maxWidth` and at the right edge.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        if VisibleEscape.isSimple(text) {
            for scalar in text.unicodeScalars {
                if column + 1 > limit { break }
                if column >= 0 { self[column, y] = Cell(Character(scalar), style: style) }
                column += 1
            }
            return column
        }
        for character in text {
            // Nearly every cell drawn: one cell, nothing to escape or measure.
            if VisibleEscape.isSimple(character) {
                if column + 1 > limit { break }
                if column >= 0 { self[column, y] = Cell(character, style: style) }
                column += 1
                continue
            }
            // What must not reach the terminal is drawn as its escape, whole or not at all.
            if let replacement = VisibleEscape.replacement(for: character) {
                let parts = replacement.map { (character: $0, width: DisplayWidth.ofDrawable($0)) }
                if column + parts.reduce(0, { $0 + $1.width }) > limit { break }
                for part in parts { column = put(part.character, width: part.width, column: column, y: y, style: style) }
                continue
            }
            let cellWidth = DisplayWidth.ofDrawable(character)
            if cellWidth == 0 { continue }
            if column + cellWidth > limit { break }
            column = put(character, width: cellWidth, column: column, y: y, style: style)
        }
        return column
    }

    /// Puts one drawable character `width` columns wide at `column`; returns the column after it.
    private mutating func put(_ character: Character, width cellWidth: Int, column: Int, y: Int, style: CellStyle) -> Int {
        guard cellWidth > 0 else { return column }
        if column >= 0 {
            self[column, y] = Cell(character, style: style)
            if cellWidth == 2 { self[column + 1, y] = Cell(" ", style: style, isContinuation: true) }
        }
        return column + cellWidth
    }

    /// Sets the style of `count` cells from (`x`, `y`) without changing their characters, e.g. a selected row.
    public mutating func fill(x: Int, y: Int, count: Int, style: CellStyle) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + max(0, count)) { self[column, y].style = style }
    }

    /// Blanks the whole buffer.
    public mutating func clear() {
        cells = Array(repeating: .blank, count: width * height)
    }

    /// The rows as text, trailing spaces kept, one line per row: what snapshot tests compare.
    public var text: String {
        (0..<height).map(rowText).joined(separator: "\n")
    }

    public func rowText(_ y: Int) -> String {
        var row = ""
        for x in 0..<width where !self[x, y].isContinuation { row.append(self[x, y].character) }
        return row
    }
}

/// How many terminal columns a character takes as the cell buffer draws it: a character drawn as a visible
/// escape (`VisibleEscape`) takes its escape's columns; 2 for East Asian wide and emoji, 1 otherwise. Close to
/// wcwidth for the characters a console shows.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if let replacement = VisibleEscape.replacement(for: character) { return of(replacement) }
        return ofDrawable(character)
    }

    /// The columns of a character drawn as it is: one `VisibleEscape` has no replacement for (the caller has
    /// asked it already, so it is not asked twice for every character drawn).
    static func ofDrawable(_ character: Character) -> Int {
        if VisibleEscape.isSimple(character) { return 1 }
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if scalar.properties.isEmojiPresentation { return 2 }
        // A text-style symbol made an emoji by VARIATION SELECTOR-16 is drawn two columns wide.
        if value > 0x7F, scalar.properties.isEmoji, character.unicodeScalars.contains("\u{FE0F}") { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func of(_ text: String) -> Int {
        if VisibleEscape.isSimple(text) { return text.unicodeScalars.count }
        return text.reduce(0) { $0 + of($1) }
    }
}
