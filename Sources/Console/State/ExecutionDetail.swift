import AutomationModel
import Foundation

/// The execution view: one execution with its steps.
public struct ExecutionDetail: Sendable, Hashable {
    public enum Focus: Sendable, Hashable { case steps, details }

    public var id: String
    /// Nil until GetAutomationExecution answers.
    public var execution: AutomationExecution?
    public var steps: [StepExecution] = []
    public var selectedStep = 0
    /// The first step on screen.
    public var stepScroll = ScrollState()
    public var focus: Focus = .steps
    /// The first line of the details pane on screen.
    public var detailScroll = ScrollState()
    /// In a parent's view: the selected child (an index into the parent's children) and the first on screen.
    public var selectedChild = 0
    public var childScroll = ScrollState()
    /// The members the model does not know of this execution's row in the executions list, which the details
    /// show beside the execution's own (the list's answer can carry members the execution's does not).
    public var listRowFields: [String: JSONValue]?

    public init(id: String) {
        self.id = id
    }

    public var summary: ExecutionSummary? { execution.map(ExecutionSummary.init) }

    /// A parent started with rate control: its view lists its children in place of steps.
    public var isFleet: Bool { execution.map { AutomationExecutionMetadata($0).isRateControlled } ?? false }

    /// The selected row of the table the view shows: a child in a parent's view, else a step.
    var selectedRow: Int { isFleet ? selectedChild : selectedStep }

    /// Loaded, and nothing in it can change any more: the execution is in a final status and no step is still
    /// running or being cancelled (steps left Pending never run), so a timed refresh would only read again what
    /// is already known.
    public var isFinal: Bool {
        guard let status = execution?.automationExecutionStatus, status.isTerminal else { return false }
        return !steps.contains { [.inProgress, .waiting, .cancelling].contains($0.stepStatus) }
    }

    public var selectedStepExecution: StepExecution? {
        steps.indices.contains(selectedStep) ? steps[selectedStep] : nil
    }
}
