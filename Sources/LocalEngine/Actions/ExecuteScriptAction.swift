import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Runs an inline Python 3 handler with the local python3 (`ExecuteScriptRunner`), which checks the other inputs.
    static let executeScript = EngineAction(
        name: .executeScript, builtInOutputs: ["OutputPayload"], checkInputs: ActionSpecification.noDocumentRules,
        localScope: "with a python3.x Runtime and an inline Script",
        localProblem: { step in
            if step.inputs["Attachment"] != nil {
                return "Attachment is not supported; put the code inline in Script"
            }
            if let runtime = step.literalInput("Runtime"), !LocalActionSupport.isPython3Runtime(runtime) {
                return "Runtime \(runtime) is not supported; only python3.x runtimes are"
            }
            return nil
        },
        run: .runner { configuration in
            ExecuteScriptRunner(dataDirectory: configuration.dataDirectory, region: configuration.region)
        })
}
