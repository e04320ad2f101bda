import AutomationModel
import Foundation

/// Approvals: which waiting approve steps to fetch after each list refresh, what their answers change, and
/// telling the operator (bell, terminal title) when one starts waiting on them.
extension ConsoleUpdate {
    /// Asks for the approve steps of the loaded executions that wait on one and are not known, or may still
    /// wait on you and were last asked for at least a refresh interval ago; the oldest first, within budget.
    static func fetchApprovals(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let interval = state.refresh.interval(state.options)
        let approvals = state.approvals
        let waitingOnYou = state.waitingOnYouIds
        var due: [(id: String, asked: Date)] = []
        for row in state.list.rows + state.list.childrenOnlyInFleets where row.isWaitingOnApproval {
            let id = row.automationExecutionId
            guard !approvals.inFlight.contains(id) else { continue }
            let asked = approvals.asked[id]
            if let asked, state.now.timeIntervalSince(asked) < interval { continue }
            if let entry = approvals.entries[id], entry.stepName == row.currentStepName, !entry.optimistic,
                !waitingOnYou.contains(id)
            {
                // Approvers and message do not change while the step waits, and it does not wait on you.
                continue
            }
            due.append((id, asked ?? .distantPast))
        }
        let chosen = due.sorted { $0.asked != $1.asked ? $0.asked < $1.asked : $0.id < $1.id }
            .prefix(WaitingApprovals.budget(interval: interval))
        return chosen.map { item -> ConsoleEffect in
            state.approvals.inFlight.insert(item.id)
            state.approvals.asked[item.id] = state.now
            return .request(.loadApproval(executionId: item.id))
        }
    }

    /// Asks for one execution's approval now (an Approve or Reject form opened before it was known).
    static func fetchApproval(_ id: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.approvals.inFlight.contains(id) else { return [] }
        state.approvals.inFlight.insert(id)
        state.approvals.asked[id] = state.now
        return [.request(.loadApproval(executionId: id))]
    }

    /// Rows that no longer wait on the approve step they were fetched at lose their entry.
    static func forgetAnsweredApprovals(_ rows: [AutomationExecutionMetadata], _ state: inout ConsoleState) {
        for row in rows {
            let id = row.automationExecutionId
            guard let entry = state.approvals.entries[id] else { continue }
            if !row.isWaitingOnApproval || entry.stepName != row.currentStepName {
                state.approvals.entries[id] = nil
                state.approvals.asked[id] = nil
                state.approvals.announced.remove(id)
            }
        }
    }

    /// After a first page: approvals of executions no longer loaded are not counted.
    static func forgetUnloadedApprovals(_ state: inout ConsoleState) {
        for id in state.approvals.entries.keys where state.list.row(withId: id) == nil && !state.list.isFleetChild(id) {
            state.approvals.entries[id] = nil
        }
    }

    static func approvalArrived(_ id: String, _ step: StepExecution?, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.approvals.inFlight.remove(id)
        remember(id, step, &state)
        return announce(&state)
    }

    static func approvalFailed(_ id: String, _ state: inout ConsoleState) {
        // Asked for again after the interval; nothing to flash for a background read.
        state.approvals.inFlight.remove(id)
    }

    /// The execution view's steps carry the approve step too: no need to ask for it again.
    static func approvalFromExecution(_ execution: AutomationExecution, steps: [StepExecution], _ state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        let id = execution.automationExecutionId
        let row = AutomationExecutionMetadata(execution)
        guard row.isWaitingOnApproval else {
            forgetAnsweredApprovals([row], &state)
            return announce(&state)
        }
        remember(id, steps.last { $0.stepName == execution.currentStepName && ApprovalView($0) != nil }, &state)
        state.approvals.asked[id] = state.now
        return announce(&state)
    }

    private static func remember(_ id: String, _ step: StepExecution?, _ state: inout ConsoleState) {
        guard let step, let approval = ApprovalView(step) else {
            state.approvals.entries[id] = nil
            return
        }
        state.approvals.entries[id] = WaitingApprovals.Entry(stepName: step.stepName, approval: approval)
    }

    /// Sending Approve or Reject shows its effect at once: your decision is added to the approval until the
    /// service is read again. Returns the new count ("2 of 2 approvals"), if the approval is known.
    static func addSentDecision(_ request: SendAutomationSignalRequest, _ state: inout ConsoleState) -> String? {
        let signal = SignalType(rawValue: request.signalType)
        guard signal == .approve || signal == .reject,
            var entry = state.approvals.entries[request.automationExecutionId]
        else { return nil }
        let approver = state.target.identity?.arn ?? state.target.principal
        entry.approval.add(
            signal == .approve, by: approver, at: state.now, comment: request.payload?["Comment"]?.first)
        entry.optimistic = true
        state.approvals.entries[request.automationExecutionId] = entry
        // Read back on the next refresh, whatever the interval.
        state.approvals.asked[request.automationExecutionId] = nil
        return entry.approval.countText
    }

    /// After approvals changed: the open Approve or Reject form shows the new state, the inbox lists the ones
    /// waiting on you first, the bell rings once for each that starts waiting on you, and the title changes
    /// with the count.
    static func announce(_ state: inout ConsoleState) -> [ConsoleEffect] {
        let waiting = state.waitingOnYouIds
        state.list.waitingOnYou = waiting
        let approvals = state.approvals
        state.editSignalForm { form in
            guard form.isApproval, let entry = approvals.entries[form.executionId] else { return }
            form.approval = entry.approval
        }
        clampMessageScroll(&state)
        var effects: [ConsoleEffect] = []
        // An answered approval leaves `announced` (`forgetAnsweredApprovals`), so a later one rings again.
        let new = waiting.subtracting(state.approvals.announced)
        state.approvals.announced.formUnion(new)
        if !new.isEmpty, state.options.bell { effects.append(.bell) }
        if waiting.count != state.approvals.waitingOnYouCount {
            state.approvals.waitingOnYouCount = waiting.count
            if state.options.title { effects.append(.title(terminalTitle(count: waiting.count))) }
        }
        return effects
    }

    /// "ssm-console (2 waiting on you)", or "ssm-console" when nothing is.
    static func terminalTitle(count: Int) -> String {
        count == 0 ? "ssm-console" : "ssm-console (\(count) waiting on you)"
    }
}
