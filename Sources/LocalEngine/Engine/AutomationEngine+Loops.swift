import AutomationDocuments
import AutomationModel
import Foundation

/// Running aws:loop steps. While a loop runs, its step execution stays InProgress and the runtime's loop
/// frame says which iteration is under way; the loop's steps run as a flow of their own (`scopeDocument`), each
/// step execution naming the loop and iteration in ParentStepDetails. When that flow ends, the iteration ends;
/// when the last iteration ends, or a step of the loop fails or is cancelled, the loop step ends likewise and
/// its own onFailure or onCancel applies.
extension AutomationEngine {
    /// Starts the current iteration of the innermost loop with the first of its steps.
    func beginIteration(_ record: inout ExecutionRecord, scope: AutomationDocument) {
        guard let frame = record.runtime.loops.last, let first = scope.mainSteps.first else { return }
        record.runtime.stepOutputs[frame.stepName] = frame.outputs
        if let loopIndex = record.stepIndex(id: frame.stepExecutionId) {
            // The loop's Outputs say where it is while it runs.
            record.steps[loopIndex].outputs = frame.outputs.mapValues(Self.outputValues)
        }
        beginStep(&record, named: first.name, document: scope)
    }

    /// The flow of the current scope ended as `status`: the execution's flow, or a loop's when inside one.
    func endScope(_ record: inout ExecutionRecord, status: AutomationExecutionStatus, failureMessage: String?) {
        guard !record.runtime.loops.isEmpty else {
            finish(&record, status: status, failureMessage: failureMessage)
            return
        }
        loopEnded(&record, status: status, failureMessage: failureMessage)
    }

    /// The last step of an iteration ended and the flow goes on: the next iteration, or the loop's end.
    func iterationEnded(_ record: inout ExecutionRecord, document scope: AutomationDocument) {
        guard let frame = record.runtime.loops.last else { return }
        let again: Bool
        if frame.iteration >= frame.plan.iterationLimit {
            again = false
        } else if frame.plan.iterators != nil {
            again = true
        } else {
            do throws(ServiceError) {
                again = try loopConditionHolds(record, frame: frame)
            } catch {
                loopEnded(&record, status: .failed, failureMessage: "LoopCondition: \(error.message)")
                return
            }
        }
        guard again else {
            loopEnded(&record, status: .success, failureMessage: nil)
            return
        }
        record.runtime.loops[record.runtime.loops.count - 1].iteration += 1
        // The next iteration starts in a task of its own, so a loop whose steps end at once (aws:updateVariable,
        // aws:branch) does not nest a call per iteration. Until it starts, the execution is between iterations:
        // no step runs (cursor idle) and a restart starts the iteration (`resumeLoop`).
        let next = record.runtime.loops[record.runtime.loops.count - 1]
        let executionId = record.id
        Task {
            self.startIteration(executionId: executionId, loopStepExecutionId: next.stepExecutionId, iteration: next.iteration)
        }
    }

    /// Starts an iteration `iterationEnded` left for its own task, unless the execution moved on meanwhile.
    func startIteration(executionId: String, loopStepExecutionId: String, iteration: Int) {
        guard var record = active[executionId], record.runtime.cursor == .idle, !record.runtime.cancelling,
            let frame = record.runtime.loops.last, frame.stepExecutionId == loopStepExecutionId,
            frame.iteration == iteration
        else { return }
        resumeLoop(&record)
        commitInBackground(record)
    }

    /// Starts the current iteration of the innermost loop, for an execution between iterations.
    func resumeLoop(_ record: inout ExecutionRecord) {
        guard let scope = try? scopeDocument(of: record) else {
            endScope(&record, status: .failed, failureMessage: "The loop's steps could not be read from the document.")
            return
        }
        beginIteration(&record, scope: scope)
    }

    /// Whether a do-while loop runs again: its LoopCondition, read with what the iteration produced.
    private func loopConditionHolds(_ record: ExecutionRecord, frame: LoopFrame) throws(ServiceError) -> Bool {
        let loopScope = try scopeDocument(of: record.droppingInnermostLoop())
        guard let condition = loopScope.step(named: frame.stepName)?.inputs["LoopCondition"] else { return false }
        let interpolated = try Interpolator.interpolate(condition, in: interpolationContext(record))
        return try BranchEvaluator.holds(interpolated, place: "LoopCondition")
    }

    /// Ends the innermost loop's step as its iterations ended, and goes on in the flow around it.
    private func loopEnded(_ record: inout ExecutionRecord, status: AutomationExecutionStatus, failureMessage: String?) {
        guard let frame = record.runtime.loops.popLast(), let index = record.stepIndex(id: frame.stepExecutionId),
            let scope = try? scopeDocument(of: record)
        else {
            record.runtime.loops = []
            finish(&record, status: .failed, failureMessage: "The loop's document could not be read to go on after it.")
            return
        }
        var result = ActionResult()
        result.outputs = frame.outputs
        switch status {
        case .success:
            result.response = "Ran \(frame.iteration) iteration\(frame.iteration == 1 ? "" : "s")."
            stepSucceeded(&record, index: index, result: result, next: nil, document: scope)
        case .cancelled:
            stepCancelled(&record, index: index, result: result, byStopStep: !record.runtime.cancelling, document: scope)
        default:
            result.failureMessage = "Iteration \(frame.iteration): \(failureMessage ?? "a step of the loop failed.")"
            result.failureDetails = FailureDetails(failureStage: "Execution", failureType: "Verification")
            stepFailed(
                &record, index: index, result: result, status: status == .timedOut ? .timedOut : .failed, retry: false,
                document: scope)
        }
    }
}

extension ExecutionRecord {
    /// The record as the flow around the innermost loop sees it.
    func droppingInnermostLoop() -> ExecutionRecord {
        var copy = self
        copy.runtime.loops.removeLast()
        return copy
    }
}
