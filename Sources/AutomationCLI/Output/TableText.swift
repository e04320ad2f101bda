/// The AWS CLI table's cell arithmetic (awscli/table.py): widths in terminal columns, centred titles and
/// left-aligned cells between edges. Negative space counts print nothing, as `' ' * -1` does in Python.
enum TableText {
    /// `get_text_length`: wide, fullwidth and ambiguous characters count two columns, anything else one.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (TableEastAsianWidth.isDoubleWidth($1) ? 2 : 1) }
    }

    /// `center_text`: `text` centred in `length` columns between the edges. `textLength` is the width of the
    /// text without colour escapes.
    static func center(_ text: String, length: Int, left: String = "|", right: String = "|", textLength: Int? = nil)
        -> String
    {
        let textLength = textLength ?? width(text)
        let start = floorDivide(length, 2) - floorDivide(textLength, 2) - 1
        let lengthSoFar = width(left) + start + textLength
        let rightSpaces = length - width(right) - lengthSoFar
        return left + spaces(start) + text + spaces(rightSpaces) + right
    }

    /// `align_left`: `text` after two spaces of padding (none when it would not fit), filled out to `length`.
    static func alignLeft(
        _ text: String, length: Int, left: String = "|", right: String = "|", textLength: Int? = nil,
        leftPadding: Int = 2
    ) -> String {
        let textLength = textLength ?? width(text)
        let computed = textLength + leftPadding + width(left) + width(right)
        let padding = length - computed >= 0 ? leftPadding : 0
        let lengthSoFar = left.unicodeScalars.count + padding + textLength
        return left + spaces(padding) + text + spaces(length - lengthSoFar - right.unicodeScalars.count) + right
    }

    static func spaces(_ count: Int) -> String { repeated(" ", count) }

    static func repeated(_ text: String, _ count: Int) -> String {
        count > 0 ? String(repeating: text, count: count) : ""
    }

    /// Python's `//`, which rounds toward negative infinity.
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
