import Foundation
import JMESPath
import Testing

@testable import AutomationCLI

/// `--query` results printed in json, text and table, compared byte for byte with the installed AWS CLI's own
/// formatters given the same answer and the same expression (python jmespath compiled, as `aws` does).
@Suite struct QueryOutputTests {
    /// Every expression in every format, formatted by awscli in one python3 run (one per case would take a
    /// minute): a JSON object from "format expression" to what the formatter wrote, or ERROR and the message.
    static let oracle = """
        import io, json, sys, jmespath
        from awscli.formatter import get_formatter
        answer = json.loads(sys.argv[1])
        results = {}
        for expression in json.loads(sys.argv[2]):
            for output in ("json", "text", "table"):
                class Arguments:
                    query = jmespath.compile(expression)
                    color = "off"
                formatter = get_formatter(output, Arguments())
                if output == "table":
                    formatter.table._terminal_width = 80
                stream = io.StringIO()
                try:
                    formatter("DescribeAutomationExecutions", json.loads(sys.argv[1]), stream)
                    results[output + " " + expression] = stream.getvalue()
                except Exception as error:
                    results[output + " " + expression] = "ERROR\\n" + str(error)
        json.dump(results, sys.stdout)
        """

    static let awsResults: Result<[String: String], AWSCLIOracle.Failure> = {
        do {
            let expressions = String(decoding: try JSONEncoder().encode(expressions), as: UTF8.self)
            let (output, status) = try AWSCLIOracle.run(["python3", "-c", oracle, answer, expressions])
            guard status == 0 else { return .failure(.init(description: "awscli's formatters failed (status \(status))")) }
            return .success(try JSONDecoder().decode([String: String].self, from: Data(output.utf8)))
        } catch {
            return .failure(.init(description: "\(error)"))
        }
    }()

    static func aws(_ json: String, _ expression: String, _ format: OutputFormat) throws -> String {
        guard let printed = try awsResults.get()[format.rawValue + " " + expression] else {
            throw AWSCLIOracle.Failure(description: "no oracle result for \(expression) as \(format)")
        }
        return printed
    }

    static func ours(_ json: String, _ expression: String, _ format: OutputFormat) throws -> String {
        let value = try WireJSON.parse(Data(json.utf8))
        let settings = OutputSettings(format: format, query: try OutputQuery(expression))
        do {
            return try OutputRenderer.render(value, operation: .describeAutomationExecutions, settings: settings)
        } catch {
            #expect(error.exitCode == 255)
            return "ERROR\n" + error.description.dropFirst()
        }
    }

    static let answer = #"""
        {"AutomationExecutionMetadataList": [
          {"AutomationExecutionId": "a1", "DocumentName": "Demo-Approval", "AutomationExecutionStatus": "Waiting",
           "ExecutionStartTime": 1763770226.48, "Outputs": {"x": ["1", "2"]}, "Mode": "Auto"},
          {"AutomationExecutionId": "b2", "DocumentName": "Demo-Pause", "AutomationExecutionStatus": "Success",
           "ExecutionStartTime": 1763770300, "ExecutionEndTime": 1763770301.5, "Mode": "Interactive"}
        ], "NextToken": "tok"}
        """#

    static let expressions = [
        "AutomationExecutionMetadataList[].AutomationExecutionId",
        "AutomationExecutionMetadataList[0].AutomationExecutionStatus",
        "length(AutomationExecutionMetadataList)",
        "AutomationExecutionMetadataList[?AutomationExecutionStatus=='Waiting'].[AutomationExecutionId, DocumentName]",
        "AutomationExecutionMetadataList[].{id: AutomationExecutionId, start: ExecutionStartTime}",
        "avg(AutomationExecutionMetadataList[].ExecutionStartTime)",
        "sum([`1`, `2.5`])",
        "max_by(AutomationExecutionMetadataList, &ExecutionStartTime).Outputs",
        "AutomationExecutionMetadataList[].Outputs",
        "NextToken",
        "nothing",
        "`false`",
        "`{}`",
        "`[]`",
        "``",
        "to_string(AutomationExecutionMetadataList[0])",
        "[AutomationExecutionMetadataList[0], {only: 'x'}]",
        "AutomationExecutionMetadataList[*].[AutomationExecutionId, [Mode, `1`]]",
        "[AutomationExecutionMetadataList[0], 'text']",
        "[AutomationExecutionMetadataList[0], `3`]",
        "[AutomationExecutionMetadataList[0], `null`]",
        "[AutomationExecutionMetadataList[0], `[\"x\"]`]",
        "abs(NextToken)",
        "no_such_function(@)",
        "sort_by(AutomationExecutionMetadataList, &Outputs)",
        // Parts of the answer returned as they are (deferred, never converted).
        "@",
        "AutomationExecutionMetadataList",
        "AutomationExecutionMetadataList[1]",
        "reverse(AutomationExecutionMetadataList)[].Outputs",
        "values(AutomationExecutionMetadataList[0])",
        "merge(AutomationExecutionMetadataList[0], AutomationExecutionMetadataList[1])",
        "contains(AutomationExecutionMetadataList[].Outputs, `{\"x\": [\"1\", \"2\"]}`)",
        "AutomationExecutionMetadataList[0].Outputs == `{\"x\": [\"1\", \"2\"]}`",
    ]

    @Test(arguments: expressions, [OutputFormat.json, .text, .table])
    func printsWhatTheAWSCLIPrints(expression: String, format: OutputFormat) throws {
        let expected = try Self.aws(Self.answer, expression, format)
        #expect(try Self.ours(Self.answer, expression, format) == expected, "\(expression) as \(format)")
    }

    @Test func numbersKeepPythonsIntAndFloat() throws {
        let value = try WireJSON.parse(Data(#"{"i": 5, "f": 1.50, "e": 1e3, "l": [1, 2]}"#.utf8))
        #expect(try OutputQuery("i").apply(value) == .number("5"))
        #expect(try OutputQuery("f").apply(value) == .number("1.5"))
        #expect(try OutputQuery("e").apply(value) == .number("1000.0"))
        #expect(try OutputQuery("avg(l)").apply(value) == .number("1.5"))
        #expect(try OutputQuery("sum(l)").apply(value) == .number("3"))
        #expect(JMESValue(WireJSON.number("12")) == .integer(12))
    }

    @Test func arraysAndObjectsAreConvertedOnlyWhereTheQueryLooks() throws {
        let value = try WireJSON.parse(Data(#"{"rows": [{"n": 123456789012345678901234567890, "f": 1.50}], "s": "x"}"#.utf8))
        guard case .deferred = JMESValue(value) else {
            Issue.record("an object was converted before the query looked inside it")
            return
        }
        #expect(JMESValue(WireJSON.string("x")) == .string("x"))
        // What the query returns untouched is the wire value itself, printed as it is printed without --query.
        let rows = try #require(value["rows"])
        #expect(try OutputQuery("rows").apply(value) == rows)
        #expect(try OutputQuery("@").apply(value) == value)
        // The rows inside come back as sent, so an integer beyond Int keeps its digits, as Python keeps them.
        #expect(PythonJSONWriter.render(try OutputQuery("rows").apply(value)).contains("123456789012345678901234567890"))
        #expect(try OutputQuery("length(rows)").apply(value) == .number("1"))
        #expect(try OutputQuery("rows[0].f").apply(value) == .number("1.5"))
    }

    @Test func aBadExpressionIsBadInputWorthedAsTheAWSCLIWordsIt() {
        do {
            _ = try OutputQuery("[")
            Issue.record("'[' compiled")
        } catch {
            #expect(error.exitCode == 252)
            #expect(error.description == "\nBad value for --query [: Invalid jmespath expression: Incomplete expression:\n\"[\"\n  ^")
        }
        #expect(throws: CLIFailure.self) { try ArgumentScanner.scan(["--query", "a[?"], operation: .getAutomationExecution) }
    }

    @Test func textPagesAreQueriedOneByOneAsTheAWSCLIStreamsThem() throws {
        let pages = [
            try WireJSON.parse(Data(#"{"AutomationExecutionMetadataList": [{"AutomationExecutionId": "a"}], "NextToken": "n"}"#.utf8)),
            try WireJSON.parse(Data(#"{"AutomationExecutionMetadataList": [{"AutomationExecutionId": "b"}, {"AutomationExecutionId": "c"}]}"#.utf8)),
        ]
        let result = Paginator.Result(pages: pages, resumeToken: "resume")
        var text = ""
        try OutputRenderer.render(
            result, resultKey: "AutomationExecutionMetadataList", operation: .describeAutomationExecutions,
            settings: .init(format: .text, query: try OutputQuery("AutomationExecutionMetadataList[].AutomationExecutionId")),
            write: { text += $0 })
        // Each page's IDs on a line, then the query applied to the resume token's own dict (no such member: None).
        #expect(text == "a\nb\tc\nNone\n")
        // A query that fails on the token's dict fails there, after the pages were written.
        var partial = ""
        #expect(throws: CLIFailure.self) {
            try OutputRenderer.render(
                result, resultKey: "AutomationExecutionMetadataList", operation: .describeAutomationExecutions,
                settings: .init(format: .text, query: try OutputQuery("length(AutomationExecutionMetadataList)")),
                write: { partial += $0 })
        }
        #expect(partial == "1\n2\n")
        var json = ""
        try OutputRenderer.render(
            result, resultKey: "AutomationExecutionMetadataList", operation: .describeAutomationExecutions,
            settings: .init(format: .json, query: try OutputQuery("[length(AutomationExecutionMetadataList), NextToken]")),
            write: { json += $0 })
        #expect(json == "[\n    3,\n    \"resume\"\n]\n")
    }
}
