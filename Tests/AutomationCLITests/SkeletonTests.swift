import AutomationModel
import Foundation
import Testing

@testable import AutomationCLI

/// `--generate-cli-skeleton` against the installed AWS CLI v1 (awscli 1.45): `input` for every operation and
/// `output` where the AWS CLI can print it, byte for byte.
@Suite struct SkeletonTests {
    static let executionID = "12345678-1234-1234-1234-123456789012"

    /// The flags the AWS CLI needs before it prints an `output` skeleton (it validates the input first).
    static let requiredFlags: [String: [String]] = [
        "send-automation-signal": ["--automation-execution-id", executionID, "--signal-type", "Approve"],
        "stop-automation-execution": ["--automation-execution-id", executionID],
        "describe-automation-step-executions": ["--automation-execution-id", executionID],
    ]

    static func aws(_ arguments: [String]) throws -> String {
        let (output, status) = try AWSCLIOracle.run(
            ["aws", "ssm"] + arguments,
            environment: ["AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret"])
        guard status == 0 else {
            throw AWSCLIOracle.Failure(description: "aws ssm \(arguments.joined(separator: " ")) failed with status \(status); "
                + "install the AWS CLI v1 with `python3 -m pip install awscli` (scripts/test does this)")
        }
        return output
    }

    @Test(arguments: OperationShape.all.map(\.cliName))
    func inputMatchesTheAWSCLI(operationName: String) throws {
        let operation = try #require(OperationShape.named(operationName))
        let theirs = try Self.aws([operationName, "--generate-cli-skeleton", "input"])
        let ours = try Skeleton.render(operation, kind: .input)
        let enumValues = Set(ServiceModel.shapes.values.flatMap(\.enumValues))
        let ourLines = ours.split(separator: "\n", omittingEmptySubsequences: false)
        let theirLines = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        try #require(ourLines.count == theirLines.count, "ours:\n\(ours)\nAWS CLI:\n\(theirs)")
        for (our, their) in zip(ourLines, theirLines) where our != their {
            // botocore picks an enum member at random (random.choice); ours always picks the first. Any enum value
            // in the same place is the same skeleton.
            let ourValue = Self.quotedValue(our), theirValue = Self.quotedValue(their)
            #expect(
                ourValue != nil && theirValue != nil && enumValues.contains(ourValue!.value) && enumValues.contains(theirValue!.value)
                    && ourValue!.prefix == theirValue!.prefix,
                "ours: \(our)\nAWS CLI: \(their)")
        }
    }

    /// `    "Key": "Value",` → ("    \"Key\": ", "Value").
    static func quotedValue(_ line: Substring) -> (prefix: Substring, value: String)? {
        guard let colon = line.range(of: "\": \"") else { return nil }
        var rest = line[colon.upperBound...]
        if rest.hasSuffix(",") { rest = rest.dropLast() }
        guard rest.hasSuffix("\"") else { return nil }
        return (line[..<colon.upperBound], String(rest.dropLast()))
    }

    @Test(arguments: ["send-automation-signal", "stop-automation-execution", "describe-automation-step-executions"])
    func outputMatchesTheAWSCLI(operationName: String) throws {
        let operation = try #require(OperationShape.named(operationName))
        let theirs = try Self.aws([operationName] + Self.requiredFlags[operationName, default: []] + ["--generate-cli-skeleton", "output"])
        #expect(try Skeleton.render(operation, kind: .output) == theirs)
    }

    /// For StartAutomationExecution, GetAutomationExecution and DescribeAutomationExecutions the AWS CLI v1 rejects
    /// its own stub response (a member-named AutomationExecutionId is shorter than the model's 36 characters), so it
    /// prints no output skeleton. The expectation is what it would print: botocore's ArgumentGenerator with member
    /// names, written by json.dumps(indent=4) with awscli's json_encoder, run in the test.
    /// The Run Command reads fail alike: a member-named CommandId is shorter than 36 characters.
    @Test(arguments: [
        "start-automation-execution", "get-automation-execution", "describe-automation-executions", "list-commands",
        "list-command-invocations", "get-command-invocation",
    ])
    func outputMatchesBotocoresGenerator(operationName: String) throws {
        let operation = try #require(OperationShape.named(operationName))
        let script = """
            import json, sys
            import botocore.session
            from botocore.utils import ArgumentGenerator
            from awscli.utils import json_encoder
            model = botocore.session.get_session().get_service_model("ssm").operation_model(sys.argv[1])
            skeleton = ArgumentGenerator(use_member_names=True).generate_skeleton(model.output_shape)
            if skeleton:
                print(json.dumps(skeleton, indent=4, default=json_encoder, ensure_ascii=False))
            """
        let (theirs, status) = try AWSCLIOracle.run(["python3", "-c", script, operation.apiName])
        try #require(status == 0, "botocore/awscli missing: install them with `python3 -m pip install awscli`")
        #expect(try Skeleton.render(operation, kind: .output) == theirs)
    }

    /// awscli 1.x has no `yaml-input` (only AWS CLI v2 does): ours is compared with checked-in expectations in v2's
    /// layout (Fixtures/skeleton-yaml-input/), and PyYAML must read it as the same document as the JSON skeleton.
    @Test(arguments: OperationShape.all.map(\.cliName))
    func yamlInputIsTheJSONSkeletonInYAML(operationName: String) throws {
        let operation = try #require(OperationShape.named(operationName))
        let ours = try Skeleton.render(operation, kind: .yamlInput)
        let expected = try String(
            contentsOf: AWSCLIOracle.fixtures.appendingPathComponent("skeleton-yaml-input/\(operationName).yaml"), encoding: .utf8)
        #expect(ours == expected)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("skeleton-\(UUID().uuidString).yaml")
        try ours.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let (json, status) = try AWSCLIOracle.run([
            "python3", "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", file.path,
        ])
        try #require(status == 0, "PyYAML missing or the YAML does not parse: install it with `python3 -m pip install pyyaml`")
        #expect(try JSONValue.parse(json) == JSONValue.parse(Skeleton.render(operation, kind: .input)))
    }

    @Test func unknownKindIsAnErrorNamingTheChoices() throws {
        #expect(try Skeleton.kind(named: "yaml-input") == .yamlInput)
        do {
            _ = try Skeleton.kind(named: "yaml")
            Issue.record("an unknown kind was accepted")
        } catch {
            #expect(error.message.contains("input, output, yaml-input"))
        }
    }
}
