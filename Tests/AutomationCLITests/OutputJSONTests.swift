import Foundation
import Testing

@testable import AutomationCLI

@Suite struct OutputJSONTests {
    /// The expected text is what Python 3.11 prints for json.dumps(value, indent=4, ensure_ascii=False).
    @Test func writesWhatPythonWrites() throws {
        let wire = try WireJSON.parse(
            Data(#"{"a":[1,1.5,1763770226.480,1e16,1e-5,0.0001,{},[]],"b":"x\"\\\n\t\u0001é\/","c":{"d":null,"e":true}}"#.utf8))
        let expected = "{\n    \"a\": [\n        1,\n        1.5,\n        1763770226.48,\n        1e+16,\n        1e-05,\n        0.0001,\n        {},\n        []\n    ],\n    \"b\": \"x\\\"\\\\\\n\\t\\u0001é/\",\n    \"c\": {\n        \"d\": null,\n        \"e\": true\n    }\n}"
        #expect(PythonJSONWriter.render(wire) == expected)
    }

    @Test(arguments: [
        ("1763770226.482", "1763770226.482"), ("1e16", "1e+16"), ("1.5e-7", "1.5e-07"),
        ("123456789012345.6", "123456789012345.6"), ("0.0001", "0.0001"), ("12345678901234567.0", "1.2345678901234568e+16"),
        ("100.0", "100.0"), ("2.5e+300", "2.5e+300"), ("42", "42"), ("-3.0", "-3.0"),
    ])
    func numbersAsPythonRepr(literal: String, python: String) {
        #expect(PythonNumber.repr(literal) == python)
    }

    /// Fixed notation is taken from Swift's description as it is: the same as laying its digits out again, for
    /// numbers of every magnitude (Swift writes exponents from 2^53, Python from 1e16: those are laid out).
    @Test func fixedNotationIsTakenAsItIs() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [9_007_199_254_740_992, 9_999_999_999_999_998, 1e16, 0.0001, 0.00009999, 1_796_561_005.248_046_4]
        for exponent in -10...20 {
            for _ in 0..<50 { values.append(Double.random(in: 1..<10, using: &generator) * pow(10, Double(exponent))) }
        }
        for value in values + values.map(-) {
            #expect(PythonNumber.floatRepr(value) == PythonNumber.pythonLayout(value.description), "\(value)")
        }
        #expect(PythonNumber.floatRepr(9_999_999_999_999_998) == "9999999999999998.0")
    }

    @Test func keepsMemberOrderAndRejectsBadJSON() throws {
        let wire = try WireJSON.parse(Data(#"{"z":1,"a":2,"m":3}"#.utf8))
        #expect(PythonJSONWriter.render(wire, indent: 1) == "{\n \"z\": 1,\n \"a\": 2,\n \"m\": 3\n}")
        #expect(throws: WireJSONError.self) { try WireJSON.parse(Data(#"{"a":}"#.utf8)) }
        #expect(try WireJSON.parse(Data()) == .object([]))
    }

    @Test func ordersByModelAndDropsUnknownMembersAndNulls() throws {
        let wire = try WireJSON.parse(
            Data(#"{"AutomationExecution":{"Mode":"Auto","Unknown":1,"FailureMessage":null,"AutomationExecutionId":"x","Parameters":{"b":["1"],"a":["2"]}}}"#.utf8))
        let ordered = ModelOrder.apply(OperationShape.getAutomationExecution.output, to: wire)
        let expected = try WireJSON.parse(
            Data(#"{"AutomationExecution":{"AutomationExecutionId":"x","Parameters":{"b":["1"],"a":["2"]},"Mode":"Auto"}}"#.utf8))
        #expect(ordered == expected)
    }

    @Test func ordersEveryRowOfAListingAndKeepsTheFirstOfAMemberSentTwice() throws {
        let wire = try WireJSON.parse(
            Data(#"{"AutomationExecutionMetadataList":[{"Mode":"Auto","AutomationExecutionId":"a","Mode":"Interactive","Unknown":1},{"DocumentName":null,"AutomationExecutionId":"b","DocumentName":"D"},7]}"#.utf8))
        let ordered = ModelOrder.apply(OperationShape.describeAutomationExecutions.output, to: wire)
        let expected = try WireJSON.parse(
            Data(#"{"AutomationExecutionMetadataList":[{"AutomationExecutionId":"a","Mode":"Auto"},{"AutomationExecutionId":"b"},7]}"#.utf8))
        #expect(ordered == expected)
    }

    @Test func emptyAnswerPrintsNothing() throws {
        #expect(try OutputRenderer.render(.object([]), operation: .sendAutomationSignal, settings: .init(format: .json)) == "")
        #expect(try OutputRenderer.render(.object([]), operation: .stopAutomationExecution, settings: .init(format: .text)) == "")
        #expect(try OutputRenderer.render(.object([]), operation: .stopAutomationExecution, settings: .init(format: .yaml)) == "")
    }
}

@Suite struct OutputTextTests {
    /// Expected output from awscli.text.format_text on the same data.
    @Test func listsOfDictsShareSortedScalarColumns() throws {
        let wire = try WireJSON.parse(
            Data(#"{"AutomationExecutionMetadataList":[{"Id":"1","Status":"Success","Outputs":{"k":["v"]}},{"Id":"2","Mode":"Auto"}],"NextToken":"t"}"#.utf8))
        let expected = """
            t
            AUTOMATIONEXECUTIONMETADATALIST\t1\t\tSuccess
            K\tv
            AUTOMATIONEXECUTIONMETADATALIST\t2\tAuto\t

            """
        #expect(try TextOutput.render(wire) == expected)
    }

    @Test func scalarsPrintAsPythonStr() throws {
        #expect(try TextOutput.render(.object([("B", .bool(true)), ("A", .number("1.50"))])) == "1.5\tTrue\n")
    }
}
