import AutomationModel
import Foundation
import Testing

@testable import Console

/// The `:` command line and the inbox: server-side filters.
@Suite("Update: commands and inbox")
struct UpdateCommandTests {
    private func run(_ command: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        _ = ConsoleUpdate.update(&state, Fixtures.key(":"))
        Fixtures.type(command, into: &state)
        return ConsoleUpdate.update(&state, .key(.enter))
    }

    @Test func statusBecomesAQueryAndRefreshes() {
        var state = Fixtures.state()
        let effects = run("status waiting", &state)
        var query = ExecutionQuery.all
        query.status = .waiting
        #expect(effects == [.request(.listExecutions(query, pageSize: 50))])
        #expect(state.list.query == query)
        #expect(state.list.rows.isEmpty)
    }

    @Test func docAndSinceCombine() {
        var state = Fixtures.state()
        _ = run("doc Demo-", &state)
        _ = ConsoleUpdate.update(&state, .result(.executions(state.list.query, [], nextToken: nil, appended: false), at: Fixtures.now))
        _ = run("since 2h", &state)
        #expect(state.list.query.documentNamePrefix == "Demo-")
        #expect(state.list.query.startedAfter == Fixtures.now.addingTimeInterval(-7200))
        _ = run("all", &state)
        #expect(state.list.query == .all)
    }

    @Test func aQueryChangeWhileARefreshIsInFlightWaitsForIt() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, .tick(Fixtures.now.addingTimeInterval(10)))
        #expect(state.refresh.listInFlight)
        #expect(run("inbox", &state).isEmpty)
        #expect(state.refresh.listPending)
        // The answer for the old query is dropped and the new one asked for.
        let effects = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: Fixtures.now))
        var inbox = ExecutionQuery.all
        inbox.waitingOnHumanOnly = true
        #expect(effects == [.request(.listExecutions(inbox, pageSize: 50))])
        #expect(state.list.rows.isEmpty)
    }

    @Test func sinceTakesItsUnitInEitherCase() {
        #expect(ConsoleCommand.parse("since 2H") == .success(.since(7200)))
        #expect(ConsoleCommand.parse("since 30M") == .success(.since(1800)))
        #expect(ConsoleCommand.parse("since 7d") == .success(.since(604_800)))
    }

    @Test func anUnknownStatusListsEveryStatus() throws {
        guard case .failure(let problem) = ConsoleCommand.parse("status Sleeping") else {
            Issue.record(":status Sleeping was accepted")
            return
        }
        for status in AutomationExecutionStatus.allKnown { #expect(problem.message.contains(status.rawValue)) }
        #expect(!problem.message.contains("…"))
    }

    @Test func qQuits() {
        var state = Fixtures.state()
        #expect(run("q", &state) == [.quit])
    }

    @Test(arguments: [
        ("frobnicate", "Unknown command ':frobnicate'"), ("status Sleeping", "Unknown status 'Sleeping'"),
        ("since yesterday", ":since needs a time span"), ("doc", ":doc needs a document name prefix"),
        ("status", ":status needs a status"),
    ])
    func badCommandsSayWhatWasWrong(_ command: String, _ message: String) {
        var state = Fixtures.state()
        #expect(run(command, &state).isEmpty)
        #expect(state.flash?.kind == .error)
        #expect(state.flash?.text.hasPrefix(message) == true, "\(state.flash?.text ?? "nil")")
        #expect(state.list.query == .all)
    }

    @Test func escCancelsTheCommandLine() {
        var state = Fixtures.state()
        _ = ConsoleUpdate.update(&state, Fixtures.key(":"))
        Fixtures.type("status Failed", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.escape)).isEmpty)
        #expect(state.input == nil)
        #expect(state.list.query == .all)
    }

    @Test func iTogglesTheInboxWhichShowsOnlyWaitingOnAPerson() {
        var state = Fixtures.state()
        let effects = ConsoleUpdate.update(&state, Fixtures.key("i"))
        #expect(state.list.query.waitingOnHumanOnly)
        #expect(effects.count == 1)
        // Rows the server sends that wait on nobody are not shown in the inbox.
        _ = ConsoleUpdate.update(&state, .result(.executions(state.list.query, Fixtures.rows, nextToken: nil, appended: false), at: Fixtures.now))
        #expect(Set(state.list.visibleRows.map(\.automationExecutionId)) == [Fixtures.id(1), Fixtures.id(5), Fixtures.id(6)])
        _ = ConsoleUpdate.update(&state, Fixtures.key("i"))
        #expect(!state.list.query.waitingOnHumanOnly)
    }
}
