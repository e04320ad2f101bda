import Testing

@testable import Console

/// The shortcuts drawing takes for printable ASCII and the console's own glyphs give what the general path gives.
@Suite("Text fast paths")
struct TextFastPathTests {
    static let glyphs: [Character] = ["…", "↓", "└", "▸", "▾", "─", "█", "▲", "▼"]

    @Test func theConsolesGlyphsAreOneColumnAndDrawnAsTheyAre() {
        for glyph in Self.glyphs {
            #expect(VisibleEscape.isPlainSymbol(glyph))
            #expect(DisplayWidth.of(glyph) == 1)
            #expect(VisibleEscape.replacement(for: glyph) == nil)
        }
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

    @Test func writingGlyphsAndEscapesKeepsColumns() {
        var buffer = CellBuffer(width: 12, height: 1)
        let end = buffer.write("└ a\u{202E}b", x: 0, y: 0)
        #expect(end == DisplayWidth.of("└ a\u{202E}b"))
        #expect(buffer.rowText(0).hasPrefix("└ a"))
        #expect(!buffer.rowText(0).unicodeScalars.contains("\u{202E}"))
    }
}
