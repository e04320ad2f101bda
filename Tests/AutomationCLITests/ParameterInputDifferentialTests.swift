import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

/// Each case of Fixtures/parameter-input-corpus.json (a flag of one of the six operations and its values) read by
/// `ParameterInput.value` and by the AWS CLI's own path for `aws ssm` flags (file://, ParamShorthandParser with the
/// SSM model's wrapping and conversions, unpack_cli_arg for JSON and scalars): same value, or both reject it.
@Suite struct ParameterInputDifferentialTests {
    @Test func corpusAgreesWithTheAWSCLI() throws {
        guard case .array(let cases) = try AWSCLIOracle.corpus("parameter-input-corpus.json") else {
            Issue.record("parameter-input-corpus.json is not a JSON array")
            return
        }
        let answers = try AWSCLIOracle.answers(mode: "arguments", corpus: "parameter-input-corpus.json")
        try #require(answers.count == cases.count)
        var rejected = 0
        for (testCase, answer) in zip(cases, answers) {
            let operationName = try #require(testCase["operation"]?.stringValue)
            let operation = try #require(OperationShape.named(operationName))
            let flag = try #require(testCase["flag"]?.stringValue)
            let member = try #require(operation.inputMember(forFlag: flag), "no member for \(flag)")
            let values = try #require(testCase["values"]?.arrayValue).compactMap(\.stringValue).map(AWSCLIOracle.substitute)
            let label = "\(operation.cliName) \(flag) \(values)"
            do {
                let ours = try ParameterInput.value(values, shape: member.shape, parameter: flag)
                #expect(ours == answer["value"], "\(label): ours \(ours.jsonText), awscli \(answer.jsonText)")
            } catch {
                rejected += 1
                #expect(answer["error"] != nil, "\(label): ours rejected it (\(error)), awscli \(answer.jsonText)")
                #expect(error.message.hasPrefix("Error parsing parameter '\(flag)': "), "\(label): \(error.message)")
            }
        }
        #expect(rejected >= 8)
    }
}
