import AutomationDocuments
import AutomationModel
import Foundation

/// SendAutomationSignal. A signal either causes one transition, written together with its record of the signal,
/// or is refused with the AWS error and recorded as refused.
extension AutomationEngine {
    func sendSignal(_ request: SendAutomationSignalRequest, principal: String, groups: [String] = [])
        throws(ServiceError)
    {
        let receivedAt = now
        do {
            try applySignal(request, principal: principal, groups: groups, receivedAt: receivedAt)
        } catch {
            store.logRefusedSignal(request, principal: principal, at: receivedAt, error: error)
            throw error
        }
    }

    private func applySignal(
        _ request: SendAutomationSignalRequest, principal: String, groups: [String], receivedAt: Date
    ) throws(ServiceError)
    {
        try ClientLimits.checkExecutionId(request.automationExecutionId)
        guard let signal = SignalType(rawValue: request.signalType) else {
            let valid = SignalType.allCases.map(\.rawValue).joined(separator: ", ")
            throw ServiceError(
                .validationException, "Unknown signal type '\(request.signalType)'. Use one of: \(valid).")
        }
        if let payload = request.payload, !payload.isEmpty {
            try ClientLimits.checkParameterMap(payload, field: "Payload")
        }
        guard var record = active[request.automationExecutionId] else {
            if let ended = try? store.record(id: request.automationExecutionId) {
                throw ServiceError(
                    .invalidAutomationSignalException,
                    "Execution \(ended.id) has ended (\(ended.status.rawValue)); it takes no more signals.")
            }
            throw ServiceError(
                .automationExecutionNotFoundException,
                "No execution with ID \(request.automationExecutionId). Check the ID with DescribeAutomationExecutions.")
        }
        if record.fleet != nil {
            throw ServiceError(
                .invalidAutomationSignalException,
                "Execution \(record.id) is a rate-controlled parent, which runs no steps itself; signal the child that waits (list them with the ParentExecutionId filter).")
        }
        let document = try scopeDocument(of: record)
        let payload = request.payload ?? [:]
        var decision: (ApproverDecision, String)?
        switch signal {
        case .approve, .reject:
            decision = try decide(
                &record, approve: signal == .approve, principal: principal, groups: groups,
                comment: payload["Comment"]?.first, at: receivedAt, document: document)
        case .startStep:
            let name = try requiredValue("StepName", of: signal, in: payload)
            guard record.mode == .interactive else {
                throw ServiceError(
                    .invalidAutomationSignalException,
                    "StartStep applies to executions started in Interactive mode; \(record.id) runs in Auto mode.")
            }
            guard document.step(named: name) != nil else {
                throw stepNotFound(name, document: document, loop: record.runtime.loops.last?.stepName)
            }
            guard record.runtime.cursor == .idle, record.status == .waiting else {
                throw ServiceError(
                    .invalidAutomationSignalException,
                    "Execution \(record.id) is not waiting between steps (it is \(record.status.rawValue)\(currentStepText(record))); send StartStep when the current step has finished.")
            }
            beginStep(&record, named: name, document: document)
        case .resume:
            let name = try requiredValue("StepName", of: signal, in: payload)
            guard document.step(named: name) != nil else { throw stepNotFound(name, document: document) }
            guard case .paused(let stepExecutionId) = record.runtime.cursor,
                let index = record.stepIndex(id: stepExecutionId), record.steps[index].stepName == name
            else {
                throw ServiceError(
                    .invalidAutomationSignalException,
                    "Step \(name) of execution \(record.id) is not paused, so it cannot be resumed\(currentStepText(record)).")
            }
            stepSucceeded(&record, index: index, result: ActionResult(), next: nil, document: document)
        case .stopStep:
            let stepExecutionId = try requiredValue("StepExecutionId", of: signal, in: payload)
            guard let index = record.stepIndex(id: stepExecutionId) else {
                throw ServiceError(
                    .automationStepNotFoundException,
                    "Execution \(record.id) has no step execution \(stepExecutionId). Find IDs with DescribeAutomationStepExecutions.")
            }
            guard record.runtime.cursor.stepExecutionId == stepExecutionId else {
                let status = record.steps[index].stepStatus?.rawValue ?? "Pending"
                throw ServiceError(
                    .invalidAutomationSignalException,
                    "Step execution \(stepExecutionId) (\(record.steps[index].stepName ?? "")) is \(status), not running; only a running step can be stopped.")
            }
            stopStep(&record, index: index, reason: .stopStep, document: document)
        case .revoke:
            throw ServiceError(
                .invalidAutomationSignalException,
                "Revoke withdraws a change request awaiting approval; execution \(record.id) is not a change request.")
        }
        let accepted = decision
        try commit(record) { db in
            try EngineStore.logSignal(
                request, principal: principal, at: receivedAt, result: "Accepted", message: nil, in: db)
            if let (decision, stepExecutionId) = accepted {
                try EngineStore.recordDecision(decision, stepExecutionId: stepExecutionId, executionId: record.id, in: db)
            }
        }
    }

    /// Approve or Reject on the waiting aws:approve step; returns the decision to record.
    private func decide(
        _ record: inout ExecutionRecord, approve: Bool, principal: String, groups: [String], comment: String?,
        at time: Date, document: AutomationDocument
    ) throws(ServiceError) -> (ApproverDecision, String) {
        guard case .awaitingApproval(let stepExecutionId) = record.runtime.cursor,
            let index = record.stepIndex(id: stepExecutionId),
            let inputs = record.steps[index].inputs
        else {
            throw ServiceError(
                .invalidAutomationSignalException,
                "Execution \(record.id) is not waiting for an approval (it is \(record.status.rawValue)\(currentStepText(record))).")
        }
        let rules = try ApprovalRules(inputs: inputs.compactMapValues { try? JSONValue.parse($0) })
        // AWS documents no error for a caller outside Approvers; InvalidAutomationSignalException is the
        // signal error SendAutomationSignal declares.
        guard rules.isApprover(principal, groups: groups) else {
            let member = groups.isEmpty ? "in no IAM group" : "in the IAM groups \(groups.joined(separator: ", "))"
            throw ServiceError(
                .invalidAutomationSignalException,
                "\(principal) (\(member)) is not an approver of step \(record.steps[index].stepName ?? ""); its approvers are \(rules.approvers.joined(separator: ", ")). Ask one of them to send \((approve ? SignalType.approve : SignalType.reject).rawValue).")
        }
        let decision = ApproverDecision(
            approver: principal, decision: approve ? ApproverDecision.approved : ApproverDecision.rejected,
            comment: comment, decisionTime: time)
        record.runtime.decisions.removeAll { $0.approver == principal }
        record.runtime.decisions.append(decision)
        let decisions = record.runtime.decisions
        if !approve {
            let reason = comment.map { ": \($0)" } ?? ""
            let result = ActionResult(
                outputs: ApprovalRules.outputs(status: ApproverDecision.rejected, decisions: decisions),
                failureMessage: "Rejected by \(principal)\(reason)",
                failureDetails: FailureDetails(failureStage: "Execution", failureType: "Rejected"))
            stepFailed(&record, index: index, result: result, status: .failed, retry: false, document: document)
        } else if decisions.filter({ $0.decision == ApproverDecision.approved }).count >= rules.minRequiredApprovals {
            let result = ActionResult(outputs: ApprovalRules.outputs(status: ApproverDecision.approved, decisions: decisions))
            stepSucceeded(&record, index: index, result: result, next: nil, document: document)
        } else {
            record.steps[index].outputs = ApprovalRules.outputs(status: "Pending", decisions: decisions)
                .mapValues(Self.outputValues)
        }
        return (decision, stepExecutionId)
    }

    private func requiredValue(_ key: String, of signal: SignalType, in payload: AutomationParameterMap)
        throws(ServiceError) -> String
    {
        guard let values = payload[key], values.count == 1, let value = values.first, !value.isEmpty else {
            throw ServiceError(
                .invalidAutomationSignalException,
                "A \(signal.rawValue) signal needs its payload to name one \(key), for example {\"\(key)\": [\"...\"]}.")
        }
        return value
    }

    /// `loop`: the aws:loop the execution is inside, whose steps `document` is.
    private func stepNotFound(_ name: String, document: AutomationDocument, loop: String? = nil) -> ServiceError {
        let steps = document.mainSteps.map(\.name).joined(separator: ", ")
        if let loop {
            return ServiceError(
                .automationStepNotFoundException,
                "The execution is inside the loop \(loop), whose steps are: \(steps). '\(name)' is not one of them; start a step outside the loop once the loop has ended.")
        }
        return ServiceError(.automationStepNotFoundException, "The document has no step named '\(name)'. Its steps are: \(steps).")
    }

    private func currentStepText(_ record: ExecutionRecord) -> String {
        record.execution.currentStepName.map { ", at step \($0)" } ?? ""
    }
}
