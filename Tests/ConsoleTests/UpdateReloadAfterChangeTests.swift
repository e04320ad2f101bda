import AutomationModel
import Foundation
import Testing

@testable import Console

/// A signal, start or stop makes reads already in flight stale: each is read once more after it answers.
@Suite("Update: reloads after a change")
struct UpdateReloadAfterChangeTests {
    private let later = { (seconds: TimeInterval) in Fixtures.now.addingTimeInterval(seconds) }
    private let list = ConsoleEffect.request(.listExecutions(.all, pageSize: 50))
    private let load = ConsoleEffect.request(.loadExecution(id: Fixtures.id(1)))

    /// The execution view open on the approval, with a timed list refresh and execution load in flight.
    private func stateWithReadsInFlight() -> ConsoleState {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        let effects = ConsoleUpdate.update(&state, .tick(later(6)))
        #expect(effects.contains(list) && effects.contains(load))
        return state
    }

    @Test func signalSentWhileReadsAreInFlightReadsAgainWhenTheyAnswer() {
        var state = stateWithReadsInFlight()
        let request = SendAutomationSignalRequest(automationExecutionId: Fixtures.id(1), signalType: .approve)
        // Only the title changes at once (alice's approval counted before the service is read back).
        #expect(ConsoleUpdate.update(&state, .result(.signalSent(request), at: later(7))) == [.title("ssm-console")])
        let (execution, steps) = Fixtures.approvalExecution
        // The service still lists no decision of alice's: the approval waits on her again.
        #expect(ConsoleUpdate.update(&state, .result(.execution(execution, steps: steps), at: later(8))) == [load, .title("ssm-console (1 waiting on you)")])
        #expect(ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later(8))) == [list])
        // The fresh answers ask for nothing more.
        #expect(ConsoleUpdate.update(&state, .result(.execution(execution, steps: steps), at: later(9))).isEmpty)
        #expect(ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later(9))).isEmpty)
        #expect(state.refresh.executionPending.isEmpty && !state.refresh.listPending)
    }

    @Test func stopSentWhileTheLoadFailsStillReadsAgain() {
        var state = stateWithReadsInFlight()
        let request = StopAutomationExecutionRequest(automationExecutionId: Fixtures.id(1), type: .cancel)
        #expect(ConsoleUpdate.update(&state, .result(.stopped(request), at: later(7))).isEmpty)
        let error = ServiceError(.init(rawValue: "ConnectionError"), "connection reset")
        #expect(ConsoleUpdate.update(&state, .result(.failed(.loadExecution(id: Fixtures.id(1)), error), at: later(8))) == [load])
        #expect(ConsoleUpdate.update(&state, .result(.failed(.listExecutions(.all, pageSize: 50), error), at: later(8))) == [list])
    }

    @Test func startedWhileTheListIsInFlightReadsItAgain() {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, .tick(later(6))) == [list])
        let request = StartAutomationExecutionRequest(documentName: "Demo-Approval")
        let effects = ConsoleUpdate.update(&state, .result(.started(request, executionId: "new-id"), at: later(7)))
        #expect(effects == [.request(.loadExecution(id: "new-id"))])
        #expect(ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later(8))) == [list])
    }

    @Test func aTimedRefreshWhileOneIsInFlightIsNotRepeated() {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, .tick(later(6))) == [list])
        #expect(ConsoleUpdate.update(&state, .tick(later(12))).isEmpty)
        #expect(ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later(13))).isEmpty)
    }
}
