import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Picks the next step from its Choices (`BranchEvaluator`), whose shape the document must already have.
    static let branch = EngineAction(
        name: .branch, builtInOutputs: [], checkInputs: BranchInputRules.check, run: .chooseNextStep)
}
