import AutomationDocuments
import AutomationModel

extension EngineAction {
    /// Waits for approvers' decisions. Approvers and MinRequiredApprovals are checked when the step starts,
    /// once references are filled in (`ApprovalRules`).
    static let approve = EngineAction(
        name: .approve, builtInOutputs: ["ApprovalStatus", "ApproverDecisions"],
        checkInputs: ActionSpecification.noDocumentRules, run: .waitForApproval)
}
