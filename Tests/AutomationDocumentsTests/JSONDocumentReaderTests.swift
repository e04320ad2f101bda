import AutomationModel
import Foundation
import Testing

@testable import AutomationDocuments

struct JSONDocumentReaderTests {
    @Test func keepsObjectMemberOrder() throws {
        let node = try JSONDocumentReader.read(#"{"zeta": 1, "alpha": 2, "mid": 3}"#)
        guard case .mapping(let entries) = node else {
            Issue.record("expected a mapping")
            return
        }
        #expect(entries.map(\.key) == ["zeta", "alpha", "mid"])
    }

    @Test func readsEveryValueKind() throws {
        let node = try JSONDocumentReader.read(
            #"{"s": "text", "i": -42, "f": 1.5e2, "t": true, "n": null, "a": [1, "x"], "o": {"k": false}}"#)
        #expect(
            node.jsonValue
                == ["s": "text", "i": -42, "f": 150, "t": true, "n": .null, "a": [1, "x"], "o": ["k": false]])
    }

    @Test func decodesEscapesIncludingSurrogatePairsAndEscapedSlash() throws {
        let node = try JSONDocumentReader.read(#"{"v": "a\/b \"q\" \\ \n\t \u00e9 \ud83d\ude00"}"#)
        #expect(node.jsonValue["v"] == .string("a/b \"q\" \\ \n\t é 😀"))
    }

    @Test func keepsNumberTextAsWritten() throws {
        let node = try JSONDocumentReader.read(#"{"v": 3.10}"#)
        guard case .mapping(let entries) = node, case .scalar(_, let text) = entries[0].value else {
            Issue.record("expected a scalar")
            return
        }
        #expect(text == "3.10")
    }

    @Test func agreesWithJSONSerializationOnEncoderOutput() throws {
        let value: JSONValue = ["path": "/tmp/x", "list": [1, 2.5, "three"], "nested": ["deep": ["ok": true]]]
        let data = try JSONEncoder().encode(value)  // escapes "/" as "\/"
        let node = try JSONDocumentReader.read(String(decoding: data, as: UTF8.self))
        #expect(node.jsonValue == value)
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, "expected a quoted member name"),
        (#"{"a" 1}"#, "expected ':'"),
        (#"{"a": [1 2]}"#, "expected ',' or ']'"),
        (#"{"a": tru}"#, "expected true"),
        (#"{"a": 01}"#, "expected ',' or '}'"),
        (#"{"a": "x"} extra"#, "unexpected text after the end"),
        (#"{"a": "unclosed}"#, "not closed"),
        (#"{"a": "\x"}"#, "unknown escape"),
        (#"{"a": "\ud83d"}"#, "unpaired"),
        (#"{"a": 1, "a": 2}"#, "appears twice"),
        ("{\"a\": \"line\nbreak\"}", "control character"),
    ])
    func rejectsMalformedJSONWithItsPosition(content: String, problem: String) {
        expectServiceError(.invalidDocumentContent, containing: [problem, "line ", "column "]) {
            try JSONDocumentReader.read(content)
        }
    }

    @Test func reportsTheLineOfTheProblem() {
        expectServiceError(.invalidDocumentContent, containing: ["line 3"]) {
            try JSONDocumentReader.read("{\n  \"a\": 1,\n  \"b\" 2\n}")
        }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        expectServiceError(.invalidDocumentContent, containing: ["nesting deeper"]) {
            try JSONDocumentReader.read("{\"a\": \(deep)}")
        }
    }
}
