import AutomationModel
import Foundation
@testable import LocalEngine
import Testing

/// Many approvers answering one approval at the same moment.
@Suite struct EngineSignalRaceTests {
    typealias Docs = EngineDocuments

    static let approverRole = "arn:aws:iam::\(EngineHarness.account):role/Approvers"

    /// A session of the Approvers role: every one is a different principal allowed to decide.
    static func session(_ number: Int) -> String {
        "arn:aws:sts::\(EngineHarness.account):assumed-role/Approvers/approver-\(number)"
    }

    @Test func twentyConcurrentDecisionsMakeExactlyOneTransition() async throws {
        try await EngineHarness.with { engine in
            try await engine.createDocument(
                "Race", yaml: Docs.document(steps: [
                    Docs.step(
                        "Approve",
                        """
                        action: aws:approve
                        isEnd: true
                        inputs:
                          Approvers:
                            - \(Self.approverRole)
                          MinRequiredApprovals: 1
                        """)
                ]))
            let id = try await engine.start("Race")
            try await engine.waitForStep(id, "Approve", .waiting)

            let outcomes = await withTaskGroup(of: (principal: String, type: SignalType, error: ServiceError?).self) {
                group in
                for number in 0..<20 {
                    let type: SignalType = number.isMultiple(of: 2) ? .approve : .reject
                    let principal = Self.session(number)
                    group.addTask {
                        do {
                            try await engine.signal(id, type, payload: ["Comment": ["from \(number)"]], as: principal)
                            return (principal, type, nil)
                        } catch let error as ServiceError {
                            return (principal, type, error)
                        } catch {
                            return (principal, type, ServiceError(.internalServerError, "\(error)"))
                        }
                    }
                }
                var collected: [(principal: String, type: SignalType, error: ServiceError?)] = []
                for await outcome in group { collected.append(outcome) }
                return collected
            }

            let accepted = outcomes.filter { $0.error == nil }
            try #require(accepted.count == 1, "accepted: \(accepted.map(\.principal))")
            let winner = accepted[0]
            for refused in outcomes where refused.error != nil {
                #expect(refused.error?.code == .invalidAutomationSignalException, "\(refused.error!)")
            }

            let execution = try await engine.execution(id)
            let approvals = execution.stepExecutions?.filter { $0.stepName == "Approve" } ?? []
            #expect(approvals.count == 1, "the approve step ran once")
            let step = try #require(approvals.first)
            let decisions = try #require(step.outputs?["ApproverDecisions"])
            #expect(decisions.count == 1)
            #expect(decisions.first?.contains(winner.principal) == true)
            if winner.type == .approve {
                #expect(step.stepStatus == .success)
                #expect(step.outputs?["ApprovalStatus"] == ["Approved"])
                #expect(execution.automationExecutionStatus == .success)
            } else {
                #expect(step.stepStatus == .failed)
                #expect(step.outputs?["ApprovalStatus"] == ["Rejected"])
                #expect(execution.automationExecutionStatus == .failed)
            }
            #expect(execution.progressCounters?.totalSteps == 1)

            let log = try engine.engine.store.signals(executionId: id)
            #expect(log.count == 20)
            #expect(Set(log.map(\.principal)) == Set((0..<20).map(Self.session)))
            #expect(log.filter { $0.result == "Accepted" }.map(\.principal) == [winner.principal])
            #expect(log.filter { $0.result == "InvalidAutomationSignalException" }.count == 19)
        }
    }
}
