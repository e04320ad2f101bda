import Testing

@testable import Console

/// The shortcuts drawing takes for printable ASCII and the console's own glyphs give what the general path gives.
@Suite("Text fast paths")
struct TextFastPathTests {
    /// Every glyph of the Unicode set (`Glyphs`), and the block and arrow characters of the other views.
    static let glyphs: [Character] = [
        "●", "◆", "▶", "…", "│", "─", "┌", "┐", "└", "┘", "·", "›", "↓", "▸", "▾", "✗", "█", "▲", "▼",
    ]

    @Test func theConsolesGlyphsAreOneColumnAndDrawnAsTheyAre() {
        for glyph in Self.glyphs {
            #expect(VisibleEscape.isPlainSymbol(glyph))
            #expect(DisplayWidth.of(glyph) == 1)
            #expect(VisibleEscape.replacement(for: glyph) == nil)
            // What the shortcut takes for granted: a symbol or punctuation, not drawn as an emoji, not wide.
            let scalar = glyph.unicodeScalars.first!
            #expect(glyph.unicodeScalars.count == 1)
            #expect(!scalar.properties.isEmojiPresentation)
            let categories: [Unicode.GeneralCategory] = [.otherSymbol, .mathSymbol, .otherPunctuation, .finalPunctuation]
            #expect(categories.contains(scalar.properties.generalCategory), "\(glyph)")
        }
        for glyph in ["·\u{301}", "›\u{FE0F}"] as [Character] { #expect(!VisibleEscape.isPlainSymbol(glyph)) }
        // The same scalar with a mark on it, or made an emoji, is not a plain symbol.
        #expect(!VisibleEscape.isPlainSymbol("└\u{301}"))
        #expect(!VisibleEscape.isPlainSymbol("▶\u{FE0F}"))
        #expect(!VisibleEscape.isPlainSymbol("a"))
    }

    @Test func fittingCutsByColumnsWithOrWithoutGlyphs() {
        #expect(TextWrap.fit("abcdef", width: 6, ellipsis: "…") == "abcdef")
        #expect(TextWrap.fit("abcdefg", width: 6, ellipsis: "…") == "abcde…")
        #expect(TextWrap.fit("└ abcdef", width: 8, ellipsis: "…") == "└ abcdef")
        #expect(TextWrap.fit("└ abcdefg", width: 8, ellipsis: "…") == "└ abcde…")
        #expect(TextWrap.fit("└ abcdefg", width: 1, ellipsis: "…") == "…")
        // Wide and combining characters take the general path.
        #expect(TextWrap.fit("└ 日本語です", width: 8, ellipsis: "…") == "└ 日本…")
        #expect(TextWrap.fit("e\u{301}e\u{301}e\u{301}", width: 3, ellipsis: "…") == "e\u{301}e\u{301}e\u{301}")
    }

    @Test func textOfGlyphsIsDrawnAndMeasuredACellPerCharacter() {
        for text in ["└ abc", "a · b › c ✗2 ●◆▶ ↓ 3 more", "…", "", "abc~!"] {
            #expect(VisibleEscape.isSimple(text))
            var buffer = CellBuffer(width: 40, height: 1)
            let characters = Array(text)
            #expect(buffer.write(text, x: 0, y: 0) == characters.count)
            #expect(DisplayWidth.of(text) == characters.count)
            for (column, character) in characters.enumerated() { #expect(buffer[column, 0].character == character) }
            // Clipped at the width like any text.
            var narrow = CellBuffer(width: 3, height: 1)
            #expect(narrow.write(text, x: 0, y: 0) == min(3, characters.count))
        }
        // A mark or a joiner after a glyph makes the text take the general path.
        for text in ["└\u{301} a", "a\u{200D}b", "·\t", "日本"] { #expect(!VisibleEscape.isSimple(text)) }
    }

    @Test func writingGlyphsAndEscapesKeepsColumns() {
        var buffer = CellBuffer(width: 12, height: 1)
        let end = buffer.write("└ a\u{202E}b", x: 0, y: 0)
        #expect(end == DisplayWidth.of("└ a\u{202E}b"))
        #expect(buffer.rowText(0).hasPrefix("└ a"))
        #expect(!buffer.rowText(0).unicodeScalars.contains("\u{202E}"))
    }
}
