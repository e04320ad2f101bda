import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Starts another runbook of this engine as a child execution and waits for it; the step ends as the child
    /// did. The flow runs it (`AutomationEngine+ChildAutomation.swift`), as it starts an execution.
    static let executeAutomation = EngineAction(
        name: .executeAutomation, builtInOutputs: ["ExecutionId", "Status", "Output"],
        checkInputs: { (step: StepDefinition, _: AutomationDocument) throws(ServiceError) in
            guard step.inputs["DocumentName"] != nil else {
                throw ServiceError(
                    .invalidDocumentContent,
                    "Step \(step.name): \(AutomationActionName.executeAutomation) needs inputs.DocumentName, the runbook to run as a child automation.")
            }
            if step.inputs["TargetLocations"] != nil {
                throw ServiceError(
                    .invalidDocumentContent,
                    "Step \(step.name): TargetLocations runs in other accounts and Regions, which the local engine cannot reach; remove it, or use Targets for rate control here.")
            }
        },
        run: .startChildAutomation)
}
