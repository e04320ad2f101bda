import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Waits for approvers' decisions, 7 days unless the step's timeoutSeconds says otherwise, at most 30 days
    /// (checked in the document). Approvers and MinRequiredApprovals are checked when the step starts, once
    /// references are filled in (`ApprovalRules`).
    static let approve = EngineAction(
        name: .approve, builtInOutputs: ["ApprovalStatus", "ApproverDecisions"],
        checkInputs: { (step: StepDefinition, _: AutomationDocument) throws(ServiceError) in
            guard let timeout = step.timeoutSeconds, timeout > ApprovalState.maximumTimeoutSeconds else { return }
            throw ServiceError(
                .invalidDocumentContent,
                "Step \(step.name): timeoutSeconds is \(timeout), but \(AutomationActionName.approve) waits at most \(ApprovalState.maximumTimeoutSeconds) seconds (30 days). Lower it, or leave it out for the default of \(ApprovalState.defaultTimeoutSeconds) seconds (7 days).")
        },
        run: .waitForApproval)
}
