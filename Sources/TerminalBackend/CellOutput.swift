import Console

/// The characters `CursesScreen` hands curses for one cell. The views already draw anything that would act on
/// the terminal as a visible escape; this is the last check before the terminal, so a cell set some other way
/// still cannot send a control character (curses would pass ESC through) or a bidirectional control.
enum CellOutput {
    /// Unicode scalars for the cell: its character; a space for the right half of a wide character; `?` for
    /// what the locale cannot show; U+FFFD (`?` without UTF-8) for a cell holding anything unsafe.
    static func scalars(for cell: Cell, isUTF8: Bool) -> [UInt32] {
        if cell.isContinuation { return [0x20] }
        let scalars = cell.character.unicodeScalars
        if !isSafe(cell.character) { return [isUTF8 ? 0xFFFD : 0x3F] }
        if isUTF8 { return scalars.map(\.value) }
        return cell.character.isASCII ? scalars.map(\.value) : [0x3F]
    }

    /// Whether the character may reach the terminal as it is: no C0 or C1 control, DEL, format character
    /// (bidirectional controls among them; a joiner or tag only inside an emoji sequence), or line or
    /// paragraph separator.
    static func isSafe(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return false }
        let insideEmoji = scalars.count > 1 && first.value > 0x7F && first.properties.isEmoji
        return !scalars.contains { scalar in
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator, .surrogate: return true
            case .format:
                return !(insideEmoji && (scalar.value == 0x200D || (0xE0020...0xE007F).contains(scalar.value)))
            default: return false
            }
        }
    }
}
