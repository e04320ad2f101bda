import AutomationModel
import Foundation
import Testing

@testable import Console

/// A rate-controlled parent with 40 targets (36 children started), from answers shaped like AWS's, rendered at
/// 80x24 and 160x48: collapsed, expanded, the parent's view, and Cancel on the parent.
@Suite("Fleet snapshots")
struct FleetSnapshotTests {
    private func check(_ name: String, _ make: (Int, Int) -> ConsoleState) {
        for (width, height) in ViewSnapshotTests.sizes {
            Snapshot.assert(ConsoleView.render(make(width, height)), named: "\(name)-\(width)x\(height)")
        }
    }

    @Test func collapsed() {
        check("fleet-collapsed") { FleetFixtures.state(width: $0, height: $1) }
    }

    @Test func expanded() {
        check("fleet-expanded") { FleetFixtures.expandedState(width: $0, height: $1) }
    }

    @Test func parentView() {
        check("fleet-parent") { width, height in
            var state = FleetFixtures.parentState(width: width, height: height)
            // On the failed children: the table shows why they failed.
            for _ in 0..<29 { _ = ConsoleUpdate.update(&state, Fixtures.key("j")) }
            return state
        }
    }

    /// Only the filter's first page is in: the progress says it counts the loaded children, not all of them.
    @Test func partlyLoaded() {
        check("fleet-partly-loaded-expanded") { FleetFixtures.partlyLoadedExpandedState(width: $0, height: $1) }
        check("fleet-partly-loaded-parent") { FleetFixtures.partlyLoadedParentState(width: $0, height: $1) }
        check("fleet-partly-loaded-cancel") { width, height in
            var state = FleetFixtures.partlyLoadedParentState(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
            return state
        }
    }

    @Test func cancelParent() {
        check("fleet-cancel") { width, height in
            var state = FleetFixtures.parentState(width: width, height: height)
            _ = ConsoleUpdate.update(&state, Fixtures.key("c"))
            return state
        }
    }
}
