import AutomationDocuments
import AutomationModel

/// What the local engine can run, checked before a document is accepted so a runbook fails at
/// CreateDocument or StartAutomationExecution rather than halfway through.
public enum LocalCapabilities {
    /// Throws `InvalidDocumentContent` naming the first step the local engine cannot run.
    /// Inputs still holding `{{ … }}` references are checked when the step runs instead.
    public static func check(_ document: AutomationDocument) throws(ServiceError) {
        for step in document.mainSteps {
            if let problem = problem(with: step) {
                throw ServiceError(
                    .invalidDocumentContent,
                    "Step \(step.name) (\(step.action)) cannot run in the local engine: \(problem). \(LocalActionSupport.summary)"
                )
            }
        }
    }

    private static func problem(with step: StepDefinition) -> String? {
        guard LocalActionSupport.supportedActions.contains(step.action) else {
            return "the action \(step.action) is not supported"
        }
        switch step.action {
        case "aws:runCommand":
            if let name = literal(step.inputs["DocumentName"]), !LocalActionSupport.isRunShellScript(name) {
                return "DocumentName \(name) is not supported; only \(LocalActionSupport.runShellScriptDocument) is"
            }
        case "aws:executeScript":
            if step.inputs["Attachment"] != nil {
                return "Attachment is not supported; put the code inline in Script"
            }
            if let runtime = literal(step.inputs["Runtime"]), !LocalActionSupport.isPython3Runtime(runtime) {
                return "Runtime \(runtime) is not supported; only python3.x runtimes are"
            }
        case "aws:executeAwsApi":
            if let service = literal(step.inputs["Service"]), !LocalActionSupport.isStepFunctionsService(service) {
                return "Service \(service) is not supported; only Step Functions (stepfunctions) is"
            }
            if let api = literal(step.inputs["Api"]), StepFunctionsTaskApi(apiName: api) == nil {
                return "Api \(api) is not supported; only SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat are"
            }
        default:
            break
        }
        return nil
    }

    /// A text input that is known before the execution starts: no `{{ … }}` reference in it.
    private static func literal(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, !text.contains("{{") else { return nil }
        return text
    }
}
