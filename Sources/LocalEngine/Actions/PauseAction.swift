import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Waits for a Resume signal. aws:pause takes no inputs, and any given are ignored.
    static let pause = EngineAction(
        name: .pause, builtInOutputs: [], checkInputs: ActionSpecification.noDocumentRules, run: .waitForResume)
}
