import Foundation
import Testing

@testable import AutomationCLI

/// `--output table` on small shapes, compared byte for byte with the installed AWS CLI's own TableFormatter run on
/// the same JSON with the same terminal width.
@Suite struct TableOutputTests {
    /// awscli's TableFormatter writing to stdout (so colorama's autoreset applies with colour on, as in `aws`),
    /// with the terminal width set by hand: MultiTable keeps the width it measured unless told otherwise.
    static let oracle = """
        import json, sys
        from awscli.formatter import TableFormatter
        class Arguments:
            query = None
            color = sys.argv[3]
        formatter = TableFormatter(Arguments())
        formatter.table._terminal_width = int(sys.argv[2])
        formatter(sys.argv[4], json.loads(sys.argv[1]))
        """

    static func awsTable(_ json: String, width: Int, color: Bool, title: String) throws -> String {
        let (output, status) = try AWSCLIOracle.run(
            ["python3", "-c", oracle, json, String(width), color ? "on" : "off", title])
        guard status == 0 else {
            throw AWSCLIOracle.Failure(description: "awscli's TableFormatter failed (status \(status)) on \(json); is "
                + "awscli installed? Install it with `python3 -m pip install awscli` (scripts/test does this).")
        }
        return output
    }

    static func ours(_ json: String, width: Int, color: Bool, title: String) throws -> String {
        let value = try WireJSON.parse(Data(json.utf8))
        return try TableOutput.render(value, title: title, terminal: TableTerminal(width: width, colorized: color))
    }

    static let shapes: [String] = [
        // A list of scalars, and one scalar member (printed as a name/value row).
        #"{"Names": ["a", "bb", "ccc"], "Id": "abc"}"#,
        // Maps inside maps, scalars of every kind.
        #"{"A": {"B": {"C": "x", "D": 1, "E": 2.50}, "F": true}, "G": 1.5, "H": false, "I": 0, "J": 1e21}"#,
        // Empty lists and maps print nothing; a dict with nothing else prints its title and a rule.
        #"{"List": [], "Map": {}, "Name": "x"}"#,
        #"{"List": []}"#,
        // List elements with different keys, some with nested members, some without.
        #"{"Items": [{"a": 1, "n": {"x": "y"}}, {"b": "z"}, {"a": 3, "c": "q", "n": {"x": "w", "v": ["1", "2"]}}]}"#,
        // A list of dicts with no nested members: one header, several rows.
        #"{"Rows": [{"Name": "one", "Size": 1}, {"Name": "two", "Size": 22}, {"Name": "three"}]}"#,
        // Lists of lists, lists mixing scalars and lists (of the same length: awscli refuses rows of differing
        // lengths, which answers shaped by the API model never have).
        #"{"M": [["a", "b"], ["c", "d"]], "N": ["x", ["y"]], "O": [[{"k": "v", "l": "u"}]]}"#,
        // Wide and ambiguous-width characters count two columns.
        #"{"Name": "日本語のテキスト", "Greek": "αβγ", "Plain": "abc", "Emoji": "🙂"}"#,
        // Keys sorted by code point (capitals before lower case), a long title wider than the columns.
        #"{"b": "1", "B": "2", "a": "3", "ThisIsAVeryLongMemberNameThatMakesATitleWiderThanItsColumns": {"x": "1", "y": "2"}}"#,
        // Nulls and empty strings as cells, a top-level list.
        #"{"Values": [{"k": null, "v": ""}, {"k": "a", "v": "b"}]}"#,
        #"[{"a": "1"}, {"a": "2", "b": {"c": "3"}}]"#,
        // Control characters and quotes pass through untouched.
        #"{"Text": "line one\nline two", "Quote": "it's \"quoted\"", "Tab": "a\tb"}"#,
    ]

    @Test(arguments: shapes, [80, 40, 200, 0])
    func matchesTheAWSCLIFormatter(json: String, width: Int) throws {
        let expected = try Self.awsTable(json, width: width, color: false, title: "SomeOperation")
        #expect(try Self.ours(json, width: width, color: false, title: "SomeOperation") == expected, "\(json)")
    }

    @Test(arguments: shapes)
    func colorMatchesTheAWSCLIWithItsResets(json: String) throws {
        let expected = try Self.awsTable(json, width: 80, color: true, title: "SomeOperation")
        #expect(expected.contains("\u{1B}[0m"))
        #expect(try Self.ours(json, width: 80, color: true, title: "SomeOperation") == expected, "\(json)")
    }

    /// Many columns whose widths must be scaled to the table's width, where Python's round-half-to-even and the
    /// off-by-one correction both show.
    @Test(arguments: [10, 13, 27, 61])
    func scaledColumnsMatch(titleLength: Int) throws {
        let json = #"{"Rows": [{"a": "x", "bb": "yy", "ccc": "zzz", "d": "1234567", "e": "12"}, {"a": "xx"}]}"#
        let title = String(repeating: "T", count: titleLength) + "Operation"
        let expected = try Self.awsTable(json, width: 80, color: false, title: title)
        #expect(try Self.ours(json, width: 80, color: false, title: title) == expected)
    }

    @Test func anEmptyAnswerPrintsNothing() throws {
        #expect(try Self.ours("{}", width: 80, color: false, title: "StopAutomationExecution") == "")
        #expect(try Self.awsTable("{}", width: 80, color: false, title: "StopAutomationExecution") == "")
        #expect(try OutputRenderer.render(.object([]), operation: .stopAutomationExecution, settings: .init(format: .table)) == "")
    }

    @Test func titledWithTheOperationNameInTheModelShape() throws {
        let answer = try WireJSON.parse(Data(#"{"AutomationExecutionId": "abc", "Unknown": "dropped"}"#.utf8))
        let table = try OutputRenderer.render(answer, operation: .startAutomationExecution, settings: .init(format: .table))
        #expect(table == """
            ----------------------------------
            |    StartAutomationExecution    |
            +-------------------------+------+
            |  AutomationExecutionId  |  abc |
            +-------------------------+------+

            """)
    }

    @Test func widthCountsWideAndAmbiguousCharactersTwice() {
        #expect(TableText.width("abc") == 3)
        #expect(TableText.width("日本") == 4)
        #expect(TableText.width("α") == 2)
        #expect(TableText.width("🙂") == 2)
        // A combining accent is East Asian ambiguous too, so awscli counts it as two more columns.
        #expect(TableText.width("e\u{301}") == 3)
    }
}
