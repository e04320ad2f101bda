import AutomationDocuments
import AutomationModel
import Foundation

/// Running aws:loop steps. While a loop runs, its step execution stays InProgress and the runtime's loop
/// frame says which iteration is under way; the loop's steps run as a flow of their own (`scopeDocument`), each
/// step execution naming the loop and iteration in ParentStepDetails. When that flow ends, the iteration ends;
/// when the last iteration ends, or a step of the loop fails or is cancelled, the loop step ends likewise and
/// its own onFailure or onCancel applies.
///
/// The loop's own timeoutSeconds and maxAttempts apply as to any step, to the loop as a whole: the timeout
/// counts from the start of the loop (of each attempt) and covers every iteration and the steps inside; when it
/// strikes, the step running inside ends TimedOut (its own onFailure and onCancel do not apply: the loop is
/// what timed out) and the loop step fails TimedOut. A failed or timed-out loop with attempts left runs again
/// from its first iteration, in the same step execution, as a retried step does; after the last attempt the
/// loop's onFailure applies.
extension AutomationEngine {
    /// Starts the current iteration of the innermost loop with the first of its steps.
    func beginIteration(_ record: inout ExecutionRecord, scope: AutomationDocument) {
        guard let first = scope.mainSteps.first else { return }
        enterIteration(&record)
        beginStep(&record, named: first.name, document: scope)
    }

    /// Makes the innermost loop's current iteration the one its steps see.
    private func enterIteration(_ record: inout ExecutionRecord) {
        guard let frame = record.runtime.loops.last else { return }
        record.runtime.stepOutputs[frame.stepName] = frame.outputs
        if let loopIndex = record.stepIndex(id: frame.stepExecutionId) {
            // The loop's Outputs say where it is while it runs.
            record.steps[loopIndex].outputs = frame.outputs.mapValues(Self.outputValues)
        }
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
        if record.mode == .interactive {
            // Interactive: the next iteration's first step waits for StartStep like any other, offered by the
            // step that just ended (StartStep names a loop's step by its own name, within the loop).
            enterIteration(&record)
            if let first = scope.mainSteps.first?.name,
                let ended = record.steps.lastIndex(where: { $0.parentStepDetails?.stepExecutionId == frame.stepExecutionId })
            {
                record.steps[ended].validNextSteps = [first]
            }
            idle(&record)
            return
        }
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

    /// Ends the innermost loop's step as its iterations ended, and goes on in the flow around it. `ownTimeout`:
    /// the loop itself timed out (not a step inside it).
    private func loopEnded(
        _ record: inout ExecutionRecord, status: AutomationExecutionStatus, failureMessage: String?, ownTimeout: Bool = false
    ) {
        guard let frame = record.runtime.loops.popLast(), let index = record.stepIndex(id: frame.stepExecutionId),
            let scope = try? scopeDocument(of: record)
        else {
            record.runtime.loops = []
            finish(&record, status: .failed, failureMessage: "The loop's document could not be read to go on after it.")
            return
        }
        loopDeadlineTasks.removeValue(forKey: frame.stepExecutionId)?.cancel()
        // The steps inside counted their own attempts; from here on the attempt is the loop's.
        record.runtime.attempt = frame.attempt
        if status != .success, status != .cancelled, !record.runtime.cancelling,
            let loop = scope.step(named: frame.stepName), frame.attempt < loop.maxAttempts
        {
            // The loop runs again: what failed inside the attempt that ended no longer counts.
            record.runtime.criticalFailure = frame.criticalFailureBefore
        }
        var result = ActionResult()
        result.outputs = frame.outputs
        switch status {
        case .success:
            result.response = "Ran \(frame.iteration) iteration\(frame.iteration == 1 ? "" : "s")."
            stepSucceeded(&record, index: index, result: result, next: nil, document: scope)
        case .cancelled:
            stepCancelled(&record, index: index, result: result, byStopStep: !record.runtime.cancelling, document: scope)
        case .timedOut where ownTimeout:
            result.failureMessage = "Iteration \(frame.iteration): \(failureMessage ?? "the loop timed out.")"
            result.failureDetails = FailureDetails(failureStage: "Execution", failureType: "TimedOut")
            stepFailed(&record, index: index, result: result, status: .timedOut, retry: true, document: scope)
        default:
            result.failureMessage = "Iteration \(frame.iteration): \(failureMessage ?? "a step of the loop failed.")"
            result.failureDetails = FailureDetails(failureStage: "Execution", failureType: "Verification")
            stepFailed(
                &record, index: index, result: result, status: status == .timedOut ? .timedOut : .failed, retry: true,
                document: scope)
        }
    }

    /// Starts the timer of a loop's own timeoutSeconds, if it has one.
    func armLoopDeadline(executionId: String, frame: LoopFrame) {
        loopDeadlineTasks.removeValue(forKey: frame.stepExecutionId)?.cancel()
        guard let deadline = frame.deadline else { return }
        let loopStepExecutionId = frame.stepExecutionId
        let attempt = frame.attempt
        loopDeadlineTasks[loopStepExecutionId] = Task {
            let delay = deadline.timeIntervalSinceNow
            if delay > 0 {
                do { try await Task.sleep(for: .seconds(delay)) } catch { return }
            }
            self.loopDeadlinePassed(executionId: executionId, loopStepExecutionId: loopStepExecutionId, attempt: attempt)
        }
    }

    /// A loop's timeoutSeconds struck: whatever runs inside it stops, and the loop ends TimedOut.
    func loopDeadlinePassed(executionId: String, loopStepExecutionId: String, attempt: Int) {
        guard var record = active[executionId], !record.runtime.cancelling,
            record.runtime.loops.contains(where: { $0.stepExecutionId == loopStepExecutionId && $0.attempt == attempt })
        else { return }
        loopDeadlineTasks[loopStepExecutionId] = nil
        switch record.runtime.cursor {
        case .running(let stepExecutionId) where attemptTasks[stepExecutionId] != nil:
            // The attempt reports its end with this reason, and `loopTimedOut` runs then.
            requestStop(stepExecutionId, reason: .loopTimedOut(loopStepExecutionId))
            return
        case .running(let stepExecutionId), .awaitingApproval(let stepExecutionId), .paused(let stepExecutionId):
            let running = record.stepIndex(id: stepExecutionId).map { (index: $0, result: ActionResult()) }
            loopTimedOut(&record, loopStepExecutionId: loopStepExecutionId, running: running)
        case .idle:
            loopTimedOut(&record, loopStepExecutionId: loopStepExecutionId, running: nil)
        case .finished:
            return
        }
        commitInBackground(record)
    }

    /// Ends the loop `loopStepExecutionId` TimedOut: the step that was running inside (`running`, stopped) and
    /// any loop inside it end TimedOut first, then the loop's own onFailure and maxAttempts apply.
    func loopTimedOut(
        _ record: inout ExecutionRecord, loopStepExecutionId: String, running: (index: Int, result: ActionResult)?
    ) {
        guard let position = record.runtime.loops.firstIndex(where: { $0.stepExecutionId == loopStepExecutionId }) else {
            return
        }
        let frame = record.runtime.loops[position]
        let seconds = record.stepIndex(id: loopStepExecutionId).flatMap { record.steps[$0].timeoutSeconds } ?? 0
        let message = "The loop \(frame.stepName) timed out after \(seconds) seconds (timeoutSeconds)."
        let timedOut = FailureDetails(failureStage: "Execution", failureType: "TimedOut")
        if let running {
            var result = running.result
            result.failureMessage = "Stopped: \(message)" + (result.failureMessage.map { " \($0)" } ?? "")
            result.failureDetails = timedOut
            end(&record, index: running.index, status: .timedOut, result: result)
        }
        while record.runtime.loops.count > position + 1, let inner = record.runtime.loops.popLast() {
            loopDeadlineTasks.removeValue(forKey: inner.stepExecutionId)?.cancel()
            guard let index = record.stepIndex(id: inner.stepExecutionId) else { continue }
            end(&record, index: index, status: .timedOut, result: ActionResult(
                outputs: inner.outputs, failureMessage: "Stopped: \(message)", failureDetails: timedOut))
        }
        loopEnded(&record, status: .timedOut, failureMessage: message, ownTimeout: true)
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
