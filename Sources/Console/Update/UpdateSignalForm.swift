import AutomationModel
import Foundation

/// Signal forms: open with the fields the signal needs, send on Enter (after `y` for Reject and StopStep).
extension ConsoleUpdate {
    static func openSignalForm(_ signal: SignalType, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let execution = state.selectedExecution else { return [] }
        var form = SignalForm(
            signal: signal, executionId: execution.id, documentName: execution.documentName, phase: .editing)
        var effects: [ConsoleEffect] = []
        state.formSteps = nil
        switch signal {
        case .resume:
            if let step = execution.currentStepName { form.choices = [.init(label: step, value: step)] }
        case .startStep, .stopStep:
            if state.knownSteps(of: execution.id) == nil {
                form.phase = .loading
                effects += loadExecution(execution.id, &state)
            }
            if signal == .startStep, let name = execution.documentName, state.documentSteps[name] == nil {
                form.phase = .loading
                effects.append(.request(.describeDocument(name: name, version: execution.documentVersion)))
            }
        case .approve, .reject:
            form.approval = state.approvals.approval(for: execution.id)
            if form.approval == nil { effects += fetchApproval(execution.id, &state) }
        case .revoke:
            break
        }
        fillChoices(&form, state)
        state.overlay = .signal(form)
        return effects
    }

    /// Fills the step pick-list from what is known; the form stays loading until steps (and for StartStep the
    /// document's steps) have arrived.
    static func fillChoices(_ form: inout SignalForm, _ state: ConsoleState) {
        guard form.signal == .startStep || form.signal == .stopStep else { return }
        let steps = state.knownSteps(of: form.executionId)
            ?? state.formSteps.flatMap { $0.id == form.executionId ? $0.steps : nil }
        let documentSteps = form.documentName.flatMap { state.documentSteps[$0] }
        let chosen = form.selectedChoice?.value
        if form.signal == .stopStep {
            form.choices = (steps ?? []).filter(SignalRules.isStoppable).compactMap { step in
                guard let id = step.stepExecutionId else { return nil }
                return .init(label: "\(step.stepName ?? "-") (\(step.stepStatus?.rawValue ?? "-"))  \(id)", value: id)
            }
            if form.phase == .loading, steps != nil { form.phase = .editing }
        } else {
            form.choices = SignalRules.startStepChoices(
                steps: steps ?? [], documentSteps: documentSteps ?? [],
                loopSteps: form.documentName.flatMap { state.documentLoopSteps[$0] } ?? [:])
                .map { .init(label: $0, value: $0) }
            if form.phase == .loading, steps != nil, documentSteps != nil || form.documentName == nil {
                form.phase = .editing
            }
        }
        form.choiceIndex = form.choices.firstIndex { $0.value == chosen } ?? min(form.choiceIndex, max(0, form.choices.count - 1))
    }

    static func handleSignalFormKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .signal(let form) = state.overlay,
            let command = SignalFormKeys.table(for: form).command(for: key, in: state)
        else { return [] }
        if command == .cancel {
            state.overlay = nil
            return []
        }
        if command == .copyCommand {
            return Clipboard.copy(form.commandLine(target: state.target), what: "the aws ssm command", &state)
        }
        let effects = state.editSignalForm { form in apply(command, key, to: &form) } ?? []
        if command == .messageDown || command == .messageUp { clampMessageScroll(&state) }
        return effects
    }

    /// Keeps the approval's message scrolled within its text, after a key or a resize.
    static func clampMessageScroll(_ state: inout ConsoleState) {
        guard case .signal(let form) = state.overlay, form.isApproval else { return }
        let maximum = FormViews.approvalLayout(form, state: state).maximumMessageScroll
        state.editSignalForm { form in form.messageScroll = min(max(0, form.messageScroll), maximum) }
    }

    private static func apply(_ command: SignalFormCommand, _ key: KeyPress, to form: inout SignalForm) -> [ConsoleEffect] {
        switch command {
        case .cancel, .copyCommand:
            return []
        case .edit:
            _ = TextEditing.apply(key, to: &form.comment)
        case .previousChoice:
            form.choiceIndex = max(0, form.choiceIndex - 1)
        case .nextChoice:
            form.choiceIndex = min(max(0, form.choices.count - 1), form.choiceIndex + 1)
        case .send:
            if case .failure(let problem) = form.request {
                form.error = problem.message
            } else if form.needsConfirmation {
                form.phase = .confirming
            } else {
                return send(&form)
            }
        case .confirm:
            return send(&form)
        case .back:
            form.phase = .editing
        case .messageDown:
            form.messageScroll += messagePage
        case .messageUp:
            form.messageScroll -= messagePage
        }
        return []
    }

    /// Lines PgDn and PgUp move the approval's message by.
    static let messagePage = 3

    private static func send(_ form: inout SignalForm) -> [ConsoleEffect] {
        switch form.request {
        case .failure(let problem):
            form.error = problem.message
            form.phase = .editing
            return []
        case .success(let request):
            form.phase = .sending
            form.error = nil
            return [.request(.sendSignal(request))]
        }
    }
}
