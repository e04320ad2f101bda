import AutomationModel
import Foundation
import Testing

@testable import Console

/// Ticks, refreshes in flight, throttling backoff, paging and merging pages.
@Suite("Update: refresh, paging and notices")
struct UpdateRefreshTests {
    private let later = { (seconds: TimeInterval) in Fixtures.now.addingTimeInterval(seconds) }

    @Test func startAsksForTheFirstPage() {
        var state = ConsoleState(target: Fixtures.target, options: ConsoleOptions(), width: 80, height: 24, now: Fixtures.now)
        #expect(ConsoleUpdate.start(&state) == [.request(.listExecutions(.all, pageSize: 50))])
        #expect(state.refresh.listInFlight)
    }

    /// The local demo is seeded after the first screen: each execution it seeds reloads the list at once,
    /// not at the next refresh.
    @Test func demoSeededReloadsTheListAtOnce() {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, .demoSeeded(at: later(1))) == [.request(.listExecutions(.all, pageSize: 50))])
        #expect(state.now == later(1))
        #expect(state.refresh.listInFlight)
        // Seeded again while that call is in flight: the list is asked for again right after its answer, which
        // may predate the new execution.
        #expect(ConsoleUpdate.update(&state, .demoSeeded(at: later(1.5))).isEmpty)
        let effects = ConsoleUpdate.update(
            &state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later(1.6)))
        #expect(effects.contains(.request(.listExecutions(.all, pageSize: 50))))
    }

    @Test func refreshIntervalHasAFloor() {
        #expect(ConsoleOptions(refreshInterval: .milliseconds(300)).refreshInterval == ConsoleOptions.minimumRefresh)
        #expect(ConsoleOptions(refreshInterval: .seconds(30)).refreshInterval == .seconds(30))
        var options = ConsoleOptions()
        options.refreshInterval = .seconds(1)
        #expect(options.refreshInterval == .seconds(2))
    }

    @Test func tickBeforeTheIntervalDoesNothing() {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, .tick(later(4))).isEmpty)
        #expect(state.now == later(4))
    }

    @Test func tickWhenDueRefreshesOnceWhileInFlight() {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, .tick(later(5))) == [.request(.listExecutions(.all, pageSize: 50))])
        #expect(ConsoleUpdate.update(&state, .tick(later(11))).isEmpty)
        #expect(ConsoleUpdate.update(&state, Fixtures.key("R")).isEmpty)
        #expect(state.flash?.text == "R Refresh now: a refresh is already in flight")
    }

    @Test func tickAlsoReloadsTheOpenExecution() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        let effects = ConsoleUpdate.update(&state, .tick(later(6)))
        #expect(effects.contains(.request(.loadExecution(id: Fixtures.id(1)))))
        #expect(effects.contains(.request(.listExecutions(.all, pageSize: 50))))
        // Not again while the first is in flight.
        #expect(!ConsoleUpdate.update(&state, .tick(later(12))).contains(.request(.loadExecution(id: Fixtures.id(1)))))
    }

    @Test func refreshNowKey() {
        var state = Fixtures.state()
        #expect(ConsoleUpdate.update(&state, Fixtures.key("R")) == [.request(.listExecutions(.all, pageSize: 50))])
    }

    @Test func tickExpiresTheFlash() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("s"))
        #expect(state.flash != nil)
        _ = ConsoleUpdate.update(&state, .tick(later(2)))
        #expect(state.flash != nil)
        _ = ConsoleUpdate.update(&state, .tick(later(5)))
        #expect(state.flash == nil)
    }

    @Test func throttlingShowsAndBacksOffUntilACleanRefresh() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .tick(later(5)))
        _ = ConsoleUpdate.update(&state, .notice(.throttled(operation: "DescribeAutomationExecutions", retryIn: .seconds(2)), at: later(5)))
        #expect(state.refresh.notice == "throttled: DescribeAutomationExecutions, retrying in 2s")
        #expect(ConsoleView.render(state).rowText(22).hasPrefix("throttled: DescribeAutomationExecutions, retrying in 2s"))
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later(7)))
        #expect(state.refresh.backoff == 1)
        // The next refresh waits twice the interval.
        #expect(ConsoleUpdate.update(&state, .tick(later(12))).isEmpty)
        #expect(ConsoleUpdate.update(&state, .tick(later(15))) == [.request(.listExecutions(.all, pageSize: 50))])
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later(16)))
        #expect(state.refresh.backoff == 0)
        #expect(state.refresh.notice == nil)
    }

    @Test func retryingAndRateLimitedNoticesShowInTheStatusLine() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .notice(.retrying(operation: "GetAutomationExecution", attempt: 2, reason: "connection reset", retryIn: .milliseconds(1500)), at: later(1)))
        #expect(state.refresh.notice == "GetAutomationExecution failed (connection reset); attempt 2 in 1.5s")
        _ = ConsoleUpdate.update(&state, .notice(.rateLimited(operation: "SendAutomationSignal", waited: .seconds(1)), at: later(1)))
        #expect(state.refresh.notice == "waited 1s to keep SendAutomationSignal under its quota")
        _ = ConsoleUpdate.update(&state, .notice(.auditLogFailed(path: "/tmp/audit.log", reason: "disk full"), at: later(1)))
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text.contains("disk full") == true)
    }

    @Test func listFailureKeepsRowsAndSaysWhy() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .tick(later(5)))
        let error = ServiceError(.throttlingException, "Rate exceeded")
        _ = ConsoleUpdate.update(&state, .result(.failed(.listExecutions(.all, pageSize: 50), error), at: later(6)))
        #expect(state.list.rows.count == Fixtures.rows.count)
        #expect(!state.refresh.listInFlight)
        #expect(state.flash?.text == "DescribeAutomationExecutions failed: ThrottlingException: Rate exceeded")
    }

    private func manyRows(_ range: ClosedRange<Int>) -> [AutomationExecutionMetadata] {
        range.map { Fixtures.row($0, document: "Doc\($0)", status: .success, startedAgo: TimeInterval($0 * 60)) }
    }

    @Test func movingNearTheEndLoadsTheNextPageOnce() {
        var state = Fixtures.state(height: 48, rows: manyRows(1...20), nextToken: "t2")
        for _ in 0..<13 { #expect(ConsoleUpdate.update(&state, Fixtures.key("j")).isEmpty) }
        let effects = ConsoleUpdate.update(&state, Fixtures.key("j"))
        #expect(effects == [.request(.loadMoreExecutions(.all, pageSize: 50, nextToken: "t2"))])
        #expect(ConsoleUpdate.update(&state, Fixtures.key("j")).isEmpty)
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, manyRows(21...40), nextToken: nil, appended: true), at: later(1)))
        #expect(state.list.rows.count == 40)
        #expect(state.list.nextToken == nil)
        #expect(state.list.selectedId == Fixtures.id(16))
        _ = ConsoleUpdate.update(&state, Fixtures.key("G"))
        #expect(state.list.selectedId == Fixtures.id(40))
    }

    @Test func noMorePagesNoRequest() {
        var state = Fixtures.state(rows: manyRows(1...10))
        _ = ConsoleUpdate.update(&state, Fixtures.key("G"))
        #expect(ConsoleUpdate.update(&state, Fixtures.key("k")).isEmpty)
    }

    @Test func aRefreshKeepsRowsFromLaterPages() {
        var state = Fixtures.state(rows: manyRows(1...20), nextToken: "t2")
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, manyRows(21...40), nextToken: "t3", appended: true), at: later(1)))
        _ = ConsoleUpdate.update(&state, Fixtures.key("G"))
        // A new execution arrives; the first page now ends one row earlier.
        var fresh = [Fixtures.row(99, document: "New", status: .inProgress, startedAgo: 1)] + manyRows(1...19)
        fresh[1].automationExecutionStatus = .failed
        _ = ConsoleUpdate.update(&state, .tick(later(6)))
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, fresh, nextToken: "t2b", appended: false), at: later(7)))
        #expect(state.list.rows.count == 41)
        #expect(state.list.rows.first?.automationExecutionId == Fixtures.id(99))
        #expect(state.list.rows[1].automationExecutionStatus == .failed)
        #expect(state.list.selectedId == Fixtures.id(40))
        #expect(state.list.nextToken == "t3")
        let starts = state.list.rows.compactMap(\.executionStartTime)
        #expect(starts == starts.sorted(by: >))
    }

    @Test func aRefreshDropsRowsThatLeftTheQuery() {
        var inbox = ExecutionQuery.all
        inbox.waitingOnHumanOnly = true
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key("i"))
        _ = ConsoleUpdate.update(&state, .result(.executions(inbox, [Fixtures.approval, Fixtures.paused], nextToken: nil, appended: false), at: later(1)))
        _ = ConsoleUpdate.update(&state, .tick(later(7)))
        _ = ConsoleUpdate.update(&state, .result(.executions(inbox, [Fixtures.paused], nextToken: nil, appended: false), at: later(8)))
        #expect(state.list.rows.map(\.automationExecutionId) == [Fixtures.id(6)])
        #expect(state.list.selectedId == Fixtures.id(6))
    }

    @Test func loadMoreFailureAllowsAnotherTry() {
        var state = Fixtures.state(height: 48, rows: manyRows(1...20), nextToken: "t2")
        _ = ConsoleUpdate.update(&state, Fixtures.key("G"))
        #expect(state.refresh.moreInFlight)
        let error = ServiceError(.invalidNextToken, "The token expired.")
        _ = ConsoleUpdate.update(&state, .result(.failed(.loadMoreExecutions(.all, pageSize: 50, nextToken: "t2"), error), at: later(1)))
        #expect(!state.refresh.moreInFlight)
        #expect(state.flash?.text == "Loading more executions failed: InvalidNextToken: The token expired.")
        #expect(!ConsoleUpdate.update(&state, Fixtures.key("k")).isEmpty)
    }

    @Test func executionResultUpdatesTheViewAndTheRow() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        var (execution, steps) = Fixtures.approvalExecution
        execution.automationExecutionStatus = .inProgress
        execution.currentStepName = "applyChange"
        execution.currentAction = "aws:runCommand"
        steps[1].stepStatus = .success
        steps[2].stepStatus = .inProgress
        _ = ConsoleUpdate.update(&state, .tick(later(6)))
        _ = ConsoleUpdate.update(&state, .result(.execution(execution, steps: steps), at: later(7)))
        #expect(state.detail?.steps[1].stepStatus == .success)
        // The selection stays on the step the operator was reading.
        #expect(state.detail?.selectedStep == 1)
        #expect(state.list.rows.first { $0.automationExecutionId == Fixtures.id(1) }?.automationExecutionStatus == .inProgress)
        #expect(state.refresh.executionInFlight.isEmpty)
    }

    @Test func executionLoadFailureFlashes() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let error = ServiceError(.automationExecutionNotFoundException, "No execution with ID x.")
        _ = ConsoleUpdate.update(&state, .result(.failed(.loadExecution(id: Fixtures.id(2)), error), at: later(1)))
        #expect(state.flash?.text == "GetAutomationExecution failed: AutomationExecutionNotFoundException: No execution with ID x.")
        #expect(state.refresh.executionInFlight.isEmpty)
    }
}
