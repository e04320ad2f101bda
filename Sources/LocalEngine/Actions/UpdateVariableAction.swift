import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Gives one of the document's variables a new value (`VariableUpdate`); the flow keeps the variables.
    static let updateVariable = EngineAction(
        name: .updateVariable, builtInOutputs: [], checkInputs: VariableUpdate.check, run: .updateVariable)
}
