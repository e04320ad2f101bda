import AutomationDocuments
import AutomationModel
import Foundation

/// StopAutomationExecution, StopStep and step deadlines.
extension AutomationEngine {
    func stopExecution(_ request: StopAutomationExecutionRequest) throws(ServiceError) {
        try ClientLimits.checkExecutionId(request.automationExecutionId)
        let type: StopType
        if let text = request.type {
            guard let parsed = StopType(rawValue: text) else {
                throw ServiceError(.validationException, "Type must be Cancel or Complete; got '\(text)'.")
            }
            type = parsed
        } else {
            type = .cancel
        }
        guard var record = active[request.automationExecutionId] else {
            if let ended = try? store.record(id: request.automationExecutionId) {
                throw ServiceError(
                    .invalidAutomationStatusUpdateException,
                    "Execution \(ended.id) has already ended (\(ended.status.rawValue)); there is nothing to stop.")
            }
            throw ServiceError(
                .automationExecutionNotFoundException, "No execution with ID \(request.automationExecutionId).")
        }
        if record.fleet != nil {
            guard type == .cancel else {
                throw ServiceError(
                    .invalidAutomationStatusUpdateException,
                    "Complete ends Interactive executions; \(record.id) is a rate-controlled parent. Use Type Cancel to stop it and its children.")
            }
            return try stopFleet(record)
        }
        let document = try scopeDocument(of: record)
        switch type {
        case .complete:
            guard record.mode == .interactive else {
                throw ServiceError(
                    .invalidAutomationStatusUpdateException,
                    "Complete ends Interactive executions; \(record.id) runs in Auto mode. Use Type Cancel to stop it.")
            }
            guard !record.runtime.cancelling, record.runtime.cursor == .idle, record.runtime.loops.isEmpty else {
                throw ServiceError(
                    .invalidAutomationStatusUpdateException,
                    "Execution \(record.id) is \(record.status.rawValue) at step \(record.execution.currentStepName ?? "-"); Complete it when no step is running, or stop the step first (StopStep).")
            }
            let failed = record.runtime.criticalFailure
            finish(&record, status: failed ? .failed : .success, failureMessage: record.execution.failureMessage)
        case .cancel:
            guard !record.runtime.cancelling else { return }
            record.runtime.cancelling = true
            record.execution.automationExecutionStatus = .cancelling
            switch record.runtime.cursor {
            case .running(let stepExecutionId), .awaitingApproval(let stepExecutionId), .paused(let stepExecutionId):
                guard let index = record.stepIndex(id: stepExecutionId) else { break }
                stopStep(&record, index: index, reason: .executionCancelled, document: document)
            case .idle, .finished:
                // Between two iterations of a loop, the loop steps end Cancelled with the execution.
                endScope(&record, status: .cancelled, failureMessage: nil)
            }
        }
        try commit(record)
    }

    /// Stops the step at `index`: a waiting step at once, a running one through its task, whose end then
    /// reports back with `reason`.
    func stopStep(_ record: inout ExecutionRecord, index: Int, reason: StopReason, document: AutomationDocument) {
        guard let stepExecutionId = record.steps[index].stepExecutionId else { return }
        if case .running = record.runtime.cursor, attemptTasks[stepExecutionId] != nil {
            requestStop(stepExecutionId, reason: reason)
            return
        }
        stepCancelled(&record, index: index, result: ActionResult(), byStopStep: reason == .stopStep, document: document)
    }

    /// Stops a running attempt, which then reports its end with the reason. A stop already under way keeps
    /// its reason, except that cancelling the execution outranks the others (the execution must end
    /// Cancelled through its onCancel route, not TimedOut or along onFailure), and the timeout of a loop the
    /// step runs in outranks the step's own timeout and StopStep (the loop must end, not go on).
    func requestStop(_ stepExecutionId: String, reason: StopReason) {
        func rank(_ reason: StopReason) -> Int {
            switch reason {
            case .executionCancelled: return 2
            case .loopTimedOut: return 1
            case .stopStep, .timedOut: return 0
            }
        }
        if let existing = stopReasons[stepExecutionId], rank(existing) >= rank(reason) { return }
        stopReasons[stepExecutionId] = reason
        attemptTasks[stepExecutionId]?.cancel()
    }

    func armDeadline(for record: ExecutionRecord) {
        cancelDeadline(of: record.id)
        guard let deadline = record.runtime.deadline, let stepExecutionId = record.runtime.cursor.stepExecutionId else {
            return
        }
        let executionId = record.id
        deadlineTasks[executionId] = Task {
            let delay = deadline.timeIntervalSinceNow
            if delay > 0 {
                do { try await Task.sleep(for: .seconds(delay)) } catch { return }
            }
            self.deadlinePassed(executionId: executionId, stepExecutionId: stepExecutionId)
        }
    }

    func cancelDeadline(of executionId: String) {
        deadlineTasks.removeValue(forKey: executionId)?.cancel()
    }

    func deadlinePassed(executionId: String, stepExecutionId: String) {
        deadlineTasks[executionId] = nil
        guard var record = active[executionId], record.runtime.cursor.stepExecutionId == stepExecutionId,
            let index = record.stepIndex(id: stepExecutionId), let document = try? scopeDocument(of: record)
        else { return }
        let seconds = record.steps[index].timeoutSeconds.map { "\($0) seconds" } ?? "7 days"
        switch record.runtime.cursor {
        case .running:
            requestStop(stepExecutionId, reason: .timedOut)
            return
        case .awaitingApproval:
            let result = ActionResult(
                outputs: ApprovalRules.outputs(status: "TimedOut", decisions: record.runtime.decisions),
                failureMessage: "No decision within \(seconds); the approval timed out.",
                failureDetails: FailureDetails(failureStage: "Execution", failureType: "TimedOut"))
            stepFailed(&record, index: index, result: result, status: .timedOut, retry: false, document: document)
        case .paused:
            let result = ActionResult(
                failureMessage: "Not resumed within \(seconds); the pause timed out.",
                failureDetails: FailureDetails(failureStage: "Execution", failureType: "TimedOut"))
            stepFailed(&record, index: index, result: result, status: .timedOut, retry: false, document: document)
        case .idle, .finished:
            return
        }
        commitInBackground(record)
    }
}
