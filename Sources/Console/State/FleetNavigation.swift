import AutomationModel
import Foundation

/// Where the fleet keys lead from the current state: the child a parent's view has selected, the parent `e`
/// expands, and the execution `p` goes to (a child's parent, or the child an aws:executeAutomation step started).
enum FleetNavigation {
    static let noRelatedReason = "not a child, and no \(AutomationActionName.executeAutomation) step with a child is selected"

    /// The selected child in a parent's view.
    static func selectedChild(in state: ConsoleState) -> AutomationExecutionMetadata? {
        guard state.screen == .execution, let detail = state.detail, detail.isFleet,
            let rows = state.list.children[detail.id]?.rows, rows.indices.contains(detail.selectedChild)
        else { return nil }
        return rows[detail.selectedChild]
    }

    /// The selected row, when it is a parent (or a child, whose parent then collapses).
    static func expandableParent(in state: ConsoleState) -> String? {
        guard state.screen == .executions else { return nil }
        let index = state.list.selectedIndex
        guard index < state.list.visibleCount else { return nil }
        let entry = state.list.visibleEntry(at: index)
        if let parent = entry.parentId { return parent }
        return state.list.isParent(entry.row) ? entry.row.automationExecutionId : nil
    }

    /// The execution `p` opens.
    static func related(in state: ConsoleState) -> String? {
        switch state.screen {
        case .executions:
            return state.list.selectedRow?.parentAutomationExecutionId
        case .execution:
            guard let detail = state.detail else { return nil }
            if let step = detail.selectedStepExecution, !detail.isFleet, let child = startedChild(of: step) {
                return child
            }
            return detail.execution?.parentAutomationExecutionId
        }
    }

    /// The execution an aws:executeAutomation step started: its ExecutionId output.
    static func startedChild(of step: StepExecution) -> String? {
        guard step.action == AutomationActionName.executeAutomation.rawValue else { return nil }
        let id = step.outputs?["ExecutionId"]?.first ?? step.outputs?["\(step.stepName ?? "").ExecutionId"]?.first
        return id.flatMap { $0.isEmpty ? nil : $0 }
    }
}
