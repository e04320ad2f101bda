import AutomationModel
import Foundation
import Testing

@testable import LocalEngine

#if canImport(Glibc)
import Glibc
#endif

@Suite("aws:runCommand runner")
struct ActionsRunCommandTests {
    static let localhost = "mi-00000000000000001"

    private func runner(
        _ directory: ActionsTestDirectory, instances: ManagedInstanceRegistry = ManagedInstanceRegistry(),
        region: String? = "eu-west-1"
    ) -> RunCommandRunner {
        RunCommandRunner(dataDirectory: directory.url, instances: instances, region: region, terminationGrace: 0.5)
    }

    private func inputs(_ parameters: [String: JSONValue], instanceIds: JSONValue = [.string(localhost)])
        -> [String: JSONValue]
    {
        ["DocumentName": "AWS-RunShellScript", "InstanceIds": instanceIds, "Parameters": .object(parameters)]
    }

    private func run(_ directory: ActionsTestDirectory, _ inputs: [String: JSONValue]) async -> ActionOutcome {
        await runner(directory).run(ActionsTest.invocation("aws:runCommand", inputs))
    }

    @Test func handlesOnlyRunCommand() throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        #expect(runner(directory).actions == ["aws:runCommand"])
    }

    @Test func successReportsSSMOutputs() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(directory, inputs(["commands": ["echo hello", "echo world"]]))
        #expect(outcome.succeeded)
        let outputs = outcome.result.outputs
        #expect(outputs["Status"] == "Success")
        #expect(outputs["ResponseCode"] == .number(0))
        #expect(outputs["Output"] == "hello\nworld\n")
        let commandId = try #require(outputs["CommandId"]?.stringValue)
        #expect(UUID(uuidString: commandId) != nil)
        #expect(outcome.result.failureMessage == nil)
        #expect(directory.processRecords.isEmpty)
    }

    @Test func runsInTheInstanceDirectoryWithSSMEnvironment() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(
            directory, inputs(["commands": "pwd\necho \"$AWS_SSM_INSTANCE_ID $AWS_SSM_REGION_NAME\""]))
        let expected = URL(fileURLWithPath: directory.path).appendingPathComponent("instances/\(Self.localhost)")
            .resolvingSymlinksInPath().path
        #expect(outcome.result.outputs["Output"] == .string("\(expected)\n\(Self.localhost) eu-west-1\n"))
    }

    @Test func noRegionLeavesTheRegionVariableOut() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await runner(directory, region: nil).run(
            ActionsTest.invocation("aws:runCommand", inputs(["commands": ["echo \"[${AWS_SSM_REGION_NAME-unset}]\""]])))
        #expect(outcome.result.outputs["Output"] == "[unset]\n")
    }

    @Test func commandLinesShareOneShell() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(directory, inputs(["commands": ["X=41", "echo $((X + 1))"]]))
        #expect(outcome.result.outputs["Output"] == "42\n")
    }

    @Test func stderrFollowsTheErrorSeparator() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(directory, inputs(["commands": ["printf out", "echo warn >&2"]]))
        #expect(outcome.succeeded)
        #expect(outcome.result.outputs["Output"] == "out\n----------ERROR-------\nwarn\n")
    }

    @Test func nonZeroExitFailsTheStepWithInstanceCodeAndStderr() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(directory, inputs(["commands": ["echo working", "echo 'disk full' >&2", "exit 3"]]))
        #expect(!outcome.succeeded)
        let result = outcome.result
        #expect(result.outputs["Status"] == "Failed")
        #expect(result.outputs["ResponseCode"] == .number(3))
        #expect(result.outputs["Output"] == "working\n----------ERROR-------\ndisk full\n")
        let message = try #require(result.failureMessage)
        #expect(message.contains(Self.localhost))
        #expect(message.contains("exited with code 3"))
        #expect(message.contains("disk full"))
        #expect(result.failureDetails?.failureType == "Action")
        #expect(result.failureDetails?.details?["ResponseCode"] == ["3"])
        #expect(result.responseCode == "3")
    }

    @Test func executionTimeoutStopsTheCommandAsTimedOut() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let started = Date()
        let outcome = await run(directory, inputs(["commands": ["echo begin", "sleep 30"], "executionTimeout": ["1"]]))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(!outcome.succeeded)
        #expect(outcome.result.outputs["Status"] == "TimedOut")
        #expect(outcome.result.outputs["Output"] == "begin\n")
        #expect(outcome.result.failureMessage?.contains("executionTimeout of 1 seconds") == true)
        #expect(outcome.result.failureDetails?.failureType == "TimedOut")
    }

    @Test func executionTimeoutAcceptsNumbersAndRefusesNonsense() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let numeric = await run(directory, inputs(["commands": ["sleep 3"], "executionTimeout": 1]))
        #expect(numeric.result.outputs["Status"] == "TimedOut")
        for bad: JSONValue in ["soon", 0, "-5", 200_000, 1.5] {
            let outcome = await run(directory, inputs(["commands": ["true"], "executionTimeout": bad]))
            #expect(outcome.result.failureMessage?.contains("whole number of seconds from 1 to 172800") == true)
        }
    }

    @Test func explicitWorkingDirectoryIsUsedAndMustExist() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let existing = directory.url.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        let outcome = await run(directory, inputs(["commands": ["pwd"], "workingDirectory": [.string(existing.path)]]))
        #expect(outcome.result.outputs["Output"] == .string(existing.resolvingSymlinksInPath().path + "\n"))

        let missing = directory.url.appendingPathComponent("nowhere").path
        let failed = await run(directory, inputs(["commands": ["pwd"], "workingDirectory": .string(missing)]))
        #expect(!failed.succeeded)
        #expect(failed.result.failureMessage?.contains("does not exist") == true)
        #expect(failed.result.failureMessage?.contains(missing) == true)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func outputIsCappedAt2500Characters() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(directory, inputs(["commands": ["head -c 10000 /dev/zero | tr '\\0' x"]]))
        let output = try #require(outcome.result.outputs["Output"]?.stringValue)
        #expect(output.count == 2_500)
        #expect(output.hasSuffix("truncated to 2,500 characters ---"))
        #expect(output.hasPrefix("xxxx"))
    }

    @Test func severalInstancesEachRunInTheirOwnDirectory() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let instances = ManagedInstanceRegistry(instances: [
            ManagedInstance(id: "mi-00000000000000001", tags: ["Role": "app"]),
            ManagedInstance(id: "mi-00000000000000002", tags: ["Role": "app"]),
            ManagedInstance(id: "mi-00000000000000003", tags: ["Role": "db"]),
        ])
        let outcome = await runner(directory, instances: instances).run(
            ActionsTest.invocation(
                "aws:runCommand",
                [
                    "DocumentName": "AWS-RunShellScript", "Targets": [["Key": "tag:Role", "Values": ["app"]]],
                    "Parameters": ["commands": ["echo $AWS_SSM_INSTANCE_ID", "basename \"$PWD\""]],
                ]))
        #expect(outcome.succeeded)
        #expect(outcome.result.outputs["Output"] == """
            mi-00000000000000001:
            mi-00000000000000001
            mi-00000000000000001

            mi-00000000000000002:
            mi-00000000000000002
            mi-00000000000000002

            """)
    }

    @Test func oneFailingInstanceFailsTheStepAndIsNamed() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let instances = ManagedInstanceRegistry(instances: [
            ManagedInstance(id: "mi-00000000000000001"), ManagedInstance(id: "mi-00000000000000002"),
        ])
        let outcome = await runner(directory, instances: instances).run(
            ActionsTest.invocation(
                "aws:runCommand",
                inputs(
                    ["commands": ["[ \"$AWS_SSM_INSTANCE_ID\" = mi-00000000000000002 ] && { echo broken >&2; exit 7; }; echo fine"]],
                    instanceIds: ["mi-00000000000000001", "mi-00000000000000002"])))
        #expect(!outcome.succeeded)
        #expect(outcome.result.outputs["Status"] == "Failed")
        #expect(outcome.result.outputs["ResponseCode"] == .number(7))
        #expect(outcome.result.failureMessage?.contains("On mi-00000000000000002 the command exited with code 7") == true)
        #expect(outcome.result.failureMessage?.contains("mi-00000000000000001 the command") == false)
        #expect(outcome.result.failureDetails?.details?["InstanceIds"] == ["mi-00000000000000002"])
    }

    @Test func unknownInstanceFailsWithInvalidInstanceId() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let outcome = await run(directory, inputs(["commands": ["true"]], instanceIds: "i-0123456789abcdef0"))
        #expect(!outcome.succeeded)
        #expect(outcome.result.failureDetails?.failureType == "InvalidInstanceId")
        #expect(outcome.result.failureMessage?.contains("i-0123456789abcdef0") == true)
        #expect(outcome.result.failureMessage?.contains(Self.localhost) == true)
        // Outputs are there even though nothing ran, so an onFailure step can report them.
        #expect(outcome.result.outputs["Status"] == "Failed")
        #expect(outcome.result.outputs["ResponseCode"] == -1)
        #expect(outcome.result.outputs["Output"]?.stringValue?.contains("i-0123456789abcdef0") == true)
    }

    @Test func onlyRunShellScriptIsAccepted() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        var arn = inputs(["commands": ["echo arn"]])
        arn["DocumentName"] = "arn:aws:ssm:eu-west-1::document/AWS-RunShellScript"
        #expect(await run(directory, arn).result.outputs["Output"] == "arn\n")

        var other = inputs(["commands": ["echo no"]])
        other["DocumentName"] = "AWS-RunPowerShellScript"
        let refused = await run(directory, other)
        #expect(!refused.succeeded)
        #expect(refused.result.failureMessage?.contains("AWS-RunPowerShellScript") == true)
        #expect(refused.result.failureMessage?.contains("only AWS-RunShellScript") == true)
    }

    @Test func parametersAreChecked() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let unknown = await run(directory, inputs(["commands": ["true"], "timeout": ["5"]]))
        #expect(unknown.result.failureMessage?.contains("'timeout'") == true)
        let noCommands = await run(directory, inputs(["workingDirectory": [""]]))
        #expect(noCommands.result.failureMessage?.contains("Parameters.commands") == true)
        let emptyCommands = await run(directory, inputs(["commands": []]))
        #expect(emptyCommands.result.failureMessage?.contains("empty") == true)
        let noParameters = await run(directory, ["DocumentName": "AWS-RunShellScript", "InstanceIds": [.string(Self.localhost)]])
        #expect(noParameters.result.failureMessage?.contains("needs Parameters") == true)
        let textParameters = await run(
            directory,
            ["DocumentName": "AWS-RunShellScript", "InstanceIds": [.string(Self.localhost)],
             "Parameters": #"{"commands": ["echo from text"]}"#])
        #expect(textParameters.result.outputs["Output"] == "from text\n")
    }

    @Test func cancellingTheStepStopsTheCommandPromptly() async throws {
        let directory = try ActionsTestDirectory()
        defer { directory.remove() }
        let pidFile = directory.url.appendingPathComponent("child.pid").path
        let commands = runner(directory)
        let task = Task {
            await commands.run(
                ActionsTest.invocation("aws:runCommand", inputs(["commands": [.string("sleep 60 & echo $! > '\(pidFile)'"), "wait"]])))
        }
        let child = try #require(await ActionsTest.readWhenWritten(pidFile).flatMap { pid_t($0) })
        let cancelledAt = Date()
        task.cancel()
        let outcome = await task.value
        #expect(Date().timeIntervalSince(cancelledAt) < 2)
        #expect(!outcome.succeeded)
        #expect(outcome.result.outputs["Status"] == "Cancelled")
        #expect(outcome.result.failureMessage?.contains("step was stopped") == true)
        #expect(await ActionsTest.waitUntilGone(child))
        #expect(directory.processRecords.isEmpty)
    }
}
