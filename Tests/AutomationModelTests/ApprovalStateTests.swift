import AutomationModel
import Foundation
import Testing

/// ApprovalState read from step executions shaped as DescribeAutomationStepExecutions returns them: Inputs are
/// JSON-encoded strings, Outputs lists of strings.
@Suite struct ApprovalStateTests {
    static let alice = "arn:aws:iam::123456789012:user/alice"
    static let bob = "arn:aws:sts::123456789012:assumed-role/Operators/bob"

    /// A 2-of-3 approval, started at 1700000000, with Alice's approval in.
    static let waitingStep = #"""
        {"StepName": "ApproveRestart", "Action": "aws:approve", "StepStatus": "Waiting",
         "StepExecutionId": "0f6a1c2e-1111-4b4b-8c8c-000000000001", "ExecutionStartTime": 1700000000.5,
         "OnFailure": "Abort", "MaxAttempts": 1,
         "Inputs": {"Approvers": "[\"alice\",\"arn:aws:iam::123456789012:role/Operators\",\"arn:aws:iam::123456789012:group/Oncall\"]",
                    "MinRequiredApprovals": "2",
                    "Message": "\"Restart the payment service in eu-west-1.\\nExpect 2 minutes of errors.\""},
         "Outputs": {"ApprovalStatus": ["Pending"],
                     "ApproverDecisions": ["{\"Approver\":\"arn:aws:iam::123456789012:user/alice\",\"Comment\":\"ok for me\",\"Decision\":\"Approved\",\"DecisionTime\":\"2023-11-14T22:20:00Z\"}"]}}
        """#

    static func step(_ json: String) throws -> StepExecution {
        try AWSJSON.decode(StepExecution.self, from: Data(json.utf8))
    }

    @Test func readsApproversNeededMessageAndDecisions() throws {
        let state = try #require(ApprovalState(step: Self.step(Self.waitingStep)))
        #expect(state.approvers == ["alice", "arn:aws:iam::123456789012:role/Operators", "arn:aws:iam::123456789012:group/Oncall"])
        #expect(state.needed == 2)
        #expect(state.message == "Restart the payment service in eu-west-1.\nExpect 2 minutes of errors.")
        #expect(state.status == "Pending")
        #expect(state.decisions == [
            .init(approver: Self.alice, approved: true, time: Date(timeIntervalSince1970: 1_700_000_400), comment: "ok for me")
        ])
        #expect(state.approvals == 1)
        #expect(state.remaining == 1)
        #expect(!state.isRejected)
        #expect(state.decision(of: Self.alice)?.comment == "ok for me")
        #expect(state.decision(of: Self.bob) == nil)
    }

    @Test func theDeadlineIsTheStartPlusSevenDaysWhenTheStepHasNoTimeout() throws {
        let state = try #require(ApprovalState(step: Self.step(Self.waitingStep)))
        #expect(state.timeoutSeconds == 604_800)
        #expect(state.deadline == Date(timeIntervalSince1970: 1_700_000_000.5 + 604_800))
        #expect(state.secondsLeft(at: Date(timeIntervalSince1970: 1_700_000_000.5 + 600_000)) == 4_800)
    }

    @Test func theDeadlineFollowsTimeoutSeconds() throws {
        var step = try Self.step(Self.waitingStep)
        step.timeoutSeconds = 3600
        let state = try #require(ApprovalState(step: step))
        #expect(state.deadline == Date(timeIntervalSince1970: 1_700_000_000.5 + 3600))
        step.executionStartTime = nil
        #expect(ApprovalState(step: step)?.deadline == nil)
    }

    @Test func whoMayDecide() throws {
        let state = try #require(ApprovalState(step: Self.step(Self.waitingStep)))
        #expect(state.match(caller: Self.alice, groups: nil) == .yes)
        #expect(state.match(caller: Self.bob, groups: []) == .yes)
        let carol = "arn:aws:iam::123456789012:user/carol"
        // With unknown groups, only the group ARN is a possible match; the bare name alice is read as a user.
        #expect(state.match(caller: carol, groups: nil) == .possiblyThroughGroup("Oncall"))
        #expect(ApprovalState(step: try Self.step(Self.waitingStep.replacingOccurrences(of: #",\"arn:aws:iam::123456789012:group/Oncall\""#, with: "")))?
            .match(caller: carol, groups: nil) == .no)
        // Known groups still match a group by bare name, as the engine does.
        var named = try Self.step(Self.waitingStep)
        named.inputs?["Approvers"] = #"["Oncall"]"#
        #expect(ApprovalState(step: named)?.match(caller: carol, groups: ["Oncall"]) == .yes)
        #expect(ApprovalState(step: named)?.match(caller: carol, groups: nil) == .no)
        #expect(state.match(caller: carol, groups: ["Oncall"]) == .yes)
        #expect(state.match(caller: carol, groups: []) == .no)
    }

    @Test func aSingleApproverAndNoCountMeansOneOfOne() throws {
        let state = try #require(ApprovalState(step: Self.step(#"""
            {"StepName": "Approve", "Action": "aws:approve", "StepStatus": "Waiting",
             "Inputs": {"Approvers": "\"arn:aws:iam::123456789012:user/alice\""}}
            """#)))
        #expect(state.approvers == [Self.alice])
        #expect(state.needed == 1)
        #expect(state.message == nil)
        #expect(state.decisions.isEmpty)
        #expect(state.remaining == 1)
        #expect(state.status == nil)
    }

    @Test func aLaterDecisionReplacesTheEarlierOneAndRejectionsAreRead() throws {
        let state = try #require(ApprovalState(step: Self.step(#"""
            {"StepName": "Approve", "Action": "aws:approve", "StepStatus": "Failed",
             "Inputs": {"Approvers": "[\"alice\",\"Operators\"]", "MinRequiredApprovals": "2"},
             "Outputs": {"ApprovalStatus": ["Rejected"], "ApproverDecisions": [
               "{\"Approver\":\"arn:aws:iam::123456789012:user/alice\",\"Decision\":\"Approved\",\"DecisionTime\":\"2023-11-14T22:20:00Z\"}",
               "{\"Approver\":\"arn:aws:sts::123456789012:assumed-role/Operators/bob\",\"Decision\":\"Approved\",\"DecisionTime\":\"2023-11-14T22:21:00Z\"}",
               "{\"Approver\":\"arn:aws:iam::123456789012:user/alice\",\"Decision\":\"Rejected\",\"DecisionTime\":\"2023-11-14T22:22:00Z\",\"Comment\":\"wait\"}"]}}
            """#)))
        #expect(state.decisions.map(\.approver) == [Self.bob, Self.alice])
        #expect(state.decisions.map(\.approved) == [true, false])
        #expect(state.approvals == 1)
        #expect(state.isRejected)
        #expect(state.decision(of: Self.alice)?.comment == "wait")
        #expect(state.status == "Rejected")
    }

    /// AWS has been seen writing `"Decision": "Approve"` and `ApprovalDecisionTime` with microseconds.
    @Test func readsTheWordingAWSHasBeenSeenToUse() throws {
        let state = try #require(ApprovalState(step: Self.step(#"""
            {"StepName": "Approve", "Action": "aws:approve", "StepStatus": "Success",
             "Inputs": {"Approvers": "[\"alice\"]"},
             "Outputs": {"ApproverDecisions": [
               "{\"Approver\":\"alice\",\"Decision\":\"Approve\",\"ApprovalDecisionTime\":\"2022-04-06T07:22:51.034463Z\",\"Comment\":\"valid\"}",
               "not json", "{\"Approver\":\"bob\",\"Decision\":\"Maybe\"}"]}}
            """#)))
        #expect(state.decisions.count == 1)
        let decision = try #require(state.decisions.first)
        #expect(decision.approved)
        #expect(decision.comment == "valid")
        let time = try #require(decision.time)
        #expect(abs(time.timeIntervalSince1970 - 1_649_229_771.034463) < 0.000_01)
    }

    @Test func otherActionsHaveNoApprovalState() throws {
        let pause = try Self.step(#"{"StepName": "Pause", "Action": "aws:pause", "StepStatus": "Waiting"}"#)
        #expect(ApprovalState(step: pause) == nil)
    }
}
