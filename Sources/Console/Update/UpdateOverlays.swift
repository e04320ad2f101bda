import AutomationModel
import Foundation

/// Keys while help, a form or a confirmation is open.
extension ConsoleUpdate {
    static func handleOverlayKey(_ key: KeyPress, _ overlay: ConsoleState.Overlay, _ state: inout ConsoleState)
        -> [ConsoleEffect]
    {
        switch overlay {
        case .help(var scroll):
            let page = max(1, state.layout.overlayRows - 1)
            switch key {
            case .down, .character("j"): scroll.offset += 1
            case .up, .character("k"): scroll.offset -= 1
            case .pageDown: scroll.offset += page
            case .pageUp: scroll.offset -= page
            case .escape, .character("?"), .character("q"), .enter:
                state.overlay = nil
                return []
            default: return []
            }
            // Clamped here, so scrolling back up after holding j past the end moves at once.
            scroll.clamp(rowCount: HelpContent.lines(state).count, visibleRows: state.layout.overlayRows)
            state.overlay = .help(scroll: scroll)
            return []
        case .signal(let form):
            return handleSignalFormKey(key, form, &state)
        case .start(let form):
            return handleStartFormKey(key, form, &state)
        case .stop(var form):
            guard form.phase != .sending else { return [] }
            switch key {
            case .character("y"), .character("Y"):
                form.phase = .sending
                form.error = nil
                state.overlay = .stop(form)
                return [.request(.stopExecution(form.request))]
            case .character("n"), .character("N"), .escape:
                state.overlay = nil
            default:
                break
            }
            return []
        }
    }

    static func handleStartFormKey(_ key: KeyPress, _ form: StartForm, _ state: inout ConsoleState) -> [ConsoleEffect] {
        var form = form
        if key == .escape {
            state.overlay = nil
            return []
        }
        var effects: [ConsoleEffect] = []
        switch form.step {
        case .loadingDocuments, .loadingDocument, .sending:
            return []
        case .documentsFailed:
            guard key == .enter || key == .character("R") else { return [] }
            form.step = .loadingDocuments
            form.error = nil
            effects.append(.request(.listDocuments))
        case .pickingDocument:
            switch key {
            case .up, .character("k"): form.documentIndex = max(0, form.documentIndex - 1)
            case .down, .character("j"): form.documentIndex = min(max(0, form.documents.count - 1), form.documentIndex + 1)
            case .enter:
                guard form.documents.indices.contains(form.documentIndex) else { break }
                let name = form.documents[form.documentIndex]
                form.documentName = name
                form.step = .loadingDocument
                form.error = nil
                effects.append(.request(.describeDocument(name: name, version: nil)))
            default: break
            }
        case .editingParameters:
            switch key {
            case .tab, .down: form.focus = min(form.fields.count, form.focus + 1)
            case .backTab, .up: form.focus = max(0, form.focus - 1)
            case .enter:
                switch form.request {
                case .failure(let problem):
                    form.error = problem.message
                case .success(let request):
                    form.step = .sending
                    form.error = nil
                    effects.append(.request(.startExecution(request)))
                }
            case .left where form.isModeFocused, .right where form.isModeFocused,
                .character(" ") where form.isModeFocused:
                form.mode = form.mode == .auto ? .interactive : .auto
            case .left where form.focusedPickList != nil:
                form.fields[form.focus].pick(by: -1)
            case .right where form.focusedPickList != nil, .character(" ") where form.focusedPickList != nil:
                form.fields[form.focus].pick(by: 1)
            case .backspace where form.focusedPickList != nil, .delete where form.focusedPickList != nil:
                // Back to no choice: the document's default, or "required" when it has none.
                form.fields[form.focus].value = ""
            case _ where form.focusedPickList != nil:
                // Only the allowed values can be chosen; typing would make a value the document refuses.
                break
            default:
                if !form.isModeFocused, form.fields.indices.contains(form.focus) {
                    _ = TextEditing.apply(key, to: &form.fields[form.focus].value)
                }
            }
        }
        state.overlay = .start(form)
        return effects
    }
}
