import AutomationModel
import Foundation

@testable import Console

/// A rate-controlled parent over 40 instances and its children, read from the JSON answers in Fixtures/
/// (written from the API reference by make_fleet_fixtures.py, not taken from our engine).
enum FleetFixtures {
    static let parentId = "5f1e0c2a-7b1d-4c3e-9a8f-0123456789ab"
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func answer<T: Decodable>(_ name: String, as type: T.Type) -> T {
        let data = try! Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        return try! AWSJSON.decode(type, from: data)
    }

    /// DescribeAutomationExecutions without filters: the parent, its children and two other executions.
    static var allRows: [AutomationExecutionMetadata] {
        answer("fleet-describe-all", as: DescribeAutomationExecutionsResponse.self).automationExecutionMetadataList ?? []
    }

    /// DescribeAutomationExecutions with the ParentExecutionId filter.
    static var children: [AutomationExecutionMetadata] {
        answer("fleet-describe-children", as: DescribeAutomationExecutionsResponse.self).automationExecutionMetadataList ?? []
    }

    static var parent: AutomationExecution {
        answer("fleet-get-parent", as: GetAutomationExecutionResponse.self).automationExecution!
    }

    /// The executions view with the unfiltered page loaded, the parent selected.
    static func state(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = Fixtures.state(width: width, height: height, rows: allRows)
        state.list.selectedId = parentId
        ConsoleUpdate.clampScrolling(&state)
        return state
    }

    /// The same with the parent expanded and its filtered page of children arrived.
    static func expandedState(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = state(width: width, height: height)
        _ = ConsoleUpdate.update(&state, Fixtures.key("e"))
        _ = ConsoleUpdate.update(
            &state, .result(.children(parentId: parentId, children, nextToken: nil, appended: false), at: Fixtures.now))
        return state
    }

    /// The newest children only: the filter's first page, with a token for more.
    static var firstPageOfChildren: [AutomationExecutionMetadata] {
        Array(children.sorted { ($0.executionStartTime ?? .distantPast) > ($1.executionStartTime ?? .distantPast) }.prefix(10))
    }

    /// The executions view with a list page that has the parent but none of its children, as when a fleet's
    /// children are too many for the list's pages.
    static func stateWithoutChildren(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = Fixtures.state(width: width, height: height, rows: allRows.filter { $0.parentAutomationExecutionId == nil })
        state.list.selectedId = parentId
        ConsoleUpdate.clampScrolling(&state)
        return state
    }

    /// Expanded, with only the first page of children arrived (more pages to load).
    static func partlyLoadedExpandedState(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = stateWithoutChildren(width: width, height: height)
        _ = ConsoleUpdate.update(&state, Fixtures.key("e"))
        _ = ConsoleUpdate.update(
            &state,
            .result(.children(parentId: parentId, firstPageOfChildren, nextToken: "more", appended: false), at: Fixtures.now))
        return state
    }

    /// The parent's view with only the first page of children arrived.
    static func partlyLoadedParentState(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = stateWithoutChildren(width: width, height: height)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, .result(.execution(parent, steps: []), at: Fixtures.now))
        _ = ConsoleUpdate.update(
            &state,
            .result(.children(parentId: parentId, firstPageOfChildren, nextToken: "more", appended: false), at: Fixtures.now))
        return state
    }

    /// The parent's view, with its children loaded.
    static func parentState(width: Int = 80, height: Int = 24) -> ConsoleState {
        var state = state(width: width, height: height)
        _ = ConsoleUpdate.update(&state, .key(.enter))
        _ = ConsoleUpdate.update(&state, .result(.execution(parent, steps: []), at: Fixtures.now))
        _ = ConsoleUpdate.update(
            &state, .result(.children(parentId: parentId, children, nextToken: nil, appended: false), at: Fixtures.now))
        return state
    }
}
