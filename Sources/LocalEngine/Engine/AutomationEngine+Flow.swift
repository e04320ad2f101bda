import AutomationDocuments
import AutomationModel
import Foundation

/// Moving an execution through its steps. Every function here changes `record` in place and may start tasks;
/// the caller commits the record before the actor runs anything else, so no task can see it half-done.
extension AutomationEngine {
    static let defaultApprovalTimeout = TimeInterval(ApprovalState.defaultTimeoutSeconds)

    func document(of record: ExecutionRecord) throws(ServiceError) -> AutomationDocument {
        try runnableDocument(name: record.execution.documentName ?? "", version: record.execution.documentVersion).1
    }

    /// The document as the current step's flow sees it: inside a loop, the loop's steps.
    func scopeDocument(of record: ExecutionRecord) throws(ServiceError) -> AutomationDocument {
        var scope = try document(of: record)
        for frame in record.runtime.loops {
            guard let loop = scope.step(named: frame.stepName) else {
                throw ServiceError(
                    .internalServerError, "The loop step \(frame.stepName) is no longer in the execution's document.")
            }
            scope = scope.scope(ofLoop: loop)
        }
        return scope
    }

    /// Starts `name`: its Pending step execution if it has never run, otherwise a new one. Steps that end at
    /// once and name the next (aws:branch) are taken in a loop here rather than by recursion.
    func beginStep(_ record: inout ExecutionRecord, named name: String, document: AutomationDocument) {
        if flowChain?.executionId == record.id {
            flowChain?.next = (name, document)
            return
        }
        let outer = flowChain
        flowChain = (record.id, nil)
        defer { flowChain = outer }
        // Each step with the document it is named in: a loop's first step is begun in the loop's scope.
        var next: (name: String, document: AutomationDocument)? = (name, document)
        while let current = next {
            flowChain?.next = nil
            beginOneStep(&record, named: current.name, document: current.document)
            next = flowChain?.next
        }
    }

    private func beginOneStep(_ record: inout ExecutionRecord, named name: String, document: AutomationDocument) {
        guard let step = document.step(named: name) else {
            finish(&record, status: .failed, failureMessage: "Step '\(name)' does not exist in the document.")
            return
        }
        let started = record.steps.filter { $0.executionStartTime != nil }
        if started.count >= configuration.maxStepExecutions {
            finish(
                &record, status: .failed,
                failureMessage: StepExecutionBound.failureMessage(
                    maximum: configuration.maxStepExecutions, names: started.compactMap(\.stepName)))
            return
        }
        let index: Int
        if let pending = record.steps.firstIndex(where: {
            $0.stepName == name && $0.stepStatus == .pending && $0.executionStartTime == nil
        }) {
            index = pending
        } else {
            var stepExecution = Self.pendingStepExecution(step)
            if let frame = record.runtime.loops.last, let loopIndex = record.stepIndex(id: frame.stepExecutionId) {
                stepExecution.parentStepDetails = frame.parentStepDetails(action: record.steps[loopIndex].action ?? "")
                // Listed after the loop's earlier runs, so the steps read in the order they ran.
                index = Self.endOfLoop(at: loopIndex, in: record.steps)
                record.steps.insert(stepExecution, at: index)
            } else {
                record.steps.append(stepExecution)
                index = record.steps.count - 1
            }
        }
        record.steps[index].stepStatus = .inProgress
        record.steps[index].executionStartTime = now
        record.runtime.attempt = 1
        record.runtime.decisions = []
        record.execution.currentStepName = name
        record.execution.currentAction = step.action
        record.execution.automationExecutionStatus = record.runtime.cancelling ? .cancelling : .inProgress
        startAttempt(&record, index: index, step: step, document: document)
    }

    /// The position just after the loop at `loopIndex` and every step execution run inside it.
    static func endOfLoop(at loopIndex: Int, in steps: [StepExecution]) -> Int {
        var inside: Set<String> = [steps[loopIndex].stepExecutionId ?? ""]
        var end = loopIndex + 1
        for position in end..<steps.count {
            guard let parent = steps[position].parentStepDetails?.stepExecutionId, inside.contains(parent) else { continue }
            inside.insert(steps[position].stepExecutionId ?? "")
            end = position + 1
        }
        return end
    }

    /// Runs one attempt of the step at `index`, which is InProgress.
    func startAttempt(_ record: inout ExecutionRecord, index: Int, step: StepDefinition, document: AutomationDocument) {
        let stepExecutionId = record.steps[index].stepExecutionId ?? ""
        let run = ActionRegistry.action(named: step.action)?.run
        // A loop's condition is read after each iteration, from what the iteration produced.
        var written = step.inputs
        let loopCondition: JSONValue?
        if case .loop? = run { loopCondition = written.removeValue(forKey: "LoopCondition") } else { loopCondition = nil }
        let inputs: [String: JSONValue]
        do {
            inputs = try Interpolator.interpolate(.object(written), in: interpolationContext(record)).objectValue ?? [:]
        } catch {
            failWithoutRetry(&record, index: index, message: error.message, stage: "Inputs", document: document)
            return
        }
        record.steps[index].inputs = inputs.mapValues(\.jsonText)
        if let loopCondition { record.steps[index].inputs?["LoopCondition"] = loopCondition.jsonText }
        noteAttemptStarted(&record, index: index, step: step)
        let timeout = step.timeoutSeconds.map(TimeInterval.init)
        switch run {
        case .waitForApproval?:
            do {
                _ = try ApprovalRules(inputs: inputs)
            } catch {
                failWithoutRetry(&record, index: index, message: error.message, stage: "Inputs", document: document)
                return
            }
            wait(&record, index: index, cursor: .awaitingApproval(stepExecutionId: stepExecutionId),
                 timeout: timeout ?? Self.defaultApprovalTimeout)
        case .waitForResume?:
            wait(&record, index: index, cursor: .paused(stepExecutionId: stepExecutionId), timeout: timeout)
        case .chooseNextStep?:
            do throws(ServiceError) {
                guard let next = try BranchEvaluator.nextStep(inputs: .object(inputs)) else {
                    throw ServiceError(
                        .validationException, "No choice matched and the branch has no Default step.")
                }
                stepSucceeded(&record, index: index, result: ActionResult(), next: next, document: document)
            } catch {
                failWithoutRetry(&record, index: index, message: error.message, stage: "Execution", document: document)
            }
        case .startChildAutomation?:
            startChildAutomation(&record, index: index, step: step, inputs: inputs, timeout: timeout, document: document)
        case .loop?:
            do throws(ServiceError) {
                let plan = try LoopPlan(inputs: inputs, hasCondition: loopCondition != nil)
                let frame = LoopFrame(
                    stepExecutionId: stepExecutionId, stepName: step.name, iteration: 1, plan: plan,
                    attempt: record.runtime.attempt, deadline: timeout.map { now.addingTimeInterval($0) },
                    criticalFailureBefore: record.runtime.criticalFailure)
                record.runtime.loops.append(frame)
                armLoopDeadline(executionId: record.id, frame: frame)
                beginIteration(&record, scope: document.scope(ofLoop: step))
            } catch {
                failWithoutRetry(&record, index: index, message: error.message, stage: "Inputs", document: document)
            }
        case .updateVariable?:
            do throws(ServiceError) {
                let update = try VariableUpdate(inputs: inputs, document: document)
                record.runtime.variables[update.name] = update.value
                record.execution.variables = VariableUpdate.apiValues(record.runtime.variables, of: document)
                stepSucceeded(&record, index: index, result: ActionResult(), next: nil, document: document)
            } catch {
                failWithoutRetry(&record, index: index, message: error.message, stage: "Inputs", document: document)
            }
        case .runner?, nil:
            guard let runner = runners[AutomationActionName(rawValue: step.action)] else {
                failWithoutRetry(
                    &record, index: index, message: "The local engine cannot run \(step.action).", stage: "PreVerification",
                    document: document)
                return
            }
            record.runtime.cursor = .running(stepExecutionId: stepExecutionId)
            record.runtime.deadline = timeout.map { now.addingTimeInterval($0) }
            armDeadline(for: record)
            var invocation = ActionInvocation(
                executionId: record.id, stepName: step.name, stepExecutionId: stepExecutionId, action: step.action,
                inputs: inputs, outputSelectors: step.outputs)
            let executionId = record.id
            let attempt = record.runtime.attempt
            invocation.reportOutputs = { [weak self] outputs in
                guard let self else { return }
                Task {
                    await self.attemptReported(
                        executionId: executionId, stepExecutionId: stepExecutionId, attempt: attempt, outputs: outputs)
                }
            }
            let sent = invocation
            launch(sent, attempt: attempt) { await runner.run(sent) }
        }
    }

    /// Fails the step at once: what it was given cannot work, so another attempt would fail alike.
    func failWithoutRetry(
        _ record: inout ExecutionRecord, index: Int, message: String, stage: String, document: AutomationDocument
    ) {
        let result = ActionResult(
            failureMessage: message, failureDetails: FailureDetails(failureStage: stage, failureType: "Verification"))
        stepFailed(&record, index: index, result: result, status: .failed, retry: false, document: document)
    }

    private func wait(
        _ record: inout ExecutionRecord, index: Int, cursor: ExecutionRuntime.Cursor, timeout: TimeInterval?
    ) {
        record.steps[index].stepStatus = .waiting
        record.execution.automationExecutionStatus = .waiting
        record.runtime.cursor = cursor
        record.runtime.deadline = timeout.map { now.addingTimeInterval($0) }
        armDeadline(for: record)
    }

    /// Runs an attempt in its own task, which reports back through `attemptEnded`.
    func launch(
        _ invocation: ActionInvocation, attempt: Int, perform: @escaping @Sendable () async -> ActionOutcome
    ) {
        let executionId = invocation.executionId
        let stepExecutionId = invocation.stepExecutionId
        attemptTasks[stepExecutionId] = Task {
            let outcome = await perform()
            // The task runs on the engine's actor, so reporting back needs no hop.
            self.attemptEnded(
                executionId: executionId, stepExecutionId: stepExecutionId, attempt: attempt, outcome: outcome)
        }
    }

    /// A running attempt told outputs it already knows; the step shows them until it ends with its own.
    func attemptReported(executionId: String, stepExecutionId: String, attempt: Int, outputs: [String: JSONValue]) {
        guard var record = active[executionId], record.runtime.cursor == .running(stepExecutionId: stepExecutionId),
            record.runtime.attempt == attempt, let index = record.stepIndex(id: stepExecutionId)
        else { return }
        var shown = record.steps[index].outputs ?? [:]
        for (name, value) in outputs { shown[name] = Self.outputValues(value) }
        record.steps[index].outputs = shown
        commitInBackground(record)
    }

    /// A runner finished an attempt, on its own or because the engine stopped it.
    func attemptEnded(executionId: String, stepExecutionId: String, attempt: Int, outcome: ActionOutcome) {
        attemptTasks[stepExecutionId] = nil
        let reason = stopReasons.removeValue(forKey: stepExecutionId)
        guard var record = active[executionId], record.runtime.cursor == .running(stepExecutionId: stepExecutionId),
            record.runtime.attempt == attempt, let index = record.stepIndex(id: stepExecutionId),
            let document = try? scopeDocument(of: record)
        else { return }
        switch (reason, outcome) {
        case (.stopStep?, .succeeded(let result)), (.stopStep?, .failed(let result)):
            stepCancelled(&record, index: index, result: result, byStopStep: true, document: document)
        case (.executionCancelled?, .succeeded(let result)), (.executionCancelled?, .failed(let result)):
            stepCancelled(&record, index: index, result: result, byStopStep: false, document: document)
        case (.loopTimedOut(let loopStepExecutionId)?, .succeeded(let result)),
            (.loopTimedOut(let loopStepExecutionId)?, .failed(let result)):
            loopTimedOut(&record, loopStepExecutionId: loopStepExecutionId, running: (index, result))
        case (.timedOut?, .succeeded(var result)), (.timedOut?, .failed(var result)):
            let seconds = record.steps[index].timeoutSeconds ?? 0
            result.failureMessage = "Step timed out after \(seconds) seconds (timeoutSeconds). " + (result.failureMessage ?? "")
            result.failureDetails = FailureDetails(failureStage: "Execution", failureType: "TimedOut")
            stepFailed(&record, index: index, result: result, status: .timedOut, retry: true, document: document)
        case (nil, .succeeded(let result)):
            stepSucceeded(&record, index: index, result: result, next: nil, document: document)
        case (nil, .failed(let result)):
            stepFailed(&record, index: index, result: result, status: .failed, retry: true, document: document)
        }
        commitInBackground(record)
    }

    func stepSucceeded(
        _ record: inout ExecutionRecord, index: Int, result: ActionResult, next chosen: String?,
        document: AutomationDocument
    ) {
        let name = record.steps[index].stepName ?? ""
        end(&record, index: index, status: .success, result: result)
        noteAttemptEnded(&record, index: index, response: result.response, otherwise: "Succeeded", document: document)
        record.execution.outputs = executionOutputs(record, document: document)
        let next = chosen ?? document.step(named: name).flatMap(document.defaultNextStep(after:))
        record.steps[index].validNextSteps = next.map { [$0] } ?? []
        continueFlow(&record, next: next, document: document)
    }

    func stepFailed(
        _ record: inout ExecutionRecord, index: Int, result: ActionResult, status: AutomationExecutionStatus,
        retry: Bool, document: AutomationDocument
    ) {
        let name = record.steps[index].stepName ?? ""
        guard let step = document.step(named: name) else { return }
        if retry, !record.runtime.cancelling, record.runtime.attempt < step.maxAttempts {
            let message = (result.failureMessage ?? "no message").trimmingCharacters(in: .whitespacesAndNewlines)
            record.steps[index].response = "Attempt \(record.runtime.attempt) of \(step.maxAttempts) failed: \(message)"
            record.runtime.attempt += 1
            startAttempt(&record, index: index, step: step, document: document)
            return
        }
        end(&record, index: index, status: status, result: result)
        record.execution.outputs = executionOutputs(record, document: document)
        if step.maxAttempts > 1 {
            record.steps[index].response = "Failed after \(record.runtime.attempt) of \(step.maxAttempts) attempts."
        }
        if step.isCritical { record.runtime.criticalFailure = true }
        let verb = status == .timedOut ? "timed out" : "failed"
        let message = "Step \(name) \(verb): \(result.failureMessage ?? "no failure message")"
        switch step.onFailure {
        case .abort:
            record.steps[index].validNextSteps = []
            endScope(&record, status: status == .timedOut ? .timedOut : .failed, failureMessage: message)
        case .continue:
            let next = document.defaultNextStep(after: step)
            record.steps[index].validNextSteps = next.map { [$0] } ?? []
            if step.isCritical { record.execution.failureMessage = message }
            continueFlow(&record, next: next, document: document)
        case .step(let target):
            record.steps[index].validNextSteps = [target]
            if step.isCritical { record.execution.failureMessage = message }
            continueFlow(&record, next: target, document: document)
        }
    }

    /// The step was stopped: by StopStep, or because the whole execution is being cancelled.
    func stepCancelled(
        _ record: inout ExecutionRecord, index: Int, result: ActionResult, byStopStep: Bool, document: AutomationDocument
    ) {
        var result = result
        result.failureMessage = byStopStep ? "Step stopped by a StopStep signal." : "Step cancelled with the execution."
        result.failureDetails = nil
        end(&record, index: index, status: .cancelled, result: result)
        noteAttemptEnded(&record, index: index, response: result.response, otherwise: "Cancelled", document: document)
        guard let step = record.steps[index].stepName.flatMap(document.step(named:)) else { return }
        if !byStopStep {
            switch step.onCancel {
            case .abort: endScope(&record, status: .cancelled, failureMessage: nil)
            case .step(let target): beginStep(&record, named: target, document: document)
            }
            return
        }
        // StopStep: an interactive execution waits for the next StartStep; an automatic one follows onFailure,
        // ending Cancelled rather than Failed where it aborts.
        if record.mode == .interactive, record.runtime.loops.isEmpty {
            // The stopped step may be run again, or the flow taken up after it.
            record.steps[index].validNextSteps = [step.name] + (document.defaultNextStep(after: step).map { [$0] } ?? [])
            idle(&record)
            return
        }
        switch step.onFailure {
        case .abort: endScope(&record, status: .cancelled, failureMessage: "Step \(step.name) was stopped (StopStep).")
        case .continue: continueFlow(&record, next: document.defaultNextStep(after: step), document: document)
        case .step(let target): continueFlow(&record, next: target, document: document)
        }
    }

    /// The API has no attempt count, so a step that may be retried says in its Response which attempt is
    /// running: "On attempt 1 of 3.", or after a failed one "Attempt 1 of 3 failed: … Now on attempt 2 of 3."
    private func noteAttemptStarted(_ record: inout ExecutionRecord, index: Int, step: StepDefinition) {
        guard step.maxAttempts > 1 else { return }
        let attempt = record.runtime.attempt
        let running = "attempt \(attempt) of \(step.maxAttempts)."
        if attempt > 1, let failed = record.steps[index].response {
            record.steps[index].response = "\(failed) Now on \(running)"
        } else {
            record.steps[index].response = "On \(running)"
        }
    }

    /// A retried step that succeeded or was cancelled keeps the action's own Response, followed by the attempt
    /// it ended on: "… (attempt 2 of 3)". A failed one says "Failed after 2 of 3 attempts." (`stepFailed`).
    private func noteAttemptEnded(
        _ record: inout ExecutionRecord, index: Int, response: String?, otherwise: String, document: AutomationDocument
    ) {
        guard let step = record.steps[index].stepName.flatMap(document.step(named:)), step.maxAttempts > 1 else { return }
        let attempt = "attempt \(record.runtime.attempt) of \(step.maxAttempts)"
        if let response, !response.isEmpty {
            record.steps[index].response = "\(response) (\(attempt))"
        } else {
            record.steps[index].response = "\(otherwise) on \(attempt)."
        }
    }

    /// Ends a step execution with its result.
    func end(_ record: inout ExecutionRecord, index: Int, status: AutomationExecutionStatus, result: ActionResult) {
        record.steps[index].stepStatus = status
        record.steps[index].executionEndTime = now
        record.steps[index].outputs = result.outputs.isEmpty ? nil : result.outputs.mapValues(Self.outputValues)
        // A failed or cancelled step's outputs matter too: its onFailure step reports them (SendTaskFailure).
        if status == .success || !result.outputs.isEmpty, let name = record.steps[index].stepName {
            record.runtime.stepOutputs[name] = result.outputs
        }
        if let response = result.response { record.steps[index].response = response }
        record.steps[index].responseCode = result.responseCode
        record.steps[index].failureMessage = result.failureMessage
        record.steps[index].failureDetails = result.failureDetails
        record.runtime.cursor = .idle
        record.runtime.deadline = nil
        cancelDeadline(of: record.id)
    }

    /// Goes on with `next`, or ends the flow when there is none.
    func continueFlow(_ record: inout ExecutionRecord, next: String?, document: AutomationDocument) {
        if record.runtime.cancelling {
            if let next {
                beginStep(&record, named: next, document: document)
            } else {
                endScope(&record, status: .cancelled, failureMessage: nil)
            }
            return
        }
        if next == nil, !record.runtime.loops.isEmpty {
            iterationEnded(&record, document: document)
            return
        }
        guard let next else {
            let failed = record.runtime.criticalFailure
            finish(&record, status: failed ? .failed : .success, failureMessage: failed ? record.execution.failureMessage : nil)
            return
        }
        // Interactive: every step waits for StartStep, the steps inside a loop too.
        if record.mode == .interactive {
            idle(&record)
        } else {
            beginStep(&record, named: next, document: document)
        }
    }

    /// Interactive mode between steps: Waiting for StartStep. The step that just ended lists the candidates
    /// in its ValidNextSteps.
    func idle(_ record: inout ExecutionRecord) {
        record.runtime.cursor = .idle
        record.execution.automationExecutionStatus = .waiting
        record.execution.currentStepName = nil
        record.execution.currentAction = nil
    }

    func finish(_ record: inout ExecutionRecord, status: AutomationExecutionStatus, failureMessage: String?) {
        record.runtime.cursor = .finished
        record.runtime.deadline = nil
        cancelDeadline(of: record.id)
        record.execution.automationExecutionStatus = status
        record.execution.executionEndTime = now
        record.execution.currentStepName = nil
        record.execution.currentAction = nil
        if status == .success {
            record.execution.failureMessage = nil
        } else if let failureMessage {
            record.execution.failureMessage = failureMessage
        }
    }

    func interpolationContext(_ record: ExecutionRecord) -> InterpolationContext {
        InterpolationContext(
            parameters: record.runtime.parameterValues, stepOutputs: record.runtime.stepOutputs,
            executionId: record.id, accountId: configuration.accountId, region: configuration.region,
            partition: configuration.partition, now: now, variables: record.runtime.variables)
    }

    /// The document's declared outputs from the steps that produced them.
    func executionOutputs(_ record: ExecutionRecord, document: AutomationDocument) -> AutomationParameterMap {
        var outputs: AutomationParameterMap = [:]
        for reference in document.outputs {
            let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = record.runtime.stepOutputs[parts[0]]?[parts[1]] else { continue }
            outputs[reference] = Self.outputValues(value)
        }
        return outputs
    }

    /// A typed output as the API's list of strings.
    static func outputValues(_ value: JSONValue) -> [String] {
        switch value {
        case .array(let items): return items.map(\.displayText)
        default: return [value.displayText]
        }
    }
}
