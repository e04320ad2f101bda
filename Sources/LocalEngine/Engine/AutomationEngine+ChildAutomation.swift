import AutomationDocuments
import AutomationModel
import Foundation

/// aws:executeAutomation: the step starts its runbook as a child execution of this engine (rate-controlled
/// when its inputs say so) and runs as long as the child does; the step ends as the child ended, with the
/// child's ExecutionId, Status and Output. Stopping the step (StopStep, a timeout, cancelling the parent)
/// cancels the child.
extension AutomationEngine {
    /// How often a running aws:executeAutomation step looks at its child.
    static let childPollInterval: Duration = .milliseconds(100)

    func startChildAutomation(
        _ record: inout ExecutionRecord, index: Int, step: StepDefinition, inputs: [String: JSONValue],
        timeout: TimeInterval?, document: AutomationDocument
    ) {
        let request: StartAutomationExecutionRequest
        do {
            request = try ExecuteAutomationRequest.make(inputs)
        } catch {
            failWithoutRetry(&record, index: index, message: error.message, stage: "Inputs", document: document)
            return
        }
        let childId: String
        do {
            childId = try startExecution(request, principal: record.execution.executedBy ?? "", parentId: record.id)
                .automationExecutionId ?? ""
        } catch {
            failWithoutRetry(
                &record, index: index,
                message: "The child automation \(request.documentName) could not start: \(error.code): \(error.message)",
                stage: "Execution", document: document)
            return
        }
        // Shown while the step runs, so a reader can follow the child before it ends.
        record.steps[index].outputs = ["ExecutionId": [childId]]
        record.runtime.cursor = .running(stepExecutionId: record.steps[index].stepExecutionId ?? "")
        record.runtime.deadline = timeout.map { now.addingTimeInterval($0) }
        armDeadline(for: record)
        followChild(childId, of: record, index: index)
    }

    /// Runs the step's attempt as a task that waits for the child's end.
    func followChild(_ childId: String, of record: ExecutionRecord, index: Int) {
        let step = record.steps[index]
        let invocation = ActionInvocation(
            executionId: record.id, stepName: step.stepName ?? "", stepExecutionId: step.stepExecutionId ?? "",
            action: AutomationActionName.executeAutomation.rawValue, inputs: [:])
        launch(invocation, attempt: record.runtime.attempt) { await self.childOutcome(childId) }
    }

    /// Waits until the child ends and reports it; when the step's task is cancelled, cancels the child first.
    nonisolated func childOutcome(_ childId: String) async -> ActionOutcome {
        while !Task.isCancelled {
            let child = try? getExecution(GetAutomationExecutionRequest(automationExecutionId: childId)).automationExecution
            guard let child else {
                return .failed(
                    ActionResult(
                        outputs: ["ExecutionId": .string(childId)],
                        failureMessage: "The child automation \(childId) is no longer in the local engine's store.",
                        failureDetails: FailureDetails(failureStage: "Execution", failureType: "Action")))
            }
            if (child.automationExecutionStatus ?? .pending).isTerminal { return Self.outcome(of: child) }
            try? await Task.sleep(for: Self.childPollInterval)
        }
        await cancelChild(childId)
        let child = try? getExecution(GetAutomationExecutionRequest(automationExecutionId: childId)).automationExecution
        return .failed(Self.result(of: child, id: childId))
    }

    func cancelChild(_ childId: String) {
        guard active[childId] != nil else { return }
        do {
            try stopExecution(StopAutomationExecutionRequest(automationExecutionId: childId))
        } catch {
            logger.error("Could not cancel child automation \(childId): \(error.message)")
        }
    }

    static func outcome(of child: AutomationExecution) -> ActionOutcome {
        let result = result(of: child, id: child.automationExecutionId)
        return child.automationExecutionStatus == .success ? .succeeded(result) : .failed(result)
    }

    /// The step's outputs from the child: ExecutionId, Status, and Output (the child's outputs as JSON).
    static func result(of child: AutomationExecution?, id: String) -> ActionResult {
        let status = child?.automationExecutionStatus ?? .pending
        let output = JSONValue.object((child?.outputs ?? [:]).mapValues { .array($0.map(JSONValue.string)) })
        var result = ActionResult(
            outputs: ["ExecutionId": .string(id), "Status": .string(status.rawValue), "Output": .string(output.jsonText)])
        if status != .success {
            let document = child?.documentName ?? "the runbook"
            let reason = child?.failureMessage.map { ": \($0)" } ?? "."
            result.failureMessage = "The child automation \(id) (\(document)) ended \(status.rawValue)\(reason)"
            result.failureDetails = FailureDetails(failureStage: "Execution", failureType: "Action")
        }
        return result
    }
}
