import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// ListCommands, ListCommandInvocations and GetCommandInvocation over the commands aws:runCommand steps send,
/// while they run and after.
@Suite struct EngineRunCommandReadsTests {
    typealias Docs = EngineDocuments

    static let instance = EngineHarness.instanceId

    /// Waits until `condition` holds for what `read` returns.
    @discardableResult
    func eventually<T: Sendable>(
        _ what: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
        _ read: () async throws -> T, until condition: (T) -> Bool
    ) async throws -> T {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let value = try await read()
            if condition(value) { return value }
            guard ContinuousClock.now < deadline else {
                Issue.record("\(what) did not happen within \(timeout); last: \(value)", sourceLocation: sourceLocation)
                throw EngineWaitTimeout(what: what)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func aRunningCommandsOutputCanBeReadAsItGrowsAndAfterItEnds() async throws {
        try await EngineHarness.with { engine in
            let gate = engine.path("go-on")
            try await engine.createDocument(
                "Grow",
                yaml: Docs.document(steps: [
                    Docs.shellStep("Work", ["echo first", "echo warning >&2", "while [ ! -e \(gate) ]; do sleep 0.05; done", "echo second"]),
                ]))
            let id = try await engine.start("Grow")
            let listed = try await eventually("the command is listed") {
                try await engine.service.listCommands(ListCommandsRequest()).commands ?? []
            } until: { !$0.isEmpty }
            let command = try #require(listed.first)
            let commandId = try #require(command.commandId)
            #expect(command.documentName == "AWS-RunShellScript")
            #expect(command.instanceIds == [Self.instance])
            #expect(command.parameters?["commands"]?.first == "echo first")
            #expect(command.targetCount == 1)

            // The step names its command while the command runs.
            try await engine.waitFor(id, "the running step's CommandId") {
                $0.step("Work")?.outputs?["CommandId"] == [commandId] && $0.step("Work")?.stepStatus == .inProgress
            }

            let request = GetCommandInvocationRequest(commandId: commandId, instanceId: Self.instance)
            let running = try await eventually("the first line is readable") {
                try await engine.service.getCommandInvocation(request)
            } until: { $0.standardOutputContent == "first\n" && $0.standardErrorContent == "warning\n" }
            #expect(running.status == .inProgress)
            #expect(running.statusDetails == "InProgress")
            #expect(running.responseCode == -1)
            #expect(running.executionEndDateTime == "")
            #expect(running.pluginName == "aws:runShellScript")
            #expect(try await engine.service.listCommands(ListCommandsRequest(commandId: commandId)).commands?.first?.status == .inProgress)

            _ = FileManager.default.createFile(atPath: gate, contents: Data())
            let ended = try await engine.waitUntilEnded(id)
            #expect(ended.automationExecutionStatus == .success)
            #expect(ended.step("Work")?.outputs?["CommandId"] == [commandId])

            let done = try await engine.service.getCommandInvocation(request)
            #expect(done.status == .success)
            #expect(done.statusDetails == "Success")
            #expect(done.responseCode == 0)
            #expect(done.standardOutputContent == "first\nsecond\n")
            #expect(done.standardErrorContent == "warning\n")
            let start = try #require(done.executionStartDateTime)
            let end = try #require(done.executionEndDateTime)
            #expect(start.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(start)")
            #expect(start <= end)
            #expect(done.executionElapsedTime?.wholeMatch(of: /PT\d+\.\d{3}S/) != nil, "\(done.executionElapsedTime ?? "")")

            let summary = try #require(try await engine.service.listCommands(ListCommandsRequest(commandId: commandId)).commands?.first)
            #expect(summary.status == .success)
            #expect(summary.completedCount == 1)
            #expect(summary.errorCount == 0)

            let plain = try await engine.service.listCommandInvocations(ListCommandInvocationsRequest(commandId: commandId))
            #expect(plain.commandInvocations?.map(\.instanceId) == [Self.instance])
            #expect(plain.commandInvocations?.first?.commandPlugins == [])
            #expect(plain.commandInvocations?.first?.instanceName == "localhost")
            let detailed = try await engine.service.listCommandInvocations(
                ListCommandInvocationsRequest(commandId: commandId, details: true))
            let plugin = try #require(detailed.commandInvocations?.first?.commandPlugins?.first)
            #expect(plugin.name == "aws:runShellScript")
            #expect(plugin.status == .success)
            #expect(plugin.responseCode == 0)
            #expect(plugin.output == "first\nsecond\n----------ERROR-------\nwarning\n")
            #expect(plugin.responseFinishDateTime != nil)

            // Filters.
            func count(_ filters: [CommandFilter]) async throws -> Int {
                try await engine.service.listCommands(ListCommandsRequest(filters: filters)).commands?.count ?? 0
            }
            #expect(try await count([.init(key: .status, value: "Success")]) == 1)
            #expect(try await count([.init(key: .status, value: "Failed")]) == 0)
            #expect(try await count([.init(key: .executionStage, value: "Complete")]) == 1)
            #expect(try await count([.init(key: .executionStage, value: "Executing")]) == 0)
            #expect(try await count([.init(key: .documentName, value: "AWS-RunShellScript")]) == 1)
            #expect(try await count([.init(key: .invokedAfter, value: "2999-01-01T00:00:00Z")]) == 0)
            #expect(try await count([.init(key: .invokedBefore, value: "2999-01-01T00:00:00Z")]) == 1)
            let byInstance = try await engine.service.listCommands(ListCommandsRequest(instanceId: "mi-0000000000000000f"))
            #expect(byInstance.commands == [])
        }
    }

    @Test func aFailedCommandReportsItsExitCodeAndCounts() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Fail", yaml: Docs.document(steps: [Docs.shellStep("Work", ["echo trying", "exit 3"])]))
            let id = try await engine.start("Fail")
            let ended = try await engine.waitUntilEnded(id)
            let commandId = try #require(ended.step("Work")?.outputs?["CommandId"]?.first)
            let invocation = try await engine.service.getCommandInvocation(
                GetCommandInvocationRequest(commandId: commandId, instanceId: Self.instance))
            #expect(invocation.status == .failed)
            #expect(invocation.statusDetails == "Failed")
            #expect(invocation.responseCode == 3)
            #expect(invocation.standardOutputContent == "trying\n")
            let command = try #require(try await engine.service.listCommands(ListCommandsRequest(commandId: commandId)).commands?.first)
            #expect(command.status == .failed)
            #expect(command.errorCount == 1)
            #expect(command.completedCount == 1)
        }
    }

    @Test func outputIsCutAtRunCommandsLimits() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Big",
                yaml: Docs.document(steps: [
                    Docs.shellStep("Work", ["head -c 30000 /dev/zero | tr '\\0' a", "head -c 10000 /dev/zero | tr '\\0' b >&2"]),
                ]))
            let id = try await engine.start("Big")
            let ended = try await engine.waitUntilEnded(id)
            let commandId = try #require(ended.step("Work")?.outputs?["CommandId"]?.first)
            let invocation = try await engine.service.getCommandInvocation(
                GetCommandInvocationRequest(commandId: commandId, instanceId: Self.instance))
            #expect(invocation.standardOutputContent?.count == 24_000)
            #expect(invocation.standardErrorContent?.count == 8_000)
            let detailed = try await engine.service.listCommandInvocations(
                ListCommandInvocationsRequest(commandId: commandId, details: true))
            #expect(detailed.commandInvocations?.first?.commandPlugins?.first?.output?.count == 2_500)
        }
    }

    @Test func readsOfWhatDoesNotExistFailWithRunCommandsErrors() async throws {
        try await EngineHarness.with { engine in
            let unknown = UUID().uuidString.lowercased()
            await expectEngineError(.invocationDoesNotExist, containing: [unknown]) {
                try await engine.service.getCommandInvocation(
                    GetCommandInvocationRequest(commandId: unknown, instanceId: Self.instance))
            }
            await expectEngineError(.invalidCommandId, containing: ["not-a-command"]) {
                try await engine.service.getCommandInvocation(
                    GetCommandInvocationRequest(commandId: "not-a-command", instanceId: Self.instance))
            }
            await expectEngineError(.invalidInstanceId, containing: ["web-1"]) {
                try await engine.service.getCommandInvocation(GetCommandInvocationRequest(commandId: unknown, instanceId: "web-1"))
            }
            await expectEngineError(.invalidPluginName, containing: ["aws:runPowerShellScript"]) {
                try await engine.service.getCommandInvocation(
                    GetCommandInvocationRequest(commandId: unknown, instanceId: Self.instance, pluginName: "aws:runPowerShellScript"))
            }
            await expectEngineError(.invalidCommandId, containing: [unknown]) {
                try await engine.service.listCommands(ListCommandsRequest(commandId: unknown))
            }
            await expectEngineError(.invalidCommandId, containing: [unknown]) {
                try await engine.service.listCommandInvocations(ListCommandInvocationsRequest(commandId: unknown))
            }
            await expectEngineError(.invalidFilterKey, containing: ["Colour"]) {
                try await engine.service.listCommands(ListCommandsRequest(filters: [.init(key: "Colour", value: "red")]))
            }
            await expectEngineError(.invalidNextToken) {
                try await engine.service.listCommandInvocations(ListCommandInvocationsRequest(nextToken: "garbage"))
            }
            let none = try await engine.service.listCommands(ListCommandsRequest()).commands
            #expect(none == [])
        }
    }

    @Test func commandsAreListedNewestFirstInPages() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Three",
                yaml: Docs.document(steps: [
                    Docs.shellStep("One", ["echo 1"]), Docs.shellStep("Two", ["echo 2"]), Docs.shellStep("Three", ["echo 3"]),
                ]))
            let id = try await engine.start("Three")
            let ended = try await engine.waitUntilEnded(id)
            let ids = ["Three", "Two", "One"].compactMap { ended.step($0)?.outputs?["CommandId"]?.first }
            let first = try await engine.service.listCommands(ListCommandsRequest(maxResults: 2))
            #expect(first.commands?.compactMap(\.commandId) == Array(ids.prefix(2)))
            let token = try #require(first.nextToken)
            let second = try await engine.service.listCommands(ListCommandsRequest(maxResults: 2, nextToken: token))
            #expect(second.commands?.compactMap(\.commandId) == [ids[2]])
            #expect(second.nextToken == nil)
        }
    }
}
