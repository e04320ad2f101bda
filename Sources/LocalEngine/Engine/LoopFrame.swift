import AutomationDocuments
import AutomationModel

/// An aws:loop step that is running its steps: which loop, which iteration, and what it iterates over.
/// The runtime keeps one per loop the current step is inside, outermost first.
struct LoopFrame: Codable, Sendable, Hashable {
    /// The outputs a loop gives its steps (`{{ Loop.CurrentIteration }}`) and keeps when it ends.
    static let currentIteration = "CurrentIteration"
    static let currentIteratorValue = "CurrentIteratorValue"

    var stepExecutionId: String
    var stepName: String
    /// From 1.
    var iteration: Int
    var plan: LoopPlan

    /// The value of this iteration of a for-each loop.
    var iteratorValue: JSONValue? {
        guard let iterators = plan.iterators, iterators.indices.contains(iteration - 1) else { return nil }
        return iterators[iteration - 1]
    }

    /// What the loop's steps read as the loop's outputs during this iteration.
    var outputs: [String: JSONValue] {
        var outputs: [String: JSONValue] = [Self.currentIteration: .number(Double(iteration))]
        if let iteratorValue { outputs[Self.currentIteratorValue] = iteratorValue }
        return outputs
    }

    /// How a step execution of this iteration names its loop (StepExecution.ParentStepDetails).
    func parentStepDetails(action: String) -> ParentStepDetails {
        ParentStepDetails(
            stepExecutionId: stepExecutionId, stepName: stepName, action: action, iteration: iteration,
            iteratorValue: iteratorValue.map(LoopPlan.text(of:)))
    }
}
