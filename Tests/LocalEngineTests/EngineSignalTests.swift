import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// SendAutomationSignal: each signal accepted where it fits and refused with the AWS error code where not.
@Suite struct EngineSignalTests {
    typealias Docs = EngineDocuments

    static let alice = EngineHarness.userArn("alice")
    static let bob = EngineHarness.userArn("bob")
    static let carol = EngineHarness.userArn("carol")

    /// One approval by alice (listed by name) or bob (listed by ARN); `onFailure` routes a rejection.
    static func approvalDocument(minRequired: Int, onFailure: String = "Abort") -> String {
        Docs.document(steps: [
            Docs.step(
                "Approve",
                """
                action: aws:approve
                onFailure: \(onFailure)
                inputs:
                  Approvers:
                    - alice
                    - \(EngineHarness.userArn("bob"))
                  MinRequiredApprovals: \(minRequired)
                  Message: Restart the service?
                """),
            Docs.shellStep("Restart", ["echo restarting"], ["isEnd: true"]),
            Docs.shellStep("Notify", ["echo rejected"], ["isEnd: true"]),
        ])
    }

    @Test func oneApprovalOfTwoApproversContinuesTheFlow() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.approvalDocument(minRequired: 1))
            let id = try await engine.start("Approval")
            let waiting = try await engine.waitForStep(id, "Approve", .waiting)
            #expect(waiting.automationExecutionStatus == .waiting)

            await expectEngineError(.invalidAutomationSignalException, containing: ["carol"]) {
                try await engine.signal(id, .approve, as: Self.carol)
            }
            try await engine.signal(id, .approve, payload: ["Comment": ["looks fine"]], as: Self.bob)
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .success)
            let step = try #require(execution.step("Approve"))
            #expect(step.stepStatus == .success)
            #expect(step.outputs?["ApprovalStatus"] == ["Approved"])
            let decisions = try #require(step.outputs?["ApproverDecisions"])
            #expect(decisions.count == 1)
            #expect(decisions.first?.contains(Self.bob) == true)
            #expect(decisions.first?.contains("looks fine") == true)
            #expect(execution.step("Restart")?.stepStatus == .success)
        }
    }

    @Test func twoRequiredApprovalsNeedTwoDistinctApproversMatchedByNameOrArn() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.approvalDocument(minRequired: 2))
            let id = try await engine.start("Approval")
            try await engine.waitForStep(id, "Approve", .waiting)

            // alice is listed by name and signals with her ARN; twice still counts once.
            try await engine.signal(id, .approve, as: Self.alice)
            try await engine.signal(id, .approve, as: Self.alice)
            let stillWaiting = try await engine.execution(id)
            #expect(stillWaiting.step("Approve")?.stepStatus == .waiting)
            #expect(stillWaiting.automationExecutionStatus == .waiting)

            await expectEngineError(.invalidAutomationSignalException, containing: ["carol"]) {
                try await engine.signal(id, .approve, as: Self.carol)
            }
            try await engine.signal(id, .approve, as: Self.bob)
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.step("Approve")?.outputs?["ApproverDecisions"]?.count == 2)
        }
    }

    @Test func rejectFailsTheStepWithTheCommentAndAppliesOnFailure() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Abort", yaml: Self.approvalDocument(minRequired: 2))
            let id = try await engine.start("Abort")
            try await engine.waitForStep(id, "Approve", .waiting)

            try await engine.signal(id, .approve, as: Self.alice)
            try await engine.signal(id, .reject, payload: ["Comment": ["not during business hours"]], as: Self.bob)
            let execution = try await engine.waitUntilEnded(id)

            #expect(execution.automationExecutionStatus == .failed)
            #expect(execution.failureMessage?.contains("Approve") == true, "\(execution.failureMessage ?? "")")
            let step = try #require(execution.step("Approve"))
            #expect(step.stepStatus == .failed)
            #expect(step.outputs?["ApprovalStatus"] == ["Rejected"])
            let decisions = try #require(step.outputs?["ApproverDecisions"])
            #expect(decisions.contains { $0.contains(Self.bob) && $0.contains("not during business hours") })
            #expect(execution.step("Restart")?.stepStatus == .pending)
        }
    }

    @Test func rejectFollowsAnOnFailureStep() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Route", yaml: Self.approvalDocument(minRequired: 1, onFailure: "step:Notify"))
            let id = try await engine.start("Route")
            try await engine.waitForStep(id, "Approve", .waiting)

            try await engine.signal(id, .reject, as: Self.alice)
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.step("Approve")?.stepStatus == .failed)
            #expect(execution.step("Notify")?.stepStatus == .success)
            #expect(execution.step("Restart")?.stepStatus == .pending)
            #expect(execution.automationExecutionStatus == .failed)
        }
    }

    @Test func approveIsRefusedWhenNothingWaitsForApproval() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Paused", yaml: Docs.document(steps: [Docs.step("Hold", "action: aws:pause\ninputs: {}\n")]))
            let id = try await engine.start("Paused")
            try await engine.waitForStep(id, "Hold", .waiting)
            await expectEngineError(.invalidAutomationSignalException) {
                try await engine.signal(id, .approve)
            }
            await expectEngineError(.invalidAutomationSignalException) { try await engine.signal(id, .reject) }
        }
    }

    @Test func resumeContinuesOnlyThePausedStep() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Pause", yaml: Docs.document(steps: [
                    Docs.shellStep("Before", ["echo before"]),
                    Docs.step("Hold", "action: aws:pause\ninputs: {}\n"),
                    Docs.shellStep("After", ["echo after"]),
                ]))
            let id = try await engine.start("Pause")
            try await engine.waitForStep(id, "Hold", .waiting)

            await expectEngineError(.invalidAutomationSignalException, containing: ["Before"]) {
                try await engine.signal(id, .resume, payload: ["StepName": ["Before"]])
            }
            await expectEngineError(.automationStepNotFoundException, containing: ["Nowhere"]) {
                try await engine.signal(id, .resume, payload: ["StepName": ["Nowhere"]])
            }
            try await engine.signal(id, .resume, payload: ["StepName": ["Hold"]])
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .success)
            #expect(execution.step("Hold")?.stepStatus == .success)
            #expect(execution.step("After")?.stepStatus == .success)
        }
    }

    @Test func startStepIsRefusedWhereItDoesNotFit() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Steps", yaml: Docs.document(steps: [
                    Docs.shellStep("Slow", ["sleep 30"]),
                    Docs.shellStep("Quick", ["echo quick"]),
                ]))
            let auto = try await engine.start("Steps")
            await expectEngineError(.invalidAutomationSignalException, containing: ["Interactive"]) {
                try await engine.signal(auto, .startStep, payload: ["StepName": ["Quick"]])
            }

            let id = try await engine.start("Steps", mode: .interactive)
            await expectEngineError(.automationStepNotFoundException, containing: ["Nowhere"]) {
                try await engine.signal(id, .startStep, payload: ["StepName": ["Nowhere"]])
            }
            await expectEngineError(.invalidAutomationSignalException, containing: ["StepName"]) {
                try await engine.signal(id, .startStep)
            }
            try await engine.signal(id, .startStep, payload: ["StepName": ["Slow"]])
            try await engine.waitForStep(id, "Slow", .inProgress)
            await expectEngineError(.invalidAutomationSignalException, containing: ["Slow"]) {
                try await engine.signal(id, .startStep, payload: ["StepName": ["Quick"]])
            }
            #expect(try await engine.execution(id).step("Quick")?.stepStatus == .pending)
        }
    }

    @Test func stopStepCancelsARunningStepAndRefusesOthers() async throws {
        try await EngineHarness.with { engine in
            let leader = engine.path("leader.pid")
            try await engine.createDocument(
                "Stop", yaml: Docs.document(steps: [
                    Docs.shellStep("Quick", ["echo quick"]),
                    Docs.shellStep("Slow", ["echo $$ > \(leader)", "sleep 30"], ["onFailure: Continue"]),
                    Docs.shellStep("After", ["echo after"]),
                ]))
            let id = try await engine.start("Stop")
            let pid = try await engine.waitForPID(in: leader, of: id)
            let running = try await engine.execution(id)
            let quickId = try #require(running.step("Quick")?.stepExecutionId)
            let slowId = try #require(running.step("Slow")?.stepExecutionId)

            await expectEngineError(.automationStepNotFoundException, containing: ["no-such-step"]) {
                try await engine.signal(id, .stopStep, payload: ["StepExecutionId": ["no-such-step"]])
            }
            await expectEngineError(.invalidAutomationSignalException, containing: [quickId]) {
                try await engine.signal(id, .stopStep, payload: ["StepExecutionId": [quickId]])
            }
            try await engine.signal(id, .stopStep, payload: ["StepExecutionId": [slowId]])
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.step("Slow")?.stepStatus == .cancelled)
            #expect(execution.step("After")?.stepStatus == .success, "onFailure Continue goes on after StopStep")
            #expect(processIsGone(pid), "the stopped command \(pid) still runs")
        }
    }

    @Test func revokeAndSignalsToEndedExecutionsAreRefused() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Paused", yaml: Docs.document(steps: [Docs.step("Hold", "action: aws:pause\ninputs: {}\n")]))
            let id = try await engine.start("Paused")
            try await engine.waitForStep(id, "Hold", .waiting)
            await expectEngineError(.invalidAutomationSignalException) { try await engine.signal(id, .revoke) }

            try await engine.stop(id)
            #expect(try await engine.execution(id).automationExecutionStatus == .cancelled)
            await expectEngineError(.invalidAutomationSignalException, containing: ["ended"]) {
                try await engine.signal(id, .resume, payload: ["StepName": ["Hold"]])
            }
        }
    }

    @Test func malformedSignalsAreValidationErrorsAndUnknownIdsNotFound() async throws {
        try await EngineHarness.with { engine in
            await expectEngineError(.validationException, containing: ["36"]) {
                try await engine.signal("too-short", .approve)
            }
            let unknown = UUID().uuidString.lowercased()
            await expectEngineError(.automationExecutionNotFoundException, containing: [unknown]) {
                try await engine.signal(unknown, .approve)
            }
            await expectEngineError(.validationException, containing: ["Approve", "Resume"]) {
                try await engine.service.sendAutomationSignal(
                    SendAutomationSignalRequest(automationExecutionId: unknown, signalType: "Bless"))
            }
        }
    }

    @Test func everySignalIsLoggedWithWhatBecameOfIt() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.approvalDocument(minRequired: 1))
            let id = try await engine.start("Approval")
            try await engine.waitForStep(id, "Approve", .waiting)
            await expectEngineError(.invalidAutomationSignalException) {
                try await engine.signal(id, .approve, as: Self.carol)
            }
            try await engine.signal(id, .approve, as: Self.alice)

            let log = try engine.engine.store.signals(executionId: id)
            #expect(log.map(\.type) == ["Approve", "Approve"])
            #expect(log.map(\.principal) == [Self.carol, Self.alice])
            #expect(log.map(\.result) == ["InvalidAutomationSignalException", "Accepted"])
        }
    }
}
