import AutomationModel
import Foundation

/// `send-automation-signal --debug` for Approve and Reject: after the signal, the approval count, from the
/// newest aws:approve step that has decisions, read once more with DescribeAutomationStepExecutions.
enum SignalApprovalCount {
    /// The line to print ("approvals: 1 of 2 needed"), or nil when the command is not an Approve or Reject.
    static func line(
        _ operation: OperationShape, request: [String: JSONValue], service: any AutomationService
    ) async -> String? {
        guard operation.apiName == OperationCatalog.sendAutomationSignal.name,
            let id = request["AutomationExecutionId"]?.stringValue,
            let signal = request["SignalType"]?.stringValue.flatMap(SignalType.init(rawValue:)),
            signal == .approve || signal == .reject
        else { return nil }
        do {
            let answer = try await service.describeAutomationStepExecutions(
                DescribeAutomationStepExecutionsRequest(
                    automationExecutionId: id,
                    filters: [.init(key: .action, values: [AutomationActionName.approve.rawValue])],
                    maxResults: 5, reverseOrder: true))
            let approvals = (answer.stepExecutions ?? []).compactMap { step in ApprovalState(step: step).map { (step, $0) } }
            guard let (step, approval) = approvals.first(where: { !$0.1.decisions.isEmpty }) ?? approvals.first else {
                return "approvals: execution \(id) has no \(AutomationActionName.approve) step that has started"
            }
            return text(approval, step: step)
        } catch {
            return "approvals: the count could not be read (\(error))"
        }
    }

    static func text(_ approval: ApprovalState, step: StepExecution) -> String {
        var line = "approvals: \(approval.approvals) of \(approval.needed) needed"
        if let rejection = approval.decisions.last(where: { !$0.approved }) {
            line += " (rejected by \(rejection.approver))"
        } else if approval.remaining == 0 {
            line += " (approved"
            if let status = step.stepStatus { line += "; step \(step.stepName ?? "") \(status.rawValue)" }
            line += ")"
        }
        return line
    }
}
