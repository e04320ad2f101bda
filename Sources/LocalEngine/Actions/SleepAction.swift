import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Waits for a Duration or until a Timestamp, which `SleepRunner` checks when the step runs.
    static let sleep = EngineAction(
        name: .sleep, builtInOutputs: [], checkInputs: ActionSpecification.noDocumentRules,
        run: .runner { _ in SleepRunner() })
}
