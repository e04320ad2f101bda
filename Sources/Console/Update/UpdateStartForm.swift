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
        return state.editStartForm { form in apply(command, key, to: &form) } ?? []
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
            form.documentIndex = min(max(0, form.documents.count - 1), form.documentIndex + 1)
        case .openDocument:
            guard form.documents.indices.contains(form.documentIndex) else { return [] }
            let name = form.documents[form.documentIndex]
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
