import AutomationModel
import Testing

@testable import AutomationCLI

/// Hand-checked cases; the differential suite compares hundreds more with awscli itself.
@Suite struct ShorthandTests {
    @Test func scalarsListsAndHashes() throws {
        #expect(try Shorthand.parse("a=b,c,d=e") == ["a": ["b", "c"], "d": "e"])
        #expect(try Shorthand.parse(#"a=x\,y"#) == ["a": "x,y"])
        #expect(try Shorthand.parse("a=") == ["a": ""])
        #expect(try Shorthand.parse("a=[b, c],d={e=f}") == ["a": ["b", "c"], "d": ["e": "f"]])
        #expect(try Shorthand.parse(#"a='it\'s',b="say \"hi\"""#) == ["a": "it's", "b": #"say "hi""#])
    }

    @Test func errorsSayWhereAndWhat() {
        do {
            _ = try Shorthand.parse("a=b,a=c")
            Issue.record("a repeated key was accepted")
        } catch {
            #expect(error.kind == .duplicateKey("a"))
            #expect(error.description.contains("Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^"))
        }
        do {
            _ = try Shorthand.parse("x=1,\n{")
            Issue.record("a key without = was accepted")
        } catch {
            #expect(error.kind == .syntax(expected: "=", actual: "{"))
            #expect(error.description.hasSuffix("x=1,\n{\n^"))
        }
    }
}
