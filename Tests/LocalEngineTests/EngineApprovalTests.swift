import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// aws:approve as AWS matches and counts approvals: users, roles, assumed-role sessions and groups; one
/// decision per principal; a rejection ends it; a non-approver is refused; the step's timeout.
@Suite struct EngineApprovalTests {
    typealias Docs = EngineDocuments

    static let alice = EngineHarness.userArn("alice")
    static let carol = EngineHarness.userArn("carol")
    static let dave = EngineHarness.userArn("dave")
    static let operatorsSession = "arn:aws:sts::\(EngineHarness.account):assumed-role/Operators/bob-session"
    static let auditorsSession = "arn:aws:sts::\(EngineHarness.account):assumed-role/Auditors/eve-session"

    /// Approvers: alice by name, the Operators role by ARN, the Oncall group by name and the Release group by ARN.
    static func document(minRequired: Int, timeout: String? = nil, onFailure: String = "Abort") -> String {
        Docs.document(steps: [
            Docs.step(
                "Approve",
                """
                action: aws:approve
                onFailure: \(onFailure)
                \(timeout.map { "timeoutSeconds: \($0)" } ?? "")
                inputs:
                  Approvers:
                    - alice
                    - arn:aws:iam::\(EngineHarness.account):role/Operators
                    - Oncall
                    - arn:aws:iam::\(EngineHarness.account):group/Release
                  MinRequiredApprovals: \(minRequired)
                  Message: Restart the payment service?
                """),
            Docs.step("Done", "action: aws:sleep\nisEnd: true\ninputs:\n  Duration: PT0S\n"),
            Docs.step("Notify", "action: aws:sleep\nisEnd: true\ninputs:\n  Duration: PT0S\n"),
        ])
    }

    func signal(
        _ engine: EngineHarness, _ id: String, _ type: SignalType, as principal: String, groups: [String] = [],
        comment: String? = nil
    ) async throws {
        _ = try await engine.engine.session(principal: principal, groups: groups).sendAutomationSignal(
            SendAutomationSignalRequest(
                automationExecutionId: id, signalType: type, payload: comment.map { ["Comment": [$0]] }))
    }

    func approval(_ engine: EngineHarness, _ id: String) async throws -> ApprovalState {
        let step = try #require(try await engine.execution(id).step("Approve"))
        return try #require(ApprovalState(step: step))
    }

    @Test func aUserAnAssumedRoleSessionAndGroupMembersCountTowardsKOfN() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.document(minRequired: 4))
            let id = try await engine.start("Approval")
            try await engine.waitForStep(id, "Approve", .waiting)

            try await signal(engine, id, .approve, as: Self.alice)
            try await signal(engine, id, .approve, as: Self.operatorsSession)
            try await signal(engine, id, .approve, as: Self.carol, groups: ["Readers", "Oncall"])
            var state = try await approval(engine, id)
            #expect(state.approvals == 3)
            #expect(state.remaining == 1)
            #expect(try await engine.execution(id).automationExecutionStatus == .waiting)

            try await signal(engine, id, .approve, as: Self.dave, groups: ["Release"], comment: "ship it")
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .success)
            state = try await approval(engine, id)
            #expect(state.status == "Approved")
            #expect(state.decisions.map(\.approver) == [Self.alice, Self.operatorsSession, Self.carol, Self.dave])
            #expect(state.decision(of: Self.dave)?.comment == "ship it")
        }
    }

    @Test func aSecondDecisionReplacesTheFirstAndNeverCountsTwice() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.document(minRequired: 2))
            let id = try await engine.start("Approval")
            try await engine.waitForStep(id, "Approve", .waiting)

            try await signal(engine, id, .approve, as: Self.operatorsSession, comment: "first")
            try await signal(engine, id, .approve, as: Self.operatorsSession, comment: "second")
            let state = try await approval(engine, id)
            #expect(state.approvals == 1)
            #expect(state.decisions.count == 1)
            #expect(state.decisions.first?.comment == "second")
            #expect(try await engine.execution(id).step("Approve")?.outputs?["ApproverDecisions"]?.count == 1)
            #expect(try await engine.execution(id).automationExecutionStatus == .waiting)

            // A change of mind replaces the approval with a rejection, which ends the approval.
            try await signal(engine, id, .reject, as: Self.operatorsSession, comment: "on second thought")
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.automationExecutionStatus == .failed)
            let ended = try await approval(engine, id)
            #expect(ended.decisions.count == 1)
            #expect(ended.isRejected)
            #expect(ended.status == "Rejected")
        }
    }

    @Test func aRejectionAfterAnApprovalEndsTheApprovalAndFollowsOnFailure() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.document(minRequired: 2, onFailure: "step:Notify"))
            let id = try await engine.start("Approval")
            try await engine.waitForStep(id, "Approve", .waiting)

            try await signal(engine, id, .approve, as: Self.alice)
            try await signal(engine, id, .reject, as: Self.carol, groups: ["Oncall"], comment: "not now")
            let execution = try await engine.waitUntilEnded(id)
            #expect(execution.step("Approve")?.stepStatus == .failed)
            #expect(execution.step("Notify")?.stepStatus == .success)
            #expect(execution.step("Done")?.stepStatus == .pending)
            let state = try await approval(engine, id)
            #expect(state.approvals == 1)
            #expect(state.decision(of: Self.carol)?.approved == false)

            await expectEngineError(.invalidAutomationSignalException, containing: ["ended"]) {
                try await signal(engine, id, .approve, as: Self.dave, groups: ["Release"])
            }
        }
    }

    @Test func nonApproversAreRefusedWithTheApproversNamed() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.document(minRequired: 1))
            let id = try await engine.start("Approval")
            try await engine.waitForStep(id, "Approve", .waiting)

            let refused: [(String, [String])] = [
                (Self.dave, []),
                (Self.dave, ["Readers"]),
                (Self.auditorsSession, []),
                // A user named like the role, and the role's namesake in another account, are not approvers.
                (EngineHarness.userArn("Operators"), []),
                ("arn:aws:sts::999999999999:assumed-role/Operators/bob-session", []),
            ]
            for (principal, groups) in refused {
                await expectEngineError(
                    .invalidAutomationSignalException,
                    containing: [principal, "is not an approver of step Approve", "alice", "Oncall"]
                ) {
                    try await signal(engine, id, .approve, as: principal, groups: groups)
                }
                await expectEngineError(.invalidAutomationSignalException, containing: [principal]) {
                    try await signal(engine, id, .reject, as: principal, groups: groups)
                }
            }
            await expectEngineError(.invalidAutomationSignalException, containing: ["IAM groups Readers"]) {
                try await signal(engine, id, .approve, as: Self.dave, groups: ["Readers"])
            }
            let state = try await approval(engine, id)
            #expect(state.decisions.isEmpty)
            #expect(try await engine.execution(id).automationExecutionStatus == .waiting)
        }
    }

    @Test func theStepTimesOutAndItsOnFailureApplies() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.document(minRequired: 2, timeout: "1", onFailure: "step:Notify"))
            let id = try await engine.start("Approval")
            try await engine.waitForStep(id, "Approve", .waiting)
            try await signal(engine, id, .approve, as: Self.alice)

            let execution = try await engine.waitUntilEnded(id)
            let step = try #require(execution.step("Approve"))
            #expect(step.stepStatus == .timedOut)
            #expect(step.failureDetails?.failureType == "TimedOut")
            #expect(step.outputs?["ApprovalStatus"] == ["TimedOut"])
            #expect(step.outputs?["ApproverDecisions"]?.count == 1)
            #expect(execution.step("Notify")?.stepStatus == .success)
            await expectEngineError(.invalidAutomationSignalException) {
                try await signal(engine, id, .approve, as: Self.carol, groups: ["Oncall"])
            }
        }
    }

    @Test func withoutTimeoutSecondsTheApprovalWaitsSevenDays() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument("Approval", yaml: Self.document(minRequired: 1))
            let id = try await engine.start("Approval")
            let execution = try await engine.waitForStep(id, "Approve", .waiting)
            let started = try #require(execution.step("Approve")?.executionStartTime)
            let deadline = try #require(await engine.engine.active[id]?.runtime.deadline)
            #expect(abs(deadline.timeIntervalSince(started) - 604_800) < 1)
            #expect(try await approval(engine, id).deadline == started.addingTimeInterval(604_800))
        }
    }

    @Test func aTimeoutBeyondThirtyDaysIsRefusedWhenTheDocumentIsCreated() async throws {
        try await EngineHarness.with { engine in
            await expectEngineError(.invalidDocumentContent, containing: ["Approve", "2592001", "2592000", "30 days"]) {
                try await engine.createDocument("TooLong", yaml: Self.document(minRequired: 1, timeout: "2592001"))
            }
            try await engine.createDocument("ThirtyDays", yaml: Self.document(minRequired: 1, timeout: "2592000"))
        }
    }

    /// The deadline is stored: an engine opened after it passed times the step out and applies onFailure.
    @Test func theDeadlineHoldsAcrossAnEngineRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("approval-restart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = EngineConfiguration(dataDirectory: directory, stepFunctions: nil, installShippedRunbooks: false)
        let first = try await AutomationEngine.open(configuration)
        let session = first.session(principal: Self.alice)
        _ = try await session.createDocument(
            CreateDocumentRequest(
                content: Self.document(minRequired: 2, timeout: "2", onFailure: "step:Notify"), name: "Approval",
                documentFormat: .yaml))
        let id = try #require(
            try await session.startAutomationExecution(StartAutomationExecutionRequest(documentName: "Approval"))
                .automationExecutionId)
        _ = try await session.sendAutomationSignal(SendAutomationSignalRequest(automationExecutionId: id, signalType: .approve))
        await first.shutdown()
        try await Task.sleep(for: .seconds(3))

        let second = try await AutomationEngine.open(configuration)
        let clock = ContinuousClock()
        let limit = clock.now.advanced(by: .seconds(20))
        var execution = try #require(second.getExecution(GetAutomationExecutionRequest(automationExecutionId: id)).automationExecution)
        while execution.automationExecutionStatus?.isTerminal != true, clock.now < limit {
            try await Task.sleep(for: .milliseconds(50))
            execution = try #require(second.getExecution(GetAutomationExecutionRequest(automationExecutionId: id)).automationExecution)
        }
        #expect(execution.step("Approve")?.stepStatus == .timedOut)
        #expect(execution.step("Approve")?.outputs?["ApproverDecisions"]?.count == 1)
        #expect(execution.step("Notify")?.stepStatus == .success)
        await second.shutdown()
    }
}
