import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// Steps that wait on a person or the clock: aws:approve and aws:pause deadlines, Cancel while waiting, aws:sleep.
@Suite struct EngineWaitingStepTests {
    typealias Docs = EngineDocuments

    @Test func anApprovalNobodyAnswersTimesOut() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Unanswered", yaml: Docs.document(steps: [
                    Docs.step(
                        "Approve",
                        """
                        action: aws:approve
                        timeoutSeconds: 1
                        inputs:
                          Approvers: [alice]
                        """),
                    Docs.shellStep("After", ["echo after"]),
                ]))
            let id = try await engine.start("Unanswered")
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .timedOut)
            let step = try #require(execution.step("Approve"))
            #expect(step.stepStatus == .timedOut)
            #expect(step.failureDetails?.failureType == "TimedOut")
            #expect(execution.step("After")?.stepStatus == .pending)
            await expectEngineError(.invalidAutomationSignalException) {
                try await engine.signal(id, .approve, as: EngineHarness.userArn("alice"))
            }
        }
    }

    @Test func aPauseNobodyResumesTimesOutAndFollowsOnFailure() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Unresumed", yaml: Docs.document(steps: [
                    Docs.step("Hold", "action: aws:pause\ntimeoutSeconds: 1\nonFailure: Continue\nisCritical: false\ninputs: {}\n"),
                    Docs.shellStep("After", ["echo after"]),
                ]))
            let id = try await engine.start("Unresumed")
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.step("Hold")?.stepStatus == .timedOut)
            #expect(execution.step("After")?.stepStatus == .success)
            #expect(execution.automationExecutionStatus == .success)
        }
    }

    @Test func cancelWhileWaitingForApprovalRunsOnCancel() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "CancelApproval", yaml: Docs.document(steps: [
                    Docs.step(
                        "Approve",
                        """
                        action: aws:approve
                        onCancel: step:Cleanup
                        inputs:
                          Approvers: [alice]
                        """),
                    Docs.shellStep("Restart", ["echo restart"]),
                    Docs.shellStep("Cleanup", ["echo cleanup"], ["isEnd: true"]),
                ]))
            let id = try await engine.start("CancelApproval")
            try await engine.waitForStep(id, "Approve", .waiting)
            try await engine.stop(id)
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .cancelled)
            #expect(execution.step("Approve")?.stepStatus == .cancelled)
            #expect(execution.step("Cleanup")?.stepStatus == .success)
            #expect(execution.step("Restart")?.stepStatus == .pending)
        }
    }

    @Test func sleepWaitsItsDurationThenGoesOn() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Sleep", yaml: Docs.document(steps: [
                    Docs.step("Nap", "action: aws:sleep\ninputs:\n  Duration: PT0.3S\n"),
                    Docs.shellStep("After", ["echo after"]),
                ]))
            let id = try await engine.start("Sleep")
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .success)
            let nap = try #require(execution.step("Nap"))
            let start = try #require(nap.executionStartTime)
            let end = try #require(nap.executionEndTime)
            #expect(end.timeIntervalSince(start) >= 0.3)
        }
    }

    @Test func stopStepInInteractiveModeWaitsForTheNextStartStep() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "InteractiveStop", yaml: Docs.document(steps: [
                    Docs.shellStep("Slow", ["sleep 30"]),
                    Docs.shellStep("Quick", ["echo quick"]),
                ]))
            let id = try await engine.start("InteractiveStop", mode: .interactive)
            try await engine.signal(id, .startStep, payload: ["StepName": ["Slow"]])
            let running = try await engine.waitForStep(id, "Slow", .inProgress)
            let slowId = try #require(running.step("Slow")?.stepExecutionId)

            try await engine.signal(id, .stopStep, payload: ["StepExecutionId": [slowId]])
            let stopped = try await engine.waitFor(id, "Slow cancelled and waiting") {
                $0.step("Slow")?.stepStatus == .cancelled && $0.automationExecutionStatus == .waiting
            }
            #expect(stopped.step("Quick")?.stepStatus == .pending)
            #expect(stopped.step("Slow")?.validNextSteps == ["Slow", "Quick"])

            try await engine.signal(id, .startStep, payload: ["StepName": ["Quick"]])
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.step("Quick")?.stepStatus == .success)
        }
    }
}
