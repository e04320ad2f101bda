import AutomationDocuments
import AutomationModel
import Foundation

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
    /// When the loop's own timeoutSeconds strikes, counted from the start of this attempt of the loop; it
    /// covers every iteration and the steps inside.
    var deadline: Date?
    /// Optional in the store, so frames written before loops were retried still read.
    private var loopAttempt: Int?
    private var criticalFailureAtStart: Bool?

    init(
        stepExecutionId: String, stepName: String, iteration: Int, plan: LoopPlan, attempt: Int = 1,
        deadline: Date? = nil, criticalFailureBefore: Bool = false
    ) {
        self.stepExecutionId = stepExecutionId
        self.stepName = stepName
        self.iteration = iteration
        self.plan = plan
        self.deadline = deadline
        loopAttempt = attempt
        criticalFailureAtStart = criticalFailureBefore
    }

    /// Whether a critical step had failed before this attempt of the loop started: a retried loop's failed
    /// attempt, steps inside included, no longer counts against the execution.
    var criticalFailureBefore: Bool { criticalFailureAtStart ?? false }

    /// The attempt of the loop step (its maxAttempts retry the loop as a whole), from 1. The runtime's attempt
    /// counts the step running inside; this one is the loop's own, given back to the runtime when the loop ends.
    var attempt: Int { loopAttempt ?? 1 }

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
