/// What the keys do in the start form.
enum StartFormCommand: Sendable, Hashable {
    /// Esc: close the form.
    case cancel
    /// Ask ListDocuments again after it failed.
    case retry
    case previousDocument, nextDocument
    /// Type or delete a character of the document picker's filter.
    case filterDocuments
    /// Enter on a document: ask DescribeDocument for its parameters.
    case openDocument
    case previousField, nextField
    /// The previous or next allowed value of a pick-list, or the other mode.
    case choosePrevious, chooseNext
    /// Back to no choice: the document's default, or "required" when it has none.
    case clearChoice
    /// Type or delete a character of the focused parameter.
    case edit
    /// Enter on the parameters: send StartAutomationExecution.
    case start
    /// Ctrl-Y: copy the form's `aws ssm` command line to the clipboard.
    case copyCommand
    /// Add the rate-control rows (Targets, TargetParameterName, MaxConcurrency, MaxErrors) and go to Targets.
    case rateControl
}

/// The keys of the start form, by step; the form's last line is the hint of its table.
enum StartFormKeys {
    static let cancel = KeyBinding<StartFormCommand>([.escape], .cancel, label: "Esc", title: "cancel")

    static func table(for form: StartForm) -> KeyTable<StartFormCommand> {
        switch form.step {
        case .loadingDocuments, .loadingDocument:
            return KeyTable(.documentsLoading, [cancel])
        case .documentsFailed:
            return KeyTable(.documentsFailed, [
                KeyBinding([.enter, .character("R")], .retry, label: "Enter/R", title: "try again"), cancel,
            ])
        case .pickingDocument:
            // Letters filter the documents by name, so only the arrows move the choice.
            let none = form.pickableDocuments.isEmpty
                ? (form.documents.isEmpty ? "no documents to open" : "no document matches the filter") : nil
            return KeyTable(.documentPicker, [
                KeyBinding([.up], .previousDocument, label: "↑", title: "choose"),
                KeyBinding([.down], .nextDocument, label: "↓", title: "choose"),
                KeyBinding([.enter], .openDocument, label: "Enter", title: "open", whyNot: { _ in none }),
                cancel,
                .text(.filterDocuments, title: "type to filter the documents by name"),
            ])
        case .editingParameters:
            return parameters(form)
        case .sending:
            // Esc still closes the form (the answer still opens the new execution), but the hint says only "sending...".
            return KeyTable(.startSending, [cancel.hidden])
        }
    }

    /// "←/→": the arrow keys that choose, written before a pick-list's values.
    static func choiceArrows(for form: StartForm, _ map: KeyMap) -> String {
        table(for: form).rebound(map).bindings
            .filter { ($0.command == .choosePrevious || $0.command == .chooseNext) && $0.keys.allSatisfy { $0.typedCharacter == nil } }
            .map(\.label).joined(separator: "/")
    }

    /// The parameters: Tab and the arrows move between them; ←/→ (and Space) choose on a pick-list or the mode,
    /// where typing would make a value the document refuses; the other parameters are typed.
    private static func parameters(_ form: StartForm) -> KeyTable<StartFormCommand> {
        let onPickList = form.focusedPickList != nil
        let choosing = onPickList || form.isModeFocused
        let notChoosing = choosing ? nil : "the focused parameter is typed"
        let notPickList = onPickList ? nil : "the focused row is not a pick-list"
        let notTyped: String? =
            onPickList ? "only the allowed values can be chosen" : form.isModeFocused ? "the mode is chosen, not typed" : nil
        // Without pick-lists ←/→ only change the mode, and the hint says so.
        let hasPickLists = form.fields.contains(where: \.isPickList)
        let choose = hasPickLists ? "choose" : "mode"
        return KeyTable(.parameters, [
            KeyBinding([.tab], .nextField, label: "Tab", title: "field"),
            KeyBinding([.up, .backTab], .previousField, label: "↑", title: "field"),
            KeyBinding([.down], .nextField, label: "↓", title: "field"),
            KeyBinding([.left], .choosePrevious, label: "←", title: choose, whyNot: { _ in notChoosing }),
            KeyBinding([.right], .chooseNext, label: "→", title: choose, whyNot: { _ in notChoosing }),
            KeyBinding(
                [.character(" ")], .chooseNext, label: "Space", title: choose, inHints: hasPickLists,
                whyNot: { _ in notChoosing }),
            KeyBinding(
                [.backspace, .delete], .clearChoice, label: "Backspace", title: "no choice", inHints: false,
                whyNot: { _ in notPickList }),
            KeyBinding([.enter], .start, label: "Enter", title: "start"),
            KeyBinding(
                [.control("t")], .rateControl, label: "^T", title: "rate control: Targets, MaxConcurrency, MaxErrors",
                inHints: false),
            cancel,
            KeyBinding(
                [.control("y")], .copyCommand, label: "^Y", title: "copy command", inHints: false,
                whyNot: { state in Clipboard.whyNot(state) ?? ((try? form.request.get()) != nil ? nil : "the parameters are not complete") }),
            .text(.edit, title: "type the focused parameter", whyNot: { _ in notTyped }),
        ])
    }
}
