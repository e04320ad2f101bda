import AutomationModel
import Foundation

/// Which signals and stops make sense for an execution, mirroring the rules the service applies, so the console
/// offers exactly what will be accepted. Each answer is nil (offered) or why not, for the footer and help.
enum SignalRules {
    static func whyNot(_ signal: SignalType, _ execution: ExecutionSummary, steps: [StepExecution]?) -> String? {
        if execution.status.isTerminal { return "execution has ended (\(execution.status.rawValue))" }
        switch signal {
        case .approve, .reject:
            guard execution.status == .waiting, execution.currentAction == AutomationActionName.approve.rawValue else {
                return execution.waitReason(approval: nil)?.notAnApproval ?? "not waiting on approval"
            }
        case .resume:
            guard execution.status == .waiting, execution.currentAction == AutomationActionName.pause.rawValue else {
                return "no paused step"
            }
        case .startStep:
            guard execution.mode == .interactive else { return "StartStep is for Interactive executions" }
            guard execution.status == .waiting, execution.currentStepName == nil else {
                return "not waiting between steps"
            }
        case .stopStep:
            if let steps {
                guard steps.contains(where: isStoppable) else { return "no running step" }
            } else if execution.currentStepName == nil || execution.status == .cancelling {
                return "no running step"
            }
        case .revoke:
            guard execution.isChangeRequest else { return "not a change request" }
            guard execution.status == .pendingApproval else { return "the change request is not awaiting approval" }
        }
        return nil
    }

    /// A step StopStep accepts: the one the execution is on, running or waiting on a person.
    static func isStoppable(_ step: StepExecution) -> Bool {
        step.stepStatus == .inProgress || step.stepStatus == .waiting
    }

    /// How `c` stops an execution: Complete ends an Interactive one waiting between steps; anything else is
    /// cancelled. Nil when there is nothing to stop.
    static func stopType(_ execution: ExecutionSummary) -> StopType? {
        if execution.status.isTerminal || execution.status == .cancelling { return nil }
        if execution.mode == .interactive, execution.status == .waiting, execution.currentStepName == nil {
            return .complete
        }
        return .cancel
    }

    static func whyNotStop(_ execution: ExecutionSummary) -> String? {
        if execution.status == .cancelling { return "already cancelling" }
        return stopType(execution) == nil ? "execution has ended (\(execution.status.rawValue))" : nil
    }

    /// StartStep's candidates: the ValidNextSteps the step that ended last named, then the other steps StartStep
    /// can name from where the execution waits. Inside a loop that still runs that is the loop's own steps, by
    /// their own names (the service looks the name up within the loop); elsewhere the document's steps.
    static func startStepChoices(
        steps: [StepExecution], documentSteps: [String], loopSteps: [String: [String]] = [:]
    ) -> [String] {
        // Steps inside loops are listed under their loop, not in the order they ended.
        let latest = steps.indices.max { a, b in
            (steps[a].executionEndTime ?? .distantPast, a) < (steps[b].executionEndTime ?? .distantPast, b)
        }.map { steps[$0] }
        let named = latest.flatMap { ($0.validNextSteps ?? []).isEmpty ? nil : $0 }
            ?? steps.last { !($0.validNextSteps ?? []).isEmpty }
        let suggested = named?.validNextSteps ?? []
        var scope = documentSteps
        if let parent = named?.parentStepDetails,
            let loop = steps.first(where: { $0.stepExecutionId == parent.stepExecutionId }),
            loop.executionEndTime == nil, let name = parent.stepName ?? loop.stepName
        {
            scope = loopSteps[name] ?? []
        }
        var seen = Set<String>()
        return (suggested + scope).filter { seen.insert($0).inserted }
    }
}
