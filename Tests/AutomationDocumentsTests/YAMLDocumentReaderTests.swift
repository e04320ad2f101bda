import AutomationModel
import Testing

@testable import AutomationDocuments

struct YAMLDocumentReaderTests {
    @Test func keepsMappingOrder() throws {
        guard case .mapping(let entries) = try YAMLDocumentReader.read("zeta: 1\nalpha: 2\nmid: 3\n") else {
            Issue.record("expected a mapping")
            return
        }
        #expect(entries.map(\.key) == ["zeta", "alpha", "mid"])
    }

    @Test func typesPlainScalarsTheYAML12Way() throws {
        let node = try YAMLDocumentReader.read(
            """
            int: 42
            negative: -7
            float: 2.5
            yes: true
            no: False
            empty:
            tilde: ~
            word: on
            date: 2024-01-02
            quotedNumber: '42'
            doubleQuoted: "true"
            explicit: !!str 12
            explicitInt: !!int "12"
            """)
        #expect(
            node.jsonValue
                == [
                    "int": 42, "negative": -7, "float": 2.5, "yes": true, "no": false, "empty": .null, "tilde": .null,
                    "word": "on", "date": "2024-01-02", "quotedNumber": "42", "doubleQuoted": "true",
                    "explicit": "12", "explicitInt": 12,
                ])
    }

    @Test func resolvesAnchorsAndAliases() throws {
        let node = try YAMLDocumentReader.read("base: &ids [a, b]\ncopy: *ids\n")
        #expect(node.jsonValue["copy"] == ["a", "b"])
    }

    @Test func rejectsBrokenYAMLWithItsLine() {
        expectServiceError(.invalidDocumentContent, containing: ["not valid YAML", "line 4"]) {
            try YAMLDocumentReader.read("a: 1\nb:\n  - x\n y: [\n")
        }
    }

    @Test func rejectsDuplicateKeys() {
        expectServiceError(.invalidDocumentContent, containing: ["name", "more than once"]) {
            try YAMLDocumentReader.read("name: a\nname: b\n")
        }
    }

    @Test func explainsAnUnquotedReference() {
        expectServiceError(.invalidDocumentContent, containing: ["line 1", "quote it"]) {
            try YAMLDocumentReader.read("InstanceIds: {{ InstanceIds }}\n")
        }
    }

    @Test func rejectsAnEmptyDocument() {
        expectServiceError(.invalidDocumentContent, containing: ["empty"]) {
            try YAMLDocumentReader.read("")
        }
    }

    @Test func rejectsAMisTaggedNumber() {
        expectServiceError(.invalidDocumentContent, containing: ["tagged as a number"]) {
            try YAMLDocumentReader.read("a: !!int twelve\n")
        }
    }

    @Test(arguments: [("1e3", 1000.0), ("+5", 5), (".5", 0.5), ("-0.25", -0.25)])
    func readsPlainNumbers(text: String, expected: Double) {
        #expect(PlainScalar.value(of: text) == .number(expected))
    }

    @Test(arguments: ["inf", "nan", "0x1F", "1.2.3", "-", "e5", "1_000", "Infinity"])
    func keepsNumberLikeWordsAsText(text: String) {
        #expect(PlainScalar.value(of: text) == .string(text))
    }
}
