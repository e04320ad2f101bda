import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// A running step asked to stop for two reasons before it has stopped: cancelling the execution must win,
/// so the execution ends Cancelled and its onCancel step runs.
@Suite struct EngineStopReasonTests {
    typealias Docs = EngineDocuments

    /// A command that outlives SIGTERM until the runner's SIGKILL 2 seconds later, so a second stop request
    /// arrives while the first is still under way.
    static func lingeringCommand(pidFile: String) -> [String] {
        ["trap 'sleep 5; exit 143' TERM", "echo $$ > \(pidFile)", "sleep 30 &", "wait"]
    }

    @Test func aStepTimeoutDuringCancellationDoesNotTurnCancelledIntoTimedOut() async throws {
        try await EngineHarness.with { engine in
            let pidFile = engine.path("leader.pid")
            try await engine.createDocument(
                "CancelThenTimeout", yaml: Docs.document(steps: [
                    Docs.readyStep,
                    Docs.shellStep(
                        "Slow", Self.lingeringCommand(pidFile: pidFile), ["timeoutSeconds: 2"])
                ]))
            let id = try await engine.start("CancelThenTimeout")
            _ = try await engine.waitForPID(in: pidFile, of: id)

            try await engine.stop(id)
            // The step's deadline passes while the command is still exiting: it started less than 2 seconds
            // before the Cancel, and is killed 2 seconds after it.
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .cancelled)
            #expect(execution.step("Slow")?.stepStatus == .cancelled)
        }
    }

    @Test func stopStepDuringCancellationStillRunsOnCancel() async throws {
        try await EngineHarness.with { engine in
            let pidFile = engine.path("leader.pid")
            try await engine.createDocument(
                "CancelThenStopStep", yaml: Docs.document(steps: [
                    Docs.shellStep(
                        "Slow", Self.lingeringCommand(pidFile: pidFile),
                        ["onCancel: step:Cleanup", "onFailure: Continue"]),
                    Docs.shellStep("Next", ["echo next"]),
                    Docs.shellStep("Cleanup", ["echo cleanup"], ["isEnd: true"]),
                ]))
            let id = try await engine.start("CancelThenStopStep")
            _ = try await engine.waitForPID(in: pidFile, of: id)
            let slowId = try #require(try await engine.execution(id).step("Slow")?.stepExecutionId)

            try await engine.stop(id)
            // Refused or accepted, a StopStep must not take the flow away from onCancel.
            try? await engine.signal(id, .stopStep, payload: ["StepExecutionId": [slowId]])
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .cancelled)
            #expect(execution.step("Slow")?.stepStatus == .cancelled)
            #expect(execution.step("Cleanup")?.stepStatus == .success)
            #expect(execution.step("Next")?.stepStatus == .pending)
        }
    }
}
