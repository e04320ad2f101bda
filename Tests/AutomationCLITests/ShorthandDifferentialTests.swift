import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

/// Every input in Fixtures/shorthand-corpus.json (awscli's own test cases plus quoting, escapes, commas, brackets,
/// empty values, unicode and errors) parsed by `Shorthand.parse` and by awscli's ShorthandParser must agree:
/// the same value, or an error of the same kind at the same position.
@Suite struct ShorthandDifferentialTests {
    @Test func corpusAgreesWithTheAWSCLI() throws {
        guard case .array(let inputs) = try AWSCLIOracle.corpus("shorthand-corpus.json") else {
            Issue.record("shorthand-corpus.json is not a JSON array")
            return
        }
        #expect(inputs.count >= 100)
        let answers = try AWSCLIOracle.answers(mode: "shorthand", corpus: "shorthand-corpus.json")
        try #require(answers.count == inputs.count)
        var errors = 0
        for (input, answer) in zip(inputs, answers) {
            let text = AWSCLIOracle.substitute(try #require(input.stringValue))
            let ours: Result<JSONValue, ShorthandError> = Result { () throws(ShorthandError) in try Shorthand.parse(text) }
            switch (ours, answer["value"], answer["error"]) {
            case (.success(let value), let expected?, nil):
                #expect(value == expected, "input \(text.debugDescription)")
            case (.failure(let error), nil, let expected?):
                errors += 1
                #expect(Self.matches(error, expected), "input \(text.debugDescription): ours \(error.kind) at \(error.index), awscli \(expected.jsonText)")
            case (.success(let value), nil, let expected?):
                Issue.record("input \(text.debugDescription): ours parsed \(value.jsonText), awscli rejected it: \(expected.jsonText)")
            case (.failure(let error), _, _):
                Issue.record("input \(text.debugDescription): ours rejected it (\(error)), awscli answered \(answer.jsonText)")
            case (.success(let value), _, _):
                Issue.record("input \(text.debugDescription): ours parsed \(value.jsonText), awscli answered \(answer.jsonText)")
            }
        }
        // The corpus must exercise rejection as well as parsing.
        #expect(errors >= 30)
    }

    private static func matches(_ error: ShorthandError, _ expected: JSONValue) -> Bool {
        switch error.kind {
        case .syntax(let wanted, let actual):
            return expected["kind"] == "syntax" && expected["expected"]?.stringValue == wanted
                && expected["actual"]?.stringValue == actual && expected["index"]?.intValue == error.index
        case .duplicateKey(let key):
            return expected["kind"] == "duplicateKey" && expected["key"]?.stringValue == key
                && expected["index"]?.intValue == error.index
        case .paramFile(let message):
            return expected["kind"] == "paramFile" && expected["message"]?.stringValue == message
        }
    }
}
