import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// An engine killed with SIGKILL in the middle of a fan-out: the next engine goes on scheduling the parent's
/// remaining targets, and no target gets a second child.
@Suite(.serialized) struct EngineFleetRestartTests: DataDirectoryTests {
    static let principal = "arn:aws:iam::123456789012:user/alice"

    @Test func killedMidFanOutResumesSchedulingWithoutRunningAChildTwice() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-restart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let prepared = try await AutomationEngine.open(configuration(directory))
        _ = try await prepared.session(principal: Self.principal).createDocument(
            CreateDocumentRequest(
                content: EngineDocuments.sleepPerTarget(seconds: "2"), name: "FleetSleep", documentType: "Automation",
                documentFormat: .yaml))
        await prepared.shutdown()

        let values = (1...8).map { "t\($0)" }
        let host = try EngineHostProcess(
            dataDirectory: directory, start: "FleetSleep",
            parameters: ["@TargetParameterName=Target", "@ParameterValues=\(values.joined(separator: ","))", "@MaxConcurrency=2"])
        try host.waitUntilReady()
        let parentId = try #require(host.startedExecutionId)
        // Read the store beside the running engine until the fan-out is under way but not done.
        let store = try EngineStore(directory: directory)
        try await waitFor("three children") { try store.children(of: parentId).count >= 3 }
        host.killHard()
        let before = try store.children(of: parentId)
        #expect(before.count < values.count)

        let engine = try await AutomationEngine.open(configuration(directory))
        try await waitFor("the parent to end") {
            try engine.getExecution(GetAutomationExecutionRequest(automationExecutionId: parentId)).automationExecution?
                .automationExecutionStatus?.isTerminal == true
        }
        let parent = try #require(
            engine.getExecution(GetAutomationExecutionRequest(automationExecutionId: parentId)).automationExecution)
        #expect(parent.automationExecutionStatus == .success)
        let children = try store.children(of: parentId)
        // One child per target: none lost, none run twice.
        #expect(children.count == values.count)
        #expect(children.compactMap(\.execution.target).sorted() == values.sorted())
        #expect(children.allSatisfy { $0.status == .success })
        // The children that existed before the kill are the same executions, finished by the new engine.
        #expect(Set(before.map(\.id)).isSubset(of: Set(children.map(\.id))))
        await engine.shutdown()
    }
}
