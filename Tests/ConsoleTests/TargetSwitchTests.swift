import AutomationModel
import Foundation
import Testing

@testable import Console

/// `:profile` and `:region`: the core switches to a new connection without a restart and drops every answer
/// of the old one; the update keeps the query and filter, shows the new target and follows its read-only.
@Suite("Switching target")
struct TargetSwitchTests {
    /// Generous: the whole suite's CPU-heavy tests can hold the cooperative pool for many seconds on two cores.
    static let patience: Duration = .seconds(60)

    static let accountB = ConsoleTarget(
        kind: .aws(profile: "b", region: "eu-west-1", endpoint: "http://127.0.0.1:4584"), principal: "arn:aws:iam::222222222222:user/bob")

    static func row(_ id: String) -> AutomationExecutionMetadata {
        var row = AutomationExecutionMetadata(automationExecutionId: id)
        row.automationExecutionStatus = .inProgress
        return row
    }

    static func listedIds(_ result: ServiceResult) -> [String]? {
        guard case .executions(_, let rows, _, _) = result else { return nil }
        return rows.map(\.automationExecutionId)
    }

    @Test func theOldTargetsAnswersNeverArriveAfterTheSwitch() async throws {
        let old = FakeAutomationService()
        old.executions = [Self.row("old-1")]
        let new = FakeAutomationService()
        new.executions = [Self.row("new-1")]
        let retired = LockedValue(0)
        let events = PostedEvents()
        let core = ClientCore(
            service: old, target: testTarget, auditLog: nil,
            connect: { choice in
                #expect(choice == .profile("b"))
                return SwitchedConnection(service: new, target: Self.accountB, readOnly: true, retirePrevious: { retired.withLock { $0 += 1 } })
            },
            post: { events.append($0) })
        defer { core.shutdown() }
        old.hold("DescribeAutomationExecutions")
        core.submit(.listExecutions(.all, pageSize: 10))
        #expect(await eventually { old.waitingCount("DescribeAutomationExecutions") == 1 })
        core.submit(.switchTarget(.profile("b")))
        await events.wait(for: "the switch", timeout: Self.patience) { events in
            events.results.contains { if case .switched = $0 { return true } else { return false } }
        }
        guard case .switched(let target, let readOnly) = events.results.last else {
            Issue.record("no switch: \(events.all)")
            return
        }
        #expect(target == Self.accountB && readOnly)
        // The old list call answers now, after the switch: dropped.
        old.release("DescribeAutomationExecutions")
        core.submit(.listExecutions(.all, pageSize: 10))
        await events.wait(for: "the new target's list", timeout: Self.patience) { $0.results.contains { Self.listedIds($0) == ["new-1"] } }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!events.results.contains { Self.listedIds($0) == ["old-1"] })
        #expect(new.calls("DescribeAutomationExecutions").count == 1)
        #expect(await eventually { retired.withLock { $0 } == 1 }, "the old connection is closed once idle")
        // Read-only now comes from the new profile: changes are refused by the core too.
        core.submit(.sendSignal(SendAutomationSignalRequest(automationExecutionId: "new-1", signalType: .approve)))
        await events.wait(for: "the refusal", timeout: Self.patience) { events in
            events.results.contains { if case .failed(.sendSignal, let error) = $0 { return error.code.rawValue == "ReadOnlyMode" } else { return false } }
        }
        #expect(new.calls("SendAutomationSignal").isEmpty)
    }

    @Test func aFailedSwitchKeepsTheOldTarget() async throws {
        let old = FakeAutomationService()
        old.executions = [Self.row("old-1")]
        let events = PostedEvents()
        let core = ClientCore(
            service: old, target: testTarget, auditLog: nil,
            connect: { _ in throw ServiceError(ServiceError.Code(rawValue: "ProfileNotFound"), "The config profile (nope) could not be found.") },
            post: { events.append($0) })
        defer { core.shutdown() }
        core.submit(.switchTarget(.profile("nope")))
        await events.wait(for: "the failure", timeout: Self.patience) { events in
            events.results.contains { if case .failed(.switchTarget(.profile("nope")), _) = $0 { return true } else { return false } }
        }
        core.submit(.listExecutions(.all, pageSize: 10))
        await events.wait(for: "the old target's list", timeout: Self.patience) { $0.results.contains { Self.listedIds($0) == ["old-1"] } }
    }

    @Test func withoutAConnectorTheSwitchIsRefused() async {
        let events = PostedEvents()
        let core = ClientCore(service: FakeAutomationService(), target: testTarget, auditLog: nil, post: { events.append($0) })
        defer { core.shutdown() }
        core.submit(.switchTarget(.region("eu-west-2")))
        await events.wait(for: "the refusal", timeout: Self.patience) { events in
            events.results.contains { if case .failed(.switchTarget, let error) = $0 { return error.code.rawValue == "SwitchUnavailable" } else { return false } }
        }
    }

    @Test func profileAndRegionCommandsAskForTheSwitch() {
        var state = Fixtures.state()
        Fixtures.type(":profile b", into: &state)
        let effects = ConsoleUpdate.update(&state, .key(.enter))
        #expect(effects == [.request(.switchTarget(.profile("b")))])
        #expect(state.switching == .profile("b"))
        #expect(ConsoleView.render(state).text.contains("Connecting to profile b"))
        var region = Fixtures.state()
        Fixtures.type(":region eu-west-2", into: &region)
        #expect(ConsoleUpdate.update(&region, .key(.enter)) == [.request(.switchTarget(.region("eu-west-2")))])
    }

    @Test func withoutANameAPickListOpens() {
        var state = Fixtures.state()
        state.targetChoices = TargetChoices(profiles: ["a", "ops", "prod-eu", "prod-us"], regions: ["eu-west-1", "us-east-1"])
        Fixtures.type(":profile", into: &state)
        #expect(ConsoleUpdate.update(&state, .key(.enter)).isEmpty)
        guard case .pick(let picker) = state.overlay else {
            Issue.record("no pick-list")
            return
        }
        #expect(picker.selected == "ops", "it opens on the current profile")
        #expect(state.keyContext == .targetPicker)
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Switch profile") && screen.contains("▶ ops") && screen.contains("Enter switch"), "\(screen)")
        Fixtures.type("prod", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.down))
        #expect(ConsoleUpdate.update(&state, .key(.enter)) == [.request(.switchTarget(.profile("prod-us")))])
        #expect(state.overlay == nil)
        // Regions: SSM's list, opened on the current one; Esc closes without switching.
        Fixtures.type(":region", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        guard case .pick(let regions) = state.overlay else {
            Issue.record("no pick-list")
            return
        }
        #expect(regions.selected == "eu-west-1")
        #expect(ConsoleUpdate.update(&state, .key(.escape)).isEmpty && state.overlay == nil)
    }

    @Test func withNothingToChooseThePickListSaysSo() {
        var state = Fixtures.state()
        Fixtures.type(":profile", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        #expect(state.overlay == nil)
        #expect(state.flash?.text == "No profiles in the AWS config files; type :profile NAME")
    }

    @Test func afterTheSwitchTheViewKeepsItsFiltersAndShowsTheNewTarget() {
        var state = Fixtures.executionState(Fixtures.approvalExecution)
        _ = ConsoleUpdate.update(&state, .key(.escape))
        Fixtures.type(":status Waiting", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, Fixtures.key("/"))
        Fixtures.type("Demo", into: &state)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        let query = state.list.query
        state.refresh.listInFlight = false
        let effects = ConsoleUpdate.update(&state, .result(.switched(Self.accountB, readOnly: true), at: Fixtures.now))
        #expect(state.target == Self.accountB)
        #expect(state.list.query == query && state.list.filter == "Demo")
        #expect(state.list.rows.isEmpty && state.detail == nil && state.screen == .executions)
        #expect(state.options.readOnly)
        #expect(effects.contains(.request(.listExecutions(query, pageSize: state.options.pageSize))))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("profile b"), "\(screen)")
    }

    /// A fleet's children and the path of executions opened along (parent to child) belong to the old target.
    @Test func theSwitchDropsTheOldTargetsFleetsAndPath() {
        var state = FleetFixtures.parentState()
        _ = ConsoleUpdate.update(&state, .key(.enter))
        #expect(!state.path.isEmpty, "Enter on the child opened it along the path")
        var expanded = FleetFixtures.expandedState()
        #expect(!expanded.list.children.isEmpty && !expanded.list.expanded.isEmpty)
        _ = ConsoleUpdate.update(&state, .result(.switched(Self.accountB, readOnly: false), at: Fixtures.now))
        _ = ConsoleUpdate.update(&expanded, .result(.switched(Self.accountB, readOnly: false), at: Fixtures.now))
        #expect(state.path.isEmpty && state.screen == .executions)
        #expect(expanded.list.children.isEmpty && expanded.list.expanded.isEmpty)
    }

    @Test func aFailedSwitchSaysWhy() {
        var state = Fixtures.state()
        state.switching = .profile("nope")
        _ = ConsoleUpdate.update(&state, .result(.failed(.switchTarget(.profile("nope")), ServiceError(
            ServiceError.Code(rawValue: "ProfileNotFound"), "The config profile (nope) could not be found.")), at: Fixtures.now))
        #expect(state.switching == nil && state.target == Fixtures.target)
        #expect(state.flash?.text == "Could not switch to profile nope: ProfileNotFound: The config profile (nope) could not be found.")
    }
}
