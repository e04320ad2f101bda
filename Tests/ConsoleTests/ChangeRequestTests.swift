import AutomationModel
import Foundation
import Testing

@testable import Console

/// Change Manager change requests and change calendars: their own words and fields, where they are decided,
/// and Revoke where SendAutomationSignal takes it.
@Suite("Change requests")
struct ChangeRequestTests {
    /// A change request as GetAutomationExecution returns one (fields from the API reference).
    private func changeRequest(_ status: AutomationExecutionStatus) -> (AutomationExecution, [StepExecution]) {
        var execution = AutomationExecution(automationExecutionId: Fixtures.id(9))
        execution.documentName = "AWS-HelloWorldChangeTemplate"
        execution.documentVersion = "1"
        execution.automationExecutionStatus = status
        execution.automationSubtype = "ChangeRequest"
        execution.changeRequestName = "Restart the web tier"
        execution.scheduledTime = Fixtures.now.addingTimeInterval(7200)
        execution.opsItemId = "oi-0123456789ab"
        execution.runbooks = [Runbook(documentName: "AWS-RestartEC2Instance", documentVersion: "1", parameters: ["InstanceId": ["i-0abc"]])]
        execution.executionStartTime = Fixtures.now.addingTimeInterval(-600)
        execution.mode = .auto
        execution.executedBy = Fixtures.alice
        return (execution, [])
    }

    private func state(_ status: AutomationExecutionStatus) -> ConsoleState {
        let loaded = changeRequest(status)
        var row = AutomationExecutionMetadata(loaded.0)
        row.automationType = .local
        var state = Fixtures.state(width: 160, height: 30, rows: Fixtures.rows + [row])
        state.list.selectedId = Fixtures.id(9)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, .result(.execution(loaded.0, steps: loaded.1), at: Fixtures.now))
        return state
    }

    @Test func aChangeRequestAwaitingApprovalSaysWhereItIsDecidedAndOffersRevoke() {
        let state = state(.pendingApproval)
        let screen = ConsoleView.render(state)
        #expect(screen.rowText(2).contains("Status: PendingApproval (waiting for approval in Change Manager)"))
        #expect(screen.text.contains("Change request: Restart the web tier  Scheduled: 2026-11-18 13:06:40 UTC  Runbook: AWS-RestartEC2Instance v1  OpsItem: oi-0123456789ab"))
        // The status line never says "not waiting on approval" for it, and Revoke is offered.
        let status = screen.rowText(state.height - 2)
        #expect(status.contains("a r decided in Change Manager, not by a signal"))
        #expect(!status.contains("not waiting on approval"))
        #expect(screen.rowText(state.height - 1).contains("v Revoke"))
    }

    @Test func revokeAsksYesThenSendsTheSignal() throws {
        var state = state(.pendingApproval)
        _ = ConsoleUpdate.update(&state, Fixtures.key("v"))
        guard case .signal(let form)? = state.overlay else { throw FormProblem("no Revoke form") }
        #expect(form.signal == .revoke)
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        #expect(ConsoleView.render(state).text.contains("Revoke this change request?"))
        let effects = ConsoleUpdate.update(&state, Fixtures.key("y"))
        #expect(effects == [.request(.sendSignal(SendAutomationSignalRequest(automationExecutionId: Fixtures.id(9), signalType: .revoke)))])
    }

    @Test func aChangeCalendarOverrideIsNotAnApprovalAndRevokeIsOff() {
        var state = state(.pendingChangeCalendarOverride)
        let screen = ConsoleView.render(state)
        #expect(screen.rowText(2).contains("(waiting for change calendar override)"))
        #expect(screen.rowText(state.height - 2).contains("a r waits on a change calendar override, not a signal"))
        _ = ConsoleUpdate.update(&state, Fixtures.key("v"))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "v Revoke: the change request is not awaiting approval")
    }

    @Test func theCalendarAndChangeManagerStatusesHaveTheirOwnWords() {
        for (status, words) in [
            (AutomationExecutionStatus.changeCalendarOverrideApproved, "change calendar override approved"),
            (.scheduled, "approved, waiting for its scheduled time"), (.runbookInProgress, "its runbook is running"),
            (.completedWithFailure, "the runbook failed"),
        ] {
            #expect(ConsoleView.render(state(status)).rowText(2).contains("Status: \(status.rawValue) (\(words))"))
        }
    }

    @Test func aPausedExecutionDoesNotClaimToWaitOnNoOne() {
        var state = Fixtures.state()
        state.list.selectedId = Fixtures.id(6)
        let status = ConsoleView.render(state).rowText(state.height - 2)
        #expect(status.contains("a r waits on Resume, not an approval"))
    }
}
