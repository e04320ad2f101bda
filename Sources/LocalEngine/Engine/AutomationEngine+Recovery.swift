import AutomationDocuments
import AutomationModel
import Foundation

/// Picking up after an engine that stopped, cleanly or not.
extension AutomationEngine {
    func recoverUnfinishedExecutions() {
        _ = ShellProcessRunner.killLeftoverProcesses(in: configuration.dataDirectory)
        CommandStore(dataDirectory: configuration.dataDirectory).endInterruptedInvocations(at: now)
        let records: [ExecutionRecord]
        do {
            records = try store.unfinishedRecords()
        } catch {
            logger.error("Could not read unfinished executions: \(error)")
            return
        }
        var parents: [ExecutionRecord] = []
        defer { recoverFleets(parents) }
        // All of them first: recovering a parent may cancel a child that comes later in the list.
        for record in records { active[record.id] = record }
        for id in records.map(\.id) {
            guard var record = active[id] else { continue }
            if record.fleet != nil {
                parents.append(record)
                continue
            }
            guard let document = try? scopeDocument(of: record) else {
                finish(&record, status: .failed, failureMessage: "The document of this execution is no longer available.")
                commitInBackground(record)
                continue
            }
            // A loop's own timeout counts on from when the loop started.
            for frame in record.runtime.loops { armLoopDeadline(executionId: record.id, frame: frame) }
            recover(&record, document: document)
            commitInBackground(record)
        }
    }

    private func recover(_ record: inout ExecutionRecord, document: AutomationDocument) {
        switch record.runtime.cursor {
        case .running(let stepExecutionId):
            guard let index = record.stepIndex(id: stepExecutionId) else { return }
            let child = record.steps[index].action == AutomationActionName.executeAutomation.rawValue
                ? record.steps[index].outputs?["ExecutionId"]?.first : nil
            if record.runtime.cancelling {
                if let child { cancelChild(child) }
                stepCancelled(&record, index: index, result: ActionResult(), byStopStep: false, document: document)
            } else if let child {
                // The child runs on in this engine; the step goes on following it.
                followChild(child, of: record, index: index)
                armDeadline(for: record)
            } else if record.steps[index].action == AutomationActionName.sleep.rawValue,
                resumeSleep(record, index: index)
            {
                armDeadline(for: record)
            } else {
                let result = ActionResult(
                    failureMessage: "The local engine stopped while this step was running, so the step did not finish. The step's onFailure applies.",
                    failureDetails: FailureDetails(failureStage: "Execution", failureType: "EngineInterrupted"))
                stepFailed(&record, index: index, result: result, status: .failed, retry: false, document: document)
            }
        case .awaitingApproval, .paused:
            if record.runtime.cancelling, let index = record.runtime.cursor.stepExecutionId.flatMap(record.stepIndex(id:)) {
                stepCancelled(&record, index: index, result: ActionResult(), byStopStep: false, document: document)
            } else {
                armDeadline(for: record)
            }
        case .idle:
            if record.runtime.cancelling {
                endScope(&record, status: .cancelled, failureMessage: nil)
            } else if !record.runtime.loops.isEmpty, record.mode != .interactive {
                // Stopped between two iterations of a loop: the next one starts now (in Interactive mode it
                // waits for StartStep, as before the stop).
                resumeLoop(&record)
            }
        case .finished:
            break
        }
    }

    /// Sleeps on until the wake time the interrupted sleep had, counted from when the step started;
    /// false when the step's record cannot say what it was doing.
    private func resumeSleep(_ record: ExecutionRecord, index: Int) -> Bool {
        let step = record.steps[index]
        guard let start = step.executionStartTime, let stepExecutionId = step.stepExecutionId,
            let inputs = step.inputs?.compactMapValues({ try? JSONValue.parse($0) })
        else { return false }
        let invocation = ActionInvocation(
            executionId: record.id, stepName: step.stepName ?? "", stepExecutionId: stepExecutionId,
            action: AutomationActionName.sleep.rawValue, inputs: inputs)
        launch(invocation, attempt: record.runtime.attempt) { await SleepRunner().run(invocation, startedAt: start) }
        return true
    }
}
