import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Runs its Steps once for each of its Iterators, or again while its LoopCondition holds, at most
    /// MaxIterations times (`LoopInputRules`, `LoopPlan`); the flow runs the iterations.
    static let loop = EngineAction(
        name: .loop, builtInOutputs: [LoopFrame.currentIteration, LoopFrame.currentIteratorValue],
        checkInputs: LoopInputRules.check, run: .loop)
}
