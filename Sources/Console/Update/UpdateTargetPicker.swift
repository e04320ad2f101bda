/// The profile or region pick-list: narrow by typing, choose with the arrows, Enter switches.
extension ConsoleUpdate {
    static func openTargetPicker(_ kind: TargetPicker.Kind, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let choices = kind == .profile ? state.targetChoices.profiles : state.targetChoices.regions
        guard !choices.isEmpty else {
            let whereFrom = kind == .profile ? "in the AWS config files" : "to offer"
            flash("No \(kind.rawValue)s \(whereFrom); type :\(kind.rawValue) NAME", .warning, &state)
            return []
        }
        var current: String?
        if case .aws(let profile, let region, _) = state.target.kind { current = kind == .profile ? profile : region }
        state.overlay = .pick(TargetPicker(kind: kind, choices: choices, current: current))
        return []
    }

    static func handleTargetPickerKey(_ key: KeyPress, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .pick(var picker) = state.overlay,
            let command = TargetPickerKeys.table(for: picker).command(for: key, in: state)
        else { return [] }
        switch command {
        case .previous:
            picker.index = max(0, picker.index - 1)
        case .next:
            picker.index = min(max(0, picker.matching.count - 1), picker.index + 1)
        case .edit:
            guard TextEditing.apply(key, to: &picker.filter) else { return [] }
            picker.index = 0
        case .cancel:
            state.overlay = nil
            return []
        case .choose:
            guard let choice = picker.choice else { return [] }
            state.overlay = nil
            return switchTarget(choice, &state)
        }
        state.overlay = .pick(picker)
        return []
    }
}
