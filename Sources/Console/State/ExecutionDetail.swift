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
    public var stepScroll = 0
    public var focus: Focus = .steps
    /// First line of the details pane on screen.
    public var detailScroll = 0

    public init(id: String) {
        self.id = id
    }

    public var summary: ExecutionSummary? { execution.map(ExecutionSummary.init) }

    public var selectedStepExecution: StepExecution? {
        steps.indices.contains(selectedStep) ? steps[selectedStep] : nil
    }
}
