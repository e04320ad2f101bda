import Testing

@testable import TerminalBackend

/// The terminal title's escape sequences (OSC 2), as the backend writes them.
@Suite("Terminal title")
struct TerminalTitleTests {
    @Test func setsTheTitleWithOSC2() {
        #expect(TerminalTitle.set("ssm-console (2 waiting on you)") == Array("\u{1B}]2;ssm-console (2 waiting on you)\u{07}".utf8))
    }

    @Test func controlCharactersCannotEndTheSequenceEarly() {
        #expect(TerminalTitle.set("a\u{07}b\u{1B}]0;c\nd\u{9C}é") == Array("\u{1B}]2;ab]0;cdé\u{07}".utf8))
    }

    @Test func restoringClearsTheTitleThenPopsTheSavedOne() {
        #expect(TerminalTitle.save == Array("\u{1B}[22;2t".utf8))
        #expect(TerminalTitle.restore == Array("\u{1B}]2;\u{07}\u{1B}[23;2t".utf8))
    }
}
