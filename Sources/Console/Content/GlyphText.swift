/// Text as a terminal without UTF-8 can show it.
enum GlyphText {
    /// Arrows and separators in hints as ASCII for terminals without UTF-8.
    static func ascii(_ text: String, _ glyphs: GlyphSet) -> String {
        guard glyphs == .ascii else { return text }
        return text.replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down")
            .replacingOccurrences(of: "←", with: "Left").replacingOccurrences(of: "→", with: "Right")
            .replacingOccurrences(of: "·", with: "-")
    }
}
