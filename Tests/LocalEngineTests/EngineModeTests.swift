import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// Interactive mode and StopAutomationExecution (Complete and Cancel).
@Suite struct EngineModeTests {
    typealias Docs = EngineDocuments

    static let threeSteps = Docs.document(steps: [
        Docs.shellStep("Check", ["echo check"]),
        Docs.shellStep("Change", ["echo change"]),
        Docs.shellStep("Verify", ["echo verify"]),
    ])

    @Test func interactiveStartsWaitingAndRunsOnlyTheStepsAskedFor() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Interactive", yaml: Self.threeSteps)
            let id = try await engine.start("Interactive", mode: .interactive)

            let waiting = try await engine.execution(id)
            #expect(waiting.automationExecutionStatus == .waiting)
            #expect(waiting.mode == .interactive)
            #expect(waiting.stepExecutions?.count == 3)
            for step in waiting.stepExecutions ?? [] {
                #expect(step.stepStatus == .pending)
                #expect(step.executionStartTime == nil)
            }

            try await engine.signal(id, .startStep, payload: ["StepName": ["Check"]])
            let afterCheck = try await engine.waitFor(id, "Check done and waiting") {
                $0.step("Check")?.stepStatus == .success && $0.automationExecutionStatus == .waiting
            }
            #expect(afterCheck.step("Check")?.validNextSteps == ["Change"])
            #expect(afterCheck.step("Change")?.stepStatus == .pending)
            #expect(afterCheck.step("Verify")?.stepStatus == .pending)

            // Steps may be run out of order: Verify next, skipping Change.
            try await engine.signal(id, .startStep, payload: ["StepName": ["Verify"]])
            try await engine.waitForStep(id, "Verify", .success)
            let afterVerify = try await engine.execution(id)
            #expect(afterVerify.step("Change")?.stepStatus == .pending)
        }
    }

    @Test func completeEndsAnInteractiveExecutionSuccess() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Interactive", yaml: Self.threeSteps)
            let id = try await engine.start("Interactive", mode: .interactive)
            try await engine.signal(id, .startStep, payload: ["StepName": ["Check"]])
            try await engine.waitFor(id, "Check done and waiting") {
                $0.step("Check")?.stepStatus == .success && $0.automationExecutionStatus == .waiting
            }

            try await engine.stop(id, .complete)
            let execution = try await engine.execution(id)
            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.executionEndTime != nil)
            #expect(execution.step("Change")?.stepStatus == .pending)

            await expectEngineError(.invalidAutomationStatusUpdateException, containing: [id]) {
                try await engine.stop(id, .complete)
            }
            await expectEngineError(.invalidAutomationStatusUpdateException) { try await engine.stop(id) }
        }
    }

    @Test func completeIsRefusedForAnAutoExecution() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Paused", yaml: Docs.document(steps: [Docs.step("Hold", "action: aws:pause\ninputs: {}\n")]))
            let id = try await engine.start("Paused")
            try await engine.waitForStep(id, "Hold", .waiting)

            await expectEngineError(.invalidAutomationStatusUpdateException, containing: ["Auto"]) {
                try await engine.stop(id, .complete)
            }
            #expect(try await engine.execution(id).automationExecutionStatus == .waiting)
        }
    }

    @Test func cancelStopsARunningCommandThroughCancellingToCancelled() async throws {
        try await EngineHarness.with { engine in
            let leader = engine.path("leader.pid")
            let child = engine.path("child.pid")
            try await engine.createDocument(
                "Cancel", yaml: Docs.document(steps: [
                    // The trap keeps the shell alive a moment after SIGTERM, so Cancelling can be seen.
                    Docs.shellStep(
                        "Slow",
                        [
                            "trap 'sleep 1; exit 143' TERM", "echo $$ > \(leader)", "sleep 30 &",
                            "echo $! > \(child)", "wait",
                        ]),
                    Docs.shellStep("After", ["echo after"]),
                ]))
            let id = try await engine.start("Cancel")
            let leaderPID = try await engine.waitForPID(in: leader, of: id)
            let childPID = try await engine.waitForPID(in: child, of: id)

            try await engine.stop(id, .cancel)
            let cancelling = try await engine.execution(id)
            #expect(cancelling.automationExecutionStatus == .cancelling)

            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .cancelled)
            #expect(execution.step("Slow")?.stepStatus == .cancelled)
            #expect(execution.step("After")?.stepStatus == .pending)
            #expect(execution.progressCounters?.cancelledSteps == 1)
            #expect(processIsGone(leaderPID), "the command's shell \(leaderPID) still runs")
            #expect(processIsGone(childPID), "the command's child \(childPID) still runs")
        }
    }

    @Test func onCancelRunsTheNamedStepThenEndsCancelled() async throws {
        try await EngineHarness.with { engine in
            let cleaned = engine.path("cleaned")
            try await engine.createDocument(
                "CancelRoute", yaml: Docs.document(steps: [
                    Docs.shellStep("Slow", ["sleep 30"], ["onCancel: step:Cleanup"]),
                    Docs.shellStep("Next", ["echo next"]),
                    Docs.shellStep("Cleanup", ["echo cleaned > \(cleaned)"], ["isEnd: true"]),
                ]))
            let id = try await engine.start("CancelRoute")
            try await engine.waitForStep(id, "Slow", .inProgress)

            try await engine.stop(id)
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .cancelled)
            #expect(execution.step("Slow")?.stepStatus == .cancelled)
            #expect(execution.step("Cleanup")?.stepStatus == .success)
            #expect(execution.step("Next")?.stepStatus == .pending)
            #expect(try String(contentsOfFile: cleaned, encoding: .utf8) == "cleaned\n")
        }
    }

    @Test func cancelEndsAWaitingInteractiveExecutionAtOnce() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Interactive", yaml: Self.threeSteps)
            let id = try await engine.start("Interactive", mode: .interactive)
            try await engine.stop(id)
            #expect(try await engine.execution(id).automationExecutionStatus == .cancelled)
        }
    }

    @Test func stoppingAnUnknownExecutionIsNotFound() async throws {
        try await EngineHarness.with { engine in
            let unknown = UUID().uuidString.lowercased()
            await expectEngineError(.automationExecutionNotFoundException, containing: [unknown]) {
                try await engine.stop(unknown)
            }
            await expectEngineError(.automationExecutionNotFoundException, containing: [unknown]) {
                try await engine.execution(unknown)
            }
            await expectEngineError(.validationException, containing: ["36"]) { try await engine.stop("short-id") }
        }
    }
}
