import AutomationDocuments
import AutomationModel

/// What the local engine requires of a document beyond what any schema-0.3 document must satisfy, checked
/// before a document is accepted so a runbook fails at CreateDocument or StartAutomationExecution rather than
/// halfway through: the rules of the actions in `ActionRegistry`, and that it can run every step.
public enum LocalCapabilities {
    /// Throws `InvalidDocumentContent` for the first step breaking its action's rules, else naming the first
    /// step the local engine cannot run. Inputs still holding `{{ … }}` references are checked when the step
    /// runs instead.
    public static func check(_ document: AutomationDocument) throws(ServiceError) {
        try DocumentValidator.checkActions(document, actions: ActionRegistry.specifications)
        for step in document.allSteps {
            if let problem = problem(with: step) {
                throw ServiceError(
                    .invalidDocumentContent,
                    "Step \(step.name) (\(step.action)) cannot run in the local engine: \(problem). \(ActionRegistry.summary)"
                )
            }
        }
    }

    private static func problem(with step: StepDefinition) -> String? {
        guard let action = ActionRegistry.action(named: step.action) else {
            return "the action \(step.action) is not supported"
        }
        return action.localProblem(step)
    }
}

extension StepDefinition {
    /// A text input that is known before the execution starts: no `{{ … }}` reference in it.
    func literalInput(_ name: String) -> String? {
        guard let text = inputs[name]?.stringValue, !text.contains("{{") else { return nil }
        return text
    }
}
