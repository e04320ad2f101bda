import AutomationModel
import Foundation

/// Keys in the start form: pick a document, fill in its parameters, start it.
extension ConsoleUpdate {
    static func handleStartFormKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .start(let form) = state.overlay, let command = StartFormKeys.table(for: form).command(for: key, in: state)
        else { return [] }
        if command == .cancel {
            state.overlay = nil
            return []
        }
        if command == .copyCommand {
            guard case .success(let request) = form.request else { return [] }
            return Clipboard.copy(ShellCommandLine.start(request, target: state.target), what: "the aws ssm command", &state)
        }
        let leaving = form.focusedRateControl
        var effects = state.editStartForm { form in apply(command, key, to: &form) } ?? []
        if leaving == .targets, case .start(let after) = state.overlay, after.focusedRateControl != .targets {
            effects += countTargets(after, state)
        }
        return effects
    }

    /// After the Targets row is left: how many targets it names, when they are this machine's managed
    /// instances (the local engine, or `serve`), counted without a call when they are listed outright.
    private static func countTargets(_ form: StartForm, _ state: ConsoleState) -> [ConsoleEffect] {
        guard state.target.isThisMachine, case .success(let targets) = RateControl.parseTargets(form.value(of: .targets)),
            !targets.isEmpty, form.currentTargetCount == nil
        else { return [] }
        return [.request(.countTargets(targets))]
    }

    private static func apply(_ command: StartFormCommand, _ key: KeyPress, to form: inout StartForm) -> [ConsoleEffect] {
        switch command {
        case .cancel, .copyCommand:
            return []
        case .retry:
            form.step = .loadingDocuments
            form.error = nil
            return [.request(.listDocuments)]
        case .previousDocument:
            form.documentIndex = max(0, form.documentIndex - 1)
        case .nextDocument:
            form.documentIndex = min(max(0, form.pickableDocuments.count - 1), form.documentIndex + 1)
        case .filterDocuments:
            guard TextEditing.apply(key, to: &form.documentFilter) else { return [] }
            form.documentIndex = 0
        case .openDocument:
            let pickable = form.pickableDocuments
            guard pickable.indices.contains(form.documentIndex) else { return [] }
            let name = pickable[form.documentIndex]
            form.documentName = name
            form.step = .loadingDocument
            form.error = nil
            return [.request(.describeDocument(name: name, version: nil))]
        case .nextField:
            form.focus = min(form.fields.count, form.focus + 1)
        case .previousField:
            form.focus = max(0, form.focus - 1)
        case .choosePrevious, .chooseNext:
            if form.isModeFocused {
                form.mode = form.mode == .auto ? .interactive : .auto
            } else if let field = form.focusedPickList {
                form.fields[field].pick(by: command == .choosePrevious ? -1 : 1)
            }
        case .clearChoice:
            if let field = form.focusedPickList { form.fields[field].value = "" }
        case .edit:
            if form.fields.indices.contains(form.focus) { _ = TextEditing.apply(key, to: &form.fields[form.focus].value) }
        case .rateControl:
            if !form.fields.contains(where: { $0.rateControl != nil }) {
                let names = form.fields.map(\.name)
                form.fields += ParameterField.rateControlFields(documentParameters: names)
            }
            form.focus = form.fields.firstIndex { $0.rateControl == .targets } ?? form.focus
        case .start:
            switch form.request {
            case .failure(let problem):
                form.error = problem.message
            case .success(let request):
                form.step = .sending
                form.error = nil
                return [.request(.startExecution(request))]
            }
        }
        return []
    }
}
