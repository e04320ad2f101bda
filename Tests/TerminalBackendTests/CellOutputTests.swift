import Console
import Testing

@testable import TerminalBackend

/// What the backend hands curses for a cell: never a control character or a bidirectional control, whatever
/// the cell holds, and everything else as it is.
@Suite("Cell output")
struct CellOutputTests {
    /// C0 and C1 controls, DEL, and the bidirectional marks, embeddings, overrides and isolates, listed here.
    static func actsOnTerminal(_ value: UInt32) -> Bool {
        let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        return value < 0x20 || (0x7F...0x9F).contains(value) || bidi.contains(value) || value == 0x2028 || value == 0x2029
    }

    static let hostile: [String] = [
        "\u{1B}[2J", "\u{1B}]2;title\u{07}", "a\rb", "tab\there", "\u{08}", "\u{7F}", "\u{85}", "\u{9B}1m",
        "\u{202E}evil\u{202C}", "\u{2066}isolate\u{2069}", "\u{200F}mark\u{200E}", "\u{061C}", "line\u{2028}sep",
        "zero\u{200B}width", "\u{FEFF}bom", "\r\n",
    ]

    @Test(arguments: [true, false])
    func writtenTextNeverSendsAControl(isUTF8: Bool) {
        var buffer = CellBuffer(width: 60, height: Self.hostile.count)
        for (row, text) in Self.hostile.enumerated() { buffer.write(text, x: 0, y: row) }
        for cell in buffer.cells {
            let sent = CellOutput.scalars(for: cell, isUTF8: isUTF8)
            #expect(!sent.contains(where: Self.actsOnTerminal), "cell \(cell.character.unicodeScalars.map(\.value)) sent \(sent)")
        }
    }

    /// A cell set directly, not through `write`, still cannot reach the terminal raw.
    @Test(arguments: [true, false])
    func cellsSetDirectlyAreReplaced(isUTF8: Bool) {
        for text in Self.hostile {
            for character in text {
                let sent = CellOutput.scalars(for: Cell(character), isUTF8: isUTF8)
                #expect(!sent.contains(where: Self.actsOnTerminal), "\(character.unicodeScalars.map(\.value)) sent \(sent)")
            }
        }
        #expect(CellOutput.scalars(for: Cell("\u{1B}"), isUTF8: true) == [0xFFFD])
        #expect(CellOutput.scalars(for: Cell("\u{202E}"), isUTF8: false) == [0x3F])
    }

    @Test func ordinaryTextIsSentAsItIs() {
        let family: Character = "👨‍👩‍👧"
        #expect(CellOutput.scalars(for: Cell(family), isUTF8: true) == family.unicodeScalars.map(\.value))
        #expect(CellOutput.scalars(for: Cell("é"), isUTF8: true) == "é".unicodeScalars.map(\.value))
        #expect(CellOutput.scalars(for: Cell("日"), isUTF8: true) == [0x65E5])
        #expect(CellOutput.scalars(for: Cell("日"), isUTF8: false) == [0x3F])
        #expect(CellOutput.scalars(for: Cell("x", isContinuation: true), isUTF8: true) == [0x20])
    }
}
