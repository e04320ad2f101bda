import Foundation
import Testing

@testable import AutomationCLI

/// `--output yaml` against AWS CLI v2's YAML dumper: ruamel.yaml 0.17's safe dumper in block style, run by
/// python3 on the same value (v2 itself is not on PyPI; ruamel.yaml is what it prints with). scripts/test
/// installs ruamel.yaml.
@Suite struct YAMLOutputTests {
    /// Every case dumped by ruamel.yaml in one python3 run: a JSON list of documents in, a list of YAML out.
    static let oracle = """
        import io, json, sys
        from ruamel.yaml import YAML
        yaml = YAML(typ="safe")
        yaml.default_flow_style = False
        results = []
        for text in json.load(sys.stdin):
            out = io.StringIO()
            yaml.dump(json.loads(text), out)
            results.append(out.getvalue())
        json.dump(results, sys.stdout)
        """

    static func stringCase(_ text: String) -> String {
        PythonJSONWriter.render(.object([("key", .string(text)), (text, .array([.string(text)]))]))
    }

    static let ruamelResults: Result<[String: String], AWSCLIOracle.Failure> = {
        let cases = strings.map(stringCase) + documents
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-cases-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: input) }
        do {
            try JSONEncoder().encode(cases).write(to: input)
            let (output, status) = try AWSCLIOracle.run(["sh", "-c", "python3 -c \"$0\" < \"$1\"", oracle, input.path])
            guard status == 0 else {
                return .failure(.init(description: "ruamel.yaml failed (status \(status)); is it installed? Install it "
                    + "with `python3 -m pip install 'ruamel.yaml==0.17.21'` (scripts/test does this)."))
            }
            let dumps = try JSONDecoder().decode([String].self, from: Data(output.utf8))
            return .success(Dictionary(zip(cases, dumps), uniquingKeysWith: { first, _ in first }))
        } catch {
            return .failure(.init(description: "\(error)"))
        }
    }()

    static func ruamel(_ json: String) throws -> String {
        guard let dumped = try ruamelResults.get()[json] else {
            throw AWSCLIOracle.Failure(description: "no ruamel.yaml result for \(json)")
        }
        return dumped
    }

    static let strings = [
        "plain", "", " lead", "trail ", "#x", "a #b", "a#b", "- a", "-a", "-", ":a", "a:b", "a: b", "a:", "@x",
        "`x", "%x", "!x", "&x", "*x", "|x", ">x", "?x", "? x", "[x", "x]", "{x", "x,y", "null", "Null", "~", "true",
        "TRUE", "yes", "on", "1.5", ".5", "1e5", "0x1F", "0o17", "017", "+1", "-1", "1:20", "2024-01-01",
        "2001-12-14t21:59:43.10-05:00", "=", "<<", "...x", "---x", "\u{01}", "a\u{7F}b", "a\u{A0}b", "\u{FEFF}x",
        "é", "😀", "\"q\"", "it's", "it's ", "a\\b", ".inf", "1_000", "0b101", "12e", "1.2.3", "12:30:45", "a\tb",
        "line1\nline2", "line1\n\nline3 ", String(repeating: "w ", count: 50),
        String(repeating: String(repeating: "w", count: 20) + " ", count: 6) + "x",
        String(repeating: "it's ", count: 20) + "e", "é\t" + String(repeating: "w ", count: 45) + "e",
        String(repeating: "k", count: 130),
    ]

    static let documents: [String] = [
        #"{"b": null, "a": [1, {"y": "on", "x": "yes"}], "c": [], "d": {}, "e": 1.5, "f": 1e16, "g": true}"#,
        #"[[1, [2, []]], {"k": [{"a": "b"}]}, null, "x"]"#,
        #""abc""#, "5", "1.0", "null", "true", "[]", "{}", #""it's""#,
        #"{"KKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK": {"a": 1}, "a\nb": [1], "": "empty key"}"#,
        #"{"Long": {"Deep": {"Value": "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq"}}}"#,
    ]

    @Test(arguments: strings)
    func stringsAreWrittenAsRuamelWritesThem(text: String) throws {
        let json = Self.stringCase(text)
        #expect(YAMLOutput.document(try WireJSON.parse(Data(json.utf8))) == (try Self.ruamel(json)), "\(text.debugDescription)")
    }

    @Test(arguments: documents)
    func documentsAreWrittenAsRuamelWritesThem(json: String) throws {
        #expect(YAMLOutput.document(try WireJSON.parse(Data(json.utf8))) == (try Self.ruamel(json)), "\(json)")
    }

    @Test func yamlStreamIsOneListItemPerPage() throws {
        let pages = [
            try WireJSON.parse(Data(#"{"StepExecutions": [{"StepName": "a"}], "NextToken": "n"}"#.utf8)),
            try WireJSON.parse(Data(#"{"StepExecutions": [{"StepName": "b"}]}"#.utf8)),
        ]
        var text = ""
        try OutputRenderer.render(
            Paginator.Result(pages: pages, resumeToken: nil), resultKey: "StepExecutions",
            operation: .describeAutomationStepExecutions, settings: .init(format: .yamlStream), write: { text += $0 })
        #expect(text == "- NextToken: n\n  StepExecutions:\n  - StepName: a\n- StepExecutions:\n  - StepName: b\n")
    }
}
