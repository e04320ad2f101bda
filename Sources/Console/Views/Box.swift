/// A framed box drawn over the screen, for forms, confirmations and help.
struct Box {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    /// Inner width for text, inside the frame and one column of padding each side.
    var innerWidth: Int { max(1, width - 4) }
    var innerLeft: Int { x + 2 }
    var innerTop: Int { y + 1 }
    var innerHeight: Int { max(0, height - 2) }

    /// The most lines a centred box holds (see `ScreenLayout.overlayRows`).
    static func maxInnerHeight(screenHeight: Int) -> Int { ScreenLayout(width: 0, height: screenHeight).overlayRows }

    /// A box centred on the screen, as wide as `preferredWidth` allows and tall enough for `lines`.
    static func centred(screenWidth: Int, screenHeight: Int, preferredWidth: Int, lines: Int) -> Box {
        let width = min(screenWidth - 2, preferredWidth)
        let height = min(maxInnerHeight(screenHeight: screenHeight), lines) + 2
        return Box(x: (screenWidth - width) / 2, y: max(1, (screenHeight - height) / 2), width: width, height: height)
    }

    func draw(title: String, glyphs: GlyphSet, role: ColorRole = .border, into buffer: inout CellBuffer) {
        let corner = glyphs.corner
        let style = CellStyle(color: role)
        let horizontal = String(repeating: glyphs.horizontal, count: max(0, width - 2))
        buffer.write(corner.topLeft + horizontal + corner.topRight, x: x, y: y, style: style)
        for row in (y + 1)..<(y + height - 1) {
            buffer.write(glyphs.vertical + String(repeating: " ", count: max(0, width - 2)) + glyphs.vertical, x: x, y: row, style: style)
        }
        buffer.write(corner.bottomLeft + horizontal + corner.bottomRight, x: x, y: y + height - 1, style: style)
        buffer.write(" \(title) ", x: x + 2, y: y, style: CellStyle(color: role, bold: true), maxWidth: width - 4)
    }

    /// Writes lines inside the box, clipping what does not fit.
    func write(_ lines: [(String, CellStyle)], into buffer: inout CellBuffer) {
        for (index, line) in lines.prefix(innerHeight).enumerated() {
            buffer.write(line.0, x: innerLeft, y: innerTop + index, style: line.1, maxWidth: innerWidth)
        }
    }
}
