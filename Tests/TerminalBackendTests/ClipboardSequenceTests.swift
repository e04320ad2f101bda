import Foundation
import Testing

@testable import TerminalBackend

#if canImport(Glibc)
import Glibc
#endif

/// OSC 52 as the backend writes it: the bytes, tmux's passthrough, and the writer.
@Suite("Clipboard (OSC 52)")
struct ClipboardSequenceTests {
    static let id = "9a3c1e2b-2d4e-4f60-8a1b-000000000001"

    @Test func osc52CarriesTheTextInBase64() {
        let expected = "\u{1B}]52;c;" + Data(Self.id.utf8).base64EncodedString() + "\u{07}"
        #expect(ClipboardSequence.osc52(Self.id) == Array(expected.utf8))
        // Text that is not ASCII and text with control characters travel intact, as base64.
        let text = "aws ssm get-automation-execution --automation-execution-id é\n"
        let bytes = ClipboardSequence.osc52(text)
        let payload = String(decoding: bytes.dropFirst(7).dropLast(), as: UTF8.self)
        #expect(Data(base64Encoded: payload).map { String(decoding: $0, as: UTF8.self) } == text)
        #expect(!bytes.dropFirst(7).dropLast().contains(0x1B) && !bytes.dropFirst(7).dropLast().contains(0x07))
    }

    @Test func insideTmuxTheSequenceAlsoGoesThroughThePassthroughWithEscDoubled() {
        let plain = ClipboardSequence.osc52("x")
        let wrapped = Array("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;eA==\u{07}\u{1B}\\".utf8)
        #expect(ClipboardSequence.tmuxPassthrough(plain) == wrapped)
        #expect(ClipboardSequence.bytes(for: "x", insideTmux: true) == plain + wrapped)
        #expect(ClipboardSequence.bytes(for: "x", insideTmux: false) == plain)
        #expect(ClipboardSequence.isInsideTmux(["TMUX": "/tmp/tmux-0/default,123,0"]))
        #expect(!ClipboardSequence.isInsideTmux(["TMUX": ""]) && !ClipboardSequence.isInsideTmux([:]))
    }

    /// The writer puts every byte out, in order, however the descriptor splits the writes (a pipe here; the
    /// bytes as a terminal receives them are checked in a pty by Tests/EndToEnd/test_console_long_sessions.py).
    @Test func theWriterSendsEveryByte() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        defer {
            close(descriptors[0])
            close(descriptors[1])
        }
        let long = String(repeating: "i-0123456789abcdef0 ", count: 200)
        let sent = ClipboardSequence.bytes(for: Self.id, insideTmux: true) + ClipboardSequence.bytes(for: long, insideTmux: false)
        #expect(TerminalOutput.writeAll(sent, to: descriptors[1]))
        close(descriptors[1])
        descriptors[1] = -1
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptors[0], &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        #expect(received == sent)
    }
}
