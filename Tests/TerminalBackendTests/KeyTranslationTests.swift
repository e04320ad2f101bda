import Console
import Testing
@testable import TerminalBackend

@Suite("Key translation")
struct KeyTranslationTests {
    typealias Code = KeyTranslation.Code

    func keys(_ text: String) -> [KeyPress] {
        KeyTranslation.keys(for: text.unicodeScalars.map { .character($0.value) })
    }

    @Test("curses function-key codes")
    func functionKeys() {
        let table: [(Int32, KeyPress)] = [
            (Code.up, .up), (Code.down, .down), (Code.left, .left), (Code.right, .right), (Code.home, .home),
            (Code.end, .end), (Code.pageUp, .pageUp), (Code.pageDown, .pageDown), (Code.enter, .enter),
            (Code.backspace, .backspace), (Code.delete, .delete), (Code.backTab, .backTab),
            (Code.f0 + 1, .function(1)), (Code.f0 + 12, .function(12)),
        ]
        for (code, key) in table {
            #expect(KeyTranslation.key(forCode: code) == key, "code \(code)")
        }
        #expect(KeyTranslation.key(forCode: Code.resize) == nil)
    }

    @Test("characters: Enter, Tab, Backspace, Ctrl-letters and printable text")
    func characters() {
        #expect(KeyTranslation.key(forCharacter: 13) == .enter)
        #expect(KeyTranslation.key(forCharacter: 10) == .enter)
        #expect(KeyTranslation.key(forCharacter: 9) == .tab)
        #expect(KeyTranslation.key(forCharacter: 127) == .backspace)
        #expect(KeyTranslation.key(forCharacter: 8) == .backspace)
        #expect(KeyTranslation.key(forCharacter: 12) == .control("l"))
        #expect(KeyTranslation.key(forCharacter: 1) == .control("a"))
        #expect(KeyTranslation.key(forCharacter: 0) == nil)
        #expect(KeyTranslation.key(forCharacter: 0x71) == .character("q"))
        #expect(KeyTranslation.key(forCharacter: 0xE9) == .character("é"))
        #expect(KeyTranslation.key(forCharacter: 0x1F600) == .character("😀"))
    }

    @Test("escape sequences curses left undecoded, and a lone Esc")
    func escapeSequences() {
        #expect(keys("\u{1B}") == [.escape])
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}[1;5A") == [.up])
        #expect(keys("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~") == [.home, .end, .home, .end])
        #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z") == [.pageUp, .pageDown, .delete, .backTab])
        #expect(keys("\u{1B}OP\u{1B}[15~\u{1B}[24~") == [.function(1), .function(5), .function(12)])
        // Alt-x and unknown sequences: Esc, then the rest as keys of their own.
        #expect(keys("\u{1B}x") == [.escape, .character("x")])
        #expect(keys("\u{1B}[99~") == [.escape, .character("["), .character("9"), .character("9"), .character("~")])
        #expect(keys("\u{1B}\u{1B}") == [.escape, .escape])
    }

    @Test("function keys and characters mixed keep their order")
    func mixed() {
        let reads: [KeyTranslation.Read] = [.character(0x6A), .functionKey(Code.down), .character(13)]
        #expect(KeyTranslation.keys(for: reads) == [.character("j"), .down, .enter])
    }

    @Test("mouse events: the wheel, a click and a double click, at the cell curses reports")
    func mouse() {
        #expect(KeyTranslation.mouse(kind: 1, x: 3, y: 4) == MouseEvent(.wheelUp, x: 3, y: 4))
        #expect(KeyTranslation.mouse(kind: 2, x: 0, y: 9) == MouseEvent(.wheelDown, x: 0, y: 9))
        #expect(KeyTranslation.mouse(kind: 3, x: 10, y: 5) == MouseEvent(.click, x: 10, y: 5))
        #expect(KeyTranslation.mouse(kind: 4, x: 10, y: 5) == MouseEvent(.doubleClick, x: 10, y: 5))
        // Buttons the console does not use (a right click, a release) are dropped.
        #expect(KeyTranslation.mouse(kind: 0, x: 1, y: 1) == nil)
    }
}
