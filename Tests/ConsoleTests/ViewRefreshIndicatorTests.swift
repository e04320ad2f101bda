import AutomationModel
@testable import Console
import Foundation
import Testing

/// The header's refresh indicator stays the same while refreshes go well, so an idle console writes nothing to
/// the terminal, and speaks up when a refresh is slow or the rows are stale.
@Suite struct ViewRefreshIndicatorTests {
    static func header(_ state: ConsoleState) -> String {
        ConsoleView.render(state).rowText(0)
    }

    @Test func steadyRefreshesDrawTheSameHeader() {
        var state = Fixtures.state(width: 120, height: 40)
        let first = ConsoleView.render(state)
        #expect(Self.header(state).hasSuffix("every 5s "))
        // Five seconds on, a refresh goes out and comes back with the same rows: the header does not change.
        let later = Fixtures.now.addingTimeInterval(5)
        let effects = ConsoleUpdate.update(&state, .tick(later))
        #expect(effects.contains(.request(.listExecutions(.all, pageSize: 50))))
        #expect(ConsoleView.render(state).rowText(0) == first.rowText(0))
        _ = ConsoleUpdate.update(&state, .result(.executions(.all, Fixtures.rows, nextToken: nil, appended: false), at: later))
        #expect(Self.header(state) == first.rowText(0))
    }

    @Test func aSlowRefreshSaysSoAfterASecond() {
        var state = Fixtures.state(width: 120, height: 40)
        _ = ConsoleUpdate.update(&state, .tick(Fixtures.now.addingTimeInterval(5)))
        #expect(!Self.header(state).contains("refreshing"))
        _ = ConsoleUpdate.update(&state, .tick(Fixtures.now.addingTimeInterval(6)))
        #expect(Self.header(state).hasSuffix("refreshing... "))
    }

    @Test func staleRowsShowHowOldTheyAre() {
        var state = Fixtures.state(width: 80, height: 24)
        #expect(!Self.header(state).contains("updated"))
        _ = ConsoleUpdate.update(&state, .tick(Fixtures.now.addingTimeInterval(5)))
        _ = ConsoleUpdate.update(
            &state,
            .result(.failed(.listExecutions(.all, pageSize: 50), ServiceError(ServiceError.Code(rawValue: "ConnectionError"), "refused")),
                at: Fixtures.now.addingTimeInterval(5)))
        _ = ConsoleUpdate.update(&state, .tick(Fixtures.now.addingTimeInterval(20)))
        #expect(Self.header(state).hasSuffix("updated 20s ago "))
    }
}

/// The list's compact texts.
@Suite struct ListTextTests {
    @Test func principalsShowTheNameAPersonKnows() {
        #expect(PrincipalText.name("arn:aws:iam::123456789012:user/alice") == "alice")
        #expect(PrincipalText.name("arn:aws:sts::123456789012:assumed-role/Admin/bob") == "Admin/bob")
        #expect(PrincipalText.name("arn:aws:iam::123456789012:root") == "root")
        #expect(PrincipalText.name("ops-bot") == "ops-bot")
        #expect(PrincipalText.name(nil) == "-")
    }

    @Test func runningDurationsInTheListMoveOnceAMinute() {
        let start = Fixtures.now.addingTimeInterval(-125)
        #expect(TimeText.listDuration(from: start, to: nil, now: Fixtures.now) == "2m")
        #expect(TimeText.listDuration(from: start, to: nil, now: Fixtures.now.addingTimeInterval(30)) == "2m")
        #expect(TimeText.listDuration(from: start, to: Fixtures.now, now: Fixtures.now) == "2m05s")
        #expect(TimeText.listDuration(from: Fixtures.now.addingTimeInterval(-45), to: nil, now: Fixtures.now) == "45s")
    }
}
