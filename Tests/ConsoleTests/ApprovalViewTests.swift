import AutomationModel
import Foundation
import Testing

@testable import Console

/// Reading an aws:approve StepExecution as the service returns it.
@Suite("Approvals: reading the step")
struct ApprovalViewTests {
    @Test func readsApproversCountMessageDecisionsAndDeadline() throws {
        let approval = try #require(ApprovalView(Fixtures.twoDecisionApproval()))
        #expect(approval.approvers == [Fixtures.bob, Fixtures.carol, "arn:aws:iam::123456789012:group/ops-leads", Fixtures.alice])
        #expect(approval.minRequiredApprovals == 3)
        #expect(approval.message?.hasPrefix("CHG-1042: restart the web tier") == true)
        #expect(approval.decisions.map(\.approver) == [Fixtures.bob, Fixtures.carol])
        #expect(approval.decisions.first?.comment == "Window confirmed with the support desk")
        #expect(approval.decisions.first?.time == Fixtures.now.addingTimeInterval(-1800))
        #expect(approval.countText == "2 of 3 approvals")
        #expect(approval.approvalsNeeded == 1)
        #expect(approval.deadline == Fixtures.now.addingTimeInterval(-3 * 3600 + 86_400))
    }

    @Test func singleApproverDefaultCountAndSevenDayTimeout() throws {
        var step = StepExecution(stepName: "approve", action: "aws:approve", stepExecutionId: "s-1", stepStatus: .waiting)
        step.executionStartTime = Fixtures.now
        step.inputs = ["Approvers": "bob"]
        let bare = try #require(ApprovalView(step))
        #expect(bare.approvers == ["bob"])
        #expect(bare.minRequiredApprovals == 1)
        #expect(bare.message == nil)
        #expect(bare.deadline == Fixtures.now.addingTimeInterval(604_800))
        step.inputs = ["Approvers": "\"bob\"", "MinRequiredApprovals": "\"1\""]
        #expect(ApprovalView(step)?.approvers == ["bob"])
        #expect(ApprovalView(StepExecution(stepName: "p", action: "aws:pause", stepExecutionId: "s-2")) == nil)
    }

    @Test func aRepeatedDecisionCountsOnceAndTheLastOneHolds() throws {
        var step = Fixtures.twoDecisionApproval()
        step.outputs?["ApproverDecisions"]?.append(
            "{\"Approver\":\"\(Fixtures.bob)\",\"Decision\":\"Approved\",\"DecisionTime\":\"2026-11-18T19:42:13Z\"}")
        let approval = try #require(ApprovalView(step))
        #expect(approval.approvalsIn == 2)
        #expect(approval.finalDecisions.count == 2)
        #expect(approval.finalDecisions.first?.comment == nil)
    }

    @Test func whoMayDecide() throws {
        let approval = try #require(ApprovalView(Fixtures.twoDecisionApproval()))
        #expect(approval.match(Fixtures.aliceIdentity) == .yes)
        #expect(!approval.hasDecided(Fixtures.aliceIdentity))
        let bob = CallerIdentity(arn: Fixtures.bob, account: "123456789012", userId: "AIDABOB")
        #expect(approval.hasDecided(bob))
        let dave = CallerIdentity(arn: "arn:aws:iam::123456789012:user/dave", account: "123456789012", userId: "AIDADAVE")
        #expect(approval.match(dave) == .possiblyThroughGroup("ops-leads"))
        let stranger = CallerIdentity(arn: "arn:aws:iam::999999999999:user/eve", account: "999999999999", userId: "AIDAEVE")
        #expect(approval.match(stranger) == .no)
    }
}
