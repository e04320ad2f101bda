import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Runs AWS-RunShellScript on local managed instances (`RunCommandRunner`), which checks the other inputs.
    static let runCommand = EngineAction(
        name: .runCommand, builtInOutputs: ["CommandId", "Status", "ResponseCode", "Output"],
        checkInputs: ActionSpecification.noDocumentRules,
        localScope: "with DocumentName \(LocalActionSupport.runShellScriptDocument)",
        localProblem: { step in
            if let name = step.literalInput("DocumentName"), !LocalActionSupport.isRunShellScript(name) {
                return "DocumentName \(name) is not supported; only \(LocalActionSupport.runShellScriptDocument) is"
            }
            return nil
        },
        run: .runner { configuration in
            RunCommandRunner(
                dataDirectory: configuration.dataDirectory,
                instances: ManagedInstanceRegistry(instances: configuration.instances), region: configuration.region)
        })
}
