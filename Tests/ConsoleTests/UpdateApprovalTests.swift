import AutomationModel
import Foundation
import Testing

@testable import Console

/// Approvals waiting on you: the bell and the title, the inbox's order and marks, the header's count.
@Suite("Update: approvals waiting on you")
struct UpdateApprovalTests {
    /// An approval alice may answer on execution `n`, as the service answers its waiting step.
    private func approvalAnswer(_ n: Int, decidedBy: [String] = []) -> ConsoleEvent {
        var step = Fixtures.twoDecisionApproval()
        for approver in decidedBy {
            step.outputs?["ApproverDecisions"]?.append(
                "{\"Approver\":\"\(approver)\",\"Decision\":\"Approved\",\"DecisionTime\":\"2026-11-18T19:42:13Z\"}")
        }
        return .result(.approval(executionId: Fixtures.id(n), step: step), at: Fixtures.now)
    }

    private static let secondApproval = Fixtures.row(
        8, document: "Demo-ApproveRestart", status: .waiting, step: "approveChange", action: "aws:approve", startedAgo: 30)

    @Test func theListAsksForTheApprovalsOfTheExecutionsThatWaitOnOne() {
        var state = ConsoleState(target: Fixtures.target, options: ConsoleOptions(), width: 80, height: 24, now: Fixtures.now)
        _ = ConsoleUpdate.start(&state)
        let effects = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows + [Self.secondApproval], nextToken: nil, appended: false), at: Fixtures.now))
        // Only aws:approve steps: the paused and the interactive executions say what they wait for by their rows.
        #expect(Set(effects) == [.request(.loadApproval(executionId: Fixtures.id(1))), .request(.loadApproval(executionId: Fixtures.id(8)))])
    }

    @Test func aNewApprovalRingsOnceAndTitlesTheCount() {
        var state = Fixtures.state(rows: Fixtures.rows + [Self.secondApproval])
        #expect(ConsoleUpdate.update(&state, approvalAnswer(1)) == [.bell, .title("ssm-console (1 waiting on you)")])
        // The same approval read again: the count has not changed, so nothing repeats.
        #expect(ConsoleUpdate.update(&state, approvalAnswer(1)) == [])
        #expect(ConsoleUpdate.update(&state, approvalAnswer(8)) == [.bell, .title("ssm-console (2 waiting on you)")])
        // Alice answered one from the CLI: the count drops, without a bell.
        #expect(ConsoleUpdate.update(&state, approvalAnswer(1, decidedBy: [Fixtures.alice])) == [.title("ssm-console (1 waiting on you)")])
        #expect(ConsoleUpdate.update(&state, approvalAnswer(8, decidedBy: [Fixtures.alice])) == [.title("ssm-console")])
        #expect(state.approvals.waitingOnYouCount == 0)
    }

    @Test func approvalsSomeoneElseMustAnswerDoNotRing() {
        var state = Fixtures.state()
        var step = Fixtures.twoDecisionApproval()
        step.inputs?["Approvers"] = "[\"\(Fixtures.bob)\"]"
        #expect(ConsoleUpdate.update(&state, .result(.approval(executionId: Fixtures.id(1), step: step), at: Fixtures.now)) == [])
        #expect(!state.waitsOnYou(Fixtures.approval))
    }

    @Test func theFlagsTurnTheBellAndTheTitleOff() {
        var state = Fixtures.state()
        state.options.bell = false
        #expect(ConsoleUpdate.update(&state, approvalAnswer(1)) == [.title("ssm-console (1 waiting on you)")])
        var quiet = Fixtures.state()
        quiet.options.bell = false
        quiet.options.title = false
        #expect(ConsoleUpdate.update(&quiet, approvalAnswer(1)) == [])
        // The header still counts it.
        #expect(ConsoleView.render(quiet).rowText(0).contains("◆ 1 waiting on you"))
    }

    @Test func withoutAnIdentityNothingIsWaitingOnYou() {
        var target = Fixtures.target
        target.identity = nil
        var state = ConsoleState(target: target, options: ConsoleOptions(), width: 80, height: 24, now: Fixtures.now)
        _ = ConsoleUpdate.start(&state)
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: Fixtures.now))
        #expect(ConsoleUpdate.update(&state, approvalAnswer(1)) == [])
        #expect(ConsoleView.render(state).rowText(0).contains("as identity unknown"))
    }

    @Test func anApprovalAnsweredAndGoneRingsAgainWhenANewOneWaits() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, approvalAnswer(1))
        var moved = Fixtures.approval
        moved.automationExecutionStatus = .inProgress
        moved.currentAction = "aws:runCommand"
        moved.currentStepName = "applyChange"
        let effects = ConsoleUpdate.update(&state, .result(.executions(.all, [moved], nextToken: nil, appended: false), at: Fixtures.now))
        #expect(effects.contains(.title("ssm-console")))
        #expect(state.approvals.entries.isEmpty)
    }

    @Test func sendingAnApprovalShowsTheNewCountAtOnce() throws {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, approvalAnswer(1))
        state.list.selectedId = Fixtures.id(1)
        _ = ConsoleUpdate.update(&state, Fixtures.key("a"))
        let request = SendAutomationSignalRequest(automationExecutionId: Fixtures.id(1), signalType: .approve, payload: ["Comment": ["ok"]])
        let effects = ConsoleUpdate.update(&state, .result(.signalSent(request), at: Fixtures.now))
        #expect(state.flash?.text == "Approve sent to \(Fixtures.id(1)): 3 of 3 approvals")
        #expect(effects.contains(.title("ssm-console")))
        #expect(state.approvals.entries[Fixtures.id(1)]?.optimistic == true)
        // The next list refresh reads it back at once.
        let refreshed = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: Fixtures.now))
        #expect(refreshed.contains(.request(.loadApproval(executionId: Fixtures.id(1)))))
    }

    @Test func theInboxListsWhatWaitsOnYouFirstAndMarksItApart() {
        var state = Fixtures.state(rows: Fixtures.rows + [Self.secondApproval])
        var step = Fixtures.twoDecisionApproval()
        step.inputs?["Approvers"] = "[\"\(Fixtures.bob)\"]"
        _ = ConsoleUpdate.update(&state, .result(.approval(executionId: Fixtures.id(8), step: step), at: Fixtures.now))
        _ = ConsoleUpdate.update(&state, approvalAnswer(1))
        _ = ConsoleUpdate.update(&state, Fixtures.key("i"))
        var inbox = ExecutionQuery.all
        inbox.waitingOnHumanOnly = true
        let waiting = (Fixtures.rows + [Self.secondApproval]).filter(\.isWaitingOnHuman)
        _ = ConsoleUpdate.update(&state, .result(.executions(inbox, waiting, nextToken: nil, appended: false), at: Fixtures.now))
        // Execution 1 (alice may approve) is the oldest of the approvals but comes first; the rest newest first.
        #expect(state.list.visibleRows.map(\.automationExecutionId) == [1, 8, 5, 6].map(Fixtures.id))
        #expect((0..<4).map { state.list.visibleRow(at: $0).automationExecutionId } == [1, 8, 5, 6].map(Fixtures.id))
        state.list.select(index: 1)
        #expect(state.list.selectedId == Fixtures.id(8))
        #expect(state.list.selectedIndex == 1)
        state.width = 120
        let screen = ConsoleView.render(state)
        #expect(screen.rowText(0).contains("◆ 1 waiting on you"))
        #expect(screen.rowText(2).contains("WAITING FOR"))
        #expect(screen.rowText(3).hasPrefix("◆"))
        #expect(screen.rowText(3).contains("you: approval: 2 of 3 in"))
        #expect(screen.rowText(4).hasPrefix("●"))
        #expect(screen.rowText(4).contains("approval: 2 of 3 in"))
        #expect(screen.rowText(5).contains("StartStep"))
        #expect(screen.rowText(6).contains("Resume of pauseForCheck"))
        // Outside the inbox the order stays newest first; the marks still differ.
        _ = ConsoleUpdate.update(&state, Fixtures.key("i"))
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows + [Self.secondApproval], nextToken: nil, appended: false), at: Fixtures.now))
        #expect(state.list.visibleRows.first?.automationExecutionId == Fixtures.id(8))
        let all = ConsoleView.render(state).text
        #expect(all.contains("◆ Waiting"))
        #expect(all.contains("● Waiting"))
    }
}
