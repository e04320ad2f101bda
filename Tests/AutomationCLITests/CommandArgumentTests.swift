import Foundation
import Testing

@testable import AutomationCLI

@Suite struct CommandArgumentTests {
    @Test func readsParametersGlobalAndPagingOptionsInAnyOrder() throws {
        let parsed = try ArgumentScanner.scan(
            [
                "--region", "eu-west-1", "--automation-execution-id", "abc", "--filters", "Key=StepName,Values=a",
                "Key=Action,Values=b", "--reverse-order", "--max-items=5", "--debug", "--no-verify-ssl", "--local",
                "--data-dir", "/tmp/x", "--cli-read-timeout", "0", "--output", "text",
            ], operation: .describeAutomationStepExecutions)
        #expect(parsed.parameters["AutomationExecutionId"] == ["abc"])
        #expect(parsed.parameters["Filters"] == ["Key=StepName,Values=a", "Key=Action,Values=b"])
        #expect(parsed.parameters["ReverseOrder"] == ["true"])
        #expect(parsed.global.region == "eu-west-1")
        #expect(parsed.global.debug && !parsed.global.verifySSL && parsed.global.local)
        #expect(parsed.global.dataDirectory == "/tmp/x")
        #expect(parsed.global.output == .text)
        #expect(parsed.paging.maxItems == 5)
    }

    @Test func booleansTakeNoValueAndHaveANoForm() throws {
        let parsed = try ArgumentScanner.scan(
            ["--automation-execution-id", "abc", "--no-reverse-order"], operation: .describeAutomationStepExecutions)
        #expect(parsed.parameters["ReverseOrder"] == ["false"])
    }

    @Test func skeletonKindDefaultsToInput() throws {
        #expect(try ArgumentScanner.scan(["--generate-cli-skeleton"], operation: .sendAutomationSignal).skeleton == .input)
        #expect(
            try ArgumentScanner.scan(["--generate-cli-skeleton", "yaml-input"], operation: .sendAutomationSignal).skeleton
                == .yamlInput)
    }

    @Test(arguments: [
        (["--bogus", "1"], "Unknown options: --bogus, 1"),
        (["--color", "purple"], "argument --color: invalid choice: 'purple'"),
        (["--output", "xml"], "invalid choice: 'xml'"),
        (["--signal-type"], "argument --signal-type: expected one argument"),
        (["--max-items", "many"], "invalid int value: 'many'"),
        (["--generate-cli-skeleton", "everything"], "invalid choice: 'everything'"),
    ])
    func badWordsAreBadInput(words: [String], message: String) {
        expectBadInput(words, operation: .sendAutomationSignal, message: message)
    }

    /// argparse refuses a value on a flag that takes none; it must not become false and be sent.
    @Test(arguments: [
        (["--reverse-order=banana"], "argument --reverse-order: ignored explicit argument 'banana'"),
        (["--reverse-order=true"], "argument --reverse-order: ignored explicit argument 'true'"),
        (["--no-reverse-order=x"], "argument --no-reverse-order: ignored explicit argument 'x'"),
        (["--debug=yes"], "argument --debug: ignored explicit argument 'yes'"),
        (["--no-paginate=1"], "argument --no-paginate: ignored explicit argument '1'"),
        (["--cli-read-timeout", "-1"], "argument --cli-read-timeout: -1 is negative"),
    ])
    func flagValuesThatCannotBeSentAreBadInput(words: [String], message: String) {
        expectBadInput(["--automation-execution-id", "x"] + words, operation: .describeAutomationStepExecutions, message: message)
    }

    @Test func timeoutZeroMeansNoLimitAndNegativeIsRefused() throws {
        #expect(try GlobalOptions.timeout(seconds: 0, option: "--cli-read-timeout") == .seconds(365 * 24 * 3600))
        #expect(try GlobalOptions.timeout(seconds: 7, option: "--cli-read-timeout") == .seconds(7))
        #expect(throws: CLIFailure.self) { try GlobalOptions.timeout(seconds: -1, option: "--cli-read-timeout") }
    }

    private func expectBadInput(_ words: [String], operation: OperationShape, message: String) {
        do {
            _ = try ArgumentScanner.scan(words, operation: operation)
            Issue.record("accepted \(words)")
        } catch {
            #expect(error.exitCode == 252)
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}

/// Collects what a command writes.
final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    var standardOutput: String { lock.withLock { out } }
    var standardError: String { lock.withLock { err } }
    func writeOut(_ text: String) { lock.withLock { out += text } }
    func writeErr(_ text: String) { lock.withLock { err += text } }
}

@Suite struct CommandRunTests {
    private func run(_ operation: OperationShape, _ words: [String]) async -> (Int32, Captured) {
        let captured = Captured()
        let command = OperationCommand(
            operation: operation, environment: ["HOME": NSTemporaryDirectory(), "USER": "tester"],
            standardOutput: { captured.writeOut($0) }, standardError: { captured.writeErr($0) })
        return (await command.run(words), captured)
    }

    private func dataDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("command-\(UUID().uuidString)").path
    }

    @Test func localEngineRoundTrip() async throws {
        let directory = dataDirectory()
        let (listCode, listed) = await run(.describeAutomationExecutions, ["--local", "--data-dir", directory])
        #expect(listCode == 0)
        #expect(listed.standardOutput == "{\n    \"AutomationExecutionMetadataList\": []\n}\n")

        let (startCode, started) = await run(
            .startAutomationExecution, ["--local", "--data-dir", directory, "--document-name", "Demo-PauseAndResume", "--output", "text"])
        #expect(startCode == 0, "\(started.standardError)")
        let id = started.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 36)

        let (getCode, got) = await run(.getAutomationExecution, ["--local", "--data-dir", directory, "--automation-execution-id", id])
        #expect(getCode == 0)
        let answer = try WireJSON.parse(Data(got.standardOutput.utf8))
        #expect(answer["AutomationExecution"]?["AutomationExecutionStatus"] == .string("Waiting"))

        let (stopCode, stopped) = await run(
            .stopAutomationExecution, ["--local", "--data-dir", directory, "--automation-execution-id", id, "--type", "Cancel"])
        #expect(stopCode == 0)
        #expect(stopped.standardOutput == "")
    }

    @Test func missingRequiredFlagsAreNamed() async {
        let (code, captured) = await run(.sendAutomationSignal, ["--local", "--data-dir", dataDirectory()])
        #expect(code == 252)
        #expect(captured.standardError.contains("the following arguments are required: --automation-execution-id, --signal-type"))
    }

    @Test func pagingFlagsOnlyWhereThereArePages() async {
        let (code, captured) = await run(.getAutomationExecution, ["--automation-execution-id", "x", "--max-items", "2"])
        #expect(code == 252)
        #expect(captured.standardError.contains("returns one answer, not pages"))
        let (noPaginate, err) = await run(.describeAutomationExecutions, ["--no-paginate", "--max-items", "2"])
        #expect(noPaginate == 252)
        #expect(err.standardError.contains("Cannot specify --no-paginate"))
    }

    @Test func skeletonSendsNothingAndNeedsNoConnection() async {
        let (code, captured) = await run(.sendAutomationSignal, ["--generate-cli-skeleton", "--region", "nowhere-1"])
        #expect(code == 0)
        #expect(captured.standardOutput.contains("\"AutomationExecutionId\": \"\""))
    }

    @Test func helpListsTheOperationsFlags() async {
        let (code, captured) = await run(.sendAutomationSignal, ["help"])
        #expect(code == 0)
        #expect(captured.standardOutput.contains("--signal-type <Approve|Reject|StartStep|StopStep|Resume|Revoke>"))
        #expect(captured.standardOutput.contains("The SignalType member. Required."))
        #expect(captured.standardOutput.contains("--query <JMESPATH>"))
        #expect(captured.standardOutput.contains("--payload"))
    }
}
